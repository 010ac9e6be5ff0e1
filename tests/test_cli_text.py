"""What users type and what a clinic writes, as the CLI shows it back: echoes, empty names,
small words, Markdown tables and escaping, bidi overrides, narrow and ASCII terminals."""

from __future__ import annotations

import subprocess
from collections.abc import Callable

import pytest

from botox_info.cli import app
from botox_info.errors import EXIT_NOT_FOUND, EXIT_OK, EXIT_USAGE

from .helpers import FIXTURES, Run, listed_ids

Process = Callable[..., "subprocess.CompletedProcess[bytes]"]
ODD = str(FIXTURES / "odd-text.yaml")  # a clinic file with |, *, _, a two-line name and bidi overrides
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
# Every command that prints something, with the arguments it needs: derived from the app, so a new
# command cannot be forgotten (validate and schema need no width: they print no layout).
ARGUMENTS = {"show": ["sagging"], "search": ["bruise"], "handout": ["-o", "-"]}
LAID_OUT = [info.name for info in app.registered_commands if info.name not in ("validate", "schema")]


# ---- what the user typed, echoed back -------------------------------------------------


def test_a_long_query_is_echoed_on_one_shortened_line(run: Run) -> None:
    typed = "qzwv\nvvkq " + "x" * 200  # words nothing mentions ('droopy lid x...' opens drooping-eyelid)
    result = run("show", typed)
    assert result.exit_code == EXIT_NOT_FOUND
    shown = ("qzwv vvkq " + "x" * 200)[:79] + "…"
    assert result.stderr == (
        f"botox-info: error: no side effect matches '{shown}'. "
        "Try 'botox-info search' with other words, or 'botox-info list' to see them all.\n"
    )


def test_bidi_overrides_are_not_echoed(run: Run) -> None:
    result = run("search", f"bru{BIDI}se")
    assert result.exit_code == EXIT_NOT_FOUND
    assert result.stderr.startswith("botox-info: error: nothing mentions all of 'bruse'.")


def test_bidi_overrides_in_a_clinics_text_are_removed(run: Run) -> None:
    for output_format in ("table", "json", "markdown"):
        result = run("--data", ODD, "show", "tingling", "--format", output_format)
        assert result.exit_code == EXIT_OK
        assert not set(BIDI) & set(result.stdout), output_format
        assert "it passes" in result.stdout


# ---- show "" and search of small words -------------------------------------------------

NO_NAME = (
    "botox-info: error: no name given: type a side effect's name or a word for it, as in 'botox-info show bruise'. "
    "'botox-info list' shows them all.\n"
)
NO_SEARCH_WORD = (
    "botox-info: error: nothing to search for: small words such as 'my', 'it' and 'the' are ignored. "
    "Add a word that says what you are looking for, as in 'botox-info search my eyelid droops'.\n"
)


@pytest.mark.parametrize("typed", [[""], ["   "], ["", ""]])
def test_show_with_an_empty_name_is_a_usage_error(run: Run, typed: list[str]) -> None:
    result = run("show", *typed)
    assert result.exit_code == EXIT_USAGE
    assert result.stdout == ""
    assert result.stderr == NO_NAME


@pytest.mark.parametrize("typed", [["my", "it"], ["the"], ["it"], ["the", "and"], [""]])
def test_a_search_of_small_words_only_asks_for_a_word(run: Run, typed: list[str]) -> None:
    result = run("search", *typed)
    assert result.exit_code == EXIT_USAGE
    assert result.stdout == ""
    assert result.stderr == NO_SEARCH_WORD


def test_a_sections_name_is_not_a_small_word(run: Run) -> None:
    result = run("search", "after")
    assert result.exit_code == EXIT_OK
    assert "botox-info after" in result.stdout


# ---- Markdown: a row stays one row, and text is literal --------------------------------


def _table_rows(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("|") and "---" not in line]


def test_list_markdown_keeps_a_clinics_odd_name_in_one_row(run: Run) -> None:
    result = run("--data", ODD, "list", "--format", "markdown")
    assert result.exit_code == EXIT_OK
    rows = _table_rows(result.stdout)
    assert len(rows) == 1 + len(listed_ids(run("--data", ODD, "list", "--format", "json")))
    tingling = next(row for row in rows if row.startswith("| Tingling"))
    assert tingling.startswith(
        r"| Tingling \| \*pins\* and\_needles on two lines | A brief \| tingling \*at\* the\_sites, then it passes. |"
    )
    assert tingling.count(" | ") == 5  # six cells: the escaped pipes are not cell borders


def test_timeline_markdown_keeps_a_clinics_odd_name_in_one_row(run: Run) -> None:
    result = run("--data", ODD, "timeline", "--format", "markdown")
    assert result.exit_code == EXIT_OK
    assert r"| Tingling \| \*pins\* and\_needles on two lines | at the injection | 1 hour | 7 hours |" in result.stdout
    chart = result.stdout.split("```text\n", 1)[1].split("\n```", 1)[0]
    assert "on two lines" not in chart  # the chart's label is one line too
    assert any(line.startswith("Tingling | *pins* and_nee… ") for line in chart.splitlines())


def test_show_markdown_escapes_a_clinics_markdown_characters(run: Run) -> None:
    stdout = run("--data", ODD, "show", "tingling", "--format", "markdown").stdout
    assert stdout.startswith("# Tingling \\| \\*pins\\* and\\_needles on two lines\n")
    assert "- The needle \\| irritates \\*small\\* nerve\\_endings. \\[1\\]" in stdout
    assert "- It passes \\| on its \\*own\\* in\\_time. \\[1\\]" in stdout
    assert "*small*" not in stdout.replace("\\*", "")


def test_search_markdown_escapes_a_clinics_markdown_characters(run: Run) -> None:
    stdout = run("--data", ODD, "search", "nerve", "--format", "markdown").stdout
    assert "## Tingling \\| \\*pins\\* and\\_needles on two lines\n" in stdout
    assert "- why: The needle \\| irritates \\*small\\* **nerve**\\_endings." in stdout


# ---- narrow and ASCII terminals ---------------------------------------------------------


@pytest.mark.parametrize("columns", ["0", "1", "10"])
@pytest.mark.parametrize("name", LAID_OUT)
def test_any_width_prints_something(run: Run, name: str, columns: str) -> None:
    result = run(name, *ARGUMENTS.get(name, []), env={"COLUMNS": columns})
    assert result.exit_code == EXIT_OK, result.stderr
    assert result.stdout.strip(), f"{name} printed nothing at COLUMNS={columns}"


def test_the_ascii_timeline_fits_80_columns_with_its_bars_aligned(process: Process) -> None:
    result = process("timeline", env={"PYTHONIOENCODING": "ascii", "COLUMNS": "80"})
    assert result.returncode == EXIT_OK
    lines = result.stdout.decode("ascii").splitlines()
    assert [line for line in lines if len(line) > 80] == []
    axis = next(line for line in lines if line.lstrip().startswith("+-"))
    start = len(axis) - len(axis.lstrip())  # the column where every bar and the axis begin
    assert start == 27
    rows = lines[lines.index("") + 1 : lines.index(axis)]
    assert len(rows) > 10
    for row in rows:
        assert row[start - 1] == " ", row
        assert set(row[start:]) <= set("#-? "), row
    assert any(row[: start - 1].endswith("...") for row in rows)  # a cut name, cut to fit


# ---- option values as forgiving as names ------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["list", "--urgency", "get help now"], ["list", "--urgency", "get-help-now"]),
        (["list", "--urgency", "Get-Help-Now"], ["list", "--urgency", "get-help-now"]),
        (["list", "--frequency", "Common"], ["list", "--frequency", "common"]),
        (["list", "--frequency", "not well measured"], ["list", "--frequency", "not-well-measured"]),
        (["list", "--origin", "Article"], ["list", "--origin", "article"]),
        (["list", "--sort", "Frequency"], ["list", "--sort", "frequency"]),
        (["check", "--has", "blood thinners"], ["check", "--has", "blood-thinners"]),
        (["check", "--has", "BLOOD-THINNERS"], ["check", "--has", "blood-thinners"]),
        (["list", "--max-duration", "1y"], ["list", "--max-duration", "12mo"]),
        (["list", "--max-duration", "1 year"], ["list", "--max-duration", "360 days"]),
        (["list", "--min-duration", "0.25 years"], ["list", "--min-duration", "3 months"]),
    ],
)
def test_option_values_are_as_forgiving_as_names(run: Run, args: list[str], expected: list[str]) -> None:
    result = run(*args, "--format", "json")
    assert result.exit_code == EXIT_OK, result.stderr
    assert result.stdout == run(*expected, "--format", "json").stdout


def test_a_wrong_situation_is_a_usage_error_naming_the_choices(run: Run) -> None:
    result = run("check", "--has", "blood-thinner-pills")
    assert result.exit_code == EXIT_USAGE
    assert result.stderr == (
        "botox-info: error: no situation is called 'blood-thinner-pills'. Choose one of: allergy-to-toxin, "
        "cows-milk-protein-allergy, infection-at-site, neuromuscular-disease, pregnant-or-breastfeeding, "
        "planning-pregnancy, recent-toxin, interacting-medicine, swallowing-or-breathing-problems, "
        "drooping-or-weak-face, blood-thinners, alcohol-or-supplements, sensitive-to-pain, thin-or-loose-skin.\n"
    )


def test_a_wrong_duration_unit_is_a_usage_error_naming_the_units(run: Run) -> None:
    result = run("list", "--min-duration", "1 eon")
    assert result.exit_code == EXIT_USAGE
    assert result.stderr == (
        "botox-info: error: '1 eon' is not a duration. Write a number and a unit: "
        "30 minutes, 6 hours, 3 days, 2 weeks, 4 months, 1 year (or 30min, 6h, 3d, 2w, 4mo, 1y).\n"
    )


@pytest.mark.parametrize("columns", ["0", "1"])
def test_help_and_usage_errors_at_any_width_say_something(run: Run, columns: str) -> None:
    for args in (["--help"], ["list", "--help"]):
        result = run(*args, env={"COLUMNS": columns})
        assert result.exit_code == EXIT_OK
        assert "Usage: botox-info" in result.stdout, args
    result = run("list", "--sort", "nope", env={"COLUMNS": columns})
    assert result.exit_code == EXIT_USAGE
    assert "'nope' is not one of" in " ".join(result.stderr.replace("│", " ").split())
