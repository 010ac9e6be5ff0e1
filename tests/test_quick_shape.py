"""The quick shape check says "no problem" exactly when the full walk of check_structure finds none.

check_structure runs the quick check first and walks the document only when it fails, so a
difference would hide a problem or report one twice. Every place of a small complete file and of
a clinic's layer is broken in turn, in every way a YAML value can be wrong.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from botox_info.knowledge import structure
from botox_info.knowledge.schema import KNOWLEDGE_BASE, LAYER, Spec

from .helpers import CLINIC, MINIMAL_TEXT

ODD_VALUES: tuple[Any, ...] = (None, "", "  \n", "x", "Not-A-Slug", 0, 1, 2, True, False, 1.0, float("nan"))
ODD_VALUES += (float("inf"), -(10**9), 10**9 + 1, 10**400)  # at the limit, past it, past what a float holds
ODD_VALUES += ([], ["x"], [None], {}, {"x": 1})


def places(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        yield from places(item, (*path, key))


def changed(document: Any, path: tuple[Any, ...], new: Any) -> Any:
    result = copy.deepcopy(document)
    *parents, last = path
    holder = result
    for key in parents:
        holder = holder[key]
    holder[last] = new
    return result


def variants(document: dict[str, Any]) -> Iterator[Any]:
    for path in places(document):
        if not path:
            continue
        for odd in ODD_VALUES:
            yield changed(document, path, odd)
        *parents, last = path
        parent = copy.deepcopy(document)
        holder = parent
        for key in parents:
            holder = holder[key]
        if isinstance(holder, dict):
            del holder[last]
            yield parent
            holder["unknown"] = "x"
            yield parent
        else:
            holder.append(copy.deepcopy(holder[last]))
            yield parent


def whole_walk_is_clean(value: Any, spec: Spec) -> bool:
    # A path given: check_structure walks every place rather than asking the quick check first.
    return structure.check_structure(value, spec, ("whole",)) == []


@pytest.mark.parametrize(
    ("text", "spec"),
    [(MINIMAL_TEXT, KNOWLEDGE_BASE), (CLINIC.read_text(encoding="utf-8"), LAYER)],
    ids=["full", "layer"],
)
def test_the_quick_check_agrees_with_the_walk_everywhere(text: str, spec: Spec) -> None:
    document = yaml.safe_load(text)
    quick = structure._fits_whole(spec)
    assert quick(document) is True
    assert structure.check_structure(document, spec) == []
    disagreements, broken = [], 0
    for variant in variants(document):
        clean = whole_walk_is_clean(variant, spec)
        broken += not clean
        if quick(variant) != clean:
            disagreements.append(variant)
    assert disagreements == []
    assert broken > 500  # the variants do break the file, in many places
