"""A per-user cache of validated knowledge-base documents.

Parsing and validating the YAML costs more than everything else the tool
does, and people run `show` again and again on a file that has not changed.
So a document that passed validation is stored, keyed by the files' resolved
paths (one entry whether a file is named relative, with './', absolute or
through a symlink) and exact bytes, and later runs with the same files skip
straight to building models.

marshal is used because it is already imported by every Python process and
loads fastest; the key includes the Python version because marshal's format
may change between versions. Every failure here is a cache miss, never an
error the user sees.

Each entry's name starts with a checksum of the resolved paths it is for, so
that writing a new entry (never reading one) can prune the older entries of
the same files: a clinic that edits its file daily keeps a few entries, not
one a day.

Under a clinic's file, the bottom file's own checked document (the built-in
one, most often) is an entry of its own (loader.py's `_bottom_entry`): the
run after the clinic edits its file reads and checks only that file.

What the answers work out from a knowledge base and want to keep (search's
index of words) is stored beside its entry, as a companion file named after
it: `remembered` reads it back for the very knowledge base loaded from that
entry, so it is rebuilt whenever the files change, and goes with the entry.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import zlib
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

# Bump when validation rules or the document shape change, so old entries are not trusted.
# 5: keyed by file names too; 6: bidi overrides removed from text; 7: same_as resolved;
# 8: keyed by resolved paths, entries' files by position; 9: vocabulary and the clinic section;
# 10: numbers within NUMBER_LIMIT, duplicate keys by value, the bottom file's own checked document
REVISION = 10
DIRECTORY_VARIABLE = "BOTOX_INFO_CACHE_DIR"
KEEP_PER_FILES = 3  # entries kept for the same files: the current bytes and the two before
KEEP_IN_ALL = 12  # entries kept in all (a 10,000-entry clinic file's is about 6 MB)
_PREFIX = "kb-r"
_SUFFIX = ".marshal"
T = TypeVar("T")
# id of a knowledge base this process loaded through the cache -> (that object, its entry's path).
# The object is held, so its id is never reused for another; a copy (`_replace`) is not in it. Only the
# latest few are held: a long-running program that loads again and again keeps no more than these.
_LOADED: dict[int, tuple[object, str]] = {}
_LOADED_KEPT = 4


class Usage(NamedTuple):
    """What the cache holds, for `paths`: its folder (None when off), entries and their size."""

    path: str | None
    entries: int
    size: int


def directory() -> str | None:
    """Where entries live; None when the cache is off (the variable set empty) or has no safe home.

    Only an absolute folder from the environment is used. Without it (a service, `env -i`)
    the fallbacks would be the password file's home (often '/'), '/' for an empty $HOME,
    or the current directory for a relative one: none of them ours to fill.
    """
    configured = os.environ.get(DIRECTORY_VARIABLE)
    if configured is not None:
        return configured or None
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    if not base or not os.path.isabs(base):
        home = os.environ.get("HOME") or os.environ.get("USERPROFILE") or ""
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    return os.path.join(base, "botox-info")


def _checksum(data: bytes) -> str:
    # zlib is already loaded, hashlib costs ~3 ms to import; two checksums and the length suffice.
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}-{len(data)}"


def _family(names: str) -> str:
    """The start of every entry's name for these files, whatever their bytes."""
    python = f"{sys.version_info[0]}{sys.version_info[1]}"
    return f"{_PREFIX}{REVISION}-py{python}-{zlib.crc32(names.encode('utf-8', 'backslashreplace')):08x}-"


def entry_of(raw: bytes, names: str) -> str | None:
    """The path of the entry for these bytes of the files called `names` (None when the cache is off)."""
    folder = directory()
    if folder is None:
        return None
    return os.path.join(folder, f"{_family(names)}{_checksum(raw)}{_SUFFIX}")


def get(entry: str | None) -> dict[str, Any] | None:
    """The validated document stored at `entry` (from `entry_of`), if any."""
    if entry is None:
        return None
    try:
        with open(entry, "rb") as handle:
            document = marshal.loads(handle.read())  # noqa: S302 - our own file in the user's own cache
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return document if isinstance(document, dict) else None


def note(knowledge: object, entry: str | None) -> None:
    """Remember that `knowledge` was loaded from (or written to) `entry`, for `remembered`."""
    if entry is not None:
        _LOADED.pop(id(knowledge), None)
        _LOADED[id(knowledge)] = (knowledge, entry)
        while len(_LOADED) > _LOADED_KEPT:
            del _LOADED[next(iter(_LOADED))]  # the oldest: a search on it builds its index in memory


def remembered(knowledge: object, kind: str, build: Callable[[], T], valid: Callable[[Any], bool]) -> T:
    """What `build` makes of `knowledge`, stored beside its cache entry as `kind` and read back later.

    `kind` names the shape and its revision ('search-1'): a file of another revision is never read.
    A stored value that `valid` refuses, or that cannot be read, is built and stored again; a
    knowledge base not loaded through the cache (the cache off, a changed copy) is built every time.
    """
    found = _LOADED.get(id(knowledge))
    if found is None or found[0] is not knowledge:
        return build()
    path = f"{found[1][: -len(_SUFFIX)]}.{kind}"
    try:
        with open(path, "rb") as handle:
            value = marshal.loads(handle.read())  # noqa: S302 - our own file in the user's own cache
        if valid(value):
            return value  # type: ignore[no-any-return]
    except (OSError, ValueError, EOFError, TypeError):
        pass
    value = build()
    _write(path, value)
    return value


def _write(path: str, value: Any) -> bool:
    """Write `value` to `path` atomically (a reader never sees half a file); False if impossible."""
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(marshal.dumps(value))
        os.replace(temporary, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False
    return True


def put(entry: str | None, names: str, document: dict[str, Any]) -> None:
    """Remember at `entry` (for these bytes of the files called `names`) that they validated to `document`."""
    if entry is None or not _write(entry, document):
        return
    _prune(os.path.dirname(entry), os.path.basename(entry), _family(names))


def _prune(folder: str, kept: str, family: str) -> None:
    """Remove all but the newest entries of these files, entries no revision reads any more, and,
    past KEEP_IN_ALL, the oldest entries of any files (of files deleted or renamed long ago)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    ours = f"{_PREFIX}{REVISION}-"
    stale = [name for name in names if name.startswith(_PREFIX) and not name.startswith(ours)]
    current = []
    for name in names:
        if name.startswith(ours) and name.endswith(_SUFFIX) and name != kept:
            with contextlib.suppress(OSError):
                current.append((os.stat(os.path.join(folder, name)).st_mtime_ns, name))
    current.sort(reverse=True)
    same_files = [name for _, name in current if name.startswith(family)]
    others = [name for _, name in current if not name.startswith(family)]
    kept_files = same_files[: KEEP_PER_FILES - 1]
    room = max(KEEP_IN_ALL - 1 - len(kept_files), 0)
    removed = same_files[KEEP_PER_FILES - 1 :] + others[room:]
    # An entry's companions ('<entry>.search-1') go with it; stale ones by their revision's prefix.
    starts = tuple(f"{name[: -len(_SUFFIX)]}." for name in removed)
    companions = [name for name in names if starts and name.startswith(starts)]
    for name in stale + removed + companions:
        with contextlib.suppress(OSError):
            os.unlink(os.path.join(folder, name))


def usage() -> Usage:
    """The cache's folder, how many entries it holds and their total size in bytes (their companions' too)."""
    folder = directory()
    entries = size = 0
    if folder is not None:
        with contextlib.suppress(OSError), os.scandir(folder) as found:
            for entry in found:
                if entry.name.startswith(_PREFIX) and not entry.name.endswith(".tmp") and entry.is_file():
                    entries += entry.name.endswith(_SUFFIX)
                    size += entry.stat().st_size
    return Usage(folder, entries, size)
