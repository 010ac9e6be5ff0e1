"""Plain-text rules shared by every layer: how names compare, what is safe to print."""

from __future__ import annotations

import re
from typing import Any

_APOSTROPHES = re.compile(r"['’`]")
_SEPARATORS = re.compile(r"[\s\-_/.,]+")
# C0 and C1 control characters except tab and newline: ESC starts terminal escape sequences.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def normalize_name(text: str) -> str:
    """'Crow’s-Feet®' -> 'crows feet': case, marks, hyphens and spacing ignored."""
    text = text.casefold().replace("®", "").replace("™", "")
    text = _APOSTROPHES.sub("", text)
    return _SEPARATORS.sub(" ", text).strip()


def printable(text: str) -> str:
    """`text` without control characters, so it cannot drive the terminal."""
    return _CONTROL.sub("", text)


def printable_tree(value: Any) -> Any:
    """A parsed document with `printable` applied to every string in it."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, list):
        return [printable_tree(item) for item in value]
    if isinstance(value, dict):
        return {key: printable_tree(item) for key, item in value.items()}
    return value
