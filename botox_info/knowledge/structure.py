"""A value checked against the format's specs: every place where its shape is wrong.

Checks return `Problem`s with a path into the document; the loader turns the
path into a file line.
"""

from __future__ import annotations

import math
from typing import Any

from .schema import KNOWLEDGE_BASE, Flag, ListOf, MapOf, Number, OneOf, Path, Problem, Record, Spec, Text


def describe(spec: Spec) -> str:
    """What a value of this spec looks like, for 'expected ...' messages."""
    if isinstance(spec, Text):
        return spec.hint
    if isinstance(spec, Number):
        return "a whole number" if spec.integer else "a number"
    if isinstance(spec, OneOf):
        return "one of: " + ", ".join(repr(choice) for choice in spec.choices)
    if isinstance(spec, Flag):
        return "true or false"
    if isinstance(spec, ListOf):
        return "a list" if spec.min_items == 0 else "a non-empty list"
    if isinstance(spec, MapOf):
        return "a mapping of targets to lists of words"
    if spec.required:
        return "a mapping with the keys " + ", ".join(spec.required)
    # A clinic's layer needs no key in particular: name the ones it may have.
    return "a mapping with any of the keys " + ", ".join(spec.optional)


def check_structure(value: Any, spec: Spec = KNOWLEDGE_BASE, path: Path = ()) -> list[Problem]:
    """Every place where `value` does not have the shape `spec` asks for."""
    if isinstance(spec, Record):
        return _check_record(value, spec, path)
    if isinstance(spec, MapOf):
        if not isinstance(value, dict):
            return [Problem(path, f"expected {describe(spec)}, found {_kind(value)}")]
        found = [
            Problem((*path, str(key)), f"expected {spec.key.hint} as the key, found {_kind(key)}", True)
            for key in value
            if not _fits(key, spec.key)
        ]
        for key, item in value.items():
            found += check_structure(item, spec.value, (*path, str(key)))
        return found
    if isinstance(spec, ListOf):
        if not isinstance(value, list):
            return [Problem(path, f"expected {describe(spec)}, found {_kind(value)}")]
        if len(value) < spec.min_items:
            return [Problem(path, "expected a non-empty list, found an empty one")]
        problems: list[Problem] = []
        for index, item in enumerate(value):
            problems += check_structure(item, spec.item, (*path, index))
        return problems
    if _fits(value, spec):
        return []
    return [Problem(path, f"expected {describe(spec)}, found {_kind(value)}")]


def _check_record(value: Any, spec: Record, path: Path) -> list[Problem]:
    if not isinstance(value, dict):
        return [Problem(path, f"expected {describe(spec)}, found {_kind(value)}")]
    known = {**spec.required, **spec.optional}
    problems = []
    for key in value:
        if key not in known:
            expected = ", ".join(known)
            problems.append(Problem((*path, str(key)), f"unknown key (expected one of: {expected})", True))
    for key, child in known.items():
        if key in value:
            problems += check_structure(value[key], child, (*path, key))
        elif key in spec.required:
            problems.append(Problem(path, f"missing required key '{key}' ({describe(child)})"))
    return problems


def _fits(value: Any, spec: Text | Number | OneOf | Flag) -> bool:
    if isinstance(spec, Flag):
        return isinstance(value, bool)
    if isinstance(spec, OneOf):
        return any(value == choice and type(value) is type(choice) for choice in spec.choices)
    if isinstance(spec, Number):
        wanted = (int,) if spec.integer else (int, float)
        return isinstance(value, wanted) and not isinstance(value, bool) and math.isfinite(value)
    if not isinstance(value, str) or not value.strip():
        return False
    return spec.pattern is None or bool(spec.pattern.fullmatch(value))


def _kind(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, str):
        return f"the text {value!r}" if value.strip() else "an empty text"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
