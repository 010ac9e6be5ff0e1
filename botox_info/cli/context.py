"""What the whole command line chose, shared by every command through Click's context object."""

from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from typer._click import Context as ClickContext  # what Click hands a command class; typer.Context is one
from ..knowledge import locations
from ..knowledge.loader import load_layers
from ..knowledge.models import KnowledgeBase


class Invocation:
    """What the whole command line chose, kept in Click's context object (ctx.obj) for every command."""

    def __init__(self) -> None:
        self.data_files: list[str] = []  # each --data FILE, before or after the command, in the order typed
        self.situations: list[str] = []  # `check`'s situation flags given (--pregnant...)
        self.numbers: dict[str, int] = {}  # `check`'s numeric situations given (--age 62)
        self.loaded: dict[tuple[str, ...], KnowledgeBase] = {}  # read once per run, though asked twice


def add_data_files(ctx: typer.Context, files: list[str] | None) -> None:
    # Also runs while the shell completes a word, so completion reads the same files.
    ctx.ensure_object(Invocation).data_files.extend(files or ())


def data_files(ctx: typer.Context) -> list[str]:
    return ctx.ensure_object(Invocation).data_files


def load(ctx: "typer.Context | ClickContext") -> KnowledgeBase:
    """The built-in knowledge base with the user's and the named files on top, read once per run."""
    chosen = ctx.ensure_object(Invocation)
    paths = tuple(locations.layer_paths(chosen.data_files))
    if paths not in chosen.loaded:
        chosen.loaded[paths] = load_layers(paths)
    return chosen.loaded[paths]
