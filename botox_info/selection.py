"""Choosing and ordering side effects for `list`: by area, frequency, urgency; sorted.

Imports neither typer nor rich.
"""

from __future__ import annotations

from collections.abc import Iterable

from .models import ALL_AREAS, FREQUENCY_BUCKETS, URGENCIES, Figure, SideEffect

# Each key orders the way a reader scans: most common, longest, most urgent first.
SORT_KEYS = ("name", "frequency", "duration", "urgency")


def figure_for(entry: SideEffect, area: str | None = None) -> Figure | None:
    """The largest figure for `area` (or one counted over all areas); the largest of all without one."""
    figures = [f for f in entry.frequency.figures if area is None or f.area in (area, ALL_AREAS)]
    return max(figures, key=lambda figure: figure.percent, default=None)


def bucket_for(percent: float) -> str:
    """The frequency bucket of one figure: common from 1%, uncommon from 0.1%, else rare."""
    return FREQUENCY_BUCKETS[0] if percent >= 1 else FREQUENCY_BUCKETS[1] if percent >= 0.1 else FREQUENCY_BUCKETS[2]


def select(
    entries: Iterable[SideEffect],
    area: str | None = None,
    buckets: Iterable[str] = (),
    urgencies: Iterable[str] = (),
    sort: str | None = None,
) -> list[SideEffect]:
    """The entries that concern `area` and fall in the given buckets and tiers, in `sort` order."""
    wanted_buckets, wanted_urgencies = set(buckets), set(urgencies)
    chosen = [
        entry
        for entry in entries
        if (area is None or area in entry.areas)
        and (not wanted_buckets or entry.frequency.bucket in wanted_buckets)
        and (not wanted_urgencies or entry.urgency in wanted_urgencies)
    ]
    if sort == "name":
        chosen.sort(key=lambda entry: entry.name.casefold())
    elif sort == "frequency":
        chosen.sort(key=lambda entry: _frequency_rank(entry, area))
    elif sort == "duration":
        chosen.sort(key=lambda entry: -entry.duration.high_hours)
    elif sort == "urgency":
        chosen.sort(key=lambda entry: URGENCIES.index(entry.urgency))
    return chosen


def _frequency_rank(entry: SideEffect, area: str | None) -> tuple[int, float, int]:
    """For one area, its own measured figure decides; overall, the bucket, then the largest figure."""
    figure = figure_for(entry, area)
    percent = -(figure.percent if figure else 0.0)
    bucket = FREQUENCY_BUCKETS.index(entry.frequency.bucket)
    if area is not None:
        return int(figure is None), percent, bucket
    return bucket, percent, 0
