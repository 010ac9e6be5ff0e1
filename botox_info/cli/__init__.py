"""The command line: each command's options, dispatched to commands.py. Only `cli` imports typer.

boundary.py is the one error boundary, options.py the shared options, shell.py
Tab completion and the completion scripts, context.py what ctx.obj carries.
"""

# No `from __future__ import annotations` here: Typer reads every command's
# annotations, and string annotations cost it an eval() each (~1.5 ms a run).
import sys
from typing import Annotated

import typer
from typer._completion_classes import completion_init

from .. import commands
from ..output import Format, streams
from .boundary import ErrorBoundary
from .context import Invocation, data_files, load
from .handout import handout
from .options import AreasOption, Buckets, DataOption, FormatOption, HasOption, Origins, SortKeys, Urgencies
from .shell import complete_areas, complete_names, install_completion, show_completion
from .situations import SituationCommand

app = typer.Typer(
    cls=ErrorBoundary,
    name="botox-info",
    no_args_is_help=True,
    add_completion=False,  # our own --install-completion and --show-completion, which honour a named shell
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)
# The last lines of the top-level --help: where to read more, then the emergency, so neither scrolls away.
EPILOG = (
    "Documentation: the docs/ folder of the botox-info source (start at docs/index.md).  \n"
    "Trouble swallowing, speaking or breathing, or a severe allergic reaction: get medical help at once."
)
completion_init()  # Typer registers its shells' completion only with add_completion=True


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        streams.write(f"botox-info {__version__}")
        raise typer.Exit()


@app.callback(epilog=EPILOG)
def _main(
    _data: DataOption = None,
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    install_completion: Annotated[
        str | None,
        typer.Option(
            "--install-completion",
            metavar="[SHELL]",
            callback=install_completion,
            expose_value=False,
            help="Install completion for SHELL (bash, zsh, fish, powershell), or else for the current shell.",
        ),
    ] = None,
    show_completion: Annotated[
        str | None,
        typer.Option(
            "--show-completion",
            metavar="[SHELL]",
            callback=show_completion,
            expose_value=False,
            help="Show completion for SHELL, or else for the current shell, to copy it or customize the installation.",
        ),
    ] = None,
) -> None:
    """What can go wrong with Botox® injections, what to do about it, and how to avoid it.

    Educational information, not medical advice. Trouble swallowing, speaking or
    breathing after treatment, or a severe allergic reaction, is an emergency:
    see 'botox-info urgent'.
    """


@app.command("list")
def list_side_effects(
    ctx: typer.Context,
    area: Annotated[
        str | None,
        typer.Option(
            "--area", "-a", metavar="AREA", autocompletion=complete_areas, help="Only this area: forehead, 11s, jaw..."
        ),
    ] = None,
    frequency: Annotated[
        list[str] | None,
        typer.Option(
            "--frequency",
            metavar="BUCKET",
            click_type=Buckets,
            help="Only common, uncommon, rare or not-well-measured.",
        ),
    ] = None,
    urgency: Annotated[
        list[str] | None,
        typer.Option(
            "--urgency",
            metavar="TIER",
            click_type=Urgencies,
            help="Only get-help-now, see-your-doctor or usually-settles.",
        ),
    ] = None,
    origin: Annotated[
        list[str] | None,
        typer.Option(
            "--origin",
            metavar="ORIGIN",
            click_type=Origins,
            help="Only from the seed 'article' or from medical 'reference's.",
        ),
    ] = None,
    max_duration: Annotated[
        str | None, typer.Option("--max-duration", metavar="TIME", help="Only what usually lasts at most: 3d, 2 weeks.")
    ] = None,
    min_duration: Annotated[
        str | None, typer.Option("--min-duration", metavar="TIME", help="Only what can last at least: 1 month.")
    ] = None,
    sort: Annotated[
        str | None,
        typer.Option(
            "--sort",
            "-s",
            metavar="KEY",
            click_type=SortKeys,
            help="frequency, duration, urgency (highest first) or name.",
        ),
    ] = None,
    names: Annotated[
        bool, typer.Option("--names", help="Only the ids, one a line, for scripts and fuzzy finders.")
    ] = False,
    output_format: FormatOption = Format.table,
) -> None:
    """List the side effects: what each is, how long it lasts, how often it happens, how urgent it is.

    Filters repeat and combine. With --area, 'How often' gives that area's own
    figure: 'botox-info list --area jaw --sort frequency'.
    """
    commands.list_side_effects(
        load(ctx),
        output_format,
        area,
        frequency or [],
        urgency or [],
        origin or [],
        max_duration,
        min_duration,
        sort,
        names,
    )


@app.command("show")
def show(
    ctx: typer.Context,
    name: Annotated[
        list[str],
        typer.Argument(
            metavar="NAME...",
            autocompletion=complete_names,
            help="The side effect: its id, name, a word for it, or its start.",
        ),
    ],
    brief: Annotated[
        bool, typer.Option("--brief", "-b", help="About ten lines: what it is, how long, what to do, when to get help.")
    ] = False,
    output_format: FormatOption = Format.table,
) -> None:
    """Show one side effect: causes, duration, what to do, prevention, when to see a doctor.

    NAME is an id, a name or any word people use for it, in any case, as one
    argument or several: 'botox-info show spock brows', 'botox-info show bruise'.
    A treatment area ('show tmj') lists its side effects; other words open the
    clearest search match, or list the matches.
    """
    commands.show(load(ctx), output_format, name, brief)


@app.command("search")
def search(
    ctx: typer.Context,
    text: Annotated[list[str], typer.Argument(metavar="TEXT...", help="Words to look for, in any form.")],
    output_format: FormatOption = Format.table,
) -> None:
    """Search every side effect and section: 'botox-info search my eyelid droops', 'search chewing'.

    Case, accents and word forms are ignored; every word must match (with three or more, a
    page may miss one, and says which). Names and the words people use come first.
    """
    commands.search(load(ctx), output_format, text)


@app.command("avoid")
def avoid(ctx: typer.Context, output_format: FormatOption = Format.table) -> None:
    """How to avoid the risks: choosing a clinic, a checklist, and prevention for each side effect."""
    commands.guide(load(ctx), output_format, "avoid")


@app.command("before")
def before(ctx: typer.Context, output_format: FormatOption = Format.table) -> None:
    """Before treatment: who should not be treated, what to tell the doctor, medicines, questions to ask."""
    commands.guide(load(ctx), output_format, "before")


@app.command("after")
def after(ctx: typer.Context, output_format: FormatOption = Format.table) -> None:
    """After treatment: what to do in the hours and days after, and who advises each step."""
    commands.guide(load(ctx), output_format, "after")


@app.command("urgent")
def urgent(ctx: typer.Context, output_format: FormatOption = Format.table) -> None:
    """The warning signs that need medical help at once, and what to do."""
    commands.guide(load(ctx), output_format, "urgent")


@app.command("sources")
def sources(ctx: typer.Context, output_format: FormatOption = Format.table) -> None:
    """The bibliography: every source, and which side effects and sections cite it."""
    commands.bibliography(load(ctx), output_format)


# Shortcut flags for the situations people mention most; --has takes any situation id.
@app.command("check", cls=SituationCommand)
def check(
    ctx: typer.Context,
    area: AreasOption = None,
    has: HasOption = None,
    interactive: Annotated[
        bool, typer.Option("--interactive", "-i", help="Answer short questions (the default in a terminal).")
    ] = False,
    output_format: FormatOption = Format.table,
) -> None:
    """What it means for you: stop signs, side effects likelier for you and why, your areas' risks.

    Describe your situation with options ('botox-info check --area jaw --blood-thinners --age 62'),
    or run it with no options in a terminal to answer questions. Never waits for input in a pipe.
    The shortcut options (--pregnant, --age...) come from the knowledge base's situations.
    """
    given = ctx.ensure_object(Invocation)
    chosen = [*(has or ()), *given.situations]
    described = bool(area or chosen or given.numbers)
    asks = interactive or (not described and sys.stdin.isatty() and sys.stdout.isatty())
    commands.check(load(ctx), output_format, area or [], given.numbers, chosen, asks)


@app.command("timeline")
def timeline(ctx: typer.Context, area: AreasOption = None, output_format: FormatOption = Format.table) -> None:
    """The weeks after treatment as a picture: when the effect and each side effect start and end."""
    commands.timeline(load(ctx), output_format, area or [])


app.command("handout", cls=SituationCommand)(handout)


@app.command("paths")
def paths(ctx: typer.Context, output_format: FormatOption = Format.table) -> None:
    """Which knowledge-base files are read, in order: later files add to and override earlier ones."""
    commands.paths(output_format, data_files(ctx))


@app.command("validate")
def validate(
    files: Annotated[list[str], typer.Argument(metavar="FILE...", help="Knowledge-base files to check.")],
    output_format: FormatOption = Format.table,
) -> None:
    """Check clinic files the way the tool will use them: each on top of the built-in knowledge base."""
    commands.validate(output_format, files)


@app.command("schema")
def schema() -> None:
    """Print the JSON Schema of the knowledge-base format, for editors checking a clinic's file."""
    commands.schema()


def main() -> None:
    # What start-up imported (Typer, Rich, our modules) lives as long as the process: frozen, the
    # cyclic collector never walks it again, during the run or at exit. About 10 ms of `--help`.
    import gc

    gc.freeze()
    app(prog_name="botox-info")
