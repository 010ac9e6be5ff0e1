"""`botox-info timeline`: the weeks after treatment drawn from the structured onsets and durations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from botox_info.answers.timeline import AXIS_TO, build
from botox_info.errors import EXIT_OK, EXIT_USAGE
from botox_info.output.chart import chart, position, span_text

from .helpers import BUILTIN, Run

DAY, WEEK, MONTH = 24, 24 * 7, 24 * 30


def timeline_json(run: Run, *args: str) -> dict[str, Any]:
    result = run("timeline", *args, "--format", "json")
    assert result.exit_code == EXIT_OK, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_the_wanted_effect_starts_in_days_and_lasts_months(run: Run) -> None:
    wanted = timeline_json(run)["wanted_effect"]
    assert wanted["start_hours"] == 2 * DAY
    assert wanted["usual_end_hours"] == 3 * MONTH
    assert wanted["longest_end_hours"] == 4 * MONTH


def test_bars_come_from_the_structured_onsets_and_durations(run: Run) -> None:
    document = timeline_json(run)
    rows = {row["id"]: row for row in document["side_effects"]}
    not_drawn = {row["id"] for row in document["not_drawn"]}
    assert set(rows) | not_drawn == {entry.id for entry in BUILTIN.side_effects}
    assert not_drawn == {entry.id for entry in BUILTIN.side_effects if not entry.duration.measured}
    assert "severe-allergic-reaction" in not_drawn  # no source says how long it lasts: no invented bar
    assert rows["weak-bite"]["start_hours"] == 0  # Yeh 2018: most jaw complications appeared within 2-4 weeks
    # Yeh 2018 counts the 12 weeks from the injection, so the bar ends there, not 12 weeks after the onset.
    assert rows["weak-bite"]["longest_end_hours"] == 12 * WEEK
    assert rows["weak-bite"]["usual_end_hours"] == 2 * WEEK  # the article's "a few weeks"
    # The label: hours to weeks to start; the Medication Guide: swallowing problems may last several months.
    assert rows["toxin-spread"]["start_hours"] == 1
    assert rows["toxin-spread"]["longest_end_hours"] == 2 * WEEK + 3 * 30 * 24
    assert rows["pain"]["start_known"] is True
    assert rows["headache"]["start_known"] is False  # no source gives when it starts
    for row in rows.values():
        assert 0 <= row["start_hours"] <= row["usual_end_hours"] <= row["longest_end_hours"]


def test_bars_are_in_order_of_when_they_start(run: Run) -> None:
    starts = [row["start_hours"] for row in timeline_json(run)["side_effects"]]
    assert starts == sorted(starts)


def test_an_area_narrows_the_timeline(run: Run) -> None:
    ids = [row["id"] for row in timeline_json(run, "--area", "masseter")["side_effects"]]
    assert ids
    assert all("jaw" in BUILTIN.find(entry_id).areas for entry_id in ids)
    assert "drooping-eyelid" not in ids


def test_an_unknown_area_is_a_usage_error(run: Run) -> None:
    assert run("timeline", "--area", "elbow").exit_code == EXIT_USAGE


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_the_chart_fits_its_width(width: int) -> None:
    lines = chart(build(BUILTIN), width)
    assert max(len(line) for line in lines) <= width


def test_the_axis_keeps_minutes_and_months_apart() -> None:
    columns = [position(hours, 53) for hours in (1 / 60, 1, DAY, WEEK, MONTH, 3 * MONTH, AXIS_TO)]
    assert columns == sorted(set(columns))  # strictly increasing: every scale stays readable
    assert columns[0] == 0
    assert columns[-1] == 52


def test_the_chart_reads_without_colour_or_unicode(run: Run) -> None:
    result = run("timeline", charset="ascii", env={"COLUMNS": "80"})
    assert result.exit_code == EXIT_OK
    text = result.stdout_bytes.decode("ascii")
    assert "# usually lasts   - can last until   ? start not measured" in text
    assert "+" in text  # the axis ticks


@pytest.mark.parametrize(
    ("hours", "text"), [(0.5, "30 minutes"), (1, "1 hour"), (36, "2 days"), (24 * 14, "2 weeks"), (24 * 90, "3 months")]
)
def test_spans_are_said_in_the_largest_unit(hours: float, text: str) -> None:
    assert span_text(hours) == text


def test_markdown_has_the_chart_and_a_table_of_numbers(run: Run) -> None:
    stdout = run("timeline", "--format", "markdown").stdout
    assert "```text\n" in stdout
    assert "| Weakened bite | at the injection | 2 weeks | 3 months |" in stdout  # within 2-4 weeks; over by 12 weeks
    assert "| Drooping eyelid | 2 days | not known | 4 months |" in stdout  # wears off with the toxin: 3-4 months
    assert "| Pain from the injections | at the injection | 1 minute | 10 minutes |" in stdout
    assert "Not drawn, as no source says how long they last: " in stdout


def test_an_onset_without_numbers_is_said_in_words_and_drawn_from_an_unknown_start(run: Run, tmp_path: Path) -> None:
    clinic = tmp_path / "clinic.yaml"
    clinic.write_text(
        "side_effects:\n  - id: sagging\n    onset: {text: Some time after., sources: [article]}\n", encoding="utf-8"
    )
    rows = {row["id"]: row for row in timeline_json(run, "-d", str(clinic))["side_effects"]}
    assert rows["sagging"]["start_known"] is False
    assert "Some time after." in run("-d", str(clinic), "show", "sagging").stdout
