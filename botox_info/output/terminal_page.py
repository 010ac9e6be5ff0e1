"""Reading pages for the terminal: one Rich `Text`, wrapped here, with hanging indents under bullets.

About five times faster than a Rich table grid, and `show` runs on every
look-up. SegmentTable draws `list`'s table as rich.table would, a row at a
time, for a clinic's thousands of entries. Every piece of knowledge-base text goes through `Text(...)`, never
through markup, so '[...]' and ':name:' in the data print literally.
rich.table is imported only for avoid's two-column table, which `show` never draws.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.text import Text

from ..knowledge.models import KnowledgeBase
from . import wording
from .pages import Item, Page, Section

if TYPE_CHECKING:
    from rich.segment import Segment
    from rich.style import Style

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


Lines = list[tuple[str, str]]  # a cell's lines of text, each with one style


class SegmentTable:
    """A table as rich.table draws it (box HEAVY_HEAD, title on the left, header at the bottom of its row)."""

    def __init__(
        self,
        title: str,
        header: Sequence[Lines],
        rows: Sequence[Sequence[Lines]],
        widths: list[int],
        styles: Sequence[str],
        first_row: int = 0,
        all_rows: int | None = None,
    ) -> None:
        """`rows` are those from `first_row` of a table of `all_rows`: only the first piece has the
        title, the border and the header, only the last the closing border."""
        self.title, self.header, self.rows, self.widths, self.styles = title, header, rows, widths, styles
        self.first = first_row == 0
        self.last = first_row + len(rows) >= (len(rows) if all_rows is None else all_rows)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterable[Segment]:
        from rich.box import HEAVY_HEAD
        from rich.segment import Segment

        outer = [width + 2 for width in self.widths]
        box = HEAVY_HEAD.substitute(options, safe=console.safe_box)
        new_line = Segment.line()
        if self.first:
            title = console.render_str(self.title, style="table.title", highlight=False)
            yield from console.render(title, options.update(width=sum(outer) + len(outer) + 1, justify="left"))
            yield Segment(box.get_top(outer))
            yield new_line
            header_style = console.get_style("table.header")
            header = [
                _cell_lines(console, lines, width, header_style)
                for lines, width in zip(self.header, self.widths, strict=True)
            ]
            head = (box.head_left, box.head_vertical, box.head_right)
            yield from _row(header, outer, [header_style] * len(outer), head, top=False)
            yield Segment(box.get_row(outer, "head"))
            yield new_line
        styles = [console.get_style(style) if style else None for style in self.styles]
        for number, row in enumerate(self.rows, 1):
            cells = [_cell_lines(console, *cell) for cell in zip(row, self.widths, styles, strict=True)]
            last = self.last and number == len(self.rows)
            edges = (
                (box.foot_left, box.foot_vertical, box.foot_right)
                if last
                else (box.mid_left, box.mid_vertical, box.mid_right)
            )
            yield from _row(cells, outer, styles, edges, top=True)
        if self.last:
            yield Segment(box.get_bottom(outer))
            yield new_line


def _row(
    cells: list[list[list[Segment]]],
    outer: list[int],
    styles: list[Style | None],
    edges: tuple[str, str, str],
    top: bool,
) -> Iterable[Segment]:
    """One row's lines: the cells side by side, the shorter ones filled with blank lines (below, or above)."""
    from rich.segment import Segment

    height = max(len(cell) for cell in cells)
    for cell, width, style in zip(cells, outer, styles, strict=True):
        blank = [Segment(" " * width, style)]
        filler = [blank] * (height - len(cell))
        cell[:] = cell + filler if top else filler + cell
    left, divider, right = (Segment(edge) for edge in edges)
    new_line = Segment.line()
    for number in range(height):
        yield left
        for position, cell in enumerate(cells):
            if position:
                yield divider
            yield from cell[number]
        yield right
        yield new_line


def _cell_lines(console: Console, lines: Lines, width: int, base: Style | None) -> list[list[Segment]]:
    """A cell's lines wrapped to `width` as rich.text wraps them (words whole, too long ends in '…'), padded."""
    from rich._wrap import divide_line
    from rich.segment import Segment

    space = Segment(" ", base)
    drawn = []
    for text, style_name in lines:
        style = console.get_style(style_name) if style_name else None
        if base is not None:
            style = base + style if style is not None else None
        for line in text.split("\n"):
            if "\t" in line or (not line.isascii() and cell_len(line) != len(line)):  # tabs, wide characters...
                for piece in Text(line, style=style_name).wrap(console, width, justify="left", overflow="ellipsis"):
                    drawn.append([space, *Segment.apply_style(piece.render(console), base), space])
                continue
            if len(line) <= width:  # most lines: no need to look for where to break them
                parts = [line]
            else:
                offsets = [0, *divide_line(line, width, fold=False), len(line)]
                parts = [line[start:end] for start, end in pairwise(offsets)]
            for part in parts:
                if len(part) > width:  # trailing spaces past the width go, then a word too long is cut
                    part = part[: len(part) - min(len(part) - len(part.rstrip()), len(part) - width)]
                    if len(part) > width:
                        part = part[: width - 1] + "…"
                pad = " " * (width - len(part))
                if style is None or not part:
                    drawn.append([space, Segment(part + pad, base), space])
                elif pad:
                    drawn.append([space, Segment(part, style), Segment(pad, base), space])
                else:
                    drawn.append([space, Segment(part, style), space])
    return drawn
