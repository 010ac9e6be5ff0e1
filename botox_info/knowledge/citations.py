"""Every citation names a known source: a quick pass led by the format's specs, and the walk that says where.

A citation is a side effect's, a statement's or a shared item's `sources` list
and a figure's `source`. Both run on a document whose shape has passed
`structure.check_structure`, so the specs say where citations can stand: the
quick pass looks only there, and at no text that cannot be one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .schema import KNOWLEDGE_BASE, ListOf, Path, Problem, Record, Spec

KnownTest = Callable[[Any, set[str]], bool]  # a value of a spec -> whether it cites only known sources
_TESTS: dict[int, KnownTest | None] = {}  # id of a spec (specs are module constants) -> its test


def cites_only_known(document: dict[str, Any], source_ids: set[str]) -> bool:
    """Whether every citation in `document` is a known source: what `unknown_citations` finds nothing in."""
    test = _known_test(KNOWLEDGE_BASE)
    return test is None or test(document, source_ids)


def _cited_list(value: list[str], known: set[str]) -> bool:
    return known.issuperset(value)


def _cited_one(value: str, known: set[str]) -> bool:
    return value in known


def _known_test(spec: Spec) -> KnownTest | None:
    """The quick test for values of `spec`; None where no citation can stand below it."""
    if id(spec) in _TESTS:
        return _TESTS[id(spec)]
    test: KnownTest | None = None
    if isinstance(spec, ListOf):
        each = _known_test(spec.item)
        if each is not None:

            def test(value: Any, known: set[str], each: KnownTest = each) -> bool:
                for item in value:  # noqa: SIM110 - a loop, not all(generator): faster on thousands of items
                    if not each(item, known):
                        return False
                return True
    elif isinstance(spec, Record):
        parts: list[tuple[str, KnownTest]] = []
        for key, child in {**spec.required, **spec.optional}.items():
            if key == "sources" and spec is not KNOWLEDGE_BASE:  # the document's own `sources` are the sources
                parts.append((key, _cited_list))
            elif key == "source":
                parts.append((key, _cited_one))
            elif (below := _known_test(child)) is not None:
                parts.append((key, below))
        if parts:

            def test(value: Any, known: set[str], parts: list[tuple[str, KnownTest]] = parts) -> bool:
                for key, part in parts:  # noqa: SIM110 - as above
                    if key in value and not part(value[key], known):
                        return False
                return True

    _TESTS[id(spec)] = test
    return test


def unknown_citations(value: Any, source_ids: set[str], path: Path = ()) -> list[Problem]:
    """Every `sources` list and `source` value below `value` that names an unknown source, with its path."""
    from .consistency import unknown

    problems: list[Problem] = []
    if isinstance(value, dict):
        for key, child in value.items():
            child_path = (*path, key)
            if key == "source" and child not in source_ids:
                problems.append(Problem(child_path, unknown("source", child, source_ids)))
            elif key == "sources" and path and isinstance(child, list):
                for position, cited in enumerate(child):
                    if cited not in source_ids:
                        problems.append(Problem((*child_path, position), unknown("source", cited, source_ids)))
            else:
                problems += unknown_citations(child, source_ids, child_path)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            problems += unknown_citations(child, source_ids, (*path, index))
    return problems
