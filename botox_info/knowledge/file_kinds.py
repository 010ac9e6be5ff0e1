"""What stands at a knowledge-base path, said the same way by every command, `validate` and `paths`.

Anything but a regular file is refused from its `stat` alone, before it is
opened: reading a named pipe waits for a writer that may never come, and
opening a device can have side effects. Imports neither typer nor rich.
"""

from __future__ import annotations

import os
import stat

DIRECTORY = "a directory"
_KINDS = (
    (stat.S_ISDIR, DIRECTORY),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def not_regular(mode: int) -> str | None:
    """What a file of this `st_mode` is instead of a regular file ('a socket'...), or None if it is one."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for is_kind, kind in _KINDS if is_kind(mode)), "not a regular file")


def refusal(kind: str) -> str:
    """The one message for a knowledge-base path that is not a regular file (after 'FILE: ')."""
    if kind == DIRECTORY:
        return "is a directory, not a knowledge-base file"
    return f"is {kind}, not a regular file"


def probe(path: str) -> tuple[str, str | None]:
    """('read' | 'missing' | 'unreadable' | what stands there instead, the system's reason if unreadable).

    Never opens anything but a regular file, and that only to see that it can be.
    """
    try:
        kind = not_regular(os.stat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return "missing", None
    except OSError as error:  # a folder on the way that cannot be searched
        return "unreadable", error.strerror
    if kind is not None:
        return kind, None
    try:
        with open(path, "rb"):
            pass
    except OSError as error:
        return "unreadable", error.strerror
    return "read", None
