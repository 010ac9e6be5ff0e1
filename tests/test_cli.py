"""Every command and format as a user runs them: output, exit codes, stderr text."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from botox_info import __version__
from botox_info.cli import app
from botox_info.errors import EXIT_BAD_KNOWLEDGE_BASE, EXIT_NOT_FOUND, EXIT_OK, EXIT_USAGE

from .helpers import BUILTIN, FIXTURES, Run, listed_ids

ENTRY_IDS = [entry.id for entry in BUILTIN.side_effects]
COMMANDS = ["list", "show", "avoid", "before", "after", "urgent", "sources", "check", "timeline"]
FORMATS = ["table", "json", "markdown"]
# Every JSON document that gives advice carries these beside its own fields (format_version 2).
ADVICE_FIELDS = {"format_version", "disclaimer", "emergency"}
SIDE_EFFECT_KEYS = {
    "id",
    "name",
    "origin",
    "aliases",
    "summary",
    "causes",
    "duration",
    "onset",
    "frequency",
    "urgency",
    "mitigation",
    "prevention",
    "see_doctor_if",
    "areas",
    "file",
    "sources",
}
ESCAPE = "\x1b"


def test_version_prints_name_and_version(run: Run) -> None:
    result = run("--version")
    assert result.exit_code == EXIT_OK
    assert result.stdout == f"botox-info {__version__}\n"
    assert run("-V").stdout == result.stdout


def test_python_dash_m_runs_the_command(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m botox_info --version`, in-process (the wheel test runs it as a real process)."""
    import runpy

    monkeypatch.setattr(sys, "argv", ["botox-info", "--version"])
    with pytest.raises(SystemExit) as exited:
        runpy.run_module("botox_info", run_name="__main__")
    assert exited.value.code == EXIT_OK
    assert capsys.readouterr().out == f"botox-info {__version__}\n"


def test_no_arguments_shows_help_with_the_red_flag_line(run: Run) -> None:
    result = run()
    assert result.exit_code == EXIT_USAGE
    assert "Usage: botox-info" in result.output
    assert "Trouble swallowing, speaking or" in result.output
    assert "not medical advice" in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_text(run: Run, name: str) -> None:
    command = next(info for info in app.registered_commands if info.name == name)
    assert command.callback is not None
    assert command.callback.__doc__, f"{name} has no help text"
    result = run(name, "--help")
    assert result.exit_code == EXIT_OK
    assert command.callback.__doc__.split(":")[0] in " ".join(result.stdout.split())


# ---- list ---------------------------------------------------------------


def test_list_table_names_every_side_effect_with_duration_and_frequency(run: Run) -> None:
    result = run("list", env={"COLUMNS": "100"})
    assert result.exit_code == EXIT_OK
    for entry in BUILTIN.side_effects:
        assert f"│ {entry.id} " in result.stdout  # whole, never cut: it is what people type
    assert "up to 30%" in result.stdout  # weak bite: the Peng 2018 figure
    assert "not well measured" in result.stdout
    assert "2-12 weeks" in result.stdout


def test_list_json_is_every_entry_with_the_documented_fields(run: Run) -> None:
    result = run("list", "--format", "json")
    assert result.exit_code == EXIT_OK
    document = json.loads(result.stdout)
    assert set(document) == {"side_effects", *ADVICE_FIELDS}
    entries = document["side_effects"]
    assert [entry["id"] for entry in entries] == ENTRY_IDS
    for entry in entries:
        assert set(entry) == SIDE_EFFECT_KEYS


def test_list_markdown_is_a_table_with_a_row_per_entry(run: Run) -> None:
    lines = run("list", "--format", "markdown").stdout.splitlines()
    assert lines[0] == "# Possible side effects of Botox® injections"
    assert "| Side effect | In short | Usually lasts | How often | Urgency | From |" in lines
    rows = [line for line in lines if line.startswith("| ") and "---" not in line]
    assert len(rows) == len(ENTRY_IDS) + 1


def test_format_option_is_case_insensitive(run: Run) -> None:
    assert run("list", "--format", "JSON").stdout == run("list", "-f", "json").stdout


# ---- show ---------------------------------------------------------------


@pytest.mark.parametrize("entry_id", ENTRY_IDS)
def test_show_table_lays_out_every_section(run: Run, entry_id: str) -> None:
    entry = BUILTIN.find(entry_id)
    result = run("show", entry_id)
    assert result.exit_code == EXIT_OK
    headings = [
        "How long it lasts",
        "How often",
        "Why it happens",
        "What to do if it happens",
        "How to lower the chance",
        "See a doctor if",
        "Treatment areas",
        "Sources",
    ]
    lines = result.stdout.splitlines()
    assert lines[0] == entry.name
    positions = [lines.index(heading) for heading in headings]
    assert positions == sorted(positions)
    for statement in (*entry.causes, *entry.mitigation, *entry.prevention, *entry.see_doctor_if):
        assert statement.text in result.stdout
    assert "get medical help at once" in result.stdout
    assert "not medical advice" in result.stdout


@pytest.mark.parametrize("entry_id", ENTRY_IDS)
def test_show_numbers_every_cited_source(run: Run, entry_id: str) -> None:
    entry = BUILTIN.find(entry_id)
    stdout = run("show", entry_id).stdout
    sources = stdout[stdout.index("\nSources\n") :]
    for position, source_id in enumerate(entry.cited_sources, start=1):
        assert f"[{position}] {BUILTIN.sources[source_id].title}" in sources
    cited_numbers = {int(n) for group in re.findall(r"\[([\d, ]+)\]", stdout) for n in group.split(",")}
    assert cited_numbers == set(range(1, len(entry.cited_sources) + 1))


@pytest.mark.parametrize("entry_id", ENTRY_IDS)
def test_show_json_is_one_object_with_the_documented_fields(run: Run, entry_id: str) -> None:
    result = run("show", entry_id, "--format", "json")
    assert result.exit_code == EXIT_OK
    data = json.loads(result.stdout)
    assert set(data) == SIDE_EFFECT_KEYS | ADVICE_FIELDS
    assert data["id"] == entry_id
    assert set(data["duration"]) == {"text", "low", "high", "unit", "sources", "measured_from", "measured"}
    assert {source["id"] for source in data["sources"]} == set(BUILTIN.find(entry_id).cited_sources)
    for statement in data["causes"] + data["mitigation"] + data["prevention"] + data["see_doctor_if"]:
        assert set(statement) == {"text", "sources"}
        assert statement["sources"]


@pytest.mark.parametrize("entry_id", ENTRY_IDS)
def test_show_markdown_has_a_title_sections_and_sources(run: Run, entry_id: str) -> None:
    entry = BUILTIN.find(entry_id)
    stdout = run("show", entry_id, "--format", "markdown").stdout
    assert stdout.startswith(f"# {entry.name}\n")
    for heading in ("## Why it happens", "## What to do if it happens", "## See a doctor if", "## Sources"):
        assert f"\n{heading}\n" in stdout
    assert "\n1. " in stdout


@pytest.mark.parametrize(
    ("words", "entry_id"),
    [
        (["sagging"], "sagging"),
        (["Sagging", "Skin"], "sagging"),
        (["spock", "brows"], "unnatural-expression"),
        (["spock brows"], "unnatural-expression"),
        (["WEAK-BITE"], "weak-bite"),
        (["sagg"], "sagging"),
        (["can't", "chew"], "weak-bite"),
    ],
)
def test_show_finds_a_name_typed_many_ways(run: Run, words: list[str], entry_id: str) -> None:
    result = run("show", *words, "--format", "json")
    assert result.exit_code == EXIT_OK
    assert json.loads(result.stdout)["id"] == entry_id


def test_show_unknown_name_says_so_on_stderr_with_exit_1(run: Run) -> None:
    result = run("show", "zzzz")
    assert result.exit_code == EXIT_NOT_FOUND
    assert result.stdout == ""
    assert result.stderr == (
        "botox-info: error: no side effect matches 'zzzz'. "
        "Try 'botox-info search' with other words, or 'botox-info list' to see them all.\n"
    )


def test_show_typo_suggests_the_closest_name(run: Run) -> None:
    result = run("show", "sagin")
    assert result.exit_code == EXIT_NOT_FOUND
    assert "Did you mean: sagging?" in result.stderr


def test_show_ambiguous_prefix_lists_the_candidates(run: Run) -> None:
    result = run("show", "he")
    assert result.exit_code == EXIT_NOT_FOUND
    assert result.stderr.startswith("botox-info: error: 'he' matches more than one side effect:\n")
    assert "  headache  (Headache)\n" in result.stderr
    assert "  bruising  (Bumps, swelling and bruising)\n" in result.stderr  # alias "hematoma"


def test_show_echoes_typed_text_without_control_characters(run: Run) -> None:
    result = run("show", "\x1b[31mred\x07")
    assert result.exit_code == EXIT_NOT_FOUND
    assert ESCAPE not in result.stderr
    assert "\x07" not in result.stderr
    assert "'[31mred'" in result.stderr


# ---- avoid and urgent ---------------------------------------------------------


def test_avoid_has_the_article_guidance_checklist_and_every_prevention(run: Run) -> None:
    stdout = run("avoid", env={"COLUMNS": "40"}).stdout  # stacked, so wrapped lines rejoin
    flat = " ".join(stdout.split())
    before = BUILTIN.before
    guidance = (*BUILTIN.guidance.principles, *BUILTIN.guidance.checklist)
    for statement in (*guidance, *before.questions_to_ask, *before.tell_your_doctor, *before.contraindications):
        assert statement.text in flat
    for entry in BUILTIN.side_effects:
        assert entry.name in flat
        for statement in entry.prevention:
            assert " ".join(statement.text.split()) in flat


def test_avoid_json_sections(run: Run) -> None:
    data = json.loads(run("avoid", "--format", "json").stdout)
    assert set(data) == {
        "principles",
        "checklist",
        "questions_to_ask",
        "tell_your_doctor",
        "contraindications",
        "prevention",
        "sources",
        *ADVICE_FIELDS,
    }
    assert [item["id"] for item in data["prevention"]] == ENTRY_IDS


@pytest.mark.parametrize("output_format", FORMATS)
def test_urgent_lists_the_red_flags_and_what_to_do(run: Run, output_format: str) -> None:
    result = run("urgent", "--format", output_format)
    assert result.exit_code == EXIT_OK
    for sign in ("trouble swallowing", "trouble speaking", "trouble breathing"):
        assert sign in result.stdout
    assert "get medical help at once" in result.stdout
    assert "not medical advice" in result.stdout


def test_urgent_json_sections(run: Run) -> None:
    data = json.loads(run("urgent", "--format", "json").stdout)
    assert set(data) == {
        "summary",
        "onset",
        "signs",
        "allergy_signs",
        "action",
        "sources",
        "get_help_now",
        *ADVICE_FIELDS,
    }
    assert data["onset"] == "hours to weeks after treatment"


@pytest.mark.parametrize("name", ["list", "avoid"])
@pytest.mark.parametrize("output_format", ["table", "markdown"])
def test_the_red_flag_line_is_never_hidden(run: Run, name: str, output_format: str) -> None:
    stdout = run(name, "--format", output_format).stdout
    assert "Get medical help at once if swallowing, speaking or breathing becomes hard" in stdout
    assert "signs of a severe allergic reaction" in stdout


# ---- usage errors -------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show"], "Missing argument 'NAME...'"),
        (["list", "--format", "xml"], "'xml' is not one of 'table', 'json', 'markdown'"),
        (["frobnicate"], "No such command 'frobnicate'"),
        (["list", "--colour"], "No such option: --colour"),
        (["list", "--sort", "nope"], "'nope' is not one of 'name', 'frequency', 'duration', 'urgency'"),
        (["list", "--frequency", "often"], "'often' is not one of 'common', 'uncommon', 'rare', 'not-well-measured'"),
        (["list", "--urgency", "soon"], "'soon' is not one of 'get-help-now', 'see-your-doctor', 'usually-settles'"),
    ],
)
def test_usage_errors_exit_2_with_clicks_message(run: Run, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == EXIT_USAGE
    assert message in " ".join(result.stderr.replace("│", " ").split())


# ---- the knowledge base is broken --------------------------------------------------


def test_invalid_knowledge_base_exits_3_naming_file_line_and_field(
    run: Run, knowledge_file: Callable[[str], Path]
) -> None:
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    path = knowledge_file(text.replace("    mitigation:", "    mitigaton:"))
    line = text.splitlines().index("    mitigation:") + 1
    result = run("show", "sagging")
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    assert result.stdout == ""
    assert result.stderr.startswith("botox-info: error: the knowledge base cannot be used (2 problems):\n")
    assert f"  {path}:{line}:5: side_effects[0].mitigaton: unknown key (expected one of:" in result.stderr
    assert "side_effects[0]: missing required key 'mitigation'" in result.stderr
    assert "Traceback" not in result.output


def test_unparsable_knowledge_base_exits_3(run: Run, knowledge_file: Callable[[str], Path]) -> None:
    path = knowledge_file("side_effects: [unclosed\n")
    result = run("list")
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    assert result.stderr.startswith(f"botox-info: error: the knowledge base cannot be used (1 problem):\n  {path}:2:1:")
    assert "invalid YAML" in result.stderr


def test_knowledge_base_text_prints_literally(run: Run, knowledge_file: Callable[[str], Path]) -> None:
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    hostile = 'summary: "[bold red]loud[/] :smile: \\e[31mred \\e]8;;http://x\\e\\\\link"'
    knowledge_file(text.replace("summary: Skin can look looser for a while.", hostile))
    for output_format in FORMATS:
        result = run("show", "sagging", "--format", output_format, env={"FORCE_COLOR": None})
        assert result.exit_code == EXIT_OK
        assert ESCAPE not in result.stdout
        assert "loud" in result.stdout
        assert ":smile:" in result.stdout
        assert "😄" not in result.stdout
    assert "[bold red]loud[/]" in run("show", "sagging").stdout
    assert "\\[bold red\\]loud\\[/\\]" in run("show", "sagging", "--format", "markdown").stdout


# ---- terminals ---------------------------------------------------------------


@pytest.mark.parametrize("name", COMMANDS)
def test_no_escape_codes_when_not_a_terminal(run: Run, name: str) -> None:
    args = [name, "sagging"] if name == "show" else [name]
    result = run(*args, env={"NO_COLOR": None})
    assert ESCAPE not in result.stdout


def test_colour_forced_on_styles_headings(run: Run) -> None:
    result = run("show", "sagging", env={"NO_COLOR": None, "FORCE_COLOR": "1"})
    assert "\x1b[1m" in result.stdout


def test_no_color_keeps_colour_codes_out_even_when_forced(run: Run) -> None:
    result = run("urgent", env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert not re.search(r"\x1b\[[0-9;]*3[0-7]m", result.stdout)  # no foreground colour, red included


@pytest.mark.parametrize("name", COMMANDS)
def test_forty_columns_still_fit(run: Run, name: str) -> None:
    args = [name, "sagging"] if name == "show" else [name]
    result = run(*args, env={"COLUMNS": "40"})
    assert result.exit_code == EXIT_OK
    # A web address is the one thing never broken (it must stay clickable); the terminal wraps it.
    too_wide = [line for line in result.stdout.splitlines() if len(line) > 40]
    assert [line for line in too_wide if not line.strip().startswith("https://")] == []


def test_piped_output_keeps_each_statement_on_one_line(run: Run) -> None:
    result = run("show", "bruising", env={"COLUMNS": None})
    entry = BUILTIN.find("bruising")
    lines = result.stdout.splitlines()
    assert any(line.startswith(" • " + entry.mitigation[0].text) for line in lines)


@pytest.mark.parametrize("name", COMMANDS)
def test_a_terminal_without_unicode_gets_ascii(run: Run, name: str) -> None:
    args = [name, "sagging"] if name == "show" else [name]
    result = run(*args, charset="ascii")
    assert result.exit_code == EXIT_OK
    result.stdout_bytes.decode("ascii")  # raises if anything non-ASCII got through


def test_ascii_terminal_gets_readable_stand_ins(run: Run) -> None:
    stdout = run("list", charset="ascii").stdout
    assert "Botox(R) injections" in stdout
    json_out = run("show", "sagging", "--format", "json", charset="ascii").stdout
    assert json.loads(json_out)["sources"][0]["title"].startswith("8 possible side effects of Botox®")


# ---- clinical content: origin, frequency, urgency, before, after, sources ------------


def test_list_marks_where_each_entry_comes_from(run: Run) -> None:
    stdout = run("list", env={"COLUMNS": "100"}).stdout
    assert stdout.count("from article") == sum(entry.origin == "article" for entry in BUILTIN.side_effects) == 8
    assert stdout.count("from references") == sum(entry.origin == "reference" for entry in BUILTIN.side_effects)


@pytest.mark.parametrize(
    ("area", "most_common"),
    [
        ("forehead", "headache"),  # label: 9% after forehead-line treatment
        ("frown lines", "eyelid-sensory-disorder"),  # Brin 2023: 3.2%, above the label's 3% for a drooping eyelid
        ("11s", "eyelid-sensory-disorder"),
        ("crow's feet", "eyelid-swelling"),  # label: 1%
        ("masseter", "weak-bite"),  # Peng 2018: 30% of sessions
    ],
)
def test_the_most_common_side_effect_of_an_area_comes_first(run: Run, area: str, most_common: str) -> None:
    ids = listed_ids(run("list", "--area", area, "--sort", "frequency", "--format", "json"))
    assert ids[0] == most_common
    area_id = BUILTIN.find_area(area).id
    assert all(area_id in BUILTIN.find(entry_id).areas for entry_id in ids)


def test_list_for_an_area_shows_that_areas_own_figure(run: Run) -> None:
    stdout = run("list", "--area", "jaw", "--sort", "frequency", env={"COLUMNS": "100"}).stdout
    assert "common, 30% here" in stdout


def test_unknown_area_is_a_usage_error_naming_the_choices(run: Run) -> None:
    result = run("list", "--area", "nose")
    assert result.exit_code == EXIT_USAGE
    choices = ", ".join(area.id for area in BUILTIN.areas)
    assert result.stderr == f"botox-info: error: no treatment area matches 'nose'. Choose one of: {choices}.\n"


@pytest.mark.parametrize("bucket", ["common", "uncommon", "not-well-measured"])
def test_list_filters_by_frequency(run: Run, bucket: str) -> None:
    ids = listed_ids(run("list", "--frequency", bucket, "--format", "json"))
    expected = [e.id for e in BUILTIN.side_effects if e.frequency.bucket == bucket.replace("-", " ")]
    assert ids == expected
    assert ids


def test_list_filters_by_urgency(run: Run) -> None:
    ids = listed_ids(run("list", "--urgency", "get-help-now", "--format", "json"))
    assert ids == [e.id for e in BUILTIN.side_effects if e.urgency == "get help now"]
    assert "toxin-spread" in ids


def test_filters_that_leave_nothing_say_so(run: Run) -> None:
    result = run("list", "--area", "neck", "--frequency", "rare")
    assert result.exit_code == EXIT_NOT_FOUND
    assert result.stderr == (
        "botox-info: error: no side effect matches those filters. Try fewer, or 'botox-info list' for all.\n"
    )


def test_sort_by_name_and_by_duration(run: Run) -> None:
    by_name = listed_ids(run("list", "--sort", "name", "--format", "json"))
    assert by_name == [e.id for e in sorted(BUILTIN.side_effects, key=lambda e: e.name.casefold())]
    by_duration = listed_ids(run("list", "--sort", "duration", "--format", "json"))
    hours = [BUILTIN.find(entry_id).duration.high_hours for entry_id in by_duration]
    assert hours == sorted(hours, key=lambda h: -1 if h is None else h, reverse=True)


def test_sort_by_urgency_puts_emergencies_first(run: Run) -> None:
    ids = listed_ids(run("list", "--sort", "urgency", "--format", "json"))
    tiers = [BUILTIN.find(entry_id).urgency for entry_id in ids]
    order = ["get help now", "see your doctor", "usually settles by itself"]
    assert tiers == sorted(tiers, key=order.index)


def test_show_says_how_urgent_and_where_the_entry_comes_from(run: Run) -> None:
    lines = run("show", "drooping eyelid").stdout.splitlines()
    assert lines[0] == "Drooping eyelid" or lines[0].startswith("Drooping eyelid")
    assert any(line.startswith("Urgency: see your doctor. Source of this entry: medical references") for line in lines)


@pytest.mark.parametrize("output_format", FORMATS)
def test_show_toxin_spread_names_every_red_flag(run: Run, output_format: str) -> None:
    stdout = run("show", "toxin spread", "--format", output_format).stdout.lower()
    for sign in ("swallow", "speak", "breath", "double vision", "bladder"):
        assert sign in stdout


def test_urgent_lists_every_entry_that_needs_help_now(run: Run) -> None:
    stdout = run("urgent").stdout
    data = json.loads(run("urgent", "--format", "json").stdout)
    now = [entry for entry in BUILTIN.side_effects if entry.urgency == "get help now"]
    assert [item["id"] for item in data["get_help_now"]] == [entry.id for entry in now]
    for entry in now:
        assert f"'botox-info show {entry.id}'" in stdout


@pytest.mark.parametrize("output_format", FORMATS)
def test_before_covers_who_should_not_be_treated_and_the_red_flags(run: Run, output_format: str) -> None:
    result = run("before", "--format", output_format)
    assert result.exit_code == EXIT_OK
    stdout = result.stdout
    for group in BUILTIN.before:
        for statement in group:
            assert statement.text in stdout
    for sign in BUILTIN.red_flags.signs:
        assert sign in stdout


def test_before_json_sections(run: Run) -> None:
    data = json.loads(run("before", "--format", "json").stdout)
    assert set(data) == {
        "contraindications",
        "tell_your_doctor",
        "interactions",
        "avoid_beforehand",
        "questions_to_ask",
        "red_flags",
        *ADVICE_FIELDS,
    }


def test_after_marks_who_advises_each_step(run: Run) -> None:
    stdout = run("after").stdout
    notes = {"label": "product label", "medical body": "medical guidance", "clinic practice": "common clinic practice"}
    for step in BUILTIN.after:
        line = next(line for line in stdout.splitlines() if step.text in line)
        assert f"({notes[step.basis]}" in line
    assert {step.basis for step in BUILTIN.after} == set(notes)


def test_after_json_steps(run: Run) -> None:
    data = json.loads(run("after", "--format", "json").stdout)
    assert set(data) == {"steps", *ADVICE_FIELDS}
    assert [step["text"] for step in data["steps"]] == [step.text for step in BUILTIN.after]
    assert all(step["basis"] in ("label", "medical body", "clinic practice") for step in data["steps"])


def test_sources_lists_every_source_with_what_cites_it(run: Run) -> None:
    document = json.loads(run("sources", "--format", "json").stdout)
    assert set(document) == {"format_version", "sources"}
    data = document["sources"]
    assert [item["id"] for item in data] == list(BUILTIN.sources)
    for item in data:
        assert set(item) == {"id", "title", "publisher", "year", "url", "doi", "pmid", "accessed", "cited_by"}
        assert item["cited_by"], f"{item['id']} is cited by nothing"
    peng = next(item for item in data if item["id"] == "peng-2018")
    assert "weak-bite" in peng["cited_by"]
    stdout = run("sources").stdout
    for source in BUILTIN.sources.values():
        assert source.title in stdout


# ---- search ------------------------------------------------------------------------


def test_search_finds_what_a_patient_describes(run: Run) -> None:
    result = run("search", "my", "eyelid", "droops", env={"COLUMNS": "80"})
    assert result.exit_code == EXIT_OK
    lines = result.stdout.splitlines()
    assert lines[0].endswith("matches, best first")
    assert lines[2] == "Drooping eyelid"
    assert lines[3] == "  side effect: 'botox-info show drooping-eyelid'"


def test_search_highlights_the_matched_words(run: Run) -> None:
    coloured = run("search", "chewing", env={"COLUMNS": "80", "NO_COLOR": None, "FORCE_COLOR": "1"}).stdout
    assert "\x1b[1;4mchew" in coloured  # bold and underlined: visible without colour too
    markdown = run("search", "chewing", "--format", "markdown").stdout
    assert "**chewing**" in markdown or "**chew**" in markdown


def test_search_json_gives_ids_fields_and_scores(run: Run) -> None:
    document = json.loads(run("search", "bruise", "--format", "json").stdout)
    assert set(document) == {"query", "hits", *ADVICE_FIELDS}
    assert document["query"] == "bruise"
    hits = document["hits"]
    assert hits[0]["id"] == "bruising"
    assert "aliases" in hits[0]["fields"]
    scores = [hit["score"] for hit in hits]
    assert scores == sorted(scores, reverse=True)
    for hit in hits:
        assert set(hit) == {"kind", "id", "title", "score", "fields", "passages", "part", "missing"}
        for passage in hit["passages"]:
            for start, end in passage["spans"]:
                assert passage["text"][start:end].casefold().startswith("bruis")


def test_search_reaches_the_sections_too(run: Run) -> None:
    hits = json.loads(run("search", "insurance", "--format", "json").stdout)["hits"]
    assert [(hit["kind"], hit["id"]) for hit in hits] == [("section", "before")]
    assert "'botox-info before'" in run("search", "insurance").stdout


def test_search_without_a_match_suggests_words_on_stderr(run: Run) -> None:
    result = run("search", "bruse")
    assert result.exit_code == EXIT_NOT_FOUND
    assert result.stdout == ""
    assert result.stderr == (
        "botox-info: error: nothing mentions all of 'bruse'. Did you mean: bruise? "
        "Try fewer or other words, or 'botox-info list'.\n"
    )


def test_search_needs_words(run: Run) -> None:
    assert run("search").exit_code == EXIT_USAGE


# ---- the disclaimer and the emergency line in every format --------------------------

ADVICE_COMMANDS = [
    ["list"],
    ["show", "sagging"],
    ["search", "bruise"],
    ["timeline"],
    ["check", "--area", "jaw"],
    ["avoid"],
    ["before"],
    ["after"],
    ["urgent"],
]


@pytest.mark.parametrize("args", ADVICE_COMMANDS, ids=lambda args: "-".join(args))
def test_every_json_document_that_advises_carries_the_disclaimer_and_the_emergency(run: Run, args: list[str]) -> None:
    document = json.loads(run(*args, "--format", "json").stdout)
    assert document["format_version"] == 2
    assert document["disclaimer"] == BUILTIN.disclaimer
    assert document["emergency"] == BUILTIN.emergency.text
    assert "severe allergic reaction" in document["emergency"]


@pytest.mark.parametrize("args", [a for a in ADVICE_COMMANDS if a != ["urgent"]], ids=lambda args: "-".join(args))
@pytest.mark.parametrize("output_format", ["table", "markdown"])
def test_every_page_that_advises_ends_with_the_emergency_line_and_the_disclaimer(
    run: Run, args: list[str], output_format: str
) -> None:
    stdout = run(*args, "--format", output_format).stdout
    tail = stdout[-900:]
    assert BUILTIN.emergency.text in tail
    assert BUILTIN.disclaimer in tail


@pytest.mark.parametrize(
    ("args", "empty"),
    [
        (["search", "zzzz"], {"query": "zzzz", "hits": []}),
        (["list", "--area", "neck", "--urgency", "get-help-now", "--max-duration", "1min"], {"side_effects": []}),
    ],
    ids=["search", "list"],
)
def test_json_of_an_empty_result_is_a_document_with_empty_lists(
    run: Run, args: list[str], empty: dict[str, object]
) -> None:
    result = run(*args, "--format", "json")
    assert result.exit_code == EXIT_NOT_FOUND
    document = json.loads(result.stdout)
    assert document == {
        "format_version": 2,
        **empty,
        "disclaimer": BUILTIN.disclaimer,
        "emergency": BUILTIN.emergency.text,
    }
    assert result.stderr.startswith("botox-info: error: ")


def test_an_empty_result_prints_nothing_on_stdout_for_reading(run: Run) -> None:
    result = run("search", "zzzz")
    assert result.exit_code == EXIT_NOT_FOUND
    assert result.stdout == ""
