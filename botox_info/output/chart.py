"""The timeline drawn in text: one bar per side effect on a shared logarithmic axis.

The numbers come from answers/timeline.py; this module only draws them, for
the terminal and Markdown alike. Imports neither typer nor rich.
"""

from __future__ import annotations

import math

from ..answers.timeline import AXIS_FROM, AXIS_TO, Bar, Timeline
from ..knowledge.models import HOURS_PER_UNIT
from . import NARROWEST  # the axis needs room for its labels; a narrower request still gets this

TICKS = (("1min", 1 / 60), ("1h", 1), ("1d", 24), ("1w", 24 * 7), ("1mo", 24 * 30), ("3mo", 24 * 90))


def not_drawn_line(timeline: Timeline) -> str:
    """Names the side effects left out of the chart, so none is silently missing; '' when none is."""
    if not timeline.not_drawn:
        return ""
    names = ", ".join(entry.name for entry in timeline.not_drawn)
    return f"Not drawn, as no source says how long they last: {names}."


def share(hours_after: float) -> float:
    """Where a time stands on the logarithmic axis, from 0 (its start) to 1 (its end)."""
    clamped = min(max(hours_after, AXIS_FROM), AXIS_TO)
    return math.log(clamped / AXIS_FROM) / math.log(AXIS_TO / AXIS_FROM)


def position(hours_after: float, width: int) -> int:
    """The column (0 to width - 1) of a time on the logarithmic axis."""
    return min(int(share(hours_after) * width), width - 1)


def span_text(hours_after: float) -> str:
    """14 -> '14 hours', 336 -> '2 weeks': the largest unit giving a number of at least 1; 0 -> 'at the injection'."""
    if hours_after <= 0:
        return "at the injection"
    larger = ("months", "weeks", "days", "hours")
    unit = next((unit for unit in larger if hours_after >= HOURS_PER_UNIT[unit]), "minutes")
    amount = hours_after / HOURS_PER_UNIT[unit]
    return f"{amount:.0f} {unit[:-1] if round(amount) == 1 else unit}"


SOLID, LIGHT, UNKNOWN = "█", "░", "?"  # an ASCII-only terminal gets '#', '-' and '?' (streams.py)


def chart(timeline: Timeline, width: int, ellipsis: str = "…") -> list[str]:
    """The timeline drawn in text: one bar per row on a shared logarithmic axis, then the axis.

    At 60 columns or more each name stands left of its bar, cut with `ellipsis` to fit
    (give '...' where '…' cannot be shown: the stand-in must not push the bar right);
    narrower, above it. A name is always one line.
    """
    rows = [timeline.wanted, *timeline.bars] if timeline.wanted else list(timeline.bars)
    width = max(width, NARROWEST)
    wide = width >= 60
    label = min(26, width // 3) if wide else 0
    span = width - label - (1 if wide else 0)
    lines = []
    for row in rows:
        drawn = _bar_line(row, span)
        if wide:
            lines.append(f"{_fit(row.name, label, ellipsis):<{label}} {drawn}".rstrip())
        else:
            lines += [_one_line(row.name), drawn.rstrip()]
    indent = " " * (label + 1 if wide else 0)
    axis, labels = _axis(span)
    lines += [indent + axis, indent + labels.rstrip()]
    legend = [f"{SOLID} usually lasts", f"{LIGHT} can last until", f"{UNKNOWN} start not measured"]
    lines += ["   ".join(legend)] if wide else legend
    return lines


def _bar_line(row: Bar, span: int) -> str:
    cells = [" "] * span
    start, usual, longest = (position(t, span) for t in (row.start, row.usual_end, row.longest_end))
    for column in range(start, longest + 1):
        cells[column] = SOLID if column <= usual else LIGHT
    if not row.start_known:
        cells[start] = UNKNOWN
    return "".join(cells)


def _axis(span: int) -> tuple[str, str]:
    axis, labels = ["─"] * span, [" "] * span
    for name, at in TICKS:
        column = position(at, span)
        axis[column] = "┼"
        fits = column + len(name) <= span
        if fits and all(cell == " " for cell in labels[max(column - 1, 0) : column + len(name) + 1]):
            labels[column : column + len(name)] = name
    return "".join(axis), "".join(labels)


def _fit(text: str, width: int, ellipsis: str) -> str:
    text = _one_line(text)
    return text if len(text) <= width else text[: width - len(ellipsis)] + ellipsis


def _one_line(text: str) -> str:
    """A clinic's name written over several lines must not break the chart's rows."""
    return " ".join(text.split())
