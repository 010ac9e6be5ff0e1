"""What a handout says: the reading pages of check, urgent, after and show, gathered for one reader.

A handout is made of the same pages (pages.py) the terminal and Markdown draw,
so the three cannot say different things; only the side effects of the
reader's areas get a table of their own, worded by wording.py as `list` and
`check` word them. html.py draws a handout; this module says nothing about
how it looks. No Rich and no typer here.
"""

# No `from __future__ import annotations`: NamedTuple turns string annotations into ForwardRefs.
import zlib
from typing import TYPE_CHECKING, NamedTuple

from ..answers.selection import figure_for, select
from ..knowledge.models import Clinic, KnowledgeBase, SideEffect
from . import pages, wording
from .pages import Item, Page
from .views import SideEffectList

if TYPE_CHECKING:
    from ..answers.assessment import Assessment
    from ..answers.timeline import Timeline

FORMAT_VERSION = 1  # the knowledge base's schema_version: the only one there is


class Handout(NamedTuple):
    title: str
    intro: tuple[str, ...]
    stop: Page | None  # the stop signs: first of all
    alarm: Page  # the warning signs and what to do: drawn boxed, at the top
    parts: tuple[Page | SideEffectList, ...]  # in reading order; a list is an area's side effects
    timeline: "Timeline | None"
    source_ids: tuple[str, ...]  # numbered once for the whole handout
    emergency: Item
    disclaimer: str
    clinic: Clinic | None
    made: str  # the date it was made, YYYY-MM-DD
    edition: str  # which knowledge base said all this


def for_reader(knowledge: KnowledgeBase, assessment: "Assessment", timeline: "Timeline", made: str) -> Handout:
    """No names: the reader's areas and situation decide, as `check` does."""
    parts: list[Page | SideEffectList] = []
    likely = pages.more_likely(assessment)
    if likely:
        parts.append(Page("More likely for you", (), tuple(likely), pages.cited_by(*likely)))
    areas = assessment.answers.areas or (None,)
    parts += [_area_list(knowledge, area) for area in areas]
    parts.append(pages.after(knowledge))
    questions = pages.questions(assessment)
    parts.append(Page(questions.heading, (), (questions._replace(heading=""),), pages.cited_by(questions)))
    told = pages.told_of(knowledge, assessment.answers)
    intro = (f"Made for: {told}." if told else "For anyone having Botox® injections in any treatment area.",)
    title = "Botox® injections: what to know"
    return _handout(knowledge, title, intro, _stop_page(assessment), parts, timeline, made)


def for_names(knowledge: KnowledgeBase, entries: list[SideEffect], assessment: "Assessment", made: str) -> Handout:
    """Named side effects in full, after any stop sign the reader's situation raises."""
    stop = _stop_page(assessment) if assessment.stop_signs else None
    parts: list[Page | SideEffectList] = [pages.side_effect(knowledge, entry) for entry in entries]
    names = ", ".join(entry.name for entry in entries)
    return _handout(knowledge, f"Botox® injections: {names}", (), stop, parts, None, made)


def _handout(
    knowledge: KnowledgeBase,
    title: str,
    intro: tuple[str, ...],
    stop: Page | None,
    parts: list[Page | SideEffectList],
    timeline: "Timeline | None",
    made: str,
) -> Handout:
    alarm = _alarm(knowledge)
    cited: dict[str, None] = {}
    for page in (*([stop] if stop else []), alarm, *parts):
        cited.update(dict.fromkeys(page.source_ids if isinstance(page, Page) else list_sources(page)))
    cited.update(dict.fromkeys(knowledge.emergency.sources))
    emergency = Item(knowledge.emergency.text, knowledge.emergency.sources)
    return Handout(
        title,
        intro,
        stop,
        alarm,
        tuple(parts),
        timeline,
        tuple(cited),
        emergency,
        knowledge.disclaimer,
        knowledge.clinic,
        made,
        edition(knowledge),
    )


def edition(knowledge: KnowledgeBase) -> str:
    """The package's version, the format's, and a fingerprint of the content: two handouts with the same
    fingerprint were made from the same knowledge (a clinic's files included)."""
    from .. import __version__

    fingerprint = zlib.crc32(repr(knowledge).encode("utf-8", "backslashreplace"))
    return f"botox-info {__version__}, knowledge-base format {FORMAT_VERSION}, content {fingerprint:08x}"


def _alarm(knowledge: KnowledgeBase) -> Page:
    """`urgent`'s warning signs and what to do (its list of commands to run is for a terminal, not paper)."""
    page = pages.urgent(knowledge)
    sections = tuple(section for section in page.sections if section.urgent)
    return page._replace(sections=sections, source_ids=pages.cited_by(*sections) or page.source_ids, closing="")


def _stop_page(assessment: "Assessment") -> Page:
    section = pages.stop_signs(assessment)
    return Page(section.heading, (), (section._replace(heading=""),), pages.cited_by(section))


def _area_list(knowledge: KnowledgeBase, area_id: str | None) -> SideEffectList:
    """`list --area AREA --sort frequency`: the side effects of one area (every area with None), most common first."""
    return SideEffectList(knowledge, tuple(select(knowledge.side_effects, area=area_id, sort="frequency")), area_id)


def list_sources(listed: SideEffectList) -> tuple[str, ...]:
    """The sources a list's rows cite: each shown figure's, then how long each lasts."""
    cited: dict[str, None] = {}
    for entry in listed.entries:
        figure = figure_for(entry, listed.area)
        cited.update(dict.fromkeys((figure.source,) if figure else ()))
        cited.update(dict.fromkeys(entry.duration.sources))
    return tuple(cited)


def how_often(entry: SideEffect, area_id: str | None) -> Item:
    """'common, 2.1% here (placebo 0.3%)' with the figure's source; the bucket alone where nothing is measured."""
    figure = figure_for(entry, area_id)
    summary = wording.frequency_summary(entry, area_id)
    if figure is None:
        return Item(summary)
    placebo = f" (placebo {wording.percent(figure.placebo_percent)})" if figure.placebo_percent is not None else ""
    return Item(summary + placebo, (figure.source,))
