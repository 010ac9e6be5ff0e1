"""Each rule of search.py's stemmer, one test each: each fails if its rule is removed.

Two rules have no test of their own because no word shows them: Porter's 'sses -> ss'
and the 'e' put back after -at, -bl, -iz are both reached again by the final -e rule
and the consonant-vowel-consonant rule ('glasses' -> 'glasse' -> 'glass' either way).
"""

from __future__ import annotations

from botox_info.answers import search, stemming

from .helpers import BUILTIN


def same_stem(*words: str) -> bool:
    return len({stemming.stem(word, {}) for word in words}) == 1


def found_words(query: str) -> set[str]:
    """Every word highlighted in any passage of any hit: what the query was taken to mean."""
    return {
        passage.text[start:end].casefold()
        for hit in search.search(BUILTIN, query)
        for passage in hit.passages
        for start, end in passage.spans
    }


def test_plural_s() -> None:
    assert same_stem("droops", "droop")
    assert "droop" in found_words("droops") or "drooping" in found_words("droops")


def test_ies_keeps_the_i_so_plurals_meet_their_past() -> None:
    assert same_stem("dries", "dried")


def test_final_y_becomes_i_so_allergies_finds_allergy() -> None:
    assert same_stem("allergy", "allergies")
    assert "allergy" in found_words("allergies")


def test_ness() -> None:
    assert same_stem("weakness", "weak")
    assert "weak" in found_words("weakness")


def test_ness_after_a_y_adjective() -> None:
    assert same_stem("puffiness", "puffy", "puff")


def test_eed_keeps_bleed_whole_and_agreed_meets_agree() -> None:
    assert same_stem("bleed", "bleeding")
    assert same_stem("agreed", "agree")


def test_ing() -> None:
    assert same_stem("chewing", "chew")
    assert "chewing" in found_words("chew")


def test_ed() -> None:
    assert same_stem("chewed", "chew")
    assert same_stem("bruised", "bruise")


def test_e_restored_after_consonant_vowel_consonant() -> None:
    assert same_stem("biting", "bite")
    assert same_stem("lining", "line")


def test_double_consonant_undoubled() -> None:
    assert same_stem("sagging", "sag")
    assert same_stem("dropped", "drop")


def test_final_e_dropped_where_the_word_is_long_enough() -> None:
    assert same_stem("bruise", "bruising")
    assert "bruising" in found_words("bruise")


def test_irregular_forms() -> None:
    assert same_stem("swollen", "swelling")
    assert same_stem("itchy", "itching")
    assert same_stem("teeth", "tooth")
    assert "swelling" in found_words("swollen")


def test_derived_words_that_name_the_same_fact_are_joined() -> None:
    # Neither the suffix rules nor Snowball's English stemmer joins these (elasticity -> 'elast' but
    # absorption -> 'absorpt', absorbed -> 'absorb'): each pair is an explicit join.
    assert same_stem("elasticity", "elastic")
    assert same_stem("absorption", "absorbed", "absorb")
    assert same_stem("weakened", "weaker", "weak")
    assert same_stem("stronger", "strongly", "strong")
    assert same_stem("dryness", "dry", "drying")
    assert same_stem("dosage", "dose")
    assert same_stem("movement", "moves")
    assert same_stem("skillful", "skilled")
    assert not same_stem("elastic", "elastin")
    assert not same_stem("absorb", "absolute")


def test_the_article_s_words_find_the_knowledge_base_s_words() -> None:
    assert "elastic" in found_words("elasticity")  # sagging: "less elastic skin"
    assert "strongly" in found_words("stronger")  # asymmetry: "the side that moves more strongly"
    assert "dose" in found_words("dosage")


def test_botox_is_a_topic_word_ignored_beside_others_but_searchable_alone() -> None:
    assert search.search(BUILTIN, "droopy eye after botox")[0].id == "drooping-eyelid"
    assert search.has_search_word("botox")
    assert search.search(BUILTIN, "botox")  # alone it is looked for as written
    assert not search.has_search_word("my it")


def test_become_and_go_are_small_words() -> None:
    assert {"become", "becomes", "go", "going"} <= stemming.STOP_WORDS
    assert search.search(BUILTIN, "when to go to the ER")[0].id == "red-flags"
