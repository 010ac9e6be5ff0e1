"""`show` never dead-ends: what each kind of word opens, what it says about how it got there, and the exit code."""

from __future__ import annotations

import pytest

from botox_info.answers import routing
from botox_info.answers.routing import AREA, NAME, SEARCH, WORDS, clear_best, route
from botox_info.answers.search import Hit
from botox_info.errors import EXIT_NOT_FOUND, EXIT_OK, AmbiguousNameError, NotFoundError

from .helpers import BUILTIN, Run, json_document

# ---- the decision (answers/routing.py) -------------------------------------------------


def test_a_name_opens_its_side_effect_and_says_nothing_about_the_way() -> None:
    where = route(BUILTIN, "Spock brows")
    assert (where.by, where.entry and where.entry.id, where.part, where.others) == (
        NAME,
        "unnatural-expression",
        "",
        (),
    )


@pytest.mark.parametrize(
    ("typed", "area_id"),
    [("TMJ", "jaw"), ("forehead", "forehead"), ("11s", "frown-lines"), ("crow's feet", "crows-feet"), ("neck", "neck"),
     ("lips", "mouth")],
)  # fmt: skip
def test_an_area_word_opens_the_area_with_its_side_effects_most_common_first(typed: str, area_id: str) -> None:
    where = route(BUILTIN, typed)
    assert where.by == AREA
    assert where.area is not None
    assert where.area.id == area_id
    assert where.entry is None
    assert where.hits == ()
    assert {entry.id for entry in where.area_entries} == {e.id for e in BUILTIN.side_effects if area_id in e.areas}


@pytest.mark.parametrize("typed", ["TMJ", "11s", "neck"])
def test_an_area_word_lists_what_list_area_sort_frequency_lists(run: Run, typed: str) -> None:
    shown = json_document(run("show", typed, "--format", "json"))
    listed = json_document(run("list", "--area", typed, "--sort", "frequency", "--format", "json"))
    assert [entry["id"] for entry in shown["side_effects"]] == [entry["id"] for entry in listed["side_effects"]]


def test_the_jaw_area_lists_its_most_common_side_effect_first() -> None:
    # weak bite: 30% of jaw sessions (Peng 2018), the commonest measured jaw side effect
    assert route(BUILTIN, "TMJ").area_entries[0].id == "weak-bite"


def test_masseter_is_the_weak_bite_the_article_ties_it_to_and_names_the_others() -> None:
    where = route(BUILTIN, "masseter")
    assert (where.by, where.entry and where.entry.id) == (WORDS, "weak-bite")
    assert where.others == ("botox-info show jaw", "botox-info show paradoxical-bulging")


def test_a_vocabulary_word_opens_its_page_at_the_part_it_is_about() -> None:
    where = route(BUILTIN, "ice pack")
    assert (where.by, where.entry and where.entry.id, where.part) == (WORDS, "bruising", "mitigation")
    section = route(BUILTIN, "aftercare")
    assert (section.by, section.section, section.entry) == (WORDS, "after", None)


def test_a_phrase_with_one_clear_search_match_opens_it_with_the_part_it_matched() -> None:
    where = route(BUILTIN, "surplus skin")  # no name, no vocabulary word: found in sagging's causes
    assert (where.by, where.entry and where.entry.id, where.part) == (SEARCH, "sagging", "causes")
    section = route(BUILTIN, "gentamicin")
    assert (section.by, section.section, section.part) == (SEARCH, "before", "interactions")


def test_a_phrase_without_a_clear_match_lists_the_matches() -> None:
    where = route(BUILTIN, "eyebrows")
    assert (where.by, where.entry, where.section) == (SEARCH, None, None)
    assert [hit.id for hit in where.hits][:3] == ["drooping-brow", "unnatural-expression", "asymmetry"]


def test_a_match_that_misses_a_word_is_listed_never_opened() -> None:
    where = route(BUILTIN, "excess surface skin")
    assert where.entry is None
    assert [hit.missing for hit in where.hits] == [("surface",)]


def test_the_start_of_several_names_is_still_ambiguous() -> None:
    with pytest.raises(AmbiguousNameError):
        route(BUILTIN, "eyelid")


def test_words_nothing_mentions_are_not_found_with_close_words() -> None:
    with pytest.raises(NotFoundError) as caught:
        route(BUILTIN, "sagin")
    assert "sagging" in caught.value.suggestions
    with pytest.raises(NotFoundError) as nothing:
        route(BUILTIN, "qzwv")
    assert nothing.value.suggestions == []


def _hit(score: float) -> Hit:
    return Hit("side effect", "pain", "Pain", score, (), ())


def test_a_best_hit_is_clear_at_one_and_a_half_times_the_next() -> None:
    assert clear_best([_hit(15), _hit(10)]) == _hit(15)
    assert clear_best([_hit(14.9), _hit(10)]) is None
    assert clear_best([_hit(3)]) == _hit(3)
    assert clear_best([]) is None
    assert routing.CLEAR_MARGIN == 1.5


# ---- what the command prints, and its exit code ---------------------------------------------


def test_show_of_an_area_word_prints_the_area_and_the_command_for_more(run: Run) -> None:
    result = run("show", "TMJ")
    assert result.exit_code == EXIT_OK
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        "Jaw (masseter, TMJ; off-label)",
        "'TMJ' is a treatment area, not a side effect. Its side effects, most common there first:",
    ]
    assert result.stdout.index("weak-bite") < result.stdout.index("bruising")
    assert "More: 'botox-info list --area jaw --sort frequency' for the full table" in result.stdout
    assert "See 'botox-info urgent'." in result.stdout  # the emergency line, as on every advice page


def test_show_of_an_area_word_in_json_and_markdown(run: Run) -> None:
    document = json_document(run("show", "crow's", "feet", "--format", "json"))
    assert document["area"] == {"id": "crows-feet", "name": "Crow's feet"}
    assert document["routed"] == {"query": "crow's feet", "by": "area", "part": None, "others": []}
    assert document["more"] == "botox-info list --area crows-feet --sort frequency"
    assert "eyelid-swelling" in [entry["id"] for entry in document["side_effects"]]
    assert {"emergency", "disclaimer"} <= set(document)
    markdown = run("show", "neck", "--format", "markdown").stdout
    assert markdown.startswith("# Neck bands (platysma)\n\n'neck' is a treatment area")
    assert "| Neck muscle weakness |" in markdown
    assert "More: 'botox-info list --area neck --sort frequency'" in markdown


def test_show_of_a_vocabulary_word_says_how_it_got_there(run: Run) -> None:
    result = run("show", "ice", "pack")
    assert result.exit_code == EXIT_OK
    assert result.stdout.splitlines()[:2] == [
        "Bumps, swelling and bruising",
        "'ice pack' is a word people use for this page, 'What to do if it happens'.",
    ]
    document = json_document(run("show", "masseter", "--format", "json"))
    assert document["id"] == "weak-bite"
    assert document["routed"] == {
        "query": "masseter",
        "by": "words",
        "part": None,
        "others": ["botox-info show jaw", "botox-info show paradoxical-bulging"],
    }


def test_show_of_a_phrase_opens_its_clear_match_and_says_so(run: Run) -> None:
    result = run("show", "surplus", "skin")
    assert result.exit_code == EXIT_OK
    assert result.stdout.splitlines()[:2] == [
        "Sagging skin",
        "'surplus skin' is not a name: this page is its clearest search match, 'Why it happens'. "
        "All: botox-info search surplus skin",
    ]


def test_show_of_a_section_word_opens_the_section(run: Run) -> None:
    result = run("show", "pregnant")
    assert result.exit_code == EXIT_OK
    assert result.stdout.splitlines()[:2] == [
        "Before you are treated",
        "'pregnant' is a word people use for this page, 'contraindications'.",
    ]
    assert json_document(run("show", "aftercare", "--format", "json"))["routed"]["by"] == "words"


def test_show_of_a_phrase_with_several_matches_lists_them_with_exit_0(run: Run) -> None:
    result = run("show", "eyebrows")
    assert result.exit_code == EXIT_OK
    assert result.stdout.startswith("No side effect is called 'eyebrows'. These pages mention it, best first:\n")
    assert "side effect: 'botox-info show asymmetry'" in result.stdout
    document = json_document(run("show", "eyebrows", "--format", "json"))
    assert document["routed"] == {"query": "eyebrows", "by": "search", "part": None, "others": []}
    assert [hit["id"] for hit in document["hits"]][:2] == ["drooping-brow", "unnatural-expression"]


def test_show_of_nothing_known_suggests_and_exits_1(run: Run) -> None:
    result = run("show", "sagin")
    assert (result.exit_code, result.stdout) == (EXIT_NOT_FOUND, "")
    assert result.stderr == (
        "botox-info: error: no side effect matches 'sagin'. Did you mean: sagging? "
        "Try 'botox-info search' with other words, or 'botox-info list' to see them all.\n"
    )


def test_a_search_match_missing_a_word_says_which(run: Run) -> None:
    result = run("search", "excess", "surface", "skin")
    assert result.exit_code == EXIT_OK
    assert "side effect: 'botox-info show sagging'; does not mention 'surface'" in result.stdout
    hits = json_document(run("search", "excess", "surface", "skin", "--format", "json"))["hits"]
    assert [(hit["id"], hit["missing"], hit["part"]) for hit in hits] == [("sagging", ["surface"], None)]


def test_show_names_the_other_places_a_word_leads_on_the_page(run: Run) -> None:
    assert run("show", "masseter").stdout.splitlines()[1] == (
        "'masseter' is a word people use for this page. "
        "Also see: botox-info show jaw; botox-info show paradoxical-bulging."
    )


def test_a_hit_found_only_by_a_vocabulary_word_shows_that_word_as_people_say_it(run: Run) -> None:
    assert " • people say, of what to do: nitrous oxide\n" in run("search", "nitrous", "oxide").stdout
    assert " • people say: aftercare\n" in run("search", "aftercare").stdout


# ---- every dead end the issue lists, as the user meets it ------------------------------------


@pytest.mark.parametrize(
    ("words", "first_hit", "passage"),
    [
        (["ice", "pack"], "Bumps, swelling and bruising", "what to do: Hold a cold pack on the spot"),
        (["absorption"], "Asymmetry", "why: Besides injector error, causes include"),
        (["elasticity"], "Sagging skin", "less elastic skin"),
    ],
)
def test_the_searches_that_found_nothing_find_the_fact(
    run: Run, words: list[str], first_hit: str, passage: str
) -> None:
    result = run("search", *words)
    assert result.exit_code == EXIT_OK
    lines = result.stdout.splitlines()
    assert lines[2] == first_hit
    assert passage in "\n".join(lines[3:6])


@pytest.mark.parametrize(
    ("words", "title", "second_line"),
    [
        (["TMJ"], "Jaw (masseter, TMJ; off-label)", "'TMJ' is a treatment area, not a side effect."),
        (["forehead"], "Forehead lines", "'forehead' is a treatment area, not a side effect."),
        (["crow's", "feet"], "Crow's feet", "'crow's feet' is a treatment area, not a side effect."),
        (["lips"], "Mouth and lower face (off-label)", "'lips' is a treatment area, not a side effect."),
        (["alcohol"], "Bumps, swelling and bruising", "'alcohol' is a word people use for this page, 'How to lower"),
        (["my", "eyelid", "is", "drooping"], "Drooping eyelid", "'my eyelid is drooping' is a word people use"),
        (["masseter"], "Weakened bite", "'masseter' is a word people use for this page."),
    ],
)
def test_the_shows_that_dead_ended_lead_somewhere(run: Run, words: list[str], title: str, second_line: str) -> None:
    result = run("show", *words)
    assert (result.exit_code, result.stderr) == (EXIT_OK, "")
    lines = result.stdout.splitlines()
    assert lines[0] == title
    assert lines[1].startswith(second_line)
