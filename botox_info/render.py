"""Knowledge-base models -> Rich renderables for the terminal.

The only module that draws with Rich. Every piece of knowledge-base text
goes through `Text(...)`, never through markup, so '[...]' and ':name:' in
the data print literally.

Reading pages (`show`, `avoid`, `urgent`) are one `Text` that this module
wraps itself, with hanging indents under bullets: about five times faster
than a Rich table grid, and `show` runs on every look-up. rich.table is
imported only by the views that draw a table, which `show` never does.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable

from rich.console import Console, Group, RenderableType
from rich.text import Text

from . import plain, streams, wording
from .knowledge import KnowledgeBase, SideEffect, Statement

NARROW = 72  # below this many columns, tables become stacked blocks
UNWRAPPED = 10_000  # page width for piped output: one line per statement, easy to grep
HEADING = "bold"
NOTE = "dim"
BULLET = " • "


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # Rich would exit 1 here; let the CLI's one error boundary decide (a closed pipe is not an error).
        self.quiet = True
        raise BrokenPipeError


def console(stderr: bool = False) -> Console:
    """A console on stdout (or stderr) that never reads markup or emoji codes in text."""
    stream = streams.prepare(sys.stderr if stderr else sys.stdout)
    return _Console(file=stream, emoji=False, highlight=False, markup=False)


def error(message: str) -> None:
    """An error on stderr: 'botox-info: error: ...'."""
    out = console(stderr=True)
    out.print(Text("botox-info: error: ", style="bold red") + Text(plain.printable(message)), soft_wrap=True)


class _Page:
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

    def heading(self, title: str) -> None:
        self.text.append("\n")
        self.line(title, HEADING)

    def hang(self, prefix: str, text: Text) -> None:
        """`text` after `prefix`, its further lines indented to line up under the first."""
        width = max(self.width - len(prefix), 12)
        for position, piece in enumerate(text.wrap(self.out, width) or [Text("")]):
            piece.rstrip()
            self.text.append(prefix if position == 0 else " " * len(prefix))
            self.text.append_text(piece)
            self.text.append("\n")

    def bullets(self, statements: Iterable[Statement], numbering: dict[str, int], style: str = "") -> None:
        for statement in statements:
            text = Text(statement.text, style=style)
            if statement.sources:
                text.append(" " + wording.citation(statement.sources, numbering), style=NOTE)
            self.hang(BULLET, text)

    def sources(self, knowledge: KnowledgeBase, numbering: dict[str, int]) -> None:
        self.heading("Sources")
        widest = len(str(len(numbering)))
        for source_id, position in numbering.items():
            label = f"[{position}]".rjust(widest + 2) + " "
            source = knowledge.sources[source_id]
            self.hang(label, Text(wording.source_text(source, with_url=False)))
            if source.url:  # on a line of its own and never broken, so it stays clickable
                self.text.append(" " * len(label) + source.url + "\n")


def side_effect_detail(knowledge: KnowledgeBase, entry: SideEffect, out: Console) -> Text:
    numbering = wording.numbering_of(entry.cited_sources)
    page = _Page(out)
    page.line(entry.name, "bold underline")
    page.line(entry.summary, "italic")
    sections = (
        ("How long it lasts", [Statement(entry.duration.text, entry.duration.sources)]),
        ("How often", wording.frequency_statements(knowledge, entry)),
        ("Why it happens", entry.causes),
        ("What to do if it happens", entry.mitigation),
        ("How to lower the chance", entry.prevention),
        ("See a doctor if", entry.see_doctor_if),
    )
    for title, statements in sections:
        page.heading(title)
        page.bullets(statements, numbering)
    page.heading("Treatment areas")
    page.hang(BULLET, Text(", ".join(knowledge.area_names()[area] for area in entry.areas)))
    page.sources(knowledge, numbering)
    return page.text


def guidance(knowledge: KnowledgeBase, out: Console) -> RenderableType:
    numbering = wording.numbering_of(wording.guidance_sources(knowledge))
    page = _Page(out)
    page.line("How to avoid the risks", "bold underline")
    page.heading("What matters most")
    page.bullets(knowledge.guidance.principles, numbering)
    page.heading("Checklist before you book")
    page.bullets(knowledge.guidance.checklist, numbering)
    page.heading("Lowering the chance of each side effect")
    if out.width < NARROW:
        for entry in knowledge.side_effects:
            page.line(entry.name, HEADING)
            page.bullets(entry.prevention, numbering)
        page.sources(knowledge, numbering)
        return page.text
    from rich.table import Table

    table = Table(show_lines=True, expand=True)
    table.add_column("Side effect", style=HEADING, ratio=1)
    table.add_column("What lowers the chance", ratio=3)
    for entry in knowledge.side_effects:
        cell = Text()
        for statement in entry.prevention:
            cell.append("\n• " if cell else "• ")
            cell.append(statement.text)
            cell.append(" " + wording.citation(statement.sources, numbering), style=NOTE)
        table.add_row(Text(entry.name), cell)
    sources = _Page(out)
    sources.sources(knowledge, numbering)
    return Group(page.text, table, sources.text)


def urgent(knowledge: KnowledgeBase, out: Console) -> Text:
    flags = knowledge.red_flags
    numbering = wording.numbering_of(wording.urgent_sources(knowledge))
    page = _Page(out)
    page.line("When it is an emergency", "bold red underline")
    page.line(flags.summary)
    page.line(Text("When: ", style=HEADING) + Text(flags.onset))
    page.heading("Warning signs")
    page.bullets([Statement(sign, ()) for sign in flags.signs], numbering)
    page.heading("What to do")
    page.bullets(flags.action, numbering, style="bold")
    page.sources(knowledge, numbering)
    page.line()
    page.line(knowledge.disclaimer, NOTE)
    return page.text


def footer(knowledge: KnowledgeBase, out: Console) -> Text:
    page = _Page(out)
    page.line()
    page.line(wording.RED_FLAG_LINE, "bold")
    page.line(knowledge.disclaimer, NOTE)
    return page.text


def side_effect_table(knowledge: KnowledgeBase, entries: Iterable[SideEffect], out: Console) -> RenderableType:
    entries = list(entries)
    if out.width < NARROW:
        page = _Page(out)
        for entry in entries:
            page.line(Text(entry.name, style=HEADING) + Text(f" ({entry.id})", style=NOTE))
            page.hang("  ", Text(entry.summary))
            page.hang("  ", Text(f"Lasts: {wording.duration_range(entry.duration)}"))
            page.hang("  ", Text(f"How often: {wording.frequency_summary(entry.frequency)}"))
            page.line()
        return page.text
    from rich.table import Table

    table = Table(title="Possible side effects of Botox® injections", title_justify="left", expand=True)
    longest_id = max((len(entry.id) for entry in entries), default=0)  # ids are typed, so never cut
    table.add_column("Side effect", style=HEADING, width=min(max(longest_id, 16), 24))
    table.add_column("In short", ratio=1)
    table.add_column("Usually lasts\nHow often", width=17)
    for entry in entries:
        table.add_row(
            Text(entry.name) + Text(f"\n{entry.id}", style=NOTE),
            Text(entry.summary),
            Text(wording.duration_range(entry.duration))
            + Text("\n" + wording.frequency_summary(entry.frequency), style=NOTE),
        )
    return table
