"""Choosing and ordering side effects for `list`: by area, frequency, urgency; sorted.

Imports neither typer nor rich.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from ..errors import BadDurationError
from ..knowledge.frequency import area_bucket, incidence_figures
from ..knowledge.models import FREQUENCY_BUCKETS, HOURS_PER_UNIT, URGENCIES, Figure, SideEffect

# Each key orders the way a reader scans: most common, longest, most urgent first.
SORT_KEYS = ("name", "frequency", "duration", "urgency")


def figure_for(entry: SideEffect, area: str | None = None) -> Figure | None:
    """The largest incidence for `area` (its own, else one over all areas); the largest of all without one.

    Never a range across studies: the top of such a range is nobody's risk.
    """
    return max(incidence_figures(entry.frequency.figures, area), key=lambda figure: figure.percent, default=None)


def bucket_in(entry: SideEffect, area: str | None) -> str:
    """The entry's bucket for one area, or over the whole entry without one."""
    return entry.frequency.bucket if area is None else area_bucket(entry.frequency.figures, area)


# A year is twelve of the knowledge base's 30-day months, so '1y' and '12mo' filter alike.
# It is an option's unit only: the knowledge base itself measures in DURATION_UNITS.
_HOURS = {**HOURS_PER_UNIT, "years": 12 * HOURS_PER_UNIT["months"]}
_UNIT_WORDS = {
    **{unit: unit for unit in _HOURS},
    **{unit[:-1]: unit for unit in _HOURS},
    **{"min": "minutes", "h": "hours", "d": "days", "w": "weeks", "m": "months", "mo": "months"},
    **{"y": "years", "yr": "years", "yrs": "years"},
}


def parse_duration(text: str) -> float:
    """'2 weeks', '2w', '10 days', '3mo', '1y' -> hours. A bad one is a usage error."""
    cleaned = text.strip().casefold()
    digits = cleaned.rstrip("abcdefghijklmnopqrstuvwxyz ").strip()
    unit = cleaned[len(digits) :].strip()
    try:
        amount = float(digits)
    except ValueError:
        raise BadDurationError(text) from None
    if unit not in _UNIT_WORDS or amount < 0 or amount != amount:
        raise BadDurationError(text)
    return amount * _HOURS[_UNIT_WORDS[unit]]


def select(
    entries: Iterable[SideEffect],
    area: str | None = None,
    buckets: Iterable[str] = (),
    urgencies: Iterable[str] = (),
    origins: Iterable[str] = (),
    max_hours: float | None = None,
    min_hours: float | None = None,
    sort: str | None = None,
) -> list[SideEffect]:
    """The entries that pass every filter given, in `sort` order (else as listed).

    Durations compare with the upper end of an entry's usual range: 'at most two
    weeks' keeps what is usually over within two weeks.
    """
    wanted_buckets, wanted_urgencies, wanted_origins = set(buckets), set(urgencies), set(origins)
    chosen = [
        entry
        for entry in entries
        if (area is None or area in entry.areas)
        and (not wanted_buckets or bucket_in(entry, area) in wanted_buckets)
        and (not wanted_urgencies or entry.urgency in wanted_urgencies)
        and (not wanted_origins or entry.origin in wanted_origins)
        and (max_hours is None or _lasts(entry) <= max_hours)
        and (min_hours is None or min_hours <= _lasts(entry) < math.inf)
    ]
    if sort == "name":
        chosen.sort(key=lambda entry: entry.name.casefold())
    elif sort == "frequency":
        chosen.sort(key=lambda entry: _frequency_rank(entry, area))
    elif sort == "duration":
        chosen.sort(key=lambda entry: -_lasts(entry) if entry.duration.measured else math.inf)
    elif sort == "urgency":
        chosen.sort(key=lambda entry: URGENCIES.index(entry.urgency))
    return chosen


def _lasts(entry: SideEffect) -> float:
    """How long it can last, in hours; not measured counts as unknown, so it passes no duration filter."""
    hours = entry.duration.high_hours
    return math.inf if hours is None else hours


def _frequency_rank(entry: SideEffect, area: str | None) -> tuple[int, float, int]:
    """The bucket (for the area, or over the entry), then the largest incidence figure."""
    figure = figure_for(entry, area)
    percent = -(figure.percent if figure else 0.0)
    return FREQUENCY_BUCKETS.index(bucket_in(entry, area)), percent, int(figure is None)
