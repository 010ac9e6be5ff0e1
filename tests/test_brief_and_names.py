"""`show NAME --brief`, a tldr-like page in every format, and `list --names`, the ids alone for scripts."""

from __future__ import annotations

from pathlib import Path

import pytest

from botox_info.errors import EXIT_NOT_FOUND, EXIT_OK

from .helpers import BUILTIN, Run, json_document, write_file

EMERGENCY = "Get medical help at once if swallowing, speaking or breathing becomes hard after treatment"


def test_brief_page_is_about_ten_lines_with_what_to_do_and_when_to_get_help(run: Run) -> None:
    result = run("show", "bruise", "--brief")
    assert result.exit_code == EXIT_OK
    page, _, footer = result.stdout.partition("\n\n\n")
    lines = [line for line in page.splitlines() if line]
    assert len(lines) <= 11
    assert lines[:3] == [
        "Bumps, swelling and bruising",
        BUILTIN.find("bruising").summary,
        "Everything about it, with every source: botox-info show bruising",
    ]
    assert lines[3:5] == ["How long it lasts", f" • {BUILTIN.find('bruising').duration.text} [1]"]
    assert lines[5:7] == ["What to do if it happens", f" • {BUILTIN.find('bruising').mitigation[0].text} [1]"]
    assert lines[7] == "Get help at once if"
    assert "get medical help at once. [2, 3]" in lines[8]
    assert lines[9] == "Sources: [1] article, [2] fda-medguide, [3] mayo; 'botox-info sources' lists them in full."
    assert footer.startswith(EMERGENCY)
    assert BUILTIN.disclaimer in footer


def test_brief_page_without_an_at_once_item_uses_the_emergency_line(run: Run, tmp_path: Path) -> None:
    clinic = write_file(
        tmp_path,
        "side_effects:\n  - id: pain\n    see_doctor_if:\n"
        "      - text: Tell your doctor.\n        sources: [article]\n",
    )
    shown = run("--data", str(clinic), "show", "pain", "--brief", "--format", "json")
    document = json_document(shown)
    emergency = {"text": BUILTIN.emergency.text, "sources": list(BUILTIN.emergency.sources)}
    assert document["get_help_at_once_if"] == emergency


def test_brief_in_json_has_the_page_s_statements_and_the_disclaimer(run: Run) -> None:
    document = json_document(run("show", "weak-bite", "-b", "--format", "json"))
    entry = BUILTIN.find("weak-bite")
    assert set(document) == {
        "format_version", "id", "name", "summary", "urgency", "duration", "what_to_do", "get_help_at_once_if",
        "more", "disclaimer", "emergency",
    }  # fmt: skip
    assert document["what_to_do"]["text"] == entry.mitigation[0].text
    assert document["more"] == "botox-info show weak-bite"
    assert document["emergency"] == BUILTIN.emergency.text


def test_brief_in_markdown_keeps_the_emergency_in_bold(run: Run) -> None:
    markdown = run("show", "toxin-spread", "--brief", "--format", "markdown").stdout
    assert markdown.startswith("# Spread of the toxin effect\n")
    assert "## Get help at once if\n\n- **In the hours to weeks" in markdown
    assert f"**{EMERGENCY}" in markdown
    assert f"> {BUILTIN.disclaimer}" in markdown


def test_list_names_prints_ids_one_a_line_and_nothing_else(run: Run) -> None:
    result = run("list", "--names")
    assert result.exit_code == EXIT_OK
    assert result.stdout == "".join(f"{entry.id}\n" for entry in BUILTIN.side_effects)
    assert result.stderr == ""


@pytest.mark.parametrize("output_format", ["table", "markdown"])
def test_list_names_follows_the_filters_and_sort(run: Run, output_format: str) -> None:
    result = run("list", "--names", "--area", "jaw", "--sort", "frequency", "--format", output_format)
    assert result.stdout.splitlines()[0] == "weak-bite"
    assert "disclaimer" not in result.stdout.casefold()


def test_list_names_in_json_and_with_nothing_selected(run: Run) -> None:
    assert json_document(run("list", "--names", "--format", "json", "--area", "neck"))["names"][-1] == (
        "counterfeit-product"
    )
    empty = run("list", "--names", "--max-duration", "1min", "--urgency", "get-help-now")
    assert (empty.exit_code, empty.stdout) == (EXIT_NOT_FOUND, "")
