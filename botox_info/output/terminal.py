"""Pages and tables -> Rich renderables for the terminal.

The only module that draws with Rich. Every piece of knowledge-base text
goes through `Text(...)`, never through markup, so '[...]' and ':name:' in
the data print literally.

Reading pages are one `Text` that this module wraps itself, with hanging
indents under bullets: about five times faster than a Rich table grid, and
`show` runs on every look-up. rich.table is imported only by the views that
draw a table, which `show` never does.
"""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Iterable
from typing import Any

from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.text import Text

from ..knowledge.models import KnowledgeBase, SideEffect
from ..plain import printable
from . import NARROWEST, wording
from .pages import Item, Page, Section
from .streams import can_encode, prepare

NARROW = 72  # below this many columns, tables become stacked blocks
UNWRAPPED = 10_000  # page width for piped output: one line per statement, easy to grep
HEADING = "bold"
NOTE = "dim"
URGENT = "bold red"
BULLET = " • "


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


def error(message: str) -> None:
    """An error on stderr: 'botox-info: error: ...'."""
    out = console(stderr=True)
    # Text.assemble styles each piece alone; `Text(a, style) + Text(b)` would carry a's style over b.
    out.print(Text.assemble(("botox-info: error: ", "bold red"), printable(message)), soft_wrap=True)


class _Writer:
    """A reading page built as one Text, wrapped to the console's width."""

    def __init__(self, out: Console) -> None:
        self.out = out
        self.text = Text(end="")
        # Piped pages are not wrapped, so grep finds whole statements; tables still fit
        # the terminal (Rich measures it even through a pipe) or 80 columns.
        piped = not out.is_terminal and "COLUMNS" not in os.environ
        self.width = UNWRAPPED if piped else out.width

    def line(self, text: str | Text = "", style: str = "") -> None:
        self.hang("", text if isinstance(text, Text) else Text(text, style=style))

    def heading(self, title: str, style: str = HEADING) -> None:
        self.text.append("\n")
        self.line(title, style)

    def hang(self, prefix: str, text: Text) -> None:
        """`text` after `prefix`, its further lines indented to line up under the first."""
        width = max(self.width - len(prefix), 12)
        for position, piece in enumerate(_wrap(text, width, self.out)):
            self.text.append(prefix if position == 0 else " " * len(prefix))
            self.text.append_text(piece)
            self.text.append("\n")

    def bullets(self, items: Iterable[Item], numbering: dict[str, int], style: str = "") -> None:
        for item in items:
            self.hang(BULLET, _item_text(item, numbering, style))

    def sources(self, knowledge: KnowledgeBase, numbering: dict[str, int]) -> None:
        self.heading("Sources")
        widest = len(str(len(numbering)))
        for source_id, position in numbering.items():
            label = f"[{position}]".rjust(widest + 2) + " "
            source = knowledge.sources[source_id]
            self.hang(label, Text(wording.source_text(source, with_url=False)))
            if source.url:  # on a line of its own and never broken, so it stays clickable
                self.text.append(" " * len(label) + source.url + "\n")


def _wrap(text: Text, width: int, out: Console) -> list[Text]:
    """`text` in lines of at most `width` cells, styles kept.

    Plain one-cell-per-character text is split by textwrap (a third faster than
    Rich's wrap, and most lines never need it); anything else goes to Rich.
    """
    plain = text.plain
    if len(plain) <= width and "\n" not in plain:
        return [text]
    if "\n" in plain or "\t" in plain or cell_len(plain) != len(plain):
        lines = list(text.wrap(out, width))
        for line in lines:
            line.rstrip()
        return lines
    offsets, cursor = [], 0
    for chunk in textwrap.wrap(plain, width, break_on_hyphens=False):
        cursor = plain.index(chunk, cursor)
        offsets.append(cursor)
        cursor += len(chunk)
    pieces = list(text.divide(offsets[1:]))
    for piece in pieces:
        piece.rstrip()
    return pieces


def _item_text(item: Item, numbering: dict[str, int], style: str = "") -> Text:
    text = Text(item.text, style=style)
    if item.sources:
        text.append(" " + wording.citation(item.sources, numbering), style=NOTE)
    if item.note:
        text.append(f" ({item.note})", style="italic")
    return text


def page(knowledge: KnowledgeBase, content: Page, out: Console) -> RenderableType:
    """Title, introduction, sections of cited bullets, an optional table, and the sources."""
    numbering = wording.numbering_of(content.source_ids)
    writer = _Writer(out)
    writer.line(content.title, "bold red underline" if content.emergency else "bold underline")
    for line in content.intro:
        writer.line(line)
    for section in content.sections:
        writer.heading(section.heading, URGENT if section.urgent else HEADING)
        writer.bullets(section.items, numbering, style="bold" if section.urgent else "")
    if not content.table:
        writer.sources(knowledge, numbering)
        if content.closing:
            writer.line()
            writer.line(content.closing, NOTE)
        return writer.text
    writer.heading(content.table_title)
    if out.width < NARROW:
        for section in content.table:
            writer.line(section.heading, HEADING)
            writer.bullets(section.items, numbering)
        writer.sources(knowledge, numbering)
        return writer.text
    sources = _Writer(out)
    sources.sources(knowledge, numbering)
    return Group(writer.text, _two_columns(content.table, numbering), sources.text)


def _two_columns(sections: tuple[Section, ...], numbering: dict[str, int]) -> RenderableType:
    from rich.table import Table

    table = Table(show_lines=True, expand=True)
    table.add_column("Side effect", style=HEADING, ratio=1)
    table.add_column("What lowers the chance", ratio=3)
    for section in sections:
        cell = Text()
        for item in section.items:
            cell.append("\n• " if cell else "• ")
            cell.append_text(_item_text(item, numbering))
        table.add_row(Text(section.heading), cell)
    return table


def bibliography(knowledge: KnowledgeBase, out: Console) -> Text:
    """Every source with what cites it."""
    writer = _Writer(out)
    writer.line("Sources", "bold underline")
    writer.line("Every statement in botox-info cites one or more of these.")
    for source_id, places in knowledge.citations().items():
        source = knowledge.sources[source_id]
        writer.heading(source_id)
        writer.hang("  ", Text(wording.source_text(source, with_url=False)))
        if source.url:
            writer.text.append("  " + source.url + "\n")
        writer.hang("  ", Text("Cited by: " + (", ".join(places) or "nothing yet"), style=NOTE))
    return writer.text


def layer_report(report: dict[str, Any], out: Console) -> Text:
    """The knowledge-base files in the order they are layered, which were read, and the cache."""
    writer = _Writer(out)
    writer.line("Knowledge-base files, in order: later ones add to and override earlier ones.", HEADING)
    for position, row in enumerate(report["files"], start=1):
        state = wording.file_state(row)
        writer.hang(f"{position}. ", Text(f"{row['source']}: {row['path']} ({state})"))
    writer.line()
    writer.line(wording.cache_line(report["cache"]), NOTE)
    return writer.text


def search_results(hits: list[Any], out: Console) -> Text:
    """Each hit with where to read it and its best passages, the matched words highlighted."""
    writer = _Writer(out)
    writer.line(f"{len(hits)} {'match' if len(hits) == 1 else 'matches'}, best first", NOTE)
    for hit in hits:
        writer.heading(hit.title)
        writer.hang("  ", Text(f"{hit.kind}: '{wording.read_more(hit.kind, hit.id)}'", style=NOTE))
        for passage in wording.shown_passages(hit):
            text = Text.assemble((f"{wording.field_label(passage.field)}: ", NOTE), passage.text)
            offset = len(text) - len(passage.text)
            for start, end in passage.spans:
                text.stylize("bold underline", offset + start, offset + end)
            writer.hang(BULLET, text)
    return writer.text


def timeline(drawn: Any, out: Console) -> Text:
    """The chart of timeline.py, with a title; piped output gets it at 80 columns."""
    from .chart import chart, not_drawn_line

    writer = _Writer(out)
    writer.line("After treatment: when things start and how long they last", "bold underline")
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
    writer = _Writer(out)
    writer.line()
    writer.line(wording.emergency_line(knowledge), "bold")
    writer.line(knowledge.disclaimer, NOTE)
    return writer.text


def side_effect_table(entries: Iterable[SideEffect], out: Console, area: str | None = None) -> RenderableType:
    entries = list(entries)
    if out.width < NARROW:
        writer = _Writer(out)
        for entry in entries:
            writer.line(Text.assemble((entry.name, HEADING), (f" ({entry.id})", NOTE)))
            writer.hang("  ", Text(entry.summary))
            writer.hang("  ", Text(f"Lasts: {wording.duration_range(entry.duration)}"))
            writer.hang("  ", Text(f"How often: {wording.frequency_summary(entry, area)}"))
            writer.hang("  ", Text(f"Urgency: {entry.urgency}; {wording.provenance(entry)}"))
            writer.line()
        return writer.text
    from rich.table import Table

    table = Table(title="Possible side effects of Botox® injections", title_justify="left", expand=True)
    longest_id = max((len(entry.id) for entry in entries), default=0)  # ids are typed, so never cut
    table.add_column("Side effect", style=HEADING, width=min(max(longest_id, 16), 24))
    table.add_column("In short", ratio=1)
    table.add_column("Lasts\nHow often\nUrgency", width=17)
    for entry in entries:
        table.add_row(
            Text(entry.name) + Text(f"\n{entry.id}\n{wording.provenance(entry)}", style=NOTE),
            Text(entry.summary),
            Text(wording.duration_range(entry.duration))
            + Text("\n" + wording.frequency_summary(entry, area), style=NOTE)
            + Text("\n" + entry.urgency, style=URGENT if entry.urgency == "get help now" else ""),
        )
    return table
