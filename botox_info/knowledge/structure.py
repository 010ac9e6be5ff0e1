"""A value checked against the format's specs: every place where its shape is wrong.

Checks return `Problem`s with a path into the document; the loader turns the
path into a file line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .schema import KNOWLEDGE_BASE, NUMBER_LIMIT, Flag, ListOf, MapOf, Number, OneOf, Path, Problem, Record, Spec, Text


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
    if not path and _fits_whole(spec)(value):
        return []  # most files have the right shape: one quick pass says so, the walk below says where not
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
    return [Problem(path, _misfit(value, spec))]


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


def _misfit(value: Any, spec: Spec) -> str:
    """Why a value that is not a list or a mapping does not fit `spec`."""
    if isinstance(spec, Number) and _number_of_kind(value, spec) and value == value:  # only too big, or infinite
        return f"expected {describe(spec)} from -{NUMBER_LIMIT:,} to {NUMBER_LIMIT:,}, found {_kind(value)}"
    return f"expected {describe(spec)}, found {_kind(value)}"


# id of a spec -> whether a value has its shape, with no problem to report (specs are module constants).
_QUICK: dict[int, Callable[[Any], bool]] = {}


def _fits_whole(spec: Spec) -> Callable[[Any], bool]:
    """Whether a value has this spec's shape: what `check_structure(value, spec) == []` says, made faster
    by working out each record's keys and each part's test once, and stopping at the first misfit."""
    quick = _QUICK.get(id(spec))
    if quick is not None:
        return quick
    if isinstance(spec, Record):
        # A plain text's test is written out in the loop (None here): most values are texts.
        fields = {**spec.required, **spec.optional}
        tests = {key: None if _plain_text(child) else _fits_whole(child) for key, child in fields.items()}
        keys, required = frozenset(tests), frozenset(spec.required)

        def quick(value: Any) -> bool:
            if not (isinstance(value, dict) and keys.issuperset(value) and required.issubset(value)):
                return False
            for key, item in value.items():
                test = tests[key]
                if test is None:
                    if not (isinstance(item, str) and item != "" and not item.isspace()):
                        return False
                elif not test(item):
                    return False
            return True
    elif isinstance(spec, ListOf) and _plain_text(spec.item):
        least = spec.min_items

        def quick(value: Any) -> bool:
            if not (isinstance(value, list) and len(value) >= least):
                return False
            for item in value:  # noqa: SIM110 - a loop, not all(generator): faster here
                if not (isinstance(item, str) and item != "" and not item.isspace()):
                    return False
            return True
    elif isinstance(spec, ListOf):
        each, least = _fits_whole(spec.item), spec.min_items

        def quick(value: Any) -> bool:
            return isinstance(value, list) and len(value) >= least and all(map(each, value))
    elif isinstance(spec, MapOf):
        key_fits, value_fits = _fits_whole(spec.key), _fits_whole(spec.value)

        def quick(value: Any) -> bool:
            return isinstance(value, dict) and all(key_fits(k) and value_fits(v) for k, v in value.items())
    elif _plain_text(spec):

        def quick(value: Any) -> bool:
            return isinstance(value, str) and value != "" and not value.isspace()  # as _fits: not blank
    elif isinstance(spec, Text) and spec.pattern is not None:
        pattern = spec.pattern

        def quick(value: Any) -> bool:
            return isinstance(value, str) and value != "" and not value.isspace() and bool(pattern.fullmatch(value))
    elif isinstance(spec, Number):
        kinds = (int,) if spec.integer else (int, float)  # by type: True and False are not numbers here

        def quick(value: Any) -> bool:
            return type(value) in kinds and -NUMBER_LIMIT <= value <= NUMBER_LIMIT
    elif isinstance(spec, OneOf) and all(type(choice) in (str, int) for choice in spec.choices):
        choices = frozenset((type(choice), choice) for choice in spec.choices)  # 1 is not True, nor 1.0

        def quick(value: Any) -> bool:
            return type(value) in (str, int) and (type(value), value) in choices
    else:

        def quick(value: Any, leaf: Text | Number | OneOf | Flag = spec) -> bool:
            return _fits(value, leaf)

    _QUICK[id(spec)] = quick
    return quick


def _plain_text(spec: Spec) -> bool:
    """Any text that is not blank: tested as `isinstance(value, str) and value != "" and not value.isspace()`."""
    return isinstance(spec, Text) and spec.pattern is None


def _fits(value: Any, spec: Text | Number | OneOf | Flag) -> bool:
    if isinstance(spec, Flag):
        return isinstance(value, bool)
    if isinstance(spec, OneOf):
        return any(value == choice and type(value) is type(choice) for choice in spec.choices)
    if isinstance(spec, Number):
        # Compared, not math.isfinite: that raises on an int too big for a float. NaN compares false.
        return _number_of_kind(value, spec) and -NUMBER_LIMIT <= value <= NUMBER_LIMIT
    if not isinstance(value, str) or not value.strip():
        return False
    return spec.pattern is None or bool(spec.pattern.fullmatch(value))


def _number_of_kind(value: Any, spec: Number) -> bool:
    """A number (True and False are not), and a whole one if `spec` wants that."""
    return isinstance(value, (int,) if spec.integer else (int, float)) and not isinstance(value, bool)


def _kind(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, str):
        return f"the text {value!r}" if value.strip() else "an empty text"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        shown = str(value)
        return f"the number {shown if len(shown) <= 24 else shown[:20] + '…'}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
