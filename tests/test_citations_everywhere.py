"""An unknown source is reported wherever it is cited: a `sources` list at any depth, or a figure's `source`.

Every kind of place the built-in file cites from is tried in turn, so a change to how citations
are found (a quicker pass, a schema-driven one) cannot let an unknown source through unseen.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from botox_info.knowledge import loader
from botox_info.knowledge.building import FILES
from botox_info.knowledge.consistency import check_references

BUILTIN_DOCUMENT = loader._validated([loader._read(None)])
del BUILTIN_DOCUMENT[FILES]


def citations(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every cited source id: items of a `sources` list below the top, and `source` values."""
    if isinstance(value, dict):
        for key, child in value.items():
            if key == "source":
                yield (*path, key)
            elif key == "sources" and path and isinstance(child, list):
                yield from ((*path, key, index) for index in range(len(child)))
            else:
                yield from citations(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from citations(child, (*path, index))


def test_the_built_in_file_cites_only_known_sources() -> None:
    assert check_references(BUILTIN_DOCUMENT) == []


def test_an_unknown_source_is_reported_at_every_kind_of_place_a_source_is_cited() -> None:
    kinds: dict[tuple[Any, ...], tuple[Any, ...]] = {}  # the place's keys (no positions) -> its first path
    for path in citations(BUILTIN_DOCUMENT):
        kinds.setdefault(tuple(step for step in path if isinstance(step, str)), path)
    assert ("side_effects", "frequency", "figures", "source") in kinds
    assert ("emergency", "sources") in kinds
    assert len(kinds) > 15
    for path in kinds.values():
        document = copy.deepcopy(BUILTIN_DOCUMENT)
        holder = document
        for step in path[:-1]:
            holder = holder[step]
        holder[path[-1]] = "no-such-source"
        assert [problem.path for problem in check_references(document)] == [path]
