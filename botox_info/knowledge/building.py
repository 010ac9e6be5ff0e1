"""A validated document -> the knowledge base's models. Imports neither typer nor rich."""

from __future__ import annotations

from typing import Any

from .frequency import figures_of, overall_bucket
from .models import (
    AfterStep,
    Area,
    Before,
    Clinic,
    Duration,
    Frequency,
    Guidance,
    KnowledgeBase,
    RedFlags,
    Rule,
    SideEffect,
    Situation,
    Source,
    Statement,
    WantedEffect,
    Words,
)

FILES = "files of entries"  # added to a validated document: side-effect id -> the layer that last wrote it


# A two-field model made straight from its fields, skipping NamedTuple's __new__: a big clinic
# file builds tens of thousands of statements.
_new = tuple.__new__


def _statements(items: list[dict[str, Any]]) -> tuple[Statement, ...]:
    return tuple([_new(Statement, (item["text"], tuple(item["sources"]))) for item in items])


def build(document: dict[str, Any], labels: list[str]) -> KnowledgeBase:
    """The models of a validated document; `labels`: each layer's file as this run names it."""
    sources = {
        item["id"]: Source(
            item["id"],
            item["title"],
            item["publisher"],
            item.get("year"),
            item.get("url"),
            item.get("doi"),
            item.get("pmid"),
            item.get("accessed"),
        )
        for item in document["sources"]
    }
    areas = tuple(Area(item["id"], item["name"], tuple(item["aliases"])) for item in document["areas"])
    red_flags = document["red_flags"]
    before = document["before"]
    files = document.get(FILES, {})
    return KnowledgeBase(
        disclaimer=document["disclaimer"],
        emergency=Statement(document["emergency"]["text"], tuple(document["emergency"]["sources"])),
        sources=sources,
        areas=areas,
        side_effects=tuple(_side_effect(item, labels[files.get(item["id"], 0)]) for item in document["side_effects"]),
        guidance=Guidance(
            _statements(document["guidance"]["principles"]), _statements(document["guidance"]["checklist"])
        ),
        before=Before(*(_statements(before[key]) for key in Before._fields)),
        after=tuple(AfterStep(s["when"], s["text"], s["basis"], tuple(s["sources"])) for s in document["after"]),
        situations=tuple(_situation(item) for item in document["situations"]),
        rules=tuple(_rule(item) for item in document["rules"]),
        wanted_effect=WantedEffect(*(_duration(document["wanted_effect"][key]) for key in WantedEffect._fields)),
        vocabulary=tuple(Words(target, tuple(words)) for target, words in document.get("vocabulary", {}).items()),
        red_flags=RedFlags(
            red_flags["summary"],
            red_flags["onset"],
            tuple(red_flags["signs"]),
            _statements(red_flags["action"]),
            tuple(red_flags["sources"]),
            tuple(red_flags["allergy_signs"]),
        ),
        clinic=_clinic(document.get("clinic")),
    )


def _clinic(item: dict[str, Any] | None) -> Clinic | None:
    if item is None:
        return None
    return Clinic(item["name"], *(item.get(key) for key in Clinic._fields[1:]))


def _situation(item: dict[str, Any]) -> Situation:
    number = item.get("number")
    bounds = (number["low"], number["high"], number["unit"]) if number else None
    flag = item.get("flag") or {}
    return Situation(item["id"], item["question"], bounds, flag.get("name"), flag.get("help"))


def _rule(item: dict[str, Any]) -> Rule:
    return Rule(
        item["id"],
        item["situation"],
        item["verdict"],
        item["text"],
        tuple(item["sources"]),
        tuple(item.get("side_effects", ())),
        item.get("below"),
        item.get("at_least"),
    )


def _duration(item: dict[str, Any]) -> Duration:
    if "low" not in item:  # not measured: the text says so, and nothing is drawn or filtered on it
        return Duration(item["text"], 0, 0, "days", tuple(item["sources"]), measured=False)
    return Duration(
        item["text"],
        item["low"],
        item["high"],
        item["unit"],
        tuple(item["sources"]),
        item.get("measured_from", "onset"),
    )


def _side_effect(item: dict[str, Any], file: str) -> SideEffect:
    figures = figures_of(item)
    return SideEffect(  # by name, not _new: a field added to SideEffect later keeps its default
        id=item["id"],
        name=item["name"],
        origin=item["origin"],
        aliases=tuple(item["aliases"]),
        summary=item["summary"],
        causes=_statements(item["causes"]),
        duration=_duration(item["duration"]),
        frequency=_new(Frequency, (overall_bucket(figures, item["areas"]), figures)),
        urgency=item["urgency"],
        mitigation=_statements(item["mitigation"]),
        prevention=_statements(item["prevention"]),
        see_doctor_if=_statements(item["see_doctor_if"]),
        areas=tuple(item["areas"]),
        file=file,
        onset=_duration(item["onset"]) if "onset" in item else None,
    )
