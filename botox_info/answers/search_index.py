"""Search's index: the pages that hold each stem, so a search reads only the pages that can match.

Built from the very words search reads (every field of every page, split and
stemmed by stemming.py), once per knowledge base, and kept beside its cache
entry (knowledge/cache.py's `remembered`): a warm search looks up the query's
stems instead of splitting and stemming the text of every page, and the index
is built again whenever the files change, the cache entry does, or the
stemmer's code. Stdlib only; imports neither typer nor rich.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from ..knowledge import cache
from ..knowledge.models import KnowledgeBase
from .stemming import signature, stem, tokens

REVISION = 1  # bump when what is stored changes; a change to the stemmer changes `signature()` by itself
# The number of pages, and each stem's pages: their positions (search's order) as unsigned ints ("I").
Index = tuple[int, dict[str, bytes]]


def pages_with(
    knowledge: KnowledgeBase, required: set[str], spare: int, count: int, pages: Callable[[], list[str]]
) -> dict[int, int]:
    """Position -> how many stems of `required` the page lacks, for every page lacking at most `spare`, in order.

    `count` is the number of pages; `pages` gives the text of each (its fields joined), to build the index.
    """
    index = cache.remembered(
        knowledge, f"search-{REVISION}-{signature()}", lambda: build(pages()), lambda value: _fits(value, count)
    )
    present: Counter[int] = Counter()
    for each in required:
        present.update(memoryview(index[1].get(each, b"")).cast("I"))
    need = len(required) - spare
    return {
        position: len(required) - found
        for position, found in sorted(present.items())
        if found >= need and position < count  # (a position past the pages: only in a tampered file)
    }


def build(pages: Iterable[str]) -> Index:
    """The index of these pages' texts."""
    from array import array

    memo: dict[str, str] = {}
    positions: dict[str, list[int]] = {}
    count = 0
    for position, text in enumerate(pages):
        count += 1
        for each in {memo[word] if word in memo else stem(word, memo) for word in tokens(text)}:
            positions.setdefault(each, []).append(position)
    return count, {each: array("I", found).tobytes() for each, found in positions.items()}


def _fits(value: Any, count: int) -> bool:
    """Whether a stored value is an index of `count` pages (a damaged or foreign file is built again)."""
    if not (isinstance(value, tuple) and len(value) == 2 and value[0] == count and isinstance(value[1], dict)):
        return False
    return all(type(found) is bytes and not len(found) % 4 for found in value[1].values())
