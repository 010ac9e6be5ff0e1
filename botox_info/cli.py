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

from . import plain, streams
from .errors import EXIT_OK, BotoxInfoError
from .knowledge import KnowledgeBase, load

if TYPE_CHECKING:
    from typer._click import Context  # Typer 0.28 vendors Click


class Format(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


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


@app.command("list")
def list_side_effects(output_format: FormatOption = Format.table) -> None:
    """List every side effect: what it is, how long it lasts, how often it happens."""
    knowledge = load()
    entries = knowledge.side_effects
    _emit(
        output_format,
        knowledge,
        as_json=lambda export: [export.side_effect(knowledge, entry) for entry in entries],
        as_markdown=lambda export: export.markdown_list(knowledge, entries),
        as_table=lambda render, out: render.side_effect_table(knowledge, entries, out),
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
    _emit(
        output_format,
        knowledge,
        as_json=lambda export: export.side_effect(knowledge, entry),
        as_markdown=lambda export: export.markdown_side_effect(knowledge, entry),
        as_table=lambda render, out: render.side_effect_detail(knowledge, entry, out),
    )


@app.command("avoid")
def avoid(output_format: FormatOption = Format.table) -> None:
    """How to avoid the risks: choosing a clinic, a checklist, and prevention for each side effect."""
    knowledge = load()
    _emit(
        output_format,
        knowledge,
        as_json=lambda export: export.guidance(knowledge),
        as_markdown=lambda export: export.markdown_guidance(knowledge),
        as_table=lambda render, out: render.guidance(knowledge, out),
    )


@app.command("urgent")
def urgent(output_format: FormatOption = Format.table) -> None:
    """The warning signs that need medical help at once, and what to do."""
    knowledge = load()
    _emit(
        output_format,
        knowledge,
        as_json=lambda export: export.urgent(knowledge),
        as_markdown=lambda export: export.markdown_urgent(knowledge),
        as_table=lambda render, out: render.urgent(knowledge, out),
        footer=False,  # the page is itself the red flags and ends with the disclaimer
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
        return
    from . import export

    if output_format is Format.json:
        ascii_only = not streams.can_encode(sys.stdout, "®")
        streams.write(export.to_json(as_json(export), ascii_only=ascii_only))
    else:
        streams.write(as_markdown(export))


def _silence_stdout() -> None:
    """After the reader of a pipe has gone, send the rest of our output nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main() -> None:
    app(prog_name="botox-info")
