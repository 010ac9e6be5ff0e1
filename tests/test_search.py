"""Full-text search: what a patient types finds the right entry, with passages to highlight."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from botox_info import knowledge
from botox_info.answers import search, stemming
from botox_info.answers.search import Hit, Passage
from botox_info.output import pages

from .helpers import BUILTIN, MINIMAL_TEXT

NAME_FIELDS = {"id", "name", "aliases", "title"}
WORD_CHARS = str.isalnum


def ids(query: str) -> list[str]:
    return ids_in(BUILTIN, query)


def ids_in(base: knowledge.KnowledgeBase, query: str) -> list[str]:
    return [hit.id for hit in search.search(base, query)]


def first(query: str) -> Hit:
    hits = search.search(BUILTIN, query)
    assert hits, f"{query!r} found nothing"
    return hits[0]


def highlighted(hit: Hit) -> set[str]:
    """Every highlighted word of a hit's passages, in lower case."""
    return {passage.text[start:end].casefold() for passage in hit.passages for start, end in passage.spans}


def stems_of(query: str) -> set[str]:
    cache: dict[str, str] = {}
    return {stemming.stem(word, cache) for word in stemming.tokens(query)}


def assert_well_formed(hit: Hit, query: str) -> None:
    """Fields listed once each, 1 to 3 passages from those fields, and spans on whole query words."""
    assert hit.fields
    assert len(hit.fields) == len(set(hit.fields))
    assert 1 <= len(hit.passages) <= 3
    assert len({passage.field for passage in hit.passages}) == len(hit.passages)
    wanted = stems_of(query)
    for passage in hit.passages:
        assert passage.field in hit.fields
        assert passage.spans, f"{hit.id}: passage {passage.field} highlights nothing"
        assert list(passage.spans) == sorted(passage.spans)
        for start, end in passage.spans:
            word = passage.text[start:end]
            assert word, (hit.id, passage)
            assert start == 0 or not WORD_CHARS(passage.text[start - 1]), f"{word!r} starts inside a word"
            assert end == len(passage.text) or not WORD_CHARS(passage.text[end]), f"{word!r} ends inside a word"
            assert stems_of(word) <= wanted, f"{hit.id}: {word!r} in {passage.field} is not a form of {query!r}"


def test_the_results_shape_is_what_renderers_expect() -> None:
    assert Hit._fields == ("kind", "id", "title", "score", "fields", "passages", "part", "missing")
    assert Passage._fields == ("field", "text", "spans")
    hit = first("Spock")
    assert (hit.kind, hit.id, hit.title) == ("side effect", "unnatural-expression", "Unnatural facial expression")
    assert isinstance(hit.score, float)
    assert hit.fields == ("aliases", "causes[1]")
    cause = BUILTIN.find("unnatural-expression").causes[1].text  # ... so-called 'Spock brows', ...
    start = cause.index("Spock")
    assert hit.passages == (
        Passage("aliases", "spock brow", ((0, 5),)),
        Passage("causes[1]", cause, ((start, start + 5),)),
    )


# What patients type, and the entry that must come first.
FIRST = {
    "my eyelid droops": "drooping-eyelid",
    "it itches": "allergic-reaction",
    "I can't chew properly": "weak-bite",
    "bruise": "bruising",
    "bruises": "bruising",
    "bruised": "bruising",
    "bruising": "bruising",
    "chew": "weak-bite",
    "trouble swallowing": "toxin-spread",
    "Spock": "unnatural-expression",
    "spock brows": "unnatural-expression",
    "BRÛISE": "bruising",
    "BRU\u0302ISE": "bruising",  # the accent as a combining mark
    "masseter bulge": "paradoxical-bulging",
    "hives": "severe-allergic-reaction",
    "itchy": "allergic-reaction",
    "puffiness": "eyelid-swelling",
    "ptosis": "drooping-eyelid",
    "red flags": "red-flags",
    "after": "after",
    "insurance": "before",
}


@pytest.mark.parametrize("query", FIRST)
def test_what_patients_type_finds_the_right_entry_first(query: str) -> None:
    hit = first(query)
    assert hit.id == FIRST[query]
    assert_well_formed(hit, query)


@pytest.mark.parametrize("query", [*FIRST, "swollen", "concealer", "droops", "eye", "note", "how long"])
def test_every_hit_lists_fields_and_highlights_query_words(query: str) -> None:
    hits = search.search(BUILTIN, query)
    assert hits
    for hit in hits:
        assert_well_formed(hit, query)


def test_word_forms_match_each_other() -> None:
    for query in ("bruise", "bruises", "bruised", "bruising"):
        assert {"bruise", "bruising"} <= highlighted(first(query)), query
    assert "chewing" in highlighted(first("chew"))
    assert "drooping" in highlighted(first("droops"))
    swollen = search.search(BUILTIN, "swollen")
    assert "swelling" in set().union(*map(highlighted, swollen))
    assert {"eyelid-swelling", "bruising"} <= {hit.id for hit in swollen}
    itch = search.search(BUILTIN, "itch")
    assert {"itching", "itchy"} <= set().union(*map(highlighted, itch))


def test_the_stemmer_keeps_unrelated_words_apart() -> None:
    # "note" must not find the many "not"s; "eye" must not find "eyelid"; "bite" is not "bit".
    for hit in search.search(BUILTIN, "note"):
        assert highlighted(hit) <= {"note", "notes"}
    for hit in search.search(BUILTIN, "eye"):
        assert highlighted(hit) <= {"eye", "eyes"}
    assert stemming.stem("bite", {}) != stemming.stem("bit", {})
    assert stemming.stem("sore", {}) != stemming.stem("sorry", {})


def test_every_stem_keeps_its_words_first_letter() -> None:
    words = {word for *_, fields in search._documents(BUILTIN) for f in fields for word in stemming.tokens(f.text)}
    for word in words:
        assert stemming.stem(word, {})[:1] == stemming.fold(word)[:1], word


def test_trouble_swallowing_finds_the_spread_entry_and_the_red_flags() -> None:
    hits = ids("trouble swallowing")
    assert hits[0] == "toxin-spread"
    assert "red-flags" in hits[:3]
    red_flags = search.search(BUILTIN, "trouble swallowing")[hits.index("red-flags")]
    assert red_flags.kind == "section"
    assert red_flags.title == "When it is an emergency"
    assert "signs[0]" in red_flags.fields
    assert red_flags.passages[0] == Passage("signs[0]", "trouble swallowing", ((0, 7), (8, 18)))


def test_insurance_is_a_question_to_ask_before() -> None:
    (hit,) = search.search(BUILTIN, "insurance")
    assert (hit.kind, hit.id, hit.title) == ("section", "before", "Before you are treated")
    assert hit.fields == ("questions_to_ask[0]",)
    assert highlighted(hit) == {"insurance"}


def test_concealer_is_found_in_the_entry_and_in_aftercare() -> None:
    hits = search.search(BUILTIN, "concealer")
    assert [(hit.kind, hit.id) for hit in hits] == [("side effect", "bruising"), ("section", "after")]
    assert hits[0].score == hits[1].score  # a tie: the side effect comes first
    assert hits[0].fields == ("mitigation[3]",)


def test_fields_are_in_document_order() -> None:
    hit = first("bruise")
    assert hit.fields[:5] == ("id", "name", "aliases", "words", "summary")
    assert hit.passages[0] == Passage("aliases", "bruise", ((0, 6),))  # the alias that matched, as written
    (fields,) = [fields for _, key, _, fields in search._documents(BUILTIN) if key == "bruising"]
    order = [field.name for field in fields]
    positions = [order.index(name) for name in hit.fields]
    assert positions == sorted(positions)


def test_name_and_alias_hits_rank_above_body_text_hits() -> None:
    # "hives" is an alias of the severe allergic reaction, and only body text elsewhere.
    hits = search.search(BUILTIN, "hives")
    assert hits[0].id == "severe-allergic-reaction"
    assert "aliases" in hits[0].fields
    assert len(hits) > 1
    assert all(not NAME_FIELDS.intersection(hit.fields) for hit in hits[1:])
    assert hits[0].score > 2 * hits[1].score
    # In general: every hit matched by a name comes before every hit matched only in body text.
    for query in ("hives", "droops", "swollen", "chew", "trouble swallowing", "eye", "masseter", "numbing cream"):
        kinds = [
            bool(NAME_FIELDS.intersection(hit.fields)) or "summary" in hit.fields
            for hit in search.search(BUILTIN, query)
        ]
        assert kinds == sorted(kinds, reverse=True), query


DETERMINISM_QUERIES = ("after", "jaw", "trouble swallowing", "weeks", "bruise", "eye")
_RANKING_SCRIPT = (
    "import json, sys\n"
    "from botox_info import knowledge\n"
    "from botox_info.answers import search\n"
    "kb = knowledge.load()\n"
    "ranking = lambda q: [[h.kind, h.id, h.score, list(h.fields)] for h in search.search(kb, q)]\n"
    "print(json.dumps({q: ranking(q) for q in sys.argv[1:]}))\n"
)


def test_ranking_is_the_same_in_every_process() -> None:
    """Two calls in one process share one string-hash seed, so they cannot disagree: compare processes.

    Sets of words are iterated in hash order, which changes from run to run (PYTHONHASHSEED).
    """
    rankings = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "BOTOX_INFO_CACHE_DIR": ""}
        command = [sys.executable, "-c", _RANKING_SCRIPT, *DETERMINISM_QUERIES]
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60, check=True)
        rankings.add(result.stdout)
    assert len(rankings) == 1
    here = {
        q: [[h.kind, h.id, h.score, list(h.fields)] for h in search.search(BUILTIN, q)] for q in DETERMINISM_QUERIES
    }
    assert json.loads(rankings.pop()) == here


def test_ranking_is_best_first() -> None:
    for query in DETERMINISM_QUERIES:
        hits = search.search(BUILTIN, query)
        assert hits
        assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)


def test_every_content_word_must_match() -> None:
    assert ids("eyelid")
    assert ids("zebra") == []
    assert ids("eyelid zebra") == []
    # Each hit of a two-word query is a hit of each word alone.
    for query, words in [("my eyelid droops", ["eyelid", "droops"]), ("jaw weakness", ["jaw", "weakness"])]:
        both = ids(query)
        assert both
        assert set(both) == set(ids(words[0])) & set(ids(words[1]))


def test_stop_words_are_ignored_when_there_is_anything_else() -> None:
    assert search.search(BUILTIN, "the bruise") == search.search(BUILTIN, "bruise")
    assert "the" not in highlighted(first("the bruise"))
    assert ids("can't chew") == ids("can’t chew") == ids("cant chew") == ids("CAN'T CHEW")


def test_a_query_of_stop_words_only_must_appear_as_a_phrase() -> None:
    # Documented behaviour: with nothing else, the stop words count, but only side by side, in order.
    assert search.search(BUILTIN, "the and") == []
    assert search.search(BUILTIN, "I and my") == []
    for hit in search.search(BUILTIN, "and the"):  # said in that order somewhere, hence found
        assert any("and the" in passage.text.casefold() for passage in hit.passages)
    after = search.search(BUILTIN, "after")
    assert after[0].id == "after"  # its title says it
    assert len(after) > 5
    assert all("after" in highlighted(hit) for hit in after)
    assert ids("hours after")[0] == "after"


@pytest.mark.parametrize("query", ["", " ", "\t\n", "!!!", "-- ?", "™"])
def test_an_empty_query_finds_nothing(query: str) -> None:
    assert search.search(BUILTIN, query) == []
    assert search.suggestions(BUILTIN, query) == []


def test_suggestions_offer_close_words_of_the_knowledge_base() -> None:
    assert "bruise" in search.suggestions(BUILTIN, "bruse")
    assert "eyelid" in search.suggestions(BUILTIN, "eylid")
    assert "eyelid" in search.suggestions(BUILTIN, "droopy eylid")  # only the unknown word is corrected
    assert search.suggestions(BUILTIN, "xqzw") == []
    assert search.suggestions(BUILTIN, "bruise") == []  # nothing to correct
    assert len(search.suggestions(BUILTIN, "swolen brusing eylid itchs")) <= 3
    for word in search.suggestions(BUILTIN, "bruse"):
        assert ids(word), f"suggested {word!r} finds nothing"


def test_section_titles_are_the_pages_titles() -> None:
    assert {
        "avoid": pages.avoid(BUILTIN).title,
        "before": pages.before(BUILTIN).title,
        "after": pages.after(BUILTIN).title,
        "red-flags": pages.urgent(BUILTIN).title,
    } == search.SECTIONS
    for key, title in search.SECTIONS.items():  # a section's own name finds it first
        hit = first(key.replace("-", " "))
        assert (hit.kind, hit.id, hit.title) == ("section", key, title)


def test_every_side_effect_is_found_by_its_name() -> None:
    for entry in BUILTIN.side_effects:
        assert ids(entry.name)[0] == entry.id, entry.name


def test_odd_characters_and_markup_are_searched_literally(tmp_path: Path) -> None:
    summary = "Skin can look looser for a while."
    assert MINIMAL_TEXT.count(summary) == 1
    odd = "Skin can look [bold]looser[/bold]™ for a while: café-style, Crow’s lines, naïve ＦＵＬＬ width."
    path = tmp_path / "odd.yaml"
    path.write_text(MINIMAL_TEXT.replace(summary, json.dumps(odd)), encoding="utf-8")  # JSON is YAML
    base = knowledge.load(path)
    for query, word in [
        ("cafe", "café"),
        ("CAFÉ", "café"),
        ("crows", "Crow’s"),
        ("crow's", "Crow’s"),
        ("naive", "naïve"),
        ("full", "ＦＵＬＬ"),
        ("bold", "bold"),
        ("[bold]", "bold"),
        ("looser", "looser"),
    ]:
        (hit,) = search.search(base, query)
        assert (hit.id, hit.fields) == ("sagging", ("summary",)), query
        (passage,) = hit.passages
        assert passage.text == odd
        assert word in [odd[start:end] for start, end in passage.spans], query
    assert search.search(base, "™") == []
    assert search.search(base, "[/bold]") != []  # "bold", as a word
    assert search.suggestions(base, "caffe") == ["café"]  # as written


def test_the_minimal_base_has_every_section() -> None:
    base = knowledge.load(Path(__file__).parent / "fixtures" / "minimal.yaml")
    assert {(hit.kind, hit.id) for hit in search.search(base, "training")} == {
        ("section", "avoid"),
        ("section", "before"),
    }
    assert ids_in(base, "rub") == ["after"]
    assert ids_in(base, "swallowing") == ["red-flags"]
    assert ids_in(base, "antibiotics") == ["before"]
    assert ids_in(base, "forehead") == ["sagging"]  # by its area's name


def test_importing_search_loads_neither_typer_nor_rich() -> None:
    code = "import sys, botox_info.answers.search; print(sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'rich'}))"  # noqa: E501
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_skipping_texts_without_the_words_starts_changes_no_result(monkeypatch: pytest.MonkeyPatch) -> None:
    words = sorted(
        {word for *_, fields in search._documents(BUILTIN) for f in fields for word in stemming.tokens(f.text)}
    )
    queries = [*words[::7], "teeth", "feet", "swollen", "stung", "bled", "dry", "dryness", "allergy", "eye", "it's"]
    queries += ["can't raise my eyebrows", "BRÛISE", "crow’s feet", "elasticity", "absorption rate", "the"]
    skipping = [search.search(BUILTIN, query) for query in queries]
    monkeypatch.setattr(search, "starts", lambda stems: ("",))  # every text is split and stemmed
    assert [search.search(BUILTIN, query) for query in queries] == skipping
