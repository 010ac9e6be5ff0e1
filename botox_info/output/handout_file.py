"""Writing a handout: HTML to a file or stdout, or PDF; a file appears whole or not at all.

The format comes from the file name's ending. A file is written beside its
final name and renamed into place, so a failure (no folder, no permission,
a full disk) never leaves half a handout where a clinic expects a whole one.
No Rich and no typer here.
"""

from __future__ import annotations

import datetime
import os
import tempfile
from typing import TYPE_CHECKING

from ..errors import HandoutFormatError, HandoutWriteError
from ..plain import readable_path
from . import streams

if TYPE_CHECKING:
    from ..answers.assessment import Assessment
    from ..knowledge.models import KnowledgeBase, SideEffect

KINDS = {".html": "html", ".htm": "html", ".pdf": "pdf"}
STDOUT = "-"


def kind_of(destination: str) -> str:
    """'html' or 'pdf' from the file name's ending (any case); '-' is HTML on stdout."""
    if destination == STDOUT:
        return "html"
    kind = KINDS.get(os.path.splitext(destination)[1].lower())
    if kind is None:
        raise HandoutFormatError(destination)
    return kind


def made_on() -> str:
    """Today (UTC), or the day of $SOURCE_DATE_EPOCH, so a build can make the same handout twice."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = (
        datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
        if epoch.isdigit()
        else datetime.datetime.now(datetime.UTC)
    )
    return moment.date().isoformat()


def write(
    knowledge: KnowledgeBase,
    destination: str,
    kind: str,
    entries: list[SideEffect],
    assessment: Assessment,
    paper: str = "a4",
) -> None:
    """The page, to stdout or a file; `paper` sizes a PDF's pages (a browser's print dialog chooses for HTML)."""
    from ..answers.timeline import build
    from . import handout_page, html

    if entries:
        handout = handout_page.for_names(knowledge, entries, assessment, made_on())
    else:
        timeline = build(knowledge, assessment.answers.areas)
        handout = handout_page.for_reader(knowledge, assessment, timeline, made_on())
    document = html.draw(handout, knowledge)
    if destination == STDOUT:
        streams.write(document)
        return
    if kind == "pdf":
        from .pdf import to_pdf

        _write_file(destination, to_pdf(document, paper))
    else:
        _write_file(destination, document.encode("utf-8"))


def _write_file(destination: str, content: bytes) -> None:
    folder = os.path.dirname(os.path.abspath(destination))
    temporary = None
    try:
        if os.path.isdir(destination):
            raise IsADirectoryError(21, "Is a directory")
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".handout-", suffix=".part")
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        mask = os.umask(0)  # read and restored: the file gets the permissions any new file would
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)
        os.replace(temporary, destination)
    except OSError as error:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
        raise HandoutWriteError(readable_path(destination), error.strerror or str(error)) from None
