"""Views -> Rich renderables for the terminal: the console, lists, reports, and the dispatch.

With terminal_page.py, the only modules that draw with Rich. Every piece of
knowledge-base text goes through `Text(...)`, never through markup, so
'[...]' and ':name:' in the data print literally. rich.table is imported
only by the views that draw a table, which `show` never does.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console, RenderableType
from rich.text import Text

from ..knowledge.models import KnowledgeBase, SideEffect
from ..plain import printable
from . import NARROWEST, pages, routed, views, wording
from .streams import can_encode, prepare
from .terminal_page import BULLET, HEADING, NARROW, NOTE, URGENT, SegmentTable, Writer, page

if TYPE_CHECKING:
    from ..answers.search import Hit
    from ..answers.timeline import Timeline


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # Rich would exit 1 here; let the CLI's one error boundary decide (a closed pipe is not an error).
        self.quiet = True
        raise BrokenPipeError


def console(stderr: bool = False) -> Console:
    """A console on stdout (or stderr) that never reads markup or emoji codes in text."""
    stream = prepare(sys.stderr if stderr else sys.stdout)
    out = _Console(file=stream, emoji=False, highlight=False, markup=False)
    if out.width < NARROWEST:  # a terminal that reports no width at all
        out.width = NARROWEST
    return out


def draw(view: views.View, out: Console) -> list[RenderableType]:
    """The view, then for advice the emergency line and the disclaimer (unless its page closes itself)."""
    knowledge = views.advice_of(view)
    match view:
        case views.SideEffectPage() | views.GuidePage() | views.CheckPage():
            content = pages.page_for(view)
            drawn: list[RenderableType] = [page(view.knowledge, content, out)]
            knowledge = None if content.closing else knowledge
        case views.SideEffectList(_, entries, area):
            drawn = side_effect_table(entries, out, area)
        case views.SearchResults(_, _, hits, route):
            drawn = [search_results(hits, out, routed.results_lead(route) if route else "")]
        case views.AreaPage(_, route):
            assert route.area is not None  # noqa: S101 - an area page always has its area
            lead, more = Writer(out), Writer(out)
            lead.line(route.area.name, "bold underline")
            lead.line(routed.area_lead(route))
            more.line(routed.area_more(route), NOTE)
            drawn = [lead.text, *side_effect_table(route.area_entries, out, route.area.id), more.text]
        case views.NameList(_, entries):
            drawn = [Text("\n".join(entry.id for entry in entries))]
        case views.TimelineView(_, timeline_drawn):
            drawn = [timeline(timeline_drawn, out)]
        case views.Bibliography(knowledge_base):
            drawn = [bibliography(knowledge_base, out)]
        case views.FilesReport(report):
            drawn = [layer_report(report, out)]
        case views.ValidationReport(result):
            drawn = [Text("\n".join(result.lines))] if result.lines else []
    return [*drawn, footer(knowledge, out)] if knowledge is not None else drawn


def error(message: str) -> None:
    """An error on stderr: 'botox-info: error: ...'."""
    out = console(stderr=True)
    # Text.assemble styles each piece alone; `Text(a, style) + Text(b)` would carry a's style over b.
    out.print(Text.assemble(("botox-info: error: ", "bold red"), printable(message)), soft_wrap=True)


def bibliography(knowledge: KnowledgeBase, out: Console) -> Text:
    """Every source with what cites it."""
    writer = Writer(out)
    writer.line("Sources", "bold underline")
    writer.line("Every statement in botox-info cites one or more of these.")
    for source_id, places in knowledge.citations().items():
        source = knowledge.sources[source_id]
        writer.heading(source_id)
        writer.hang("  ", Text(wording.source_text(source)))
        if source.url:
            writer.text.append("  " + source.url + "\n")
        writer.hang("  ", Text("Cited by: " + (", ".join(places) or "nothing yet"), style=NOTE))
    return writer.text


def layer_report(report: dict[str, Any], out: Console) -> Text:
    """The knowledge-base files in the order they are layered, which were read, and the cache."""
    writer = Writer(out)
    writer.line("Knowledge-base files, in order: later ones add to and override earlier ones.", HEADING)
    for position, row in enumerate(report["files"], start=1):
        state = wording.file_state(row)
        writer.hang(f"{position}. ", Text(f"{row['source']}: {row['path']} ({state})"))
    writer.line()
    writer.line(wording.cache_line(report["cache"]), NOTE)
    return writer.text


def search_results(hits: Sequence[Hit], out: Console, lead: str = "") -> Text:
    """Each hit with where to read it and its best passages, the matched words highlighted."""
    writer = Writer(out)
    if lead:
        writer.line(lead)
    writer.line(f"{len(hits)} {'match' if len(hits) == 1 else 'matches'}, best first", NOTE)
    for hit in hits:
        writer.heading(hit.title)
        writer.hang(
            "  ", Text(f"{hit.kind}: '{wording.read_more(hit.kind, hit.id)}'{wording.missing(hit)}", style=NOTE)
        )
        for passage in wording.shown_passages(hit):
            text = Text.assemble((f"{wording.field_label(passage.field)}: ", NOTE), passage.text)
            offset = len(text) - len(passage.text)
            for start, end in passage.spans:
                text.stylize("bold underline", offset + start, offset + end)
            writer.hang(BULLET, text)
    return writer.text


def timeline(drawn: Timeline, out: Console) -> Text:
    """The chart of timeline.py, with a title; piped output gets it at 80 columns."""
    from .chart import chart, not_drawn_line

    writer = Writer(out)
    writer.line(wording.TIMELINE_TITLE, "bold underline")
    writer.line("Hours to months on a stretched scale; 'botox-info show NAME' gives each one's sources.", NOTE)
    writer.line()
    ellipsis = "…" if can_encode(out.file, "…") else "..."  # a stand-in as long as what it stands for
    for line in chart(drawn, min(writer.width, out.width), ellipsis):
        writer.text.append(line + "\n")
    if not_drawn_line(drawn):
        writer.line()
        writer.line(not_drawn_line(drawn), NOTE)
    return writer.text


def footer(knowledge: KnowledgeBase, out: Console) -> Text:
    writer = Writer(out)
    writer.line()
    writer.line(wording.emergency_line(knowledge), "bold")
    writer.line(knowledge.disclaimer, NOTE)
    return writer.text


def side_effect_table(entries: Iterable[SideEffect], out: Console, area: str | None = None) -> list[RenderableType]:
    """The list as a table, in pieces of ROWS_AT_ONCE rows printed one after the other (one table to the eye)."""
    entries = list(entries)
    if out.width < NARROW:
        writer = Writer(out)
        for entry in entries:
            writer.line(Text.assemble((entry.name, HEADING), (f" ({entry.id})", NOTE)))
            writer.hang("  ", Text(entry.summary))
            writer.hang("  ", Text(f"Lasts: {wording.duration_range(entry.duration)}"))
            writer.hang("  ", Text(f"How often: {wording.frequency_summary(entry, area)}"))
            writer.hang("  ", Text(f"Urgency: {entry.urgency}; {wording.provenance(entry)}"))
            writer.line()
        return [writer.text]
    # Drawn here rather than by rich.table: Rich measures every cell to work out the column
    # widths, which are fixed here, and runs each cell's lines through several generic passes.
    # The same table, segment for segment, at a fraction of the cost per row that a clinic's
    # 1,000 entries feel (tests/test_table.py compares it with rich.table's).
    longest_id = max((len(entry.id) for entry in entries), default=0)  # ids are typed, so never cut
    widths = [min(max(longest_id, 16), 24), 0, 17]
    widths[1] = out.width - 4 - 2 * len(widths) - widths[0] - widths[2]  # 4 borders, a space each side of a cell
    rows = [
        (
            [(entry.name, ""), (entry.id, NOTE), (wording.provenance(entry), NOTE)],
            [(entry.summary, "")],
            [
                (wording.duration_range(entry.duration), ""),
                (wording.frequency_summary(entry, area), NOTE),
                (entry.urgency, URGENT if entry.urgency == "get help now" else ""),
            ],
        )
        for entry in entries
    ]
    header = ([("Side effect", "")], [("In short", "")], [("Lasts", ""), ("How often", ""), ("Urgency", "")])
    title = "Possible side effects of Botox® injections"
    # Printed a piece at a time, what Rich holds before writing stays small whatever the number of rows,
    # and so does what the garbage collector walks: 10,000 rows cost ten times 1,000, not more.
    starts = range(0, max(len(rows), 1), ROWS_AT_ONCE)
    return [
        SegmentTable(title, header, rows[start : start + ROWS_AT_ONCE], widths, (HEADING, "", ""), start, len(rows))
        for start in starts
    ]


ROWS_AT_ONCE = 200
