"""Make stdout and stderr safe for any terminal, without importing Rich.

A terminal that cannot encode '®', '•' or box-drawing characters gets ASCII
stand-ins instead of a UnicodeEncodeError. A stdout that cannot be written
tells a reader who hung up (ReaderGone) from a lost answer (OutputError).
"""

from __future__ import annotations

import codecs
import errno
import io
import sys
import unicodedata
from typing import IO, Any, TextIO, cast

from ..errors import OutputError

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


class ReaderGone(Exception):  # an event, not a failure: the reader of our stdout hung up
    """The reader of stdout hung up (EPIPE), as `head -1` does: the rest of the output goes nowhere."""


class _ClosedStdout(io.TextIOBase):
    """Stands in for a stdout the program was started without (`>&-`), so writing to it fails loudly."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


class _GuardedStdout:
    """stdout whose failed writes say what happened, in exceptions nobody else catches.

    Rich and Click catch BrokenPipeError themselves and exit 1, and any other
    OSError would be a traceback. As ReaderGone (exit 0, silent) and OutputError
    (exit 4, a message), both reach the CLI's one error boundary. Everything
    else is the real stream's.
    """

    def __init__(self, stream: TextIO) -> None:
        self.guarded = stream

    def write(self, text: str) -> int:
        return self._telling(self.guarded.write, text)  # type: ignore[no-any-return]

    def flush(self) -> None:
        self._telling(self.guarded.flush)

    @staticmethod
    def _telling(operation: Any, *args: Any) -> Any:
        try:
            return operation(*args)
        except BrokenPipeError:
            raise ReaderGone from None
        except OSError as error:
            raise OutputError(error.strerror or str(error)) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.guarded, name)


def guard_stdout() -> None:
    """Make sys.stdout a guarded stream (once), standing in for a closed one."""
    if not isinstance(sys.stdout, _GuardedStdout):
        stream = sys.stdout if sys.stdout is not None else cast(TextIO, _ClosedStdout())
        sys.stdout = cast(TextIO, _GuardedStdout(stream))
