"""What a command hands to output: one typed view per kind of page, which every format draws.

A view holds what the command picked (the entries, the hits, the assessment)
and the knowledge base they came from; it says nothing about how it looks.
`advice_of` says whose disclaimer and emergency line go with a view that gives
advice, so every format carries them. No Rich and no typer here.
"""

# No `from __future__ import annotations`: NamedTuple turns string annotations into
# ForwardRefs, compiling each one, which every command would pay at start-up.
from typing import TYPE_CHECKING, Any, NamedTuple

from ..knowledge.models import KnowledgeBase, SideEffect

if TYPE_CHECKING:
    from ..answers.assessment import Assessment
    from ..answers.search import Hit
    from ..answers.timeline import Timeline
    from ..knowledge.reports import Validation


class SideEffectList(NamedTuple):
    """`list`: the entries picked, in order; `area` when one area's figures are asked for."""

    knowledge: KnowledgeBase
    entries: tuple[SideEffect, ...]
    area: str | None = None


class SideEffectPage(NamedTuple):
    """`show`: one side effect in full."""

    knowledge: KnowledgeBase
    entry: SideEffect


class SearchResults(NamedTuple):
    """`search`: the hits for a query, best first (none: a document with an empty list, for JSON)."""

    knowledge: KnowledgeBase
    query: str
    hits: "tuple[Hit, ...]"


class GuidePage(NamedTuple):
    """`avoid`, `before`, `after` or `urgent`: a section of guidance, by its command's name."""

    knowledge: KnowledgeBase
    name: str


class CheckPage(NamedTuple):
    """`check`: what the reader's situation means."""

    knowledge: KnowledgeBase
    assessment: "Assessment"


class TimelineView(NamedTuple):
    """`timeline`: the bars of the weeks after treatment."""

    knowledge: KnowledgeBase
    timeline: "Timeline"


class Bibliography(NamedTuple):
    """`sources`: every source and what cites it."""

    knowledge: KnowledgeBase


class FilesReport(NamedTuple):
    """`paths`: the knowledge-base files in layering order, and the cache."""

    report: dict[str, Any]


class ValidationReport(NamedTuple):
    """`validate`: each file checked, and every problem with its place."""

    result: "Validation"


PageView = SideEffectPage | GuidePage | CheckPage  # drawn as a reading page (pages.py)
View = (
    SideEffectList
    | SideEffectPage
    | SearchResults
    | GuidePage
    | CheckPage
    | TimelineView
    | Bibliography
    | FilesReport
    | ValidationReport
)


def advice_of(view: View) -> KnowledgeBase | None:
    """The knowledge base whose disclaimer and emergency line go with `view`; None if it advises nothing."""
    if isinstance(view, Bibliography | FilesReport | ValidationReport):
        return None
    return view.knowledge
