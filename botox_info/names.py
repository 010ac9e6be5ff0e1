"""How names are compared: the one rule shared by lookup and the uniqueness check."""

from __future__ import annotations

import re

_APOSTROPHES = re.compile(r"['’`]")
_SEPARATORS = re.compile(r"[\s\-_/.,]+")


def normalize_name(text: str) -> str:
    """'Crow’s-Feet®' -> 'crows feet': case, marks, hyphens and spacing ignored."""
    text = text.casefold().replace("®", "").replace("™", "")
    text = _APOSTROPHES.sub("", text)
    return _SEPARATORS.sub(" ", text).strip()
