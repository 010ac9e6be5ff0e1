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
from .shell import complete_areas

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


# The one definition of --data: accepted before the command and after it, on every command that reads
# the knowledge base; `expose_value=False` because the callback keeps the files in ctx.obj.
DataOption = Annotated[
    list[str] | None,
    typer.Option(
        "--data",
        "-d",
        metavar="FILE",
        callback=add_data_files,
        expose_value=False,
        help=f"A clinic's knowledge-base file on top of the built-in one (repeatable; ${locations.DATA_VARIABLE}).",
    ),
]
