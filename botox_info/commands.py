"""What each command does once cli.py has parsed its options: pick, then print.

cli.py parses and dispatches; these functions take plain values and a
loaded knowledge base, choose what to show, and hand it to output.py. No
typer and no rich here, so the flow stays one way: YAML -> knowledge ->
commands -> render/export/markdown.
"""

from __future__ import annotations

from typing import Any, NoReturn

from . import plain
from .answers.selection import parse_duration, select
from .errors import (
    BotoxInfoError,
    KnowledgeBaseError,
    NoNameError,
    NoSearchResultError,
    NoSearchWordError,
    NothingSelectedError,
)
from .knowledge.models import URGENCIES, KnowledgeBase
from .output import Format, emit, emit_page, pages, streams

# --urgency's words, in the order of the tiers they stand for.
URGENCY_WORDS = ("get-help-now", "see-your-doctor", "usually-settles")


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
    if not entries:
        _nothing_found(output_format, knowledge, {"side_effects": []}, NothingSelectedError())
    emit(
        output_format,
        knowledge,
        as_json=lambda export: {"side_effects": [export.side_effect(knowledge, entry) for entry in entries]},
        as_markdown=lambda markdown: markdown.side_effect_list(knowledge, entries, area_id),
        as_table=lambda render, out: render.side_effect_table(entries, out, area_id),
    )


def show(knowledge: KnowledgeBase, output_format: Format, words: list[str]) -> None:
    query = plain.printable(" ".join(words))
    if not plain.normalize_name(query):  # '' or '   ': a usage slip, not a name that was not found
        raise NoNameError()
    entry = knowledge.find(query)
    page = pages.side_effect(knowledge, entry)
    emit_page(output_format, knowledge, page, lambda export: export.side_effect(knowledge, entry))


def search(knowledge: KnowledgeBase, output_format: Format, words: list[str]) -> None:
    from .answers.search import has_search_word, suggestions
    from .answers.search import search as find_all

    query = plain.printable(" ".join(words))
    if not has_search_word(query):
        raise NoSearchWordError()
    hits = find_all(knowledge, query)
    if not hits:
        _nothing_found(
            output_format,
            knowledge,
            {"query": query, "hits": []},
            NoSearchResultError(query, suggestions(knowledge, query)),
        )
    emit(
        output_format,
        knowledge,
        as_json=lambda export: {"query": query, "hits": export.search_hits(hits)},
        as_markdown=lambda markdown: markdown.search_results(knowledge, hits),
        as_table=lambda render, out: render.search_results(hits, out),
    )


def _nothing_found(
    output_format: Format, knowledge: KnowledgeBase, empty: dict[str, Any], error: BotoxInfoError
) -> NoReturn:
    """No match: a program asking for JSON still gets a document (with empty lists); then the error and exit 1."""
    if output_format is Format.json:
        emit(output_format, knowledge, lambda export: empty, _no_markdown, _no_table)
    raise error


def _no_markdown(markdown: Any) -> str:
    raise AssertionError("only JSON is printed for an empty result")


def _no_table(render: Any, out: Any) -> Any:
    raise AssertionError("only JSON is printed for an empty result")


def guide(knowledge: KnowledgeBase, output_format: Format, name: str) -> None:
    """avoid, before, after or urgent: a reading page and its JSON."""
    page = {"avoid": pages.avoid, "before": pages.before, "after": pages.after, "urgent": pages.urgent}[name]
    as_json = {"avoid": "guidance", "before": "before", "after": "after", "urgent": "urgent"}[name]
    emit_page(output_format, knowledge, page(knowledge), lambda export: getattr(export, as_json)(knowledge))


def bibliography(knowledge: KnowledgeBase, output_format: Format) -> None:
    emit(
        output_format,
        knowledge,
        as_json=lambda export: {"sources": export.bibliography(knowledge)},
        as_markdown=lambda markdown: markdown.bibliography(knowledge),
        as_table=lambda render, out: render.bibliography(knowledge, out),
        advice=False,
    )


def check(
    knowledge: KnowledgeBase,
    output_format: Format,
    areas: list[str],
    numbers: dict[str, int],
    situations: list[str],
    interactive: bool,
) -> None:
    """`interactive`: the reader answers questions on the terminal; else the options count."""
    from .answers.assessment import Answers, assess, check_numbers, check_situations

    if interactive:
        from .answers.interview import interview
        from .output import prompts

        answers = interview(knowledge, prompts.ask, prompts.confirm, prompts.say)
    else:
        area_ids = tuple(dict.fromkeys(knowledge.find_area(word).id for word in areas))
        answers = Answers(area_ids, check_numbers(knowledge, numbers), check_situations(knowledge, situations))
    result = assess(knowledge, answers)
    emit_page(output_format, knowledge, pages.check(knowledge, result), lambda e: e.assessment(knowledge, result))


def timeline(knowledge: KnowledgeBase, output_format: Format, areas: list[str]) -> None:
    from .answers.timeline import build

    drawn = build(knowledge, tuple(dict.fromkeys(knowledge.find_area(word).id for word in areas)))
    emit(
        output_format,
        knowledge,
        as_json=lambda export: export.timeline(drawn),
        as_markdown=lambda markdown: markdown.timeline(knowledge, drawn),
        as_table=lambda render, out: render.timeline(drawn, out),
    )


def paths(output_format: Format, data_files: list[str]) -> None:
    from .knowledge.reports import paths_report

    report = paths_report(data_files)
    emit(
        output_format,
        None,
        as_json=lambda export: report,
        as_markdown=lambda markdown: markdown.layer_report(report),
        as_table=lambda render, out: render.layer_report(report, out),
        advice=False,
    )


def validate(output_format: Format, files: list[str]) -> None:
    """A report on stdout in the format asked (problems included in JSON and Markdown); exit 3 on problems."""
    from .knowledge.reports import validation_report

    result = validation_report(files)
    if output_format is Format.table:  # the 'ok' lines; the problems go to stderr with the error below
        if result.lines:
            streams.write("\n".join(result.lines))
    else:
        emit(
            output_format,
            None,
            as_json=lambda export: export.validation(result),
            as_markdown=lambda markdown: markdown.validation(result),
            as_table=lambda render, out: "\n".join(result.lines),
            advice=False,
        )
    if result.problems:
        raise KnowledgeBaseError(result.problems)


def schema() -> None:
    from .knowledge.json_schema import json_schema
    from .output.json_document import to_json

    streams.write(to_json(json_schema()))
