"""Knowledge-base models -> JSON.

The JSON shapes are a documented, stable interface (docs/json-output.md): add
fields, never rename or remove them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..knowledge.frequency import buckets_by_area
from ..knowledge.models import URGENCIES, KnowledgeBase, SideEffect, Source, Statement
from . import routed, views

if TYPE_CHECKING:
    from ..answers.assessment import Assessment
    from ..answers.search import Hit
    from ..answers.timeline import Bar, Timeline
    from ..knowledge.models import Duration, Figure, Rule
    from ..knowledge.reports import Validation


# Version 2: every document is an object that says its version; lists moved under a key
# (list -> "side_effects", search -> "hits", sources -> "sources"), and every document
# that gives advice carries "disclaimer" and "emergency".
FORMAT_VERSION = 2


def document(body: dict[str, Any], knowledge: KnowledgeBase | None) -> dict[str, Any]:
    """A whole JSON document: its format version, the body, and for advice the disclaimer and emergency line."""
    whole = {"format_version": FORMAT_VERSION, **body}
    if knowledge is not None:
        whole["disclaimer"] = knowledge.disclaimer
        whole["emergency"] = knowledge.emergency.text
    return whole


def body(view: views.View) -> dict[str, Any]:
    """The view's own fields, before `document` adds the format version and, for advice, the disclaimer."""
    match view:
        case views.SideEffectList(knowledge, entries):
            return {"side_effects": [side_effect(knowledge, entry) for entry in entries]}
        case views.SideEffectPage(knowledge, entry, route, short):
            return {**(brief(knowledge, entry) if short else side_effect(knowledge, entry)), **routed.as_json(route)}
        case views.SearchResults(_, query, hits, route):
            return {"query": query, "hits": search_hits(hits), **routed.as_json(route)}
        case views.GuidePage(knowledge, name, route):
            guide = {"avoid": guidance, "before": before, "after": after, "urgent": urgent}[name](knowledge)
            return {**guide, **routed.as_json(route)}
        case views.AreaPage(knowledge, route):
            assert route.area is not None  # noqa: S101 - an area page always has its area
            area = {"id": route.area.id, "name": route.area.name}
            more = f"botox-info list --area {route.area.id} --sort frequency"
            listed = [side_effect(knowledge, entry) for entry in route.area_entries]
            return {"area": area, "side_effects": listed, "more": more, **routed.as_json(route)}
        case views.NameList(_, entries):
            return {"names": [entry.id for entry in entries]}
        case views.CheckPage(knowledge, result):
            return assessment(knowledge, result)
        case views.TimelineView(_, drawn):
            return timeline(drawn)
        case views.Bibliography(knowledge):
            return {"sources": bibliography(knowledge)}
        case views.FilesReport(report):
            return report
        case views.ValidationReport(result):
            return validation(result)
    raise TypeError(f"no JSON for {view!r}")


def to_json(value: Any, ascii_only: bool = False) -> str:
    return json.dumps(value, indent=2, ensure_ascii=ascii_only)


def statements(items: Iterable[Statement]) -> list[dict[str, Any]]:
    return [{"text": item.text, "sources": list(item.sources)} for item in items]


def source(item: Source) -> dict[str, Any]:
    return dict(item._asdict())  # id, title, publisher, year, url


def side_effect(knowledge: KnowledgeBase, entry: SideEffect) -> dict[str, Any]:
    return {
        "id": entry.id,
        "name": entry.name,
        "origin": entry.origin,
        "aliases": list(entry.aliases),
        "summary": entry.summary,
        "causes": statements(entry.causes),
        "duration": _span(entry.duration),
        "onset": _span(entry.onset) if entry.onset else None,
        "frequency": {
            "bucket": entry.frequency.bucket,
            "by_area": buckets_by_area(entry.frequency.figures, entry.areas),
            "figures": [_figure(figure) for figure in entry.frequency.figures],
        },
        "urgency": entry.urgency,
        "mitigation": statements(entry.mitigation),
        "prevention": statements(entry.prevention),
        "see_doctor_if": statements(entry.see_doctor_if),
        "areas": list(entry.areas),
        "file": entry.file,
        "sources": [source(knowledge.sources[source_id]) for source_id in entry.cited_sources],
    }


def brief(knowledge: KnowledgeBase, entry: SideEffect) -> dict[str, Any]:
    """`show NAME --brief`: the brief page's fields, with the same statements (and sources) as the page."""
    from .pages import brief as brief_page

    content = brief_page(knowledge, entry)
    duration, what_to_do, help_now = (section.items[0] for section in content.sections)
    return {
        "id": entry.id,
        "name": entry.name,
        "summary": entry.summary,
        "urgency": entry.urgency,
        "duration": {"text": duration.text, "sources": list(duration.sources)},
        "what_to_do": {"text": what_to_do.text, "sources": list(what_to_do.sources)},
        "get_help_at_once_if": {"text": help_now.text, "sources": list(help_now.sources)},
        "more": f"botox-info show {entry.id}",
    }


def guidance(knowledge: KnowledgeBase) -> dict[str, Any]:
    before = knowledge.before
    return {
        "principles": statements(knowledge.guidance.principles),
        "checklist": statements(knowledge.guidance.checklist),
        "questions_to_ask": statements(before.questions_to_ask),
        "tell_your_doctor": statements(before.tell_your_doctor),
        "contraindications": statements(before.contraindications),
        "prevention": [
            {"id": entry.id, "name": entry.name, "prevention": statements(entry.prevention)}
            for entry in knowledge.side_effects
        ],
        "sources": [source(item) for item in knowledge.sources.values()],
        "disclaimer": knowledge.disclaimer,
    }


def urgent(knowledge: KnowledgeBase) -> dict[str, Any]:
    flags = knowledge.red_flags
    return {
        "summary": flags.summary,
        "onset": flags.onset,
        "signs": list(flags.signs),
        "allergy_signs": list(flags.allergy_signs),
        "action": statements(flags.action),
        "sources": [source(knowledge.sources[source_id]) for source_id in flags.sources],
        "get_help_now": [
            {"id": entry.id, "name": entry.name, "summary": entry.summary}
            for entry in knowledge.side_effects
            if entry.urgency == URGENCIES[0]
        ],
        "disclaimer": knowledge.disclaimer,
    }


def before(knowledge: KnowledgeBase) -> dict[str, Any]:
    groups = knowledge.before
    flags = knowledge.red_flags
    return {
        **{field: statements(getattr(groups, field)) for field in groups._fields},
        "red_flags": {
            "onset": flags.onset,
            "signs": list(flags.signs),
            "allergy_signs": list(flags.allergy_signs),
            "action": statements(flags.action),
        },
        "disclaimer": knowledge.disclaimer,
    }


def after(knowledge: KnowledgeBase) -> dict[str, Any]:
    steps = [
        {"when": step.when, "text": step.text, "basis": step.basis, "sources": list(step.sources)}
        for step in knowledge.after
    ]
    return {"steps": steps, "disclaimer": knowledge.disclaimer}


def bibliography(knowledge: KnowledgeBase) -> list[dict[str, Any]]:
    return [
        {**source(knowledge.sources[source_id]), "cited_by": places}
        for source_id, places in knowledge.citations().items()
    ]


def search_hits(hits: Sequence[Hit]) -> list[dict[str, Any]]:
    return [
        {
            "kind": hit.kind,
            "id": hit.id,
            "title": hit.title,
            "score": hit.score,
            "fields": list(hit.fields),
            "passages": [
                {"field": p.field, "text": p.text, "spans": [list(span) for span in p.spans]} for p in hit.passages
            ],
            "part": hit.part or None,
            "missing": list(hit.missing),
        }
        for hit in hits
    ]


def assessment(knowledge: KnowledgeBase, result: Assessment) -> dict[str, Any]:
    """`check --format json`: the same answer as the page, as data."""
    answers = result.answers

    def rule(item: Rule) -> dict[str, Any]:
        return {"id": item.id, "verdict": item.verdict, "text": item.text, "sources": list(item.sources)}

    return {
        "answers": {
            "areas": list(answers.areas),
            "age": dict(answers.numbers).get("age"),  # kept from format 1; "numbers" has every numeric answer
            "numbers": dict(answers.numbers),
            "situations": sorted(answers.situations),
        },
        "stop_signs": [rule(item) for item in result.stop_signs],
        "more_likely": [
            {
                "id": likely.entry.id,
                "name": likely.entry.name,
                "reasons": [rule(item) for item in likely.reasons],
                "prevention": statements(likely.entry.prevention),
            }
            for likely in result.more_likely
        ],
        "by_area": {
            risk.area.id: [
                {"id": entry.id, "name": entry.name, "figure": _figure(figure) if figure else None}
                for entry, figure in risk.entries
            ]
            for risk in result.by_area
        },
        "questions": statements(result.questions),
        "disclaimer": knowledge.disclaimer,
    }


def _figure(figure: Figure) -> dict[str, Any]:
    """area, percent, placebo_percent, population, source, percent_high, sets_bucket, locator; and its kind."""
    kind = "range across studies" if figure.percent_high is not None else "incidence"
    return {**figure._asdict(), "kind": kind}


def timeline(drawn: Timeline) -> dict[str, Any]:
    """Hours after the injection; the axis the picture uses."""
    from ..answers.timeline import AXIS_FROM, AXIS_TO

    def row(bar: Bar) -> dict[str, Any]:
        return {
            "id": bar.id,
            "name": bar.name,
            "start_hours": bar.start,
            "usual_end_hours": bar.usual_end,
            "longest_end_hours": bar.longest_end,
            "start_known": bar.start_known,
        }

    return {
        "axis": {"from_hours": AXIS_FROM, "to_hours": AXIS_TO, "scale": "logarithmic"},
        "wanted_effect": row(drawn.wanted) if drawn.wanted else None,
        "side_effects": [row(bar) for bar in drawn.bars],
        "not_drawn": [{"id": entry.id, "name": entry.name} for entry in drawn.not_drawn],
    }


def _span(duration: Duration) -> dict[str, Any]:
    """text, low, high, unit, sources, measured_from, measured; the numbers null where no source gives them."""
    numbers = dict.fromkeys(("low", "high", "unit", "measured_from"))
    if duration.measured:
        numbers = {key: getattr(duration, key) for key in numbers}
    return {"text": duration.text, **numbers, "sources": list(duration.sources), "measured": duration.measured}


def validation(result: Validation) -> dict[str, Any]:
    """validate's report: each file, then each problem with its place (line, column, field may be null)."""
    problems = [problem._asdict() for problem in result.problems]
    return {"format_version": FORMAT_VERSION, "files": result.files, "problems": problems}
