"""Printing one view in the chosen format, importing only what that format needs.

A command hands `emit` one typed view (views.py); terminal.py draws it with
Rich, markdown.py as Markdown, json_document.py as a JSON document. No typer
here, and nothing that reads a file.
"""

from __future__ import annotations

import sys
from collections.abc import MutableMapping
from enum import StrEnum
from typing import TYPE_CHECKING

from . import streams

if TYPE_CHECKING:
    from .views import View

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


def emit(view: View, output_format: Format) -> None:
    """Print one view. Advice carries the emergency line and the disclaimer in every format:
    in JSON as fields, on the terminal and in Markdown as a footer (a page may close with its own)."""
    if output_format is Format.table:
        from . import terminal

        out = terminal.console()
        for drawn in terminal.draw(view, out):
            out.print(drawn, soft_wrap=True)
    elif output_format is Format.json:
        from . import json_document
        from .views import advice_of

        ascii_only = not streams.can_encode(sys.stdout, "®")
        whole = json_document.document(json_document.body(view), advice_of(view))
        streams.write(json_document.to_json(whole, ascii_only=ascii_only))
    else:
        from . import markdown

        streams.write(markdown.draw(view))
