"""A per-user cache of validated knowledge-base documents.

Parsing and validating the YAML costs more than everything else the tool
does, and people run `show` again and again on a file that has not changed.
So a document that passed validation is stored, keyed by the file's exact
bytes, and later runs with the same bytes skip straight to building models.

marshal is used because it is already imported by every Python process and
loads fastest; the key includes the Python version because marshal's format
may change between versions. Every failure here is a cache miss, never an
error the user sees.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import zlib
from typing import Any

# Bump when validation rules or the document shape change, so old entries are not trusted.
REVISION = 4  # 3: documents record the file of each side effect; 4: bidi overrides removed from text
DIRECTORY_VARIABLE = "BOTOX_INFO_CACHE_DIR"


def directory() -> str | None:
    """Where entries live; None when the cache is switched off (the variable set empty)."""
    configured = os.environ.get(DIRECTORY_VARIABLE)
    if configured is not None:
        return configured or None
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    if not base:
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "botox-info")


def _entry_path(raw: bytes) -> str | None:
    folder = directory()
    if folder is None:
        return None
    # zlib is already loaded, hashlib costs ~3 ms to import; two checksums and the length suffice.
    key = f"{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}-{len(raw)}"
    python = f"{sys.version_info[0]}{sys.version_info[1]}"
    return os.path.join(folder, f"kb-r{REVISION}-py{python}-{key}.marshal")


def get(raw: bytes) -> dict[str, Any] | None:
    """The validated document stored for these bytes, if any."""
    path = _entry_path(raw)
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            document = marshal.loads(handle.read())  # noqa: S302 - our own file in the user's own cache
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return document if isinstance(document, dict) else None


def put(raw: bytes, document: dict[str, Any]) -> None:
    """Remember that these bytes validated to `document`; silently skipped if impossible."""
    path = _entry_path(raw)
    if path is None:
        return
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(marshal.dumps(document))
        os.replace(temporary, path)  # atomic: a reader never sees half a file
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(temporary)
