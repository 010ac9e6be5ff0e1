"""The knowledge base: read the YAML, validate it (once, then cached), build the models.

Imports neither typer nor rich, so every front end (and the tests) can use it.
"""

from __future__ import annotations

import os
from typing import Any

from . import cache
from .errors import KnowledgeBaseError
from .models import (
    AfterStep,
    Area,
    Before,
    Duration,
    Figure,
    Frequency,
    Guidance,
    KnowledgeBase,
    RedFlags,
    SideEffect,
    Source,
    Statement,
)
from .plain import printable_tree

BUILTIN_RESOURCE = "data/side_effects.yaml"
__all__ = [
    "AfterStep",
    "Area",
    "Before",
    "Duration",
    "Figure",
    "Frequency",
    "Guidance",
    "KnowledgeBase",
    "RedFlags",
    "SideEffect",
    "Source",
    "Statement",
    "load",
]


def load(path: str | os.PathLike[str] | None = None) -> KnowledgeBase:
    """Read and validate a knowledge-base file; the built-in one by default."""
    label, raw = _read(path)
    cached = cache.get(raw)
    if cached is not None:
        try:
            return _build(cached)
        except (KeyError, TypeError, AttributeError):
            pass  # an entry of another shape (tampered, or an old format): validate afresh
    document = _validated(raw, label or _builtin_path())
    cache.put(raw, document)
    return _build(document)


def _validated(raw: bytes, label: str) -> dict[str, Any]:
    # Imported here: a cache hit never needs the parser or the checks.
    from .schema import check_references, check_structure
    from .yaml_file import locate, parse

    # Text from a file may hold terminal escapes: remove them before the checks, so that
    # a text made only of them is reported as empty, and no output format passes them on.
    document = printable_tree(parse(raw, label))
    problems = check_structure(document)
    if not problems:
        problems = check_references(document)
    if problems:
        raise KnowledgeBaseError([locate(raw, label, problem) for problem in problems])
    return document  # type: ignore[no-any-return]


def _read(path: str | os.PathLike[str] | None) -> tuple[str | None, bytes]:
    """The file's label for messages (None: the built-in file) and its bytes."""
    try:
        if path is None:
            # Through the package's loader, never a path built from __file__: works from a
            # wheel, a zip, an editable install and a checkout alike.
            from importlib.resources import files

            return None, files("botox_info").joinpath(BUILTIN_RESOURCE).read_bytes()
        with open(path, "rb") as handle:
            return os.fspath(path), handle.read()
    except IsADirectoryError:
        raise KnowledgeBaseError([f"{os.fspath(path or '')}: is a directory, not a knowledge-base file"]) from None
    except OSError as error:
        where = os.fspath(path) if path is not None else BUILTIN_RESOURCE
        raise KnowledgeBaseError([f"{where}: cannot read the file: {error.strerror or error}"]) from None


def _builtin_path() -> str:
    """Where the built-in file is, for messages; looked up only when one is needed."""
    from importlib.resources import files

    return str(files("botox_info").joinpath(BUILTIN_RESOURCE))


def _statements(items: list[dict[str, Any]]) -> tuple[Statement, ...]:
    return tuple(Statement(item["text"], tuple(item["sources"])) for item in items)


def _build(document: dict[str, Any]) -> KnowledgeBase:
    sources = {
        item["id"]: Source(item["id"], item["title"], item["publisher"], item.get("year"), item.get("url"))
        for item in document["sources"]
    }
    areas = tuple(Area(item["id"], item["name"], tuple(item["aliases"])) for item in document["areas"])
    red_flags = document["red_flags"]
    before = document["before"]
    return KnowledgeBase(
        disclaimer=document["disclaimer"],
        sources=sources,
        areas=areas,
        side_effects=tuple(_side_effect(item) for item in document["side_effects"]),
        guidance=Guidance(
            _statements(document["guidance"]["principles"]), _statements(document["guidance"]["checklist"])
        ),
        before=Before(*(_statements(before[key]) for key in Before._fields)),
        after=tuple(AfterStep(s["when"], s["text"], s["basis"], tuple(s["sources"])) for s in document["after"]),
        red_flags=RedFlags(
            red_flags["summary"],
            red_flags["onset"],
            tuple(red_flags["signs"]),
            _statements(red_flags["action"]),
            tuple(red_flags["sources"]),
        ),
    )


def _side_effect(item: dict[str, Any]) -> SideEffect:
    duration = item["duration"]
    figures = tuple(
        Figure(f["area"], f["percent"], f.get("placebo_percent"), f["population"], f["source"])
        for f in item["frequency"].get("figures", [])
    )
    return SideEffect(
        id=item["id"],
        name=item["name"],
        origin=item["origin"],
        aliases=tuple(item["aliases"]),
        summary=item["summary"],
        causes=_statements(item["causes"]),
        duration=Duration(
            duration["text"], duration["low"], duration["high"], duration["unit"], tuple(duration["sources"])
        ),
        frequency=Frequency(item["frequency"]["bucket"], figures),
        urgency=item["urgency"],
        mitigation=_statements(item["mitigation"]),
        prevention=_statements(item["prevention"]),
        see_doctor_if=_statements(item["see_doctor_if"]),
        areas=tuple(item["areas"]),
    )
