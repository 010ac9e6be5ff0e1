"""The command line: parse options, then dispatch to commands.py; the one error boundary.

The only module that imports typer. Rich is imported only when a command
draws for the terminal, so JSON, Markdown and shell completion start faster.
"""

# No `from __future__ import annotations` here: Typer reads every command's
# annotations, and string annotations cost it an eval() each (~1.5 ms a run).
import os
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer._completion_classes import completion_init
from typer._completion_shared import Shells
from typer._types import TyperChoice  # Typer 0.28's choice type (it vendors Click as typer._click)
from typer.completion import install_callback, show_callback
from typer.core import TyperGroup

from . import commands, config, knowledge, streams
from .errors import EXIT_INTERRUPTED, EXIT_OK, BotoxInfoError
from .models import ORIGINS, KnowledgeBase
from .output import Format, widen_columns
from .plain import option_word
from .selection import SORT_KEYS

if TYPE_CHECKING:
    from collections.abc import Sequence

    from typer._click import Context  # Typer 0.28 vendors Click


class _ErrorBoundary(TyperGroup):
    """Turns the domain's errors into a message on stderr and a documented exit code.

    Around `main`, not `invoke`: --help, --version, --install-completion and
    shell completion write while the options are parsed, before any command.
    """

    def main(self, args: "Sequence[str] | None" = None, *rest: Any, **options: Any) -> Any:
        widen_columns(os.environ)  # before Typer draws help or a usage error, which Rich sizes from COLUMNS
        streams.guard_stdout()
        try:
            return super().main(args, *rest, **options)
        except BotoxInfoError as problem:
            _fail(problem)
        except (streams.ReaderGone, BrokenPipeError):
            _silence_stdout()
            sys.exit(EXIT_OK)
        except OSError as error:
            # Our own code turns its OSErrors into BotoxInfoError, and stdout's become
            # OutputError: what is left is Typer writing the shell's files.
            words = sys.argv[1:] if args is None else args
            if error.filename is None or "--install-completion" not in words:
                raise
            from .errors import CompletionInstallError
            from .plain import readable_path

            _fail(CompletionInstallError(readable_path(error.filename), error.strerror or str(error)))

    def parse_args(self, ctx: "Context", args: list[str]) -> list[str]:
        return super().parse_args(ctx, _with_shell_values(args, set(self.commands)))

    def invoke(self, ctx: "Context") -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            # Ctrl-C: 130 as a shell reports it, rather than Click's 'Aborted!' and the 1 of 'not found'.
            streams.write("\nbotox-info: interrupted", sys.stderr)
            raise typer.Exit(EXIT_INTERRUPTED) from None


def _fail(problem: BotoxInfoError) -> None:
    from . import render

    render.error(problem.message)
    _silence_stdout()  # output the disk refused stays buffered: drop it, or exiting would fail again
    sys.exit(problem.exit_code)


_COMPLETION_OPTIONS = ("--install-completion", "--show-completion")
SHELLS = tuple(shell.value for shell in Shells)


def _with_shell_values(args: list[str], command_names: set[str]) -> list[str]:
    """`args` with an empty value given to a completion option that names no shell.

    Typer 0.28 makes --install-completion and --show-completion flags, so in
    '--install-completion zsh' the shell was taken for a command and ignored:
    it installed for whichever shell ran the program. They take a SHELL now;
    Click's parser cannot make a value optional, so a bare one (followed by
    nothing, an option or a command) gets '' here, which means 'detect it'.
    """
    given = list(args)
    for position, arg in enumerate(given):
        if arg == "--":
            break
        following = given[position + 1] if position + 1 < len(given) else None
        if arg in _COMPLETION_OPTIONS and (following is None or following[:1] == "-" or following in command_names):
            given[position] = f"{arg}="
    return given


def _completion_shell(shell: str | None) -> str | bool | None:
    """A named shell, True to detect the running one ('' from a bare option), None if not asked."""
    if shell is None:
        return None
    if shell and shell.casefold() not in SHELLS:
        raise typer.BadParameter(f"'{shell}' is not one of {', '.join(map(repr, SHELLS))}.")
    return shell.casefold() or True


def _install_completion(ctx: typer.Context, param: typer.CallbackParam, shell: str | None) -> None:
    chosen = _completion_shell(shell)
    if chosen is not None and not ctx.resilient_parsing:
        install_callback(ctx, param, chosen)  # Typer's own, with the shell named or True (detect)


def _show_completion(ctx: typer.Context, param: typer.CallbackParam, shell: str | None) -> None:
    chosen = _completion_shell(shell)
    if chosen is not None and not ctx.resilient_parsing:
        show_callback(ctx, param, chosen)


app = typer.Typer(
    cls=_ErrorBoundary,
    name="botox-info",
    no_args_is_help=True,
    add_completion=False,  # our own --install-completion and --show-completion, which honour a named shell
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)
completion_init()  # Typer registers its shells' completion only with add_completion=True


class Invocation:
    """What the whole command line chose, kept in Click's context object (ctx.obj) for every command."""

    def __init__(self) -> None:
        self.data_files: list[str] = []  # each --data FILE, before or after the command, in the order typed


def _add_data_files(ctx: typer.Context, files: list[str] | None) -> None:
    # Also runs while the shell completes a word, so completion reads the same files.
    ctx.ensure_object(Invocation).data_files.extend(files or ())


def data_files(ctx: typer.Context) -> list[str]:
    return ctx.ensure_object(Invocation).data_files


def load(ctx: typer.Context) -> KnowledgeBase:
    """The built-in knowledge base with the clinic's and user's files on top."""
    return knowledge.load_layers(config.layer_paths(data_files(ctx)))


def _complete_names(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion after `show`: ids and aliases, spaces as hyphens (lookup treats them alike)."""
    from .completion import side_effect_words

    return side_effect_words(_tab_knowledge(ctx), incomplete)


def _complete_areas(ctx: typer.Context, incomplete: str) -> list[str]:
    from .completion import area_words

    return area_words(_tab_knowledge(ctx), incomplete)


def _complete_situations(ctx: typer.Context, incomplete: str) -> list[str]:
    from .completion import situation_words

    return situation_words(_tab_knowledge(ctx), incomplete)


def _tab_knowledge(ctx: typer.Context) -> KnowledgeBase | None:
    """What Tab completes from: the files named so far, or as much of them as can be read."""
    from .completion import knowledge_for_tab

    return knowledge_for_tab(config.layer_paths(data_files(ctx)))


def _version(value: bool) -> None:
    if value:
        from . import __version__

        streams.write(f"botox-info {__version__}")
        raise typer.Exit()


class _Forgiving(TyperChoice[str]):
    """A choice typed the way names are: any case, spaces or hyphens ('get help now', 'Common').

    Typer 0.28's own choice type; only how a typed value compares changes, so the
    message for a wrong one still names every choice.
    """

    def normalize_choice(self, choice: str, ctx: "Context | None") -> str:
        return option_word(str(choice))


Buckets = _Forgiving(("common", "uncommon", "rare", "not-well-measured"))
Urgencies = _Forgiving(commands.URGENCY_WORDS)
SortKeys = _Forgiving(SORT_KEYS)
Origins = _Forgiving(ORIGINS)

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
    typer.Option("--area", "-a", metavar="AREA", autocompletion=_complete_areas, help="A treatment area (repeatable)."),
]


# The one definition of --data: accepted before the command and after it, on every command that reads
# the knowledge base; `expose_value=False` because the callback keeps the files in ctx.obj.
DataOption = Annotated[
    list[str] | None,
    typer.Option(
        "--data",
        "-d",
        metavar="FILE",
        callback=_add_data_files,
        expose_value=False,
        help=f"A clinic's knowledge-base file on top of the built-in one (repeatable; ${config.DATA_VARIABLE}).",
    ),
]


@app.callback()
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
            callback=_install_completion,
            expose_value=False,
            help="Install completion for SHELL (bash, zsh, fish, powershell), or else for the current shell.",
        ),
    ] = None,
    show_completion: Annotated[
        str | None,
        typer.Option(
            "--show-completion",
            metavar="[SHELL]",
            callback=_show_completion,
            expose_value=False,
            help="Show completion for SHELL, or else for the current shell, to copy it or customize the installation.",
        ),
    ] = None,
) -> None:
    """What can go wrong with Botox® injections, what to do about it, and how to avoid it.

    Educational information, not medical advice. Trouble swallowing, speaking or
    breathing after treatment is an emergency: see 'botox-info urgent'.
    """


@app.command("list")
def list_side_effects(
    ctx: typer.Context,
    area: Annotated[
        str | None,
        typer.Option(
            "--area", "-a", metavar="AREA", autocompletion=_complete_areas, help="Only this area: forehead, 11s, jaw..."
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
    output_format: FormatOption = Format.table,
    _data: DataOption = None,
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
    )


@app.command("show")
def show(
    ctx: typer.Context,
    name: Annotated[
        list[str],
        typer.Argument(
            metavar="NAME...",
            autocompletion=_complete_names,
            help="The side effect: its id, name, a word for it, or its start.",
        ),
    ],
    output_format: FormatOption = Format.table,
    _data: DataOption = None,
) -> None:
    """Show one side effect: causes, duration, what to do, prevention, when to see a doctor.

    NAME is an id, a name or any word people use for it, in any case, as one
    argument or several: 'botox-info show spock brows', 'botox-info show bruise'.
    """
    commands.show(load(ctx), output_format, name)


@app.command("search")
def search(
    ctx: typer.Context,
    text: Annotated[list[str], typer.Argument(metavar="TEXT...", help="Words to look for, in any form.")],
    output_format: FormatOption = Format.table,
    _data: DataOption = None,
) -> None:
    """Search every side effect and section: 'botox-info search my eyelid droops', 'search chewing'.

    Case, accents and word forms are ignored; every word must match. Name matches come first.
    """
    commands.search(load(ctx), output_format, text)


@app.command("avoid")
def avoid(ctx: typer.Context, output_format: FormatOption = Format.table, _data: DataOption = None) -> None:
    """How to avoid the risks: choosing a clinic, a checklist, and prevention for each side effect."""
    commands.guide(load(ctx), output_format, "avoid")


@app.command("before")
def before(ctx: typer.Context, output_format: FormatOption = Format.table, _data: DataOption = None) -> None:
    """Before treatment: who should not be treated, what to tell the doctor, medicines, questions to ask."""
    commands.guide(load(ctx), output_format, "before")


@app.command("after")
def after(ctx: typer.Context, output_format: FormatOption = Format.table, _data: DataOption = None) -> None:
    """After treatment: what to do in the hours and days after, and who advises each step."""
    commands.guide(load(ctx), output_format, "after")


@app.command("urgent")
def urgent(ctx: typer.Context, output_format: FormatOption = Format.table, _data: DataOption = None) -> None:
    """The warning signs that need medical help at once, and what to do."""
    commands.guide(load(ctx), output_format, "urgent")


@app.command("sources")
def sources(ctx: typer.Context, output_format: FormatOption = Format.table, _data: DataOption = None) -> None:
    """The bibliography: every source, and which side effects and sections cite it."""
    commands.bibliography(load(ctx), output_format)


# Shortcut flags for the situations people mention most; --has takes any situation id.
_SHORTCUTS = {
    "blood_thinners": "blood-thinners",
    "pregnant": "pregnant-or-breastfeeding",
    "allergic": "allergy-to-toxin",
    "infection": "infection-at-site",
    "neuromuscular": "neuromuscular-disease",
    "recent_toxin": "recent-toxin",
}


@app.command("check")
def check(
    ctx: typer.Context,
    area: AreasOption = None,
    age: Annotated[int | None, typer.Option("--age", metavar="YEARS", help="Your age in years.")] = None,
    has: Annotated[
        list[str] | None,
        typer.Option(
            "--has",
            metavar="SITUATION",
            autocompletion=_complete_situations,
            help="A situation that applies to you, by id (repeatable; --interactive asks them all).",
        ),
    ] = None,
    blood_thinners: Annotated[
        bool, typer.Option("--blood-thinners", help="You take a blood thinner or aspirin-like medicine.")
    ] = False,
    pregnant: Annotated[bool, typer.Option("--pregnant", help="You are pregnant or breastfeeding.")] = False,
    allergic: Annotated[bool, typer.Option("--allergic", help="You are allergic to a botulinum toxin.")] = False,
    infection: Annotated[
        bool, typer.Option("--infection", help="There is an infection where the injections would go.")
    ] = False,
    neuromuscular: Annotated[
        bool, typer.Option("--neuromuscular", help="You have a nerve or muscle disease (myasthenia gravis...).")
    ] = False,
    recent_toxin: Annotated[
        bool, typer.Option("--recent-toxin", help="You had a botulinum toxin injection in the last 4 months.")
    ] = False,
    interactive: Annotated[
        bool, typer.Option("--interactive", "-i", help="Answer short questions (the default in a terminal).")
    ] = False,
    output_format: FormatOption = Format.table,
    _data: DataOption = None,
) -> None:
    """What it means for you: stop signs, side effects likelier for you and why, your areas' risks.

    Describe your situation with options ('botox-info check --area jaw --blood-thinners --age 62'),
    or run it with no options in a terminal to answer questions. Never waits for input in a pipe.
    """
    flags = {"blood_thinners": blood_thinners, "pregnant": pregnant, "allergic": allergic}
    flags |= {"infection": infection, "neuromuscular": neuromuscular, "recent_toxin": recent_toxin}
    chosen = [*(has or ()), *(_SHORTCUTS[name] for name, on in flags.items() if on)]
    described = bool(area or chosen) or age is not None
    asks = interactive or (not described and sys.stdin.isatty() and sys.stdout.isatty())
    commands.check(load(ctx), output_format, area or [], age, chosen, asks)


@app.command("timeline")
def timeline(
    ctx: typer.Context, area: AreasOption = None, output_format: FormatOption = Format.table, _data: DataOption = None
) -> None:
    """The weeks after treatment as a picture: when the effect and each side effect start and end."""
    commands.timeline(load(ctx), output_format, area or [])


@app.command("paths")
def paths(ctx: typer.Context, output_format: FormatOption = Format.table, _data: DataOption = None) -> None:
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


def _silence_stdout() -> None:
    """After the reader of a pipe has gone (or the disk is full), send the rest of our output nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main() -> None:
    app(prog_name="botox-info")
