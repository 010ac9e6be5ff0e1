"""What each command does once cli has parsed its options: pick, then hand output one typed view.

These functions take plain values and a loaded knowledge base, work out what
to show (with answers/), and give output.emit a view (output/views.py) that
every format draws. No typer and no rich here, so the flow stays one way:
YAML -> knowledge -> answers -> commands -> output.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, NoReturn

from . import plain
from .answers.selection import parse_duration, select
from .errors import (
    AmbiguousNameError,
    BotoxInfoError,
    KnowledgeBaseError,
    NoNameError,
    NoSearchResultError,
    NoSearchWordError,
    NotFoundError,
    NothingSelectedError,
)
from .knowledge.models import GUIDE_SECTIONS, URGENCIES, URGENCY_WORDS, KnowledgeBase, SideEffect
from .output import Format, emit, streams, views

if TYPE_CHECKING:
    from .answers.assessment import Assessment


def list_side_effects(
    knowledge: KnowledgeBase,
    output_format: Format,
    area: str | None,
    buckets: list[str],
    urgencies: list[str],
    origins: list[str],
    max_duration: str | None,
    min_duration: str | None,
    sort: str | None,
    names: bool = False,
) -> None:
    area_id = knowledge.find_area(area).id if area is not None else None
    entries = select(
        knowledge.side_effects,
        area=area_id,
        buckets=[bucket.replace("-", " ") for bucket in buckets],
        urgencies=[URGENCIES[URGENCY_WORDS.index(word)] for word in urgencies],
        origins=origins,
        max_hours=parse_duration(max_duration) if max_duration is not None else None,
        min_hours=parse_duration(min_duration) if min_duration is not None else None,
        sort=sort,
    )
    view: views.View = views.SideEffectList(knowledge, tuple(entries), area_id)
    if names:  # ids only: not advice, so no disclaimer to break a script's `while read`
        view = views.NameList(knowledge, tuple(entries))
    if not entries:
        _nothing_found(view, output_format, NothingSelectedError())
    emit(view, output_format)


def show(knowledge: KnowledgeBase, output_format: Format, words: list[str], brief: bool = False) -> None:
    """A side effect by its name; else where answers/routing.py leads: a page, an area, or search results."""
    from .answers.routing import route

    query = plain.printable(" ".join(words))
    if not plain.normalize_name(query):  # '' or '   ': a usage slip, not a name that was not found
        raise NoNameError()
    where = route(knowledge, query)
    if where.entry is not None:
        view: views.View = views.SideEffectPage(knowledge, where.entry, where, brief)
    elif where.section is not None:
        command = next(command for section, _, command in GUIDE_SECTIONS if section == where.section)
        view = views.GuidePage(knowledge, command, where)
    elif where.area is not None:
        view = views.AreaPage(knowledge, where)
    else:
        view = views.SearchResults(knowledge, query, where.hits, where)
    emit(view, output_format)


def search(knowledge: KnowledgeBase, output_format: Format, words: list[str]) -> None:
    from .answers.search import has_search_word, suggestions
    from .answers.search import search as find_all

    query = plain.printable(" ".join(words))
    if not has_search_word(query):
        raise NoSearchWordError()
    with _collector_paused():  # tens of thousands of passing objects, none in a cycle, for a big clinic file
        hits = tuple(find_all(knowledge, query))
    view = views.SearchResults(knowledge, query, hits)
    if not view.hits:
        _nothing_found(view, output_format, NoSearchResultError(query, suggestions(knowledge, query)))
    emit(view, output_format)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic collector off for a while (as it was afterwards): see knowledge/loader.py's _load."""
    import gc

    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _nothing_found(empty: views.View, output_format: Format, error: BotoxInfoError) -> NoReturn:
    """No match: a program asking for JSON still gets a document (with empty lists); then the error and exit 1."""
    if output_format is Format.json:
        emit(empty, output_format)
    raise error


def guide(knowledge: KnowledgeBase, output_format: Format, name: str) -> None:
    """avoid, before, after or urgent: a reading page and its JSON."""
    emit(views.GuidePage(knowledge, name), output_format)


def bibliography(knowledge: KnowledgeBase, output_format: Format) -> None:
    emit(views.Bibliography(knowledge), output_format)


def check(
    knowledge: KnowledgeBase,
    output_format: Format,
    areas: list[str],
    numbers: dict[str, int],
    situations: list[str],
    interactive: bool,
) -> None:
    """`interactive`: the reader answers questions on the terminal; else the options count."""
    emit(views.CheckPage(knowledge, _assessment(knowledge, areas, numbers, situations, interactive)), output_format)


def handout(
    knowledge: KnowledgeBase,
    destination: str,
    names: list[str],
    areas: list[str],
    numbers: dict[str, int],
    situations: list[str],
    interactive: bool,
    paper: str = "a4",
) -> None:
    """One page for a patient, to `destination` (.html, .pdf, or - for HTML on stdout): see docs/handout.md."""
    from .output import handout_file

    kind = handout_file.kind_of(destination)  # before any work: a wrong name is a usage error at once
    entries = _named(knowledge, names)
    assessment = _assessment(knowledge, areas, numbers, situations, interactive)
    handout_file.write(knowledge, destination, kind, entries, assessment, paper)


def _named(knowledge: KnowledgeBase, words: list[str]) -> list[SideEffect]:
    """The side effects named: the words as one name, as `show` reads them ('spock brows'), else each word
    (or quoted words) a name of its own ('bruising headache'); each once, in the order given."""
    if not words:
        return []
    whole = plain.printable(" ".join(words))
    if not plain.normalize_name(whole):
        raise NoNameError()
    try:
        return [knowledge.find(whole)]
    except (NotFoundError, AmbiguousNameError):
        if len(words) == 1:
            raise
    return list({entry.id: entry for entry in (knowledge.find(plain.printable(word)) for word in words)}.values())


def _assessment(
    knowledge: KnowledgeBase, areas: list[str], numbers: dict[str, int], situations: list[str], interactive: bool
) -> Assessment:
    """What `check` works out: from the questions, or else from the options given."""
    from .answers.assessment import Answers, assess, check_numbers, check_situations

    if interactive:
        from .answers.interview import interview
        from .output import prompts

        answers = interview(knowledge, prompts.ask, prompts.confirm, prompts.say)
    else:
        area_ids = tuple(dict.fromkeys(knowledge.find_area(word).id for word in areas))
        answers = Answers(area_ids, check_numbers(knowledge, numbers), check_situations(knowledge, situations))
    return assess(knowledge, answers)


def timeline(knowledge: KnowledgeBase, output_format: Format, areas: list[str]) -> None:
    from .answers.timeline import build

    drawn = build(knowledge, tuple(dict.fromkeys(knowledge.find_area(word).id for word in areas)))
    emit(views.TimelineView(knowledge, drawn), output_format)


def paths(output_format: Format, data_files: list[str]) -> None:
    from .knowledge.reports import paths_report

    emit(views.FilesReport(paths_report(data_files)), output_format)


def validate(output_format: Format, files: list[str]) -> None:
    """A report on stdout in the format asked (problems included in JSON and Markdown); exit 3 on problems."""
    from .knowledge.reports import validation_report

    result = validation_report(files)
    emit(views.ValidationReport(result), output_format)  # on the terminal the 'ok' lines; problems go to stderr
    if result.problems:
        raise KnowledgeBaseError(result.problems)


def schema() -> None:
    from .knowledge.json_schema import json_schema
    from .output.json_document import to_json

    streams.write(to_json(json_schema()))
