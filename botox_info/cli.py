"""The command line: parse, load, dispatch, and the one error boundary.

The only module that imports typer. Rich is imported only when a command
draws for the terminal, so JSON and Markdown output start faster.
"""

# No `from __future__ import annotations` here: Typer reads every command's
# annotations, and string annotations cost it an eval() each (~1.5 ms a run).
import os
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from . import config, knowledge, pages, plain, streams
from .errors import (
    EXIT_OK,
    BadAgeError,
    BotoxInfoError,
    KnowledgeBaseError,
    NoSearchResultError,
    NothingSelectedError,
)
from .models import ORIGINS, URGENCIES, KnowledgeBase
from .output import Format, emit, emit_page
from .selection import SORT_KEYS, parse_duration, select

if TYPE_CHECKING:
    from typer._click import Context  # Typer 0.28 vendors Click


SortKey = StrEnum("SortKey", {key: key for key in SORT_KEYS})  # type: ignore[misc]
Origin = StrEnum("Origin", {origin: origin for origin in ORIGINS})  # type: ignore[misc]

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

    def invoke(self, ctx: "Context") -> Any:
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
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from . import __version__

        streams.write(f"botox-info {__version__}")
        raise typer.Exit()


_data_files: list[str] = []  # --data, as parsed by the main callback for the command that follows


def load() -> KnowledgeBase:
    """The built-in knowledge base with the clinic's and user's files on top."""
    return knowledge.load_layers(config.layer_paths(_data_files))


@app.callback()
def _main(
    data: Annotated[
        list[str] | None,
        typer.Option(
            "--data",
            "-d",
            metavar="FILE",
            help=f"A clinic's knowledge-base file on top of the built-in one (repeatable; ${config.DATA_VARIABLE}).",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """What can go wrong with Botox® injections, what to do about it, and how to avoid it.

    Educational information, not medical advice. Trouble swallowing, speaking or
    breathing after treatment is an emergency: see 'botox-info urgent'.
    """
    _data_files[:] = data or []


class Bucket(StrEnum):
    common = "common"
    uncommon = "uncommon"
    rare = "rare"
    not_well_measured = "not-well-measured"


class Urgency(StrEnum):
    now = "get-help-now"
    doctor = "see-your-doctor"
    settles = "usually-settles"


def _complete_names(incomplete: str) -> list[str]:
    """Shell completion after `show`: ids and aliases, spaces as hyphens (lookup treats them alike)."""
    from .completion import side_effect_words

    return side_effect_words(load(), incomplete)


def _complete_areas(incomplete: str) -> list[str]:
    """Shell completion after `--area`: area ids and their aliases."""
    from .completion import area_words

    return area_words(load(), incomplete)


@app.command("list")
def list_side_effects(
    area: Annotated[
        str | None,
        typer.Option(
            "--area",
            "-a",
            metavar="AREA",
            autocompletion=_complete_areas,
            help="Only this treatment area: forehead, frown lines, 11s, jaw, neck...",
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
    origin: Annotated[
        list[Origin] | None,
        typer.Option("--origin", metavar="ORIGIN", help="Only from the seed 'article' or from medical 'reference's."),
    ] = None,
    max_duration: Annotated[
        str | None,
        typer.Option("--max-duration", metavar="TIME", help="Only what usually lasts at most this long: 3d, 2 weeks."),
    ] = None,
    min_duration: Annotated[
        str | None,
        typer.Option("--min-duration", metavar="TIME", help="Only what can last at least this long: 1 month."),
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
        origins=[choice.value for choice in origin or ()],
        max_hours=parse_duration(max_duration) if max_duration is not None else None,
        min_hours=parse_duration(min_duration) if min_duration is not None else None,
        sort=sort.value if sort else None,
    )
    if not entries:
        raise NothingSelectedError()
    emit(
        output_format,
        knowledge,
        as_json=lambda export: [export.side_effect(knowledge, entry) for entry in entries],
        as_markdown=lambda markdown: markdown.side_effect_list(knowledge, entries, area_id),
        as_table=lambda render, out: render.side_effect_table(entries, out, area_id),
    )


@app.command("show")
def show(
    name: Annotated[
        list[str],
        typer.Argument(
            metavar="NAME...",
            autocompletion=_complete_names,
            help="The side effect: its id, name, a word for it, or its start.",
        ),
    ],
    output_format: FormatOption = Format.table,
) -> None:
    """Show one side effect: causes, duration, what to do, prevention, when to see a doctor.

    NAME is an id, a name or any word people use for it, in any case, as one
    argument or several: 'botox-info show spock brows', 'botox-info show bruise'.
    """
    knowledge = load()
    entry = knowledge.find(plain.printable(" ".join(name)))
    emit_page(output_format, knowledge, pages.side_effect(knowledge, entry), lambda e: e.side_effect(knowledge, entry))


@app.command("search")
def search(
    text: Annotated[list[str], typer.Argument(metavar="TEXT...", help="Words to look for, in any form.")],
    output_format: FormatOption = Format.table,
) -> None:
    """Search every side effect and section: 'botox-info search my eyelid droops', 'search chewing'.

    Case, accents and word forms are ignored; every word must match. Name matches come first.
    """
    from .search import search as find_all
    from .search import suggestions

    knowledge = load()
    query = plain.printable(" ".join(text))
    hits = find_all(knowledge, query)
    if not hits:
        raise NoSearchResultError(query, suggestions(knowledge, query))
    emit(
        output_format,
        knowledge,
        as_json=lambda export: export.search_hits(hits),
        as_markdown=lambda markdown: markdown.search_results(hits),
        as_table=lambda render, out: render.search_results(hits, out),
    )


@app.command("avoid")
def avoid(output_format: FormatOption = Format.table) -> None:
    """How to avoid the risks: choosing a clinic, a checklist, and prevention for each side effect."""
    knowledge = load()
    emit_page(output_format, knowledge, pages.avoid(knowledge), lambda export: export.guidance(knowledge))


@app.command("before")
def before(output_format: FormatOption = Format.table) -> None:
    """Before treatment: who should not be treated, what to tell the doctor, medicines, questions to ask."""
    knowledge = load()
    emit_page(output_format, knowledge, pages.before(knowledge), lambda export: export.before(knowledge))


@app.command("after")
def after(output_format: FormatOption = Format.table) -> None:
    """After treatment: what to do in the hours and days after, and who advises each step."""
    knowledge = load()
    emit_page(output_format, knowledge, pages.after(knowledge), lambda export: export.after(knowledge))


@app.command("urgent")
def urgent(output_format: FormatOption = Format.table) -> None:
    """The warning signs that need medical help at once, and what to do."""
    knowledge = load()
    emit_page(output_format, knowledge, pages.urgent(knowledge), lambda export: export.urgent(knowledge))


@app.command("sources")
def sources(output_format: FormatOption = Format.table) -> None:
    """The bibliography: every source, and which side effects and sections cite it."""
    knowledge = load()
    emit(
        output_format,
        knowledge,
        as_json=lambda export: export.bibliography(knowledge),
        as_markdown=lambda markdown: markdown.bibliography(knowledge),
        as_table=lambda render, out: render.bibliography(knowledge, out),
        footer=False,
    )


# Shortcut flags for the situations people mention most; --has takes any situation id.
_SHORTCUTS = {
    "blood_thinners": "blood-thinners",
    "pregnant": "pregnant-or-breastfeeding",
    "allergic": "allergy-to-toxin",
    "infection": "infection-at-site",
    "neuromuscular": "neuromuscular-disease",
    "recent_toxin": "recent-toxin",
}


def _complete_situations(incomplete: str) -> list[str]:
    from .check import yes_no_situations

    return [word for word in yes_no_situations(load()) if word.startswith(incomplete)]


@app.command("check")
def check(
    area: Annotated[
        list[str] | None,
        typer.Option("--area", "-a", metavar="AREA", autocompletion=_complete_areas, help="An area to be treated."),
    ] = None,
    age: Annotated[int | None, typer.Option("--age", metavar="YEARS", help="Your age in years.")] = None,
    has: Annotated[
        list[str] | None,
        typer.Option(
            "--has",
            metavar="SITUATION",
            autocompletion=_complete_situations,
            help="A situation that applies to you, by id (repeatable; see --interactive for the questions).",
        ),
    ] = None,
    blood_thinners: Annotated[bool, typer.Option("--blood-thinners", help="You take a blood thinner.")] = False,
    pregnant: Annotated[bool, typer.Option("--pregnant", help="You are pregnant or breastfeeding.")] = False,
    allergic: Annotated[bool, typer.Option("--allergic", help="You are allergic to a botulinum toxin.")] = False,
    infection: Annotated[bool, typer.Option("--infection", help="There is an infection where it would go.")] = False,
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
) -> None:
    """What it means for you: stop signs, side effects likelier for you and why, your areas' risks.

    Describe your situation with options ('botox-info check --area jaw --blood-thinners --age 62'),
    or run it with no options in a terminal to answer questions. Never waits for input in a pipe.
    """
    from .check import Answers, assess, check_situations

    knowledge = load()
    flags = {"blood_thinners": blood_thinners, "pregnant": pregnant, "allergic": allergic}
    flags |= {"infection": infection, "neuromuscular": neuromuscular, "recent_toxin": recent_toxin}
    chosen = [*(has or ()), *(_SHORTCUTS[name] for name, on in flags.items() if on)]
    described = bool(area or chosen) or age is not None
    if interactive or (not described and sys.stdin.isatty() and sys.stdout.isatty()):
        from .interview import interview

        answers = interview(
            knowledge, lambda q: typer.prompt(q, default="", show_default=False), typer.confirm, typer.echo
        )
    else:
        areas = tuple(dict.fromkeys(knowledge.find_area(word).id for word in area or ()))
        answers = Answers(areas, _checked_age(knowledge, age), check_situations(knowledge, chosen))
    result = assess(knowledge, answers)
    emit_page(output_format, knowledge, pages.check(knowledge, result), lambda e: e.assessment(knowledge, result))


def _checked_age(knowledge: KnowledgeBase, age: int | None) -> int | None:
    numeric = next((s.number for s in knowledge.situations if s.number), None)
    if age is not None and numeric is not None and not numeric[0] <= age <= numeric[1]:
        raise BadAgeError(age, numeric)
    return age


@app.command("timeline")
def timeline(
    area: Annotated[
        list[str] | None,
        typer.Option("--area", "-a", metavar="AREA", autocompletion=_complete_areas, help="Only this area's."),
    ] = None,
    output_format: FormatOption = Format.table,
) -> None:
    """The weeks after treatment as a picture: when the effect and each side effect start and end."""
    from .timeline import build

    knowledge = load()
    areas = tuple(dict.fromkeys(knowledge.find_area(word).id for word in area or ()))
    drawn = build(knowledge, areas)
    emit(
        output_format,
        knowledge,
        as_json=lambda export: export.timeline(drawn),
        as_markdown=lambda markdown: markdown.timeline(drawn),
        as_table=lambda render, out: render.timeline(drawn, out),
    )


@app.command("paths")
def paths(output_format: FormatOption = Format.table) -> None:
    """Which knowledge-base files are read, in order: later files add to and override earlier ones."""
    from .files import layer_report

    emit(
        output_format,
        None,
        as_json=lambda export: layer_report(_data_files),
        as_markdown=lambda markdown: markdown.layer_report(layer_report(_data_files)),
        as_table=lambda render, out: render.layer_report(layer_report(_data_files), out),
        footer=False,
    )


@app.command("validate")
def validate(
    files: Annotated[list[str], typer.Argument(metavar="FILE...", help="Knowledge-base files to check.")],
) -> None:
    """Check clinic files the way the tool will use them: each on top of the built-in knowledge base."""
    from .files import validation_report

    report, problems = validation_report(files)
    if report:
        streams.write("\n".join(report))
    if problems:
        raise KnowledgeBaseError(problems)


@app.command("schema")
def schema() -> None:
    """Print the JSON Schema of the knowledge-base format, for editors checking a clinic's file."""
    from .export import to_json
    from .json_schema import json_schema

    streams.write(to_json(json_schema()))


def _silence_stdout() -> None:
    """After the reader of a pipe has gone, send the rest of our output nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main() -> None:
    app(prog_name="botox-info")
