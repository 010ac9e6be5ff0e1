"""The weeks after treatment as numbers: when the wanted effect and each side effect start and end.

Times are hours after the injection, read from the structured onsets and
durations of the knowledge base; the axis is logarithmic so that minutes and
months are both readable. Drawing is output/chart.py's job. Imports neither
typer nor rich.
"""

from __future__ import annotations

from typing import NamedTuple

from ..knowledge.models import HOURS_PER_UNIT, Duration, KnowledgeBase, SideEffect

AXIS_FROM = 1 / 60  # one minute: pain is over in minutes
AXIS_TO = 24 * 30 * 6  # six months: past the toxin's usual 3 to 4


class Bar(NamedTuple):
    id: str
    name: str
    start: float  # hours after the injection when it usually starts (earliest)
    usual_end: float  # start + the short end of how long it lasts
    longest_end: float  # latest start + the long end
    start_known: bool  # False: no source gives the onset, so the bar starts at the injection


class Timeline(NamedTuple):
    wanted: Bar | None  # the treatment's own effect, when the knowledge base says
    bars: tuple[Bar, ...]
    not_drawn: tuple[SideEffect, ...] = ()  # no source says how long they last: no bar is invented


def hours(amount: float, unit: str) -> float:
    return amount * HOURS_PER_UNIT[unit]


def bar(entry: SideEffect) -> Bar:
    """A duration counted from the onset is added to it; one counted from the injection is not."""
    duration = entry.duration
    onset = entry.onset if entry.onset is not None and entry.onset.measured else None  # else: starts at '?'
    start = hours(onset.low, onset.unit) if onset else 0.0
    latest_start = hours(onset.high, onset.unit) if onset else 0.0
    counted_from = (0.0, 0.0) if duration.measured_from == "injection" else (start, latest_start)
    usual_end = counted_from[0] + hours(duration.low, duration.unit)
    longest_end = counted_from[1] + hours(duration.high, duration.unit)
    return Bar(
        entry.id, entry.name, start, max(usual_end, start), max(longest_end, usual_end, start), onset is not None
    )


def wanted_bar(onset: Duration, lasts: Duration) -> Bar:
    start = hours(onset.low, onset.unit)
    return Bar("wanted-effect", "Wanted effect", start, hours(lasts.low, lasts.unit),
               hours(lasts.high, lasts.unit), True)  # fmt: skip


def build(knowledge: KnowledgeBase, areas: tuple[str, ...] = ()) -> Timeline:
    """Bars for the side effects of `areas` (all of them without), in order of when they start."""
    entries = [e for e in knowledge.side_effects if not areas or set(areas) & set(e.areas)]
    drawn = [entry for entry in entries if entry.duration.measured]
    bars = sorted((bar(entry) for entry in drawn), key=lambda b: (b.start, b.longest_end))
    wanted = knowledge.wanted_effect
    not_drawn = tuple(entry for entry in entries if not entry.duration.measured)
    measured = wanted is not None and wanted.onset.measured and wanted.lasts.measured
    return Timeline(wanted_bar(wanted.onset, wanted.lasts) if wanted and measured else None, tuple(bars), not_drawn)
