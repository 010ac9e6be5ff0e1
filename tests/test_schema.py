"""The knowledge-base format: every broken file is refused with the exact line a user must fix.

Each test copies tests/fixtures/minimal.yaml, makes one change, and checks the
problem reported as 'file:line:column: field.path: message'. Expected
positions are computed from the edited text, so they follow the fixture.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from botox_info import knowledge
from botox_info.errors import EXIT_BAD_KNOWLEDGE_BASE, KnowledgeBaseError

from .helpers import MINIMAL_TEXT, edit, line_column

SIDE_EFFECT_KEYS = (
    "id, name, origin, aliases, summary, causes, duration, urgency, mitigation, prevention, see_doctor_if, "
    "areas, onset, frequency"
)
SLUG_HINT = "a slug of lowercase letters, digits and hyphens, such as 'weak-bite'"

# The one side effect of minimal.yaml, copied under another id to make a valid two-entry file.
_SAGGING_BLOCK = MINIMAL_TEXT[MINIMAL_TEXT.index("  - id: sagging\n") : MINIMAL_TEXT.index("guidance:\n")]
_BRUISING_BLOCK = (
    _SAGGING_BLOCK.replace("id: sagging", "id: bruising")
    .replace("name: Sagging skin", "name: Bruising")
    .replace("aliases: [droopy skin]", "aliases: [bruise]")
)
TWO_ENTRIES_TEXT = MINIMAL_TEXT.replace("guidance:\n", _BRUISING_BLOCK + "guidance:\n", 1)


def problems_of(tmp_path: Path, text: str) -> tuple[str, list[str]]:
    """The file written for `text` and the problems its load reports."""
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as caught:
        knowledge.load(path)
    assert caught.value.exit_code == EXIT_BAD_KNOWLEDGE_BASE == 3
    return str(path), caught.value.problems


def loads(tmp_path: Path, text: str) -> knowledge.KnowledgeBase:
    path = tmp_path / "valid.yaml"
    path.write_text(text, encoding="utf-8")
    return knowledge.load(path)


# --- the starting points are valid ---------------------------------------------------------------


def test_minimal_fixture_is_valid(tmp_path: Path) -> None:
    kb = loads(tmp_path, MINIMAL_TEXT)
    assert [entry.id for entry in kb.side_effects] == ["sagging"]


def test_two_entry_base_is_valid(tmp_path: Path) -> None:
    kb = loads(tmp_path, TWO_ENTRIES_TEXT)
    assert [entry.id for entry in kb.side_effects] == ["sagging", "bruising"]


# --- structure: one problem each -------------------------------------------------------------------

# (test id, old text, new text, field path, message, snippet locating the problem, target inside it)
STRUCTURE_CASES = [
    (
        "empty-summary",
        "summary: Skin can look looser for a while.",
        'summary: ""',
        "side_effects[0].summary",
        "expected a non-empty string, found an empty text",
        'summary: ""',
        '""',
    ),
    (
        "blank-summary",
        "summary: Skin can look looser for a while.",
        'summary: "   "',
        "side_effects[0].summary",
        "expected a non-empty string, found an empty text",
        'summary: "   "',
        '"',
    ),
    (
        "null-summary",
        "summary: Skin can look looser for a while.",
        "summary: null",
        "side_effects[0].summary",
        "expected a non-empty string, found nothing (null)",
        "summary: null",
        "null",
    ),
    (
        "missing-summary",
        "    summary: Skin can look looser for a while.\n",
        "",
        "side_effects[0]",
        "missing required key 'summary' (a non-empty string)",
        "- id: sagging",
        "id",
    ),
    (
        "empty-causes",
        "    causes:\n      - text: Relaxed muscles leave spare skin.\n        sources: [test-source]\n",
        "    causes: []\n",
        "side_effects[0].causes",
        "expected a non-empty list, found an empty one",
        "causes: []",
        "[]",
    ),
    (
        "low-is-text",
        "low: 2",
        'low: "two"',
        "side_effects[0].duration.low",
        "expected a number, found the text 'two'",
        'low: "two"',
        '"two"',
    ),
    (
        "low-is-yaml-boolean",
        "low: 2",
        "low: yes",
        "side_effects[0].duration.low",
        "expected a number, found the boolean true",
        "low: yes",
        "yes",
    ),
    (
        "year-is-text",
        "year: 2026",
        'year: "2026"',
        "sources[0].year",
        "expected a whole number, found the text '2026'",
        'year: "2026"',
        '"2026"',
    ),
    (
        "year-is-fraction",
        "year: 2026",
        "year: 2026.5",
        "sources[0].year",
        "expected a whole number, found the number 2026.5",
        "year: 2026.5",
        "2026.5",
    ),
    (
        "summary-is-a-list",
        "summary: Skin can look looser for a while.",
        "summary: [Skin, looser]",
        "side_effects[0].summary",
        "expected a non-empty string, found a list",
        "summary: [Skin, looser]",
        "[",
    ),
    (
        "summary-is-a-mapping",
        "summary: Skin can look looser for a while.",
        "summary: {skin: looser}",
        "side_effects[0].summary",
        "expected a non-empty string, found a mapping",
        "summary: {skin: looser}",
        "{",
    ),
    (
        "year-is-a-date",
        "year: 2026",
        "year: 2026-01-31",
        "sources[0].year",
        "expected a whole number, found date",
        "year: 2026-01-31",
        "2026",
    ),
    (
        "aliases-is-text",
        "aliases: [droopy skin]",
        "aliases: droopy skin",
        "side_effects[0].aliases",
        "expected a list, found the text 'droopy skin'",
        "aliases: droopy skin",
        "droopy",
    ),
    (
        "signs-is-text",
        "signs: [trouble swallowing]",
        "signs: trouble swallowing",
        "red_flags.signs",
        "expected a non-empty list, found the text 'trouble swallowing'",
        "signs: trouble swallowing",
        "trouble",
    ),
    (
        "statement-is-plain-text",
        "      - text: Relaxed muscles leave spare skin.\n        sources: [test-source]\n",
        "      - Relaxed muscles leave spare skin.\n",
        "side_effects[0].causes[0]",
        "expected a mapping with the keys text, sources, found the text 'Relaxed muscles leave spare skin.'",
        "- Relaxed muscles",
        "Relaxed",
    ),
    (
        "unit-fortnights",
        "unit: weeks",
        "unit: fortnights",
        "side_effects[0].duration.unit",
        "expected one of: 'minutes', 'hours', 'days', 'weeks', 'months', found the text 'fortnights'",
        "unit: fortnights",
        "fortnights",
    ),
    (
        "bucket-often",
        "    frequency:\n",
        "    frequency:\n      bucket: often\n",
        "side_effects[0].frequency.bucket",
        "expected one of: 'common', 'uncommon', 'rare', 'not well measured', found the text 'often'",
        "bucket: often",
        "often",
    ),
    (
        "origin-blog",
        "origin: article",
        "origin: blog",
        "side_effects[0].origin",
        "expected one of: 'article', 'reference', found the text 'blog'",
        "origin: blog",
        "blog",
    ),
    (
        "id-not-a-slug",
        "- id: sagging",
        "- id: Weak Bite",
        "side_effects[0].id",
        f"expected {SLUG_HINT}, found the text 'Weak Bite'",
        "id: Weak Bite",
        "Weak",
    ),
    (
        "source-id-not-a-slug",
        "- id: test-source",
        "- id: test_source",
        "sources[0].id",
        f"expected {SLUG_HINT}, found the text 'test_source'",
        "id: test_source",
        "test_source",
    ),
    (
        "url-not-https",
        "url: https://example.org/test",
        "url: http://example.org/test",
        "sources[0].url",
        "expected an https:// address, found the text 'http://example.org/test'",
        "url: http:",
        "http:",
    ),
    (
        "schema-version-2",
        "schema_version: 1",
        "schema_version: 2",
        "schema_version",
        "expected one of: 1, found the number 2",
        "schema_version: 2",
        "2",
    ),
    (
        "schema-version-as-text",
        "schema_version: 1",
        'schema_version: "1"',
        "schema_version",
        "expected one of: 1, found the text '1'",
        'schema_version: "1"',
        '"1"',
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "field", "message", "snippet", "target"),
    [case[1:] for case in STRUCTURE_CASES],
    ids=[case[0] for case in STRUCTURE_CASES],
)
def test_structure_problem_is_reported_at_its_line(
    tmp_path: Path, old: str, new: str, field: str, message: str, snippet: str, target: str
) -> None:
    text = edit(old, new)
    path, problems = problems_of(tmp_path, text)
    assert problems == [f"{path}:{line_column(text, snippet, target)}: {field}: {message}"]


def test_misspelt_key_is_reported_at_the_key_and_the_real_key_as_missing(tmp_path: Path) -> None:
    text = edit("    mitigation:\n", "    mitigaton:\n")
    path, problems = problems_of(tmp_path, text)
    assert problems == [
        f"{path}:{line_column(text, 'mitigaton:', 'mitigaton')}: side_effects[0].mitigaton: "
        f"unknown key (expected one of: {SIDE_EFFECT_KEYS})",
        f"{path}:{line_column(text, '- id: sagging', 'id')}: side_effects[0]: "
        "missing required key 'mitigation' (a non-empty list)",
    ]


def test_extra_unknown_key_in_a_statement_is_the_only_problem(tmp_path: Path) -> None:
    old = "      - text: Wait for it to wear off.\n"
    text = edit(old, old + "        note: extra\n")
    path, problems = problems_of(tmp_path, text)
    assert problems == [
        f"{path}:{line_column(text, 'note: extra', 'note')}: side_effects[0].mitigation[0].note: "
        "unknown key (expected one of: text, sources)"
    ]


def test_unknown_top_level_key_is_reported(tmp_path: Path) -> None:
    text = edit("disclaimer:", "disclamer: typo\ndisclaimer:")
    path, problems = problems_of(tmp_path, text)
    assert problems == [
        f"{path}:{line_column(text, 'disclamer', 'disclamer')}: disclamer: unknown key (expected one of: "
        "schema_version, disclaimer, emergency, sources, areas, side_effects, guidance, before, after, wanted_effect, "
        "situations, rules, red_flags, shared, clinic, vocabulary)"
    ]


def test_unknown_key_named_like_its_ancestor_is_reported_at_its_own_line(tmp_path: Path) -> None:
    text = edit("    aliases: [forehead lines]", "    aliases: [forehead lines]\n    areas: [brow]")
    path, problems = problems_of(tmp_path, text)
    assert problems == [
        f"{path}:{line_column(text, 'areas: [brow]', 'areas')}: areas[0].areas: "
        "unknown key (expected one of: id, name, aliases)"
    ]


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("- id: sagging", '- id: "sagging\\n"', "side_effects[0].id"),
        ("url: https://example.org/test", 'url: "https://example.org/test\\n"', "sources[0].url"),
    ],
    ids=["id", "url"],
)
def test_value_with_trailing_newline_is_refused(tmp_path: Path, old: str, new: str, field: str) -> None:
    text = edit(old, new)
    _, problems = problems_of(tmp_path, text)
    assert len(problems) == 1
    assert f": {field}: expected " in problems[0]


def test_top_level_list_is_refused(tmp_path: Path) -> None:
    path, problems = problems_of(tmp_path, "- schema_version: 1\n")
    assert problems == [
        f"{path}:1:1: (top level): expected a mapping with the keys schema_version, disclaimer, emergency, sources, "
        "areas, side_effects, guidance, before, after, wanted_effect, situations, rules, red_flags, found a list"
    ]


def test_several_structure_problems_are_reported_together_in_file_order(tmp_path: Path) -> None:
    text = edit("year: 2026", 'year: "2026"')
    text = edit("summary: Skin can look looser for a while.", 'summary: ""', text)
    text = edit("unit: weeks", "unit: fortnights", text)
    year, summary, unit = (
        line_column(text, 'year: "2026"', '"2026"'),
        line_column(text, 'summary: ""', '""'),
        line_column(text, "unit: fortnights", "fortnights"),
    )
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as caught:
        knowledge.load(path)
    assert caught.value.problems == [
        f"{path}:{year}: sources[0].year: expected a whole number, found the text '2026'",
        f"{path}:{summary}: side_effects[0].summary: expected a non-empty string, found an empty text",
        f"{path}:{unit}: side_effects[0].duration.unit: "
        "expected one of: 'minutes', 'hours', 'days', 'weeks', 'months', found the text 'fortnights'",
    ]
    assert str(caught.value).splitlines()[0] == "the knowledge base cannot be used (3 problems):"
    assert str(caught.value).splitlines()[1:] == [f"  {problem}" for problem in caught.value.problems]


def test_one_problem_is_announced_as_one(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(edit("unit: weeks", "unit: fortnights"), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as caught:
        knowledge.load(path)
    assert len(caught.value.problems) == 1
    assert str(caught.value) == f"the knowledge base cannot be used (1 problem):\n  {caught.value.problems[0]}"


# --- references: ids, names, citations, areas, ranges ------------------------------------------------


def _unknown_source(cited: str) -> str:
    return f"unknown source {cited!r}; did you mean 'test-source'?"


# (test id, base text, old, new, field path, message, snippet, target)
REFERENCE_CASES = [
    (
        "duplicate-source-id",
        MINIMAL_TEXT,
        "areas:\n  - id: forehead",
        "  - id: test-source\n    title: Another source\n    publisher: Someone\nareas:\n  - id: forehead",
        "sources[1].id",
        "duplicate source id 'test-source': already used by sources[0] in this file",
        "- id: test-source\n    title: Another",
        "test-source",
    ),
    (
        "duplicate-area-name",
        MINIMAL_TEXT,
        "side_effects:\n",
        "  - id: brow\n    name: Forehead lines\n    aliases: []\nside_effects:\n",
        "areas[1].name",
        "duplicate area name or alias 'Forehead lines': already used by 'forehead'",
        "name: Forehead lines",
        "Forehead",
    ),
    (
        "duplicate-side-effect-id",
        TWO_ENTRIES_TEXT,
        "- id: bruising",
        "- id: sagging",
        "side_effects[1].id",
        "duplicate side-effect id 'sagging': already used by side_effects[0] in this file",
        "- id: sagging\n    name: Bruising",
        "sagging",
    ),
    (
        "duplicate-alias-normalised",
        TWO_ENTRIES_TEXT,
        "aliases: [bruise]",
        "aliases: [bruise, Droopy-Skin]",
        "side_effects[1].aliases[1]",
        "duplicate side-effect name or alias 'Droopy-Skin': already used by 'sagging'",
        "Droopy-Skin",
        "Droopy",
    ),
    (
        "alias-is-another-entrys-name",
        TWO_ENTRIES_TEXT,
        "aliases: [bruise]",
        "aliases: [bruise, Sagging skin]",
        "side_effects[1].aliases[1]",
        "duplicate side-effect name or alias 'Sagging skin': already used by 'sagging'",
        "[bruise, Sagging skin]",
        "Sagging",
    ),
    (
        "name-is-another-entrys-alias",
        TWO_ENTRIES_TEXT,
        "name: Bruising",
        "name: Droopy skin®",
        "side_effects[1].name",
        "duplicate side-effect name or alias 'Droopy skin®': already used by 'sagging'",
        "name: Droopy skin®",
        "Droopy",
    ),
    (
        "unknown-source-in-statement",
        MINIMAL_TEXT,
        "spare skin.\n        sources: [test-source]",
        "spare skin.\n        sources: [test-sorce]",
        "side_effects[0].causes[0].sources[0]",
        _unknown_source("test-sorce"),
        "test-sorce",
        "test-sorce",
    ),
    (
        "unknown-source-in-guidance",
        MINIMAL_TEXT,
        "experienced injector.\n      sources: [test-source]",
        "experienced injector.\n      sources: [test-source, test-sourse]",
        "guidance.principles[0].sources[1]",
        _unknown_source("test-sourse"),
        "test-sourse",
        "test-sourse",
    ),
    (
        "unknown-source-in-duration",
        MINIMAL_TEXT,
        "unit: weeks\n      sources: [test-source]",
        "unit: weeks\n      sources: [tset-source]",
        "side_effects[0].duration.sources[0]",
        _unknown_source("tset-source"),
        "tset-source",
        "tset-source",
    ),
    (
        "unknown-source-in-figure",
        MINIMAL_TEXT,
        "source: test-source",
        "source: test-sources",
        "side_effects[0].frequency.figures[0].source",
        _unknown_source("test-sources"),
        "source: test-sources",
        "test-sources",
    ),
    (
        "unknown-source-in-red-flags",
        MINIMAL_TEXT,
        "\n  sources: [test-source]\n",
        "\n  sources: [test-sorce]\n",
        "red_flags.sources[0]",
        _unknown_source("test-sorce"),
        "test-sorce",
        "test-sorce",
    ),
    (
        "unknown-source-without-a-close-match",
        MINIMAL_TEXT,
        "\n  sources: [test-source]\n",
        "\n  sources: [nowhere]\n",
        "red_flags.sources[0]",
        "unknown source 'nowhere'",
        "nowhere",
        "nowhere",
    ),
    (
        "unknown-area-in-entry",
        MINIMAL_TEXT,
        "areas: [forehead]\n",
        "areas: [forhead]\n",
        "side_effects[0].areas[0]",
        "unknown area 'forhead'; did you mean 'forehead'?",
        "forhead",
        "forhead",
    ),
    (
        "unknown-area-in-figure",
        MINIMAL_TEXT,
        "- area: forehead",
        "- area: forhead",
        "side_effects[0].frequency.figures[0].area",
        "unknown area 'forhead'; did you mean 'forehead'?",
        "forhead",
        "forhead",
    ),
    (
        "figure-area-close-to-all",
        MINIMAL_TEXT,
        "- area: forehead",
        "- area: al",
        "side_effects[0].frequency.figures[0].area",
        "unknown area 'al'; did you mean 'all'?",
        "area: al\n",
        "al\n",
    ),
    (
        "low-above-high",
        MINIMAL_TEXT,
        "low: 2",
        "low: 20",
        "side_effects[0].duration",
        "expected 0 <= low <= high",
        "duration:\n      text",
        "text",
    ),
    (
        "negative-low",
        MINIMAL_TEXT,
        "low: 2",
        "low: -1",
        "side_effects[0].duration",
        "expected 0 <= low <= high",
        "duration:\n      text",
        "text",
    ),
    (
        "percent-above-100",
        MINIMAL_TEXT,
        "          percent: 0.2",
        "          percent: 120",
        "side_effects[0].frequency.figures[0].percent",
        "expected a percentage from 0 to 100",
        " percent: 120",
        "120",
    ),
    (
        "percent-below-0",
        MINIMAL_TEXT,
        "          percent: 0.2",
        "          percent: -0.5",
        "side_effects[0].frequency.figures[0].percent",
        "expected a percentage from 0 to 100",
        " percent: -0.5",
        "-0.5",
    ),
    (
        "placebo-percent-above-100",
        MINIMAL_TEXT,
        "placebo_percent: 0",
        "placebo_percent: 101",
        "side_effects[0].frequency.figures[0].placebo_percent",
        "expected a percentage from 0 to 100",
        "placebo_percent: 101",
        "101",
    ),
]


@pytest.mark.parametrize(
    ("base", "old", "new", "field", "message", "snippet", "target"),
    [case[1:] for case in REFERENCE_CASES],
    ids=[case[0] for case in REFERENCE_CASES],
)
def test_reference_problem_is_reported_at_its_line(
    tmp_path: Path, base: str, old: str, new: str, field: str, message: str, snippet: str, target: str
) -> None:
    text = edit(old, new, base)
    path, problems = problems_of(tmp_path, text)
    assert problems == [f"{path}:{line_column(text, snippet, target)}: {field}: {message}"]


def test_several_reference_problems_are_reported_together(tmp_path: Path) -> None:
    text = edit("source: test-source", "source: test-sources")
    text = edit("areas: [forehead]\n", "areas: [forhead]\n", text)
    text = edit("low: 2", "low: 20", text)
    duration = line_column(text, "duration:\n      text", "text")
    path, problems = problems_of(tmp_path, text)
    assert problems == [
        f"{path}:{line_column(text, 'test-sources', 'test-sources')}: side_effects[0].frequency.figures[0].source: "
        f"{_unknown_source('test-sources')}",
        f"{path}:{line_column(text, 'forhead', 'forhead')}: side_effects[0].areas[0]: "
        "unknown area 'forhead'; did you mean 'forehead'?",
        f"{path}:{duration}: side_effects[0].duration: expected 0 <= low <= high",
    ]


def test_an_alias_repeated_within_one_entry_is_not_a_duplicate(tmp_path: Path) -> None:
    kb = loads(tmp_path, edit("aliases: [droopy skin]", "aliases: [droopy skin, Droopy-Skin]"))
    assert kb.side_effects[0].aliases == ("droopy skin", "Droopy-Skin")


# --- what the format accepts -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("- area: forehead", "- area: all"),
        ("          percent: 0.2", "          percent: 100"),
        ("          percent: 0.2", "          percent: 0"),
        ("low: 2", "low: 12"),
        ("low: 2", "low: 0"),
        ("    year: 2026\n", ""),
        ("    url: https://example.org/test\n", ""),
        ("          placebo_percent: 0\n", ""),
        ("aliases: [droopy skin]", "aliases: []"),
    ],
    ids=[
        "figure-area-all",
        "percent-100",
        "percent-0",
        "low-equals-high",
        "low-zero",
        "no-year",
        "no-url",
        "no-placebo",
        "no-aliases",
    ],
)
def test_valid_variation_loads(tmp_path: Path, old: str, new: str) -> None:
    kb = loads(tmp_path, edit(old, new))
    assert kb.side_effects[0].id == "sagging"


def test_figure_area_all_is_kept(tmp_path: Path) -> None:
    kb = loads(tmp_path, edit("- area: forehead", "- area: all"))
    assert kb.side_effects[0].frequency.figures[0].area == "all"


def test_entry_without_figures_has_none(tmp_path: Path) -> None:
    old = MINIMAL_TEXT[MINIMAL_TEXT.index("    frequency:\n") : MINIMAL_TEXT.index("    urgency:")]
    kb = loads(tmp_path, edit(old, ""))
    assert kb.side_effects[0].frequency == knowledge.Frequency("not well measured", ())


def test_the_bucket_is_worked_out_from_the_figures(tmp_path: Path) -> None:
    kb = loads(tmp_path, MINIMAL_TEXT)
    assert kb.side_effects[0].frequency.bucket == "uncommon"  # 0.2% for its one area
    kb = loads(tmp_path, edit("          percent: 0.2\n", "          percent: 30\n"))
    assert kb.side_effects[0].frequency.bucket == "common"


@pytest.mark.parametrize(("bucket", "accepted"), [("uncommon", True), ("rare", False), ("common", False)])
def test_a_written_bucket_must_agree_with_the_figures(tmp_path: Path, bucket: str, accepted: bool) -> None:
    text = edit("    frequency:\n", f"    frequency:\n      bucket: {bucket}\n")
    if accepted:
        assert loads(tmp_path, text).side_effects[0].frequency.bucket == bucket
        return
    path, problems = problems_of(tmp_path, text)
    assert problems == [
        f"{path}:{line_column(text, f'bucket: {bucket}', bucket)}: side_effects[0].frequency.bucket: "
        f"the bucket {bucket!r} disagrees with the figures, which make it 'uncommon'; "
        "leave 'bucket' out: it is worked out from the figures"
    ]


def test_a_clinic_bucket_that_disagrees_with_its_figures_names_the_clinic_file(tmp_path: Path) -> None:
    clinic = tmp_path / "clinic.yaml"
    clinic.write_text(
        "side_effects:\n"
        "  - id: weak-bite\n"
        "    frequency:\n"
        "      bucket: rare\n"
        "      figures:\n"
        "        - {area: jaw, percent: 30, population: our patients, source: peng-2018, locator: Table 1}\n",
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeBaseError) as caught:
        knowledge.load_layers([clinic])
    assert caught.value.problems == [
        f"{clinic}:4:15: side_effects[0].frequency.bucket: the bucket 'rare' disagrees with the figures, "
        "which make it 'common'; leave 'bucket' out: it is worked out from the figures"
    ]


def test_a_range_across_studies_needs_its_end_above_its_start(tmp_path: Path) -> None:
    text = edit(
        "          percent: 0.2\n          placebo_percent: 0\n",
        "          percent: 0.2\n          percent_high: 0.1\n",
    )
    path, problems = problems_of(tmp_path, text)
    assert problems == [
        f"{path}:{line_column(text, 'percent_high: 0.1', '0.1')}: side_effects[0].frequency.figures[0].percent_high: "
        "a range must not end below its start ('percent')"
    ]


def test_a_range_across_studies_has_no_placebo_rate(tmp_path: Path) -> None:
    """A placebo rate belongs to one study; a range spans several, so the two together mislead."""
    text = edit(
        "          percent: 0.2\n          placebo_percent: 0\n",
        "          percent: 0.2\n          percent_high: 0.4\n          placebo_percent: 0\n",
    )
    path, problems = problems_of(tmp_path, text)
    assert problems == [
        f"{path}:{line_column(text, 'placebo_percent: 0', '0')}: side_effects[0].frequency.figures[0].placebo_percent: "
        "a range across studies has no placebo rate: give the placebo rate with a single study's figure"
    ]


def test_a_duration_gives_all_its_numbers_or_none(tmp_path: Path) -> None:
    text = edit("      high: 12\n", "")
    path, problems = problems_of(tmp_path, text)
    assert problems == [
        f"{path}:{line_column(text, 'text: a few weeks', 'text')}: side_effects[0].duration: give low, high and unit "
        "together, or none of them where no source gives them"
    ]


def test_optional_source_fields_default_to_none(tmp_path: Path) -> None:
    text = edit("    year: 2026\n    url: https://example.org/test\n", "")
    kb = loads(tmp_path, text)
    assert kb.sources == {"test-source": knowledge.Source("test-source", "A test source", "The test suite", None, None)}


def test_not_a_number_is_not_a_number(tmp_path: Path) -> None:
    text = edit("      high: 12\n", "      high: .nan\n")
    path, problems = problems_of(tmp_path, text)
    position = line_column(text, "      high: .nan\n", ".nan")
    assert problems == [f"{path}:{position}: side_effects[0].duration.high: expected a number, found the number nan"]


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("1000000001", "the number 1000000001"),
        ("-1000000001", "the number -1000000001"),
        ("1" + "0" * 400, "the number 10000000000000000000…"),  # past what a float holds: no OverflowError
        (".inf", "the number inf"),
        ("-.inf", "the number -inf"),
    ],
    ids=["just-past", "negative", "huge", "infinite", "minus-infinite"],
)
def test_a_number_past_the_limit_is_refused_with_the_limit(tmp_path: Path, value: str, found: str) -> None:
    text = edit("      high: 12\n", f"      high: {value}\n")
    path, problems = problems_of(tmp_path, text)
    position = line_column(text, f"      high: {value}\n", value)
    assert problems == [
        f"{path}:{position}: side_effects[0].duration.high: "
        f"expected a number from -1,000,000,000 to 1,000,000,000, found {found}"
    ]


def test_a_number_at_the_limit_is_a_number(tmp_path: Path) -> None:
    text = edit("      low: 2\n      high: 12\n", "      low: 2\n      high: 1000000000\n")
    assert loads(tmp_path, text).side_effects[0].duration.high == 1_000_000_000
