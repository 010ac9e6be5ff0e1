"""Reading pages for the terminal: one Rich `Text`, wrapped here, with hanging indents under bullets.

About five times faster than a Rich table grid, and `show` runs on every
look-up. Every piece of knowledge-base text goes through `Text(...)`, never
through markup, so '[...]' and ':name:' in the data print literally.
rich.table is imported only for avoid's two-column table, which `show` never draws.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Iterable

from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.text import Text

from ..knowledge.models import KnowledgeBase
from . import wording
from .pages import Item, Page, Section

NARROW = 72  # below this many columns, tables become stacked blocks
UNWRAPPED = 10_000  # page width for piped output: one line per statement, easy to grep
HEADING = "bold"
NOTE = "dim"
URGENT = "bold red"
BULLET = " • "


class Writer:
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
            self.hang(label, Text(wording.source_text(source)))
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
    writer = Writer(out)
    writer.line(content.title, "bold red underline" if content.emergency else "bold underline")
    for line in content.intro:
        writer.line(line)
    for section in content.sections:
        writer.heading(section.heading, URGENT if section.urgent else HEADING)
        writer.bullets(section.items, numbering, style="bold" if section.urgent else "")
    if content.brief:
        writer.line()
        writer.line(wording.brief_sources(numbering), NOTE)
        return writer.text
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
    sources = Writer(out)
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
