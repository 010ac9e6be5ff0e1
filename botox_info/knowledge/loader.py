"""The knowledge base: read the YAML, validate it (once, then cached), build the models.

Imports neither typer nor rich, so every front end (and the tests) can use it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any, NamedTuple

from ..errors import KnowledgeBaseError
from ..plain import printable_tree, readable_path
from . import cache
from .frequency import figures_of, overall_bucket
from .models import (
    AfterStep,
    Area,
    Before,
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

BUILTIN_RESOURCE = "data/side_effects.yaml"
_FILES = "files of entries"  # added to a validated document: where each side effect came from
__all__ = [
    "AfterStep",
    "Area",
    "Before",
    "Duration",
    "Frequency",
    "Guidance",
    "KnowledgeBase",
    "RedFlags",
    "SideEffect",
    "Source",
    "Statement",
    "load",
    "load_layers",
]


MAX_BYTES = 5 * 1024 * 1024  # a knowledge base is ~100 KB; anything this big is a mistake or an attack


class Layer(NamedTuple):
    """One file of a layered knowledge base: its label for messages (None: built-in) and bytes."""

    label: str | None
    raw: bytes


def load(path: str | os.PathLike[str] | None = None) -> KnowledgeBase:
    """One complete knowledge-base file, validated; the built-in one by default."""
    return _load([_read(path)])


def load_layers(paths: Sequence[str | os.PathLike[str]], builtin: bool = True) -> KnowledgeBase:
    """The built-in knowledge base with each file of `paths` on top, in order."""
    layers = [_read(None)] if builtin else []
    return _load(layers + [_read(path) for path in paths])


def _load(layers: list[Layer]) -> KnowledgeBase:
    # The key holds every file's name as well as its bytes: a validated document records
    # which file each entry came from, so the same bytes at another path are another entry.
    names = "\0".join(f"{layer.label}" for layer in layers)
    key = b"\0".join(f"{layer.label}".encode() + b"\0" + layer.raw for layer in layers)
    cached = cache.get(key, names)
    if cached is not None:
        try:
            return _build(cached)
        except (KeyError, TypeError, AttributeError):
            pass  # an entry of another shape (tampered, or an old format): validate afresh
    document = _validated(layers)
    cache.put(key, names, document)
    return _build(document)


def _validated(layers: list[Layer]) -> dict[str, Any]:
    # Imported here: a cache hit never needs the parser, the checks or the merge.
    from .consistency import check_references, duplicate_ids
    from .layers import merge, origin_of
    from .references import SECTION, apart_from, resolve, shared_items
    from .schema import KNOWLEDGE_BASE, LAYER, check_structure
    from .yaml_file import locate, parse

    labels = [layer.label or _builtin_path() for layer in layers]
    documents, problems = [], []
    known: dict[str, Any] = {}  # shared id -> item, from this file and the files before it
    for position, (layer, label) in enumerate(zip(layers, labels, strict=True)):
        # Text from a file may hold terminal escapes: remove them before the checks, so that
        # a text made only of them is reported as empty, and no output format passes them on.
        document = printable_tree(parse(layer.raw, label))
        spec = KNOWLEDGE_BASE if position == 0 else LAYER
        own, found = shared_items(document, known)
        known.update(own)
        failed = resolve(document, known, spec)  # whole statements from here on: checks, cache, models
        found += failed + apart_from(check_structure(document, spec), failed) + duplicate_ids(document)
        problems += [locate(layer.raw, label, problem) for problem in found]
        documents.append(document)
    if problems:
        raise KnowledgeBaseError(problems)
    merged, origins = merge(documents)
    found = check_structure(merged) or check_references(merged, rank=lambda path: origin_of(path, origins)[0])
    for problem in found:
        index, path = origin_of(problem.path, origins)
        problems.append(locate(layers[index].raw, labels[index], problem._replace(path=path)))
    if problems:
        raise KnowledgeBaseError(problems)
    merged[_FILES] = _entry_files(documents, [layer.label or "built-in" for layer in layers])
    merged.pop(SECTION, None)  # every reference is resolved: the models never need the shared items
    return merged


def _entry_files(documents: list[dict[str, Any]], labels: list[str]) -> dict[str, str]:
    """Side-effect id -> the last file that defined or changed it."""
    files: dict[str, str] = {}
    for document, label in zip(documents, labels, strict=True):
        if document.get("replace") is True:
            files.clear()
        files.update({item["id"]: label for item in document.get("side_effects", [])})
    return files


def _read(path: str | os.PathLike[str] | None) -> Layer:
    """A file's label for messages (None: the built-in file) and its bytes."""
    if path is None:
        # Through the package's loader, never a path built from __file__: works from a
        # wheel, a zip, an editable install and a checkout alike.
        from importlib.resources import files

        try:
            return Layer(None, files("botox_info").joinpath(BUILTIN_RESOURCE).read_bytes())
        except OSError as error:
            raise _unusable(BUILTIN_RESOURCE, f"cannot read the file: {error.strerror or error}") from None
    from .file_kinds import not_regular, refusal  # only for a clinic's or the user's file, not on every run

    label = readable_path(path)
    try:
        kind = not_regular(os.stat(path).st_mode)
        if kind is None:
            # O_NONBLOCK: were the file swapped for a named pipe since the stat, opening it
            # would still return at once, and the second look below refuses it.
            with open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
                kind = not_regular(os.fstat(handle.fileno()).st_mode)
                raw = handle.read(MAX_BYTES + 1) if kind is None else b""
    except OSError as error:
        raise _unusable(label, f"cannot read the file: {error.strerror or error}") from None
    if kind is not None:
        raise _unusable(label, refusal(kind))
    if len(raw) > MAX_BYTES:
        limit = MAX_BYTES // (1024 * 1024)
        raise _unusable(label, f"too large for a knowledge-base file (over {limit} MB)")
    return Layer(label, raw)


def _unusable(label: str, message: str) -> KnowledgeBaseError:
    """A whole file that cannot be used: no line, column or field to point at."""
    from ..problems import FileProblem  # here: a run without a problem never builds the class

    return KnowledgeBaseError([FileProblem(label, None, None, None, message)])


def _builtin_path() -> str:
    """Where the built-in file is, for messages; looked up only when one is needed."""
    from importlib.resources import files

    return str(files("botox_info").joinpath(BUILTIN_RESOURCE))


def _statements(items: list[dict[str, Any]]) -> tuple[Statement, ...]:
    return tuple(Statement(item["text"], tuple(item["sources"])) for item in items)


def _build(document: dict[str, Any]) -> KnowledgeBase:
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
    files = document.get(_FILES, {})
    return KnowledgeBase(
        disclaimer=document["disclaimer"],
        emergency=Statement(document["emergency"]["text"], tuple(document["emergency"]["sources"])),
        sources=sources,
        areas=areas,
        side_effects=tuple(_side_effect(item, files.get(item["id"], "built-in")) for item in document["side_effects"]),
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
    )


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
    return SideEffect(
        id=item["id"],
        name=item["name"],
        origin=item["origin"],
        aliases=tuple(item["aliases"]),
        summary=item["summary"],
        causes=_statements(item["causes"]),
        duration=_duration(item["duration"]),
        frequency=Frequency(overall_bucket(figures, item["areas"]), figures),
        urgency=item["urgency"],
        mitigation=_statements(item["mitigation"]),
        prevention=_statements(item["prevention"]),
        see_doctor_if=_statements(item["see_doctor_if"]),
        areas=tuple(item["areas"]),
        file=file,
        onset=_duration(item["onset"]) if "onset" in item else None,
    )
