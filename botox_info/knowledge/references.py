"""`same_as`: a statement or span written once in `shared`, used by reference.

Wherever the format marks a place `same_as` (a statement, an aftercare step, an
onset, a duration), `{same_as: ID}` stands for the shared item with that id:
its text, its sources and, for a span, its numbers. The loader resolves every
reference right after parsing, before any check, so validation, the cache, the
models and every output see whole statements, and a cache hit resolves nothing.

A reference may add what the shared item does not hold (an aftercare step's
`when` and `basis`) and may give its own `sources`, to cite the fact
differently in that place; it never restates the text or the numbers. A file
may refer to its own shared items and to those of the files read before it.
Imports neither typer nor rich.
"""

from __future__ import annotations

from typing import Any

from .consistency import unknown
from .schema import SHARED, ListOf, Path, Problem, Record, Spec

SAME_AS = "same_as"
SECTION = "shared"
# What a reference takes from the shared item and so must not write itself (its `sources` it may).
FACTS = tuple(name for name in (*SHARED.required, *SHARED.optional) if name not in ("id", "sources"))

Shared = dict[str, dict[str, Any]]  # shared id -> the item, as written


def shared_items(document: Any, below: Shared) -> tuple[Shared, list[Problem]]:
    """The shared items of one file (those with an id); problems for an id a file below defined."""
    items = document.get(SECTION) if isinstance(document, dict) else None
    found: Shared = {}
    problems: list[Problem] = []
    for index, item in enumerate(items if isinstance(items, list) else []):
        item_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(item_id, str):
            continue  # left to the shape checks
        if item_id in below:
            message = f"shared id {item_id!r} is already defined by a file read before this one; choose another id"
            problems.append(Problem((SECTION, index, "id"), message))
        else:
            found.setdefault(item_id, item)  # a second one in this file is reported as a duplicate id
    return found, problems


def resolve(document: Any, known: Shared, spec: Spec) -> list[Problem]:
    """Replace, in place, each `{same_as: ID}` where `spec` allows one; the references that fail."""
    problems: list[Problem] = []
    _walk(document, spec, (), known, problems)
    return problems


def apart_from(found: list[Problem], failed: list[Problem]) -> list[Problem]:
    """`found` without what a failed reference causes (a missing text, an unknown key same_as)."""
    places = {problem.path[:-1] for problem in failed}
    return [problem for problem in found if not any(problem.path[: len(place)] == place for place in places)]


def _walk(value: Any, spec: Spec, path: Path, known: Shared, problems: list[Problem]) -> Any:
    if isinstance(spec, ListOf) and isinstance(value, list):
        for index, item in enumerate(value):
            value[index] = _walk(item, spec.item, (*path, index), known, problems)
    elif isinstance(spec, Record) and isinstance(value, dict):
        if spec.same_as and SAME_AS in value:
            return _resolved(value, spec, path, known, problems)
        for key, child in {**spec.required, **spec.optional}.items():
            if key in value and key != SECTION:
                value[key] = _walk(value[key], child, (*path, key), known, problems)
    return value


def _resolved(value: dict[str, Any], spec: Record, path: Path, known: Shared, problems: list[Problem]) -> Any:
    reference = value[SAME_AS]
    where: Path = (*path, SAME_AS)
    restated = [key for key in FACTS if key in value]
    for key in restated:
        message = f"a reference takes '{key}' from the shared item: write only same_as (and sources to cite it here)"
        problems.append(Problem((*path, key), message, on_key=True))
    if not isinstance(reference, str):
        problems.append(Problem(where, "expected the id of a shared statement (an item of 'shared')"))
        return value
    item = known.get(reference)
    if item is None:
        problems.append(Problem(where, unknown("shared id", reference, set(known))))
        return value
    fields = {**spec.required, **spec.optional}
    misfits = [key for key in item if key != "id" and key not in fields]
    if misfits:
        takes = ", ".join(fields)
        message = (
            f"the shared {reference!r} has {', '.join(misfits)}, which do not belong here (this place takes {takes})"
        )
        problems.append(Problem(where, message))
        return value
    if restated:
        return value
    taken = {key: list(part) if isinstance(part, list) else part for key, part in item.items() if key != "id"}
    return {**taken, **{key: part for key, part in value.items() if key != SAME_AS}}
