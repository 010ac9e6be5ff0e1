"""How often a side effect happens: buckets worked out from the sourced figures, never written by hand.

A bucket comes only from an incidence figure (a count in one study, or the
label's own figure) that may set one. A range across studies is not anyone's
risk, so it never sets a bucket; nor does a figure from a table that was not
designed to count that effect (`sets_bucket: false`). A figure for one area
speaks for that area alone; a figure over every area studied speaks for each
of the entry's areas. Imports neither typer nor rich.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .models import ALL_AREAS, FREQUENCY_BUCKETS, Figure

COMMON, UNCOMMON, RARE, NOT_MEASURED = FREQUENCY_BUCKETS


def bucket_of_percent(percent: float) -> str:
    """Common from 1%, uncommon from 0.1%, else rare (the convention of drug monographs)."""
    return COMMON if percent >= 1 else UNCOMMON if percent >= 0.1 else RARE


def is_range(figure: Figure) -> bool:
    """A spread of results across studies, not an incidence."""
    return figure.percent_high is not None


def incidence_figures(figures: Iterable[Figure], area: str | None = None) -> list[Figure]:
    """The figures that are incidences (not ranges), for one area (its own, else all areas'), or all of them."""
    incidences = [figure for figure in figures if not is_range(figure)]
    if area is None:
        return incidences
    own = [figure for figure in incidences if figure.area == area]
    return own or [figure for figure in incidences if figure.area == ALL_AREAS]


def area_bucket(figures: Iterable[Figure], area: str) -> str:
    """The bucket for one treatment area, from that area's own figures (or those over every area)."""
    setting = [figure for figure in incidence_figures(figures, area) if figure.sets_bucket]
    return bucket_of_percent(max(figure.percent for figure in setting)) if setting else NOT_MEASURED


def overall_bucket(figures: Iterable[Figure], areas: Iterable[str]) -> str:
    """One bucket for the whole entry: where every one of its areas has the same, else a figure over all areas."""
    figures = list(figures)
    per_area = {area_bucket(figures, area) for area in areas}
    if len(per_area) == 1 and NOT_MEASURED not in per_area:
        return per_area.pop()
    over_all = [f for f in figures if f.area == ALL_AREAS and f.sets_bucket and not is_range(f)]
    return bucket_of_percent(max(figure.percent for figure in over_all)) if over_all else NOT_MEASURED


def buckets_by_area(figures: Iterable[Figure], areas: Iterable[str]) -> dict[str, str]:
    """Each of the entry's areas and its bucket."""
    figures = list(figures)
    return {area: area_bucket(figures, area) for area in areas}


def figures_of(item: dict[str, Any]) -> tuple[Figure, ...]:
    """The frequency figures of a side-effect entry as written in a document."""
    return tuple(
        Figure(
            f["area"],
            f["percent"],
            f.get("placebo_percent"),
            f["population"],
            f["source"],
            f.get("percent_high"),
            f.get("sets_bucket", True),
            f.get("locator"),
        )
        for f in item.get("frequency", {}).get("figures", [])
    )
