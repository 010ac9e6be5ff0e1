"""The options several commands share, each defined once: --format, --area, --data, and forgiving choices."""

from typing import TYPE_CHECKING, Annotated

import typer
from typer._types import TyperChoice  # Typer 0.28's choice type (it vendors Click as typer._click)

from ..answers.selection import SORT_KEYS
from ..knowledge import locations
from ..knowledge.models import FREQUENCY_BUCKETS, ORIGINS, URGENCY_WORDS
from ..output import Format
from ..plain import option_word
from .context import add_data_files
from .shell import complete_areas, complete_situations

if TYPE_CHECKING:
    from typer._click import Context


class Forgiving(TyperChoice[str]):
    """A choice typed the way names are: any case, spaces or hyphens ('get help now', 'Common').

    Typer 0.28's own choice type; only how a typed value compares changes, so the
    message for a wrong one still names every choice.
    """

    def normalize_choice(self, choice: str, ctx: "Context | None") -> str:
        return option_word(str(choice))


Buckets = Forgiving(tuple(option_word(bucket) for bucket in FREQUENCY_BUCKETS))
Urgencies = Forgiving(URGENCY_WORDS)
SortKeys = Forgiving(SORT_KEYS)
Origins = Forgiving(ORIGINS)

FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="How to print: table to read, json for programs, markdown for web pages.",
    ),
]
AreasOption = Annotated[
    list[str] | None,
    typer.Option("--area", "-a", metavar="AREA", autocompletion=complete_areas, help="A treatment area (repeatable)."),
]

HasOption = Annotated[  # check's and handout's
    list[str] | None,
    typer.Option(
        "--has",
        metavar="SITUATION",
        autocompletion=complete_situations,
        help="A situation that applies to you, by id (repeatable; --interactive asks them all).",
    ),
]


# The one definition of --data, on the command line as a whole (the main callback): given after a
# command that reads the knowledge base, it is moved before the command by `data_before_command`,
# which costs nothing, where declaring it on every command made Typer build thirteen more options
# on every run. `expose_value=False` because the callback keeps the files in ctx.obj.
DataOption = Annotated[
    list[str] | None,
    typer.Option(
        "--data",
        "-d",
        metavar="FILE",
        callback=add_data_files,
        expose_value=False,
        help=(
            f"A clinic's knowledge-base file on top of the built-in one (repeatable; ${locations.DATA_VARIABLE});"
            " before or after the command."
        ),
    ),
]

DATA_WORDS = ("-d", "--data")
NO_DATA = ("validate", "schema")  # they read no layered knowledge base, so --data after them is refused


def data_before_command(args: list[str], commands: set[str]) -> list[str]:
    """`args` with each --data FILE given after a command that reads the knowledge base moved before it."""
    given, moved, position = list(args), [], 0
    command_at = None
    while position < len(given):
        word = given[position]
        if command_at is None:
            if word in DATA_WORDS:
                position += 1  # its FILE
            elif word in commands:
                command_at = position
        elif word == "--" or given[command_at] in NO_DATA:
            break
        elif word in DATA_WORDS and position + 1 < len(given):
            moved += given[position : position + 2]
            del given[position : position + 2]
            continue
        elif word.startswith("--data=") or (word.startswith("-d") and not word.startswith("--") and len(word) > 2):
            moved.append(given.pop(position))
            continue
        position += 1
    if command_at is None or not moved:
        return given
    return [*given[:command_at], *moved, *given[command_at:]]
