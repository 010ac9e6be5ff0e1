"""What `show` says when it got somewhere other than by a name: the words every format shares.

answers/routing.py decides where `show` goes; this says how it got there, so
a reader (and a program reading JSON) knows why this page opened. No Rich here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..knowledge.models import PART_TITLES
from ..plain import echoed

if TYPE_CHECKING:
    from ..answers.routing import Route


def _part_title(route: Route) -> str:
    if not route.part:
        return ""
    if route.entry is not None:
        return PART_TITLES.get(route.part, route.part)
    return route.part.replace("_", " ")


def note(route: Route | None) -> str:
    """One line on how `show` got to this page; '' when it was by a name."""
    if route is None or route.by == "name":
        return ""
    query = echoed(route.query)
    part = _part_title(route)
    where = f", '{part}'" if part else ""
    if route.by == "words":
        lead = f"'{query}' is a word people use for this page{where}."
    else:
        lead = f"'{query}' is not a name: this page is its clearest search match{where}. All: botox-info search {query}"
    if route.others:
        lead += " Also see: " + "; ".join(route.others) + "."
    return lead


def area_lead(route: Route) -> str:
    assert route.area is not None  # noqa: S101 - an area route always has its area
    return f"'{echoed(route.query)}' is a treatment area, not a side effect. Its side effects, most common there first:"


def area_more(route: Route) -> str:
    assert route.area is not None  # noqa: S101
    return (
        f"More: 'botox-info list --area {route.area.id} --sort frequency' for the full table, "
        "'botox-info show NAME' for one side effect."
    )


def results_lead(route: Route) -> str:
    return f"No side effect is called '{echoed(route.query)}'. These pages mention it, best first:"


def as_json(route: Route | None) -> dict[str, Any]:
    """{'routed': ...} saying how `show` got here, or nothing when it was by a name."""
    if route is None or route.by == "name":
        return {}
    return {
        "routed": {
            "query": route.query,
            "by": route.by,
            "part": route.part or None,
            "others": list(route.others),
        }
    }
