"""Pages and lists -> Markdown, ready to paste into a web page. No Rich here."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..knowledge.models import KnowledgeBase, SideEffect, Source
from . import pages, routed, views, wording
from .pages import Item, Page, Section
from .streams import can_encode

if TYPE_CHECKING:
    from ..answers.search import Hit, Passage
    from ..answers.timeline import Timeline
    from ..knowledge.reports import Validation


# Enough to stop emphasis, links, HTML, headings and table cells; parentheses stay plain.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def escape(text: str) -> str:
    """Knowledge-base text as literal Markdown: no accidental emphasis, links or HTML."""
    return _SPECIAL.sub(r"\\\1", text)


def cell(text: str) -> str:
    """Text for one table cell or heading: escaped, and on one line, so a row stays one row.

    str.split() also breaks at the Unicode line and paragraph separators.
    """
    return escape(" ".join(text.split()))


def draw(view: views.View) -> str:
    """The view as Markdown, with the emergency line and the disclaimer where it gives advice."""
    match view:
        case views.SideEffectPage() | views.GuidePage() | views.CheckPage():
            return page(view.knowledge, pages.page_for(view))
        case views.SideEffectList(knowledge, entries, area):
            return side_effect_list(knowledge, entries, area)
        case views.SearchResults(knowledge, _, hits, route):
            return search_results(knowledge, hits, routed.results_lead(route) if route else "")
        case views.AreaPage(knowledge, route):
            assert route.area is not None  # noqa: S101 - an area page always has its area
            head = [f"# {cell(route.area.name)}", "", escape(routed.area_lead(route))]
            more = ["", escape(routed.area_more(route))]
            return side_effect_list(knowledge, route.area_entries, route.area.id, head, more)
        case views.NameList(_, entries):
            return "\n".join(entry.id for entry in entries)
        case views.TimelineView(knowledge, drawn):
            return timeline(knowledge, drawn)
        case views.Bibliography(knowledge):
            return bibliography(knowledge)
        case views.FilesReport(report):
            return layer_report(report)
        case views.ValidationReport(result):
            return validation(result)
    raise TypeError(f"no Markdown for {view!r}")


def page(knowledge: KnowledgeBase, content: Page) -> str:
    numbering = wording.numbering_of(content.source_ids)
    lines = [f"# {cell(content.title)}"]
    for line in content.intro:
        lines += ["", escape(line)]
    for section in content.sections:
        lines += _section(section, numbering)
    if content.table:
        lines += ["", f"## {escape(content.table_title)}"]
        for section in content.table:
            lines += _section(section, numbering, level="###")
    lines += (
        ["", escape(wording.brief_sources(numbering))] if content.brief else _sources(knowledge, content.source_ids)
    )
    if content.closing:
        return "\n".join([*lines, "", f"> {escape(content.closing)}"])
    return "\n".join([*lines, *_footer(knowledge)])


def side_effect_list(
    knowledge: KnowledgeBase,
    entries: Iterable[SideEffect],
    area: str | None = None,
    head: Sequence[str] = ("# Possible side effects of Botox® injections",),
    more: Sequence[str] = (),
) -> str:
    """The table of side effects, under `head` (its title by default) and above `more` and the footer."""
    lines = [
        *head,
        "",
        "| Side effect | In short | Usually lasts | How often | Urgency | From |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for entry in entries:
        cells = [entry.name, entry.summary, wording.duration_range(entry.duration)]
        cells += [wording.frequency_summary(entry, area), entry.urgency, wording.provenance(entry)]
        lines.append("| " + " | ".join(cell(text) for text in cells) + " |")
    return "\n".join([*lines, *more, *_footer(knowledge)])


def bibliography(knowledge: KnowledgeBase) -> str:
    lines = ["# Sources", "", "Every statement in botox-info cites one or more of these."]
    for source_id, places in knowledge.citations().items():
        lines += ["", f"- **{escape(source_id)}**: {_source(knowledge.sources[source_id])}"]
        lines.append(f"  Cited by: {escape(', '.join(places) or 'nothing yet')}.")
    return "\n".join([*lines, "", f"> {escape(knowledge.disclaimer)}"])


def search_results(knowledge: KnowledgeBase, hits: Sequence[Hit], lead: str = "") -> str:
    lines = ["# Search results", *(["", escape(lead)] if lead else [])]
    lines += ["", f"{len(hits)} {'match' if len(hits) == 1 else 'matches'}, best first."]
    for hit in hits:
        kind = f"*{hit.kind}: `{wording.read_more(hit.kind, hit.id)}`{escape(wording.missing(hit))}*"
        lines += ["", f"## {cell(hit.title)}", "", kind, ""]
        for passage in wording.shown_passages(hit):
            lines.append(f"- {escape(wording.field_label(passage.field))}: {_highlighted(passage)}")
    return "\n".join([*lines, *_footer(knowledge)])


def _highlighted(passage: Passage) -> str:
    """The passage, escaped, with each matched word in bold."""
    pieces, cursor = [], 0
    for start, end in passage.spans:
        pieces += [escape(passage.text[cursor:start]), f"**{escape(passage.text[start:end])}**"]
        cursor = end
    return "".join([*pieces, escape(passage.text[cursor:])])


def timeline(knowledge: KnowledgeBase, drawn: Timeline) -> str:
    from .chart import chart, not_drawn_line, span_text

    ellipsis = "…" if can_encode(sys.stdout, "…") else "..."  # the same length as the stand-in, so bars align
    drawing = chart(drawn, 80, ellipsis)
    fence = "`" * max(3, 1 + max((len(run) for line in drawing for run in re.findall("`+", line)), default=0))
    lines = [f"# {wording.TIMELINE_TITLE}", "", f"{fence}text"]
    lines += [
        *drawing,
        fence,
        "",
        "| | starts | usually lasts until | can last until |",
        "| --- | --- | --- | --- |",
    ]
    for row in [drawn.wanted, *drawn.bars] if drawn.wanted else drawn.bars:
        start = span_text(row.start) if row.start_known else "not measured"
        usual = span_text(row.usual_end) if row.usual_end > row.start else "not known"
        cells = [row.name, start, usual, span_text(row.longest_end)]
        lines.append("| " + " | ".join(cell(text) for text in cells) + " |")
    if not_drawn_line(drawn):
        lines += ["", escape(not_drawn_line(drawn))]
    return "\n".join([*lines, *_footer(knowledge)])


def validation(result: Validation) -> str:
    """validate's report: a row per file, then a row per problem with its place."""
    lines = ["# Knowledge-base files checked", "", "| File | Valid | Side effects | New | Changed |"]
    lines.append("| --- | --- | --- | --- | --- |")
    for row in result.files:
        counts = [row[key] for key in ("side_effects", "new", "changed")]
        cells = [row["path"], "yes" if row["ok"] else "no", *("" if n is None else str(n) for n in counts)]
        lines.append("| " + " | ".join(cell(text) for text in cells) + " |")
    if result.problems:
        lines += [
            "",
            "## Problems",
            "",
            "| File | Line | Column | Field | Problem |",
            "| --- | --- | --- | --- | --- |",
        ]
        for problem in result.problems:
            cells = ["" if part is None else str(part) for part in problem]
            lines.append("| " + " | ".join(cell(text) for text in cells) + " |")
    return "\n".join(lines)


def layer_report(report: dict[str, Any]) -> str:
    lines = ["# Knowledge-base files", "", "In order: later ones add to and override earlier ones.", ""]
    for position, row in enumerate(report["files"], start=1):
        state = wording.file_state(row)
        lines.append(f"{position}. {escape(row['source'])}: `{row['path']}` ({state})")
    lines += ["", escape(wording.cache_line(report["cache"]))]
    return "\n".join(lines)


def _section(section: Section, numbering: dict[str, int], level: str = "##") -> list[str]:
    bullets = [f"- {_item(item, numbering)}" for item in section.items]
    if section.urgent:  # a heading is already prominent; the urgent items themselves get the weight
        bullets = [f"- **{bullet[2:]}**" for bullet in bullets]
    return ["", f"{level} {cell(section.heading)}", "", *bullets]


def _item(item: Item, numbering: dict[str, int]) -> str:
    text = escape(item.text)
    if item.sources:
        text += " " + escape(wording.citation(item.sources, numbering))
    if item.note:
        text += f" *({escape(item.note)})*"
    return text


def _source(source: Source) -> str:
    text = escape(wording.source_text(source))
    if source.url:  # an autolink, clickable once rendered, unless the address would break out of it
        text += f" <{source.url}>" if not set("<>") & set(source.url) else " " + escape(source.url)
    return text


def _sources(knowledge: KnowledgeBase, source_ids: Iterable[str]) -> list[str]:
    lines = ["", "## Sources", ""]
    for position, source_id in enumerate(source_ids, start=1):
        lines.append(f"{position}. {_source(knowledge.sources[source_id])}")
    return lines


def _footer(knowledge: KnowledgeBase) -> list[str]:
    return ["", f"**{escape(wording.emergency_line(knowledge))}**", "", f"> {escape(knowledge.disclaimer)}"]
