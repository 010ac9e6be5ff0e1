"""Make stdout and stderr safe for any terminal, without importing Rich.

A terminal that cannot encode '®', '•' or box-drawing characters gets ASCII
stand-ins instead of a UnicodeEncodeError.
"""

from __future__ import annotations

import codecs
import sys
import unicodedata
from typing import IO, TextIO

ERROR_HANDLER = "botox_info_ascii"
_STAND_INS = {
    "®": "(R)",
    "™": "(TM)",
    "–": "-",
    "—": "-",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "•": "*",
    "…": "...",
    "·": "-",
    "×": "x",
    "≤": "<=",
    "≥": ">=",
    "→": "->",
    "█": "#",
    "░": "-",
    "─": "-",
    "┼": "+",
    "│": "|",
}


def _stand_in(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    replaced = []
    for char in error.object[error.start : error.end]:
        ascii_form = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
        replaced.append(_STAND_INS.get(char) or ascii_form or "?")
    return "".join(replaced), error.end


def prepare(stream: TextIO) -> TextIO:
    """`stream`, switched to ASCII stand-ins if its encoding cannot show our text."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        "®•–─".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        try:
            codecs.lookup_error(ERROR_HANDLER)
        except LookupError:
            codecs.register_error(ERROR_HANDLER, _stand_in)
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=ERROR_HANDLER)
    return stream


def can_encode(stream: IO[str], text: str) -> bool:
    try:
        text.encode(getattr(stream, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def write(text: str, stream: TextIO | None = None) -> None:
    """Write plain text (JSON, Markdown) with a final newline."""
    stream = prepare(stream or sys.stdout)
    stream.write(text if text.endswith("\n") else text + "\n")
    stream.flush()
