"""The quick citation pass says "all known" exactly when the full walk finds no unknown citation.

check_references asks the quick pass first and walks with paths only when it fails, so a
difference would hide an unknown source or cost every cold run the slow walk. Every text of the
smallest complete knowledge base is made an unknown id in turn, and every list gains one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import yaml

from botox_info.knowledge import consistency

from .helpers import MINIMAL_TEXT


def texts(value: Any, holder: Any = None, key: Any = None) -> Iterator[tuple[Any, Any]]:
    """(holder, key) of every text, and of every list (key None: the list itself)."""
    if isinstance(value, str):
        yield holder, key
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    if isinstance(value, list):
        yield value, None
    for child_key, child in items:
        yield from texts(child, value, child_key)


@contextmanager
def unknown_id_at(holder: Any, key: Any) -> Iterator[None]:
    """The text at holder[key] is an unknown source id (or the list `holder` ends with one), then restored."""
    if key is None:
        holder.append("no-such-source")
        try:
            yield
        finally:
            holder.pop()
        return
    old = holder[key]
    holder[key] = "no-such-source"
    try:
        yield
    finally:
        holder[key] = old


def test_the_quick_pass_agrees_with_the_walk_at_every_text_and_list() -> None:
    document = yaml.safe_load(MINIMAL_TEXT)
    source_ids = {source["id"] for source in document["sources"]}
    assert consistency._cites_known(document, source_ids, nested=False) is True
    assert consistency._unknown_citations(document, (), source_ids) == []
    disagreements, unknown = [], 0
    for holder, key in list(texts(document)):
        with unknown_id_at(holder, key):
            walk_clean = consistency._unknown_citations(document, (), source_ids) == []
            unknown += not walk_clean
            if consistency._cites_known(document, source_ids, nested=False) != walk_clean:
                disagreements.append((key, holder if key is None else holder.get("id", key)))
    assert disagreements == []
    assert unknown > 20  # the changes do reach citations, in many places


def test_a_top_level_sources_list_is_the_sources_themselves_not_citations() -> None:
    # The document's own `sources` is the list of sources, not a list of citations.
    document = {"sources": [{"id": "a"}], "side_effects": [{"sources": ["a"]}]}
    assert consistency._cites_known(document, {"a"}, nested=False) is True
    assert consistency._cites_known({"sources": ["b"]}, {"a"}, nested=False) is True
    assert consistency._cites_known({"x": {"sources": ["b"]}}, {"a"}, nested=False) is False
    assert consistency._cites_known({"x": [{"source": "b"}]}, {"a"}, nested=False) is False
