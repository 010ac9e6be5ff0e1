"""Knowledge bases in layers: the built-in file, then a clinic's files on top.

A later file adds entries and overrides entries, or single fields of them,
that have the same id; sections (guidance, before, red_flags) and the
vocabulary (each target's words) are overridden key by key; any other key
is replaced whole. A file with `replace: true` starts afresh: what came
before it is dropped. Merging remembers where each
piece came from, so a problem in the merged document is reported at the
line of the file that wrote it. Imports neither typer nor rich.
"""

from __future__ import annotations

from typing import Any

from .schema import KNOWLEDGE_BASE, ListOf, Path, Problem, Record

KEYED_LISTS = ("sources", "areas", "side_effects", "situations", "rules", "shared")
SECTIONS = ("guidance", "before", "red_flags", "wanted_effect", "vocabulary")
REPLACE = "replace"

# merged path -> (index of the file, the same place's path inside that file)
Origins = dict[Path, tuple[int, Path]]


def merge(documents: list[dict[str, Any]]) -> tuple[dict[str, Any], Origins]:
    """One document from `documents` (first at the bottom), and where each piece came from."""
    first = max((i for i, document in enumerate(documents) if document.get(REPLACE) is True), default=0)
    merged: dict[str, Any] = {}
    origins: Origins = {(): (first, ())}
    for index in range(first, len(documents)):
        for key, value in documents[index].items():
            if key == REPLACE:
                continue
            if key in KEYED_LISTS:
                _merge_keyed(merged.setdefault(key, []), value, key, index, origins)
                origins.setdefault((key,), (index, (key,)))
            elif key in SECTIONS:
                merged[key] = {**merged.get(key, {}), **value}
                origins.update({(key, field): (index, (key, field)) for field in value})
                origins.setdefault((key,), (index, (key,)))
            else:
                merged[key] = value
                origins[(key,)] = (index, (key,))
    return merged, origins


def _merge_keyed(
    current: list[dict[str, Any]], items: list[dict[str, Any]], key: str, index: int, origins: Origins
) -> None:
    positions = {item["id"]: position for position, item in enumerate(current)}  # from the files below
    seen_here: set[str] = set()
    for position_in_file, item in enumerate(items):
        where = positions.get(item["id"])
        if where is None or item["id"] in seen_here:
            # A new item, all of it from this file; an id twice in one file stays twice, to be reported.
            current.append(dict(item))
            origins[(key, len(current) - 1)] = (index, (key, position_in_file))
            seen_here.add(item["id"])
            continue
        seen_here.add(item["id"])
        current[where] = {**current[where], **item}
        for field in item:
            origins[(key, where, field)] = (index, (key, position_in_file, field))


def origin_of(path: Path, origins: Origins) -> tuple[int, Path]:
    """The file (by index) and the path inside it for a path into the merged document."""
    for cut in range(len(path), -1, -1):
        if path[:cut] in origins:
            index, prefix = origins[path[:cut]]
            return index, (*prefix, *path[cut:])
    return 0, path  # pragma: no cover - never reached: merge() records () for every document, and cut reaches 0


def merged_gaps(merged: dict[str, Any], spec: Record = KNOWLEDGE_BASE) -> list[Problem]:
    """What `check_structure(merged)` finds, in its order, once every layer has passed its own check.

    Merging puts together whole values, each from a file where it was checked with the same spec
    as here: only the records it joins (the document, each section, each item of an id-keyed list)
    can lack a required key, and nothing else can be wrong. So only their keys are looked at,
    not every value of every entry a second time.
    """
    problems: list[Problem] = []
    for key, child in {**spec.required, **spec.optional}.items():  # check_structure's order
        value = merged.get(key)
        if key not in merged:
            problems += _missing(merged, spec, (), key)
        elif isinstance(child, Record) and isinstance(value, dict):
            problems += _missing(value, child, (key,))
        elif isinstance(child, ListOf) and isinstance(child.item, Record) and "id" in child.item.required:
            # An id-keyed list's items are merged by id; any other list comes whole from one file.
            required = child.item.required.keys()
            for index, item in enumerate(merged[key]):
                if not required <= item.keys():  # most items have every required key: nothing to word
                    problems += _missing(item, child.item, (key, index))
    return problems


def _missing(value: dict[str, Any], spec: Record, path: Path, only: str | None = None) -> list[Problem]:
    """A record's missing required keys (or just `only`), as check_structure words them."""
    from .structure import describe

    return [
        Problem(path, f"missing required key '{key}' ({describe(child)})")
        for key, child in spec.required.items()
        if key not in value and only in (None, key)
    ]
