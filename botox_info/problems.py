"""Where a problem of a knowledge-base file is: file, line, column and field, as far as known.

Its own module, imported only when a file has a problem, so that a run
without one never builds the class. Used by messages and validate's JSON.
"""

from __future__ import annotations

from typing import NamedTuple


class FileProblem(NamedTuple):
    """One problem of a knowledge-base file and where it is, as far as known: for messages and validate's JSON."""

    file: str
    line: int | None
    column: int | None
    field: str | None  # 'side_effects[0].mitigaton', or None for the file as a whole
    message: str

    def __str__(self) -> str:
        """'file:line:column: field: message', leaving out what is not known."""
        where = ":".join(str(part) for part in (self.file, self.line, self.column) if part is not None)
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
