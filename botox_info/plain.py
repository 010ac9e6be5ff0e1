"""Plain-text rules shared by every layer: how names compare, what is safe to print.

str.translate rather than regular expressions: compiling patterns costs every
command about half a millisecond at start-up.
"""

from __future__ import annotations

import os

_NAME_FOLDING = str.maketrans({**dict.fromkeys("'’`®™"), **dict.fromkeys("-–—_/.,", " ")})
# The same folding for ASCII text, done on bytes: over twice as fast, and a big file has thousands of names.
_ASCII_SPACED, _ASCII_DROPPED = bytes.maketrans(b"-_/.,", b"     "), b"'`"
# C0 and C1 control characters except tab and newline: ESC starts terminal escape sequences.
# Also the bidirectional marks, embeddings, overrides and isolates: they can make text read
# in another order than it is stored ("Trojan Source"), so a clinic's line could show a
# different figure or name from the one validated.
_BIDI = [0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_CONTROL = dict.fromkeys([*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), *_BIDI])
ECHO_LIMIT = 80  # characters of what the user typed that a message repeats


def normalize_name(text: str) -> str:
    """'Crow’s-Feet®' -> 'crows feet': case, marks, hyphens and spacing ignored."""
    folded = text.casefold()
    if folded.isascii():
        return " ".join(folded.encode().translate(_ASCII_SPACED, _ASCII_DROPPED).decode().split())
    return " ".join(folded.translate(_NAME_FOLDING).split())


def option_word(text: str) -> str:
    """'Get Help Now' -> 'get-help-now': a typed value in the form the choices are listed in."""
    return "-".join(normalize_name(text).split())


def printable(text: str) -> str:
    """`text` without control characters or bidi overrides, so it cannot drive the terminal or reorder itself."""
    # Every character removed is unprintable: most texts (a big file's tens of thousands) are left at once.
    return text if text.isprintable() else text.translate(_CONTROL)


def echoed(text: str) -> str:
    """What the user typed, fit to repeat in a one-line message: printable, on one line, shortened.

    A pasted paragraph or a name with a newline must not turn one error into many lines.
    """
    flat = " ".join(printable(text).splitlines())
    return flat if len(flat) <= ECHO_LIMIT else flat[: ECHO_LIMIT - 1].rstrip() + "…"


def readable_path(path: str | os.PathLike[str]) -> str:
    """A file name any terminal, message and JSON can show: bytes that are not UTF-8 as '\\xff'.

    Python keeps such bytes as lone surrogates, which no encoder accepts: printing
    them, or putting them in a cache key, would raise UnicodeEncodeError.
    """
    text = os.fspath(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text
