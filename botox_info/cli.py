"""The command line: parse, load, dispatch, and the one error boundary.

The only module that imports typer. Rich is imported only when a command
draws for the terminal, so JSON and Markdown output start faster.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from . import pages, plain, streams
from .errors import EXIT_OK, BotoxInfoError, NothingSelectedError
from .knowledge import KnowledgeBase, load
from .models import URGENCIES
from .selection import SORT_KEYS, select

if TYPE_CHECKING:
    from typer._click import Context  # Typer 0.28 vendors Click


class Format(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


SortKey = StrEnum("SortKey", {key: key for key in SORT_KEYS})  # type: ignore[misc]

FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="How to print: table to read, json for programs, markdown for web pages.",
    ),
]


class _ErrorBoundary(TyperGroup):
    """Turns the domain's errors into a message on stderr and a documented exit code."""

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except BotoxInfoError as problem:
            from . import render

            render.error(problem.message)
            raise typer.Exit(problem.exit_code) from None
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(EXIT_OK) from None


app = typer.Typer(
    cls=_ErrorBoundary,
    name="botox-info",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from . import __version__

        streams.write(f"botox-info {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """What can go wrong with Botox® injections, what to do about it, and how to avoid it.

    Educational information, not medical advice. Trouble swallowing, speaking or
    breathing after treatment is an emergency: see 'botox-info urgent'.
    """


class Bucket(StrEnum):
    common = "common"
    uncommon = "uncommon"
    rare = "rare"
    not_well_measured = "not-well-measured"


class Urgency(StrEnum):
    now = "get-help-now"
    doctor = "see-your-doctor"
    settles = "usually-settles"


@app.command("list")
def list_side_effects(
    area: Annotated[
        str | None,
        typer.Option(
            "--area", "-a", metavar="AREA", help="Only this treatment area: forehead, frown lines, 11s, jaw, neck..."
        ),
    ] = None,
    frequency: Annotated[
        list[Bucket] | None,
        typer.Option(
            "--frequency",
            metavar="BUCKET",
            help="Only common, uncommon, rare or not-well-measured (repeat for more).",
        ),
    ] = None,
    urgency: Annotated[
        list[Urgency] | None,
        typer.Option(
            "--urgency", metavar="TIER", help="Only get-help-now, see-your-doctor or usually-settles (repeatable)."
        ),
    ] = None,
    sort: Annotated[
        SortKey | None,
        typer.Option(
            "--sort",
            "-s",
            metavar="KEY",
            help="frequency, duration or urgency: most common, longest, most urgent first; or name.",
        ),
    ] = None,
    output_format: FormatOption = Format.table,
) -> None:
    """List the side effects: what each is, how long it lasts, how often it happens, how urgent it is.

    With --area, 'How often' gives that area's own figure: 'botox-info list --area jaw --sort frequency'.
    """
    knowledge = load()
    area_id = knowledge.find_area(area).id if area is not None else None
    entries = select(
        knowledge.side_effects,
        area=area_id,
        buckets=[bucket.value.replace("-", " ") for bucket in frequency or ()],
        urgencies=[URGENCIES[list(Urgency).index(tier)] for tier in urgency or ()],
        sort=sort.value if sort else None,
    )
    if not entries:
        raise NothingSelectedError()
    _emit(
        output_format,
        knowledge,
        as_json=lambda export: [export.side_effect(knowledge, entry) for entry in entries],
        as_markdown=lambda markdown: markdown.side_effect_list(knowledge, entries, area_id),
        as_table=lambda render, out: render.side_effect_table(entries, out, area_id),
    )


@app.command("show")
def show(
    name: Annotated[
        list[str], typer.Argument(metavar="NAME...", help="The side effect: its id, name, a word for it, or its start.")
    ],
    output_format: FormatOption = Format.table,
) -> None:
    """Show one side effect: causes, duration, what to do, prevention, when to see a doctor.

    NAME is an id, a name or any word people use for it, in any case, as one
    argument or several: 'botox-info show spock brows', 'botox-info show bruise'.
    """
    knowledge = load()
    entry = knowledge.find(plain.printable(" ".join(name)))
    _emit_page(output_format, knowledge, pages.side_effect(knowledge, entry), lambda e: e.side_effect(knowledge, entry))


@app.command("avoid")
def avoid(output_format: FormatOption = Format.table) -> None:
    """How to avoid the risks: choosing a clinic, a checklist, and prevention for each side effect."""
    knowledge = load()
    _emit_page(output_format, knowledge, pages.avoid(knowledge), lambda export: export.guidance(knowledge))


@app.command("before")
def before(output_format: FormatOption = Format.table) -> None:
    """Before treatment: who should not be treated, what to tell the doctor, medicines, questions to ask."""
    knowledge = load()
    _emit_page(output_format, knowledge, pages.before(knowledge), lambda export: export.before(knowledge))


@app.command("after")
def after(output_format: FormatOption = Format.table) -> None:
    """After treatment: what to do in the hours and days after, and who advises each step."""
    knowledge = load()
    _emit_page(output_format, knowledge, pages.after(knowledge), lambda export: export.after(knowledge))


@app.command("urgent")
def urgent(output_format: FormatOption = Format.table) -> None:
    """The warning signs that need medical help at once, and what to do."""
    knowledge = load()
    _emit_page(output_format, knowledge, pages.urgent(knowledge), lambda export: export.urgent(knowledge))


@app.command("sources")
def sources(output_format: FormatOption = Format.table) -> None:
    """The bibliography: every source, and which side effects and sections cite it."""
    knowledge = load()
    _emit(
        output_format,
        knowledge,
        as_json=lambda export: export.bibliography(knowledge),
        as_markdown=lambda markdown: markdown.bibliography(knowledge),
        as_table=lambda render, out: render.bibliography(knowledge, out),
        footer=False,
    )


def _emit_page(output_format: Format, knowledge: KnowledgeBase, content: Any, as_json: Callable[[Any], Any]) -> None:
    _emit(
        output_format,
        knowledge,
        as_json=as_json,
        as_markdown=lambda markdown: markdown.page(knowledge, content),
        as_table=lambda render, out: render.page(knowledge, content, out),
        footer=not content.closing,
    )


def _emit(
    output_format: Format,
    knowledge: KnowledgeBase,
    as_json: Callable[[Any], Any],
    as_markdown: Callable[[Any], str],
    as_table: Callable[[Any, Any], Any],
    footer: bool = True,
) -> None:
    """Print one view in the chosen format, importing only what that format needs."""
    if output_format is Format.table:
        from . import render

        out = render.console()
        out.print(as_table(render, out), soft_wrap=True)
        if footer:
            out.print(render.footer(knowledge, out), soft_wrap=True)
    elif output_format is Format.json:
        from . import export

        ascii_only = not streams.can_encode(sys.stdout, "®")
        streams.write(export.to_json(as_json(export), ascii_only=ascii_only))
    else:
        from . import markdown

        streams.write(as_markdown(markdown))


def _silence_stdout() -> None:
    """After the reader of a pipe has gone, send the rest of our output nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main() -> None:
    app(prog_name="botox-info")
