"""What a command hands to output: one typed view per kind of page, which every format draws.

A view holds what the command picked (the entries, the hits, the assessment)
and the knowledge base they came from; it says nothing about how it looks.
`advice_of` says whose disclaimer and emergency line go with a view that gives
advice, so every format carries them. No Rich and no typer here.
"""

# Plain classes with __slots__ rather than NamedTuples: a view is built once per run, and
# defining nine NamedTuples cost every command most of a millisecond at start-up.
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..knowledge.models import KnowledgeBase, SideEffect

if TYPE_CHECKING:
    from ..answers.assessment import Assessment
    from ..answers.routing import Route
    from ..answers.search import Hit
    from ..answers.timeline import Timeline
    from ..knowledge.reports import Validation


class SideEffectList:
    """`list`: the entries picked, in order; `area` when one area's figures are asked for."""

    __slots__ = __match_args__ = (
        "knowledge",
        "entries",
        "area",
    )

    def __init__(self, knowledge: KnowledgeBase, entries: tuple[SideEffect, ...], area: str | None = None) -> None:
        self.knowledge = knowledge
        self.entries = entries
        self.area = area


class SideEffectPage:
    """`show`: one side effect in full (or, `brief`, in about ten lines); `route`: how `show` got here."""

    __slots__ = __match_args__ = ("knowledge", "entry", "route", "brief")

    def __init__(
        self, knowledge: KnowledgeBase, entry: SideEffect, route: Route | None = None, brief: bool = False
    ) -> None:
        self.knowledge = knowledge
        self.entry = entry
        self.route = route
        self.brief = brief


class SearchResults:
    """`search`: the hits for a query, best first (none: a document with an empty list, for JSON)."""

    __slots__ = __match_args__ = ("knowledge", "query", "hits", "route")

    def __init__(self, knowledge: KnowledgeBase, query: str, hits: tuple[Hit, ...], route: Route | None = None) -> None:
        self.knowledge = knowledge
        self.query = query
        self.hits = hits
        self.route = route  # set when `show` lists these because no hit was clear


class GuidePage:
    """`avoid`, `before`, `after` or `urgent`: a section of guidance, by its command's name."""

    __slots__ = __match_args__ = ("knowledge", "name", "route")

    def __init__(self, knowledge: KnowledgeBase, name: str, route: Route | None = None) -> None:
        self.knowledge = knowledge
        self.name = name
        self.route = route  # set when `show` led here from words that name no side effect


class AreaPage:
    """`show AREA-WORD`: a treatment area and its side effects, most common first."""

    __slots__ = __match_args__ = ("knowledge", "route")

    def __init__(self, knowledge: KnowledgeBase, route: Route) -> None:
        self.knowledge = knowledge
        self.route = route


class NameList:
    """`list --names`: the side effects' ids, one a line, for scripts and fuzzy finders."""

    __slots__ = __match_args__ = ("knowledge", "entries")

    def __init__(self, knowledge: KnowledgeBase, entries: tuple[SideEffect, ...]) -> None:
        self.knowledge = knowledge
        self.entries = entries


class CheckPage:
    """`check`: what the reader's situation means."""

    __slots__ = __match_args__ = (
        "knowledge",
        "assessment",
    )

    def __init__(self, knowledge: KnowledgeBase, assessment: Assessment) -> None:
        self.knowledge = knowledge
        self.assessment = assessment


class TimelineView:
    """`timeline`: the bars of the weeks after treatment."""

    __slots__ = __match_args__ = (
        "knowledge",
        "timeline",
    )

    def __init__(self, knowledge: KnowledgeBase, timeline: Timeline) -> None:
        self.knowledge = knowledge
        self.timeline = timeline


class Bibliography:
    """`sources`: every source and what cites it."""

    __slots__ = __match_args__ = ("knowledge",)

    def __init__(self, knowledge: KnowledgeBase) -> None:
        self.knowledge = knowledge


class FilesReport:
    """`paths`: the knowledge-base files in layering order, and the cache."""

    __slots__ = __match_args__ = ("report",)

    def __init__(self, report: dict[str, Any]) -> None:
        self.report = report


class ValidationReport:
    """`validate`: each file checked, and every problem with its place."""

    __slots__ = __match_args__ = ("result",)

    def __init__(self, result: Validation) -> None:
        self.result = result


PageView = SideEffectPage | GuidePage | CheckPage  # drawn as a reading page (pages.py)
View = (
    SideEffectList
    | SideEffectPage
    | SearchResults
    | GuidePage
    | AreaPage
    | NameList
    | CheckPage
    | TimelineView
    | Bibliography
    | FilesReport
    | ValidationReport
)


def advice_of(view: View) -> KnowledgeBase | None:
    """The knowledge base whose disclaimer and emergency line go with `view`; None if it advises nothing."""
    if isinstance(view, Bibliography | FilesReport | ValidationReport | NameList):
        return None
    return view.knowledge
