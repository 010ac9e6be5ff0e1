"""Printing one view in the chosen format, importing only what that format needs.

Terminal tables and pages come from render.py (Rich), JSON from export.py,
Markdown from markdown.py. No typer here.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, MutableMapping
from enum import StrEnum
from typing import Any

from ..knowledge.models import KnowledgeBase
from . import streams
from .pages import Page

# The narrowest layout drawn, in columns: COLUMNS=0 made Rich (ours and Typer's help and usage
# errors) print nothing at all, and left the timeline no room for its axis.
NARROWEST = 20


def widen_columns(environ: MutableMapping[str, str]) -> None:
    """Raise a COLUMNS narrower than any layout to NARROWEST, before anything measures the terminal."""
    columns = environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) < NARROWEST:
        environ["COLUMNS"] = str(NARROWEST)


class Format(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


def emit_page(output_format: Format, knowledge: KnowledgeBase, content: Page, as_json: Callable[[Any], Any]) -> None:
    """A reading page; one that closes with words of its own (urgent) needs no footer on the terminal."""
    emit(
        output_format,
        knowledge,
        as_json=as_json,
        as_markdown=lambda markdown: markdown.page(knowledge, content),
        as_table=lambda render, out: render.page(knowledge, content, out),
        footer=not content.closing,
    )


def emit(
    output_format: Format,
    knowledge: KnowledgeBase | None,
    as_json: Callable[[Any], Any],
    as_markdown: Callable[[Any], str],
    as_table: Callable[[Any, Any], Any],
    advice: bool = True,
    footer: bool = True,
) -> None:
    """Print one view. Advice carries the emergency line and the disclaimer in every format:
    in JSON as fields, on the terminal as a footer unless the page closes with its own (`footer`)."""
    if output_format is Format.table:
        from . import terminal

        out = terminal.console()
        out.print(as_table(terminal, out), soft_wrap=True)
        if advice and footer and knowledge is not None:
            out.print(terminal.footer(knowledge, out), soft_wrap=True)
    elif output_format is Format.json:
        from . import json_document

        ascii_only = not streams.can_encode(sys.stdout, "®")
        whole = json_document.document(as_json(json_document), knowledge if advice else None)
        streams.write(json_document.to_json(whole, ascii_only=ascii_only))
    else:
        from . import markdown

        streams.write(as_markdown(markdown))
