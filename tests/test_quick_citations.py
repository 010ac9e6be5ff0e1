"""The quick citation pass says "all known" exactly when the walk finds no unknown citation.

check_references asks the quick pass first and walks with paths only when it fails, so a
difference would hide an unknown source or cost every cold run the slow walk. The quick pass
looks only where the format's specs put a citation: every text of the built-in knowledge base
is made an unknown id in turn, and only the citations may change its answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import yaml

from botox_info.knowledge import citations
from botox_info.knowledge.loader import BUILTIN_RESOURCE
from botox_info.knowledge.schema import Problem

from .helpers import MINIMAL_TEXT, ROOT

BUILTIN = yaml.safe_load((ROOT / "botox_info" / BUILTIN_RESOURCE).read_text(encoding="utf-8"))


def texts(value: Any, holder: Any = None, key: Any = None, cites: bool = False) -> Iterator[tuple[Any, Any, bool]]:
    """(holder, key, whether it is a citation) of every text; and of every list of texts (key None: the list).

    Only texts change, and only lists of texts grow, so the document keeps its shape: the quick pass,
    like check_references, runs only on a document whose shape has passed.
    """
    if isinstance(value, str):
        yield holder, key, cites
    if isinstance(value, list):
        if all(isinstance(item, str) for item in value):
            yield value, None, cites
        for index, child in enumerate(value):
            yield from texts(child, value, index, cites)
    if isinstance(value, dict):
        for child_key, child in value.items():
            citing = child_key == "source" or (child_key == "sources" and holder is not None)
            yield from texts(child, value, child_key, citing)


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


def source_ids(document: dict[str, Any]) -> set[str]:
    return {source["id"] for source in document["sources"]}


def test_an_unknown_id_is_found_at_every_citation_and_nowhere_else() -> None:
    known = source_ids(BUILTIN)
    assert citations.cites_only_known(BUILTIN, known) is True
    wrong, citing = [], 0
    for holder, key, cites in list(texts(BUILTIN)):
        citing += cites
        with unknown_id_at(holder, key):
            if citations.cites_only_known(BUILTIN, known) is cites:
                wrong.append((key, holder if key is None or isinstance(holder, list) else holder.get("id", key)))
    assert wrong == []
    assert citing > 300  # the built-in file cites its sources in hundreds of places


def test_the_quick_pass_agrees_with_the_walk_at_every_text_and_list() -> None:
    document = yaml.safe_load(MINIMAL_TEXT)
    known = source_ids(document)
    assert citations.unknown_citations(document, known) == []
    disagreements, unknown = [], 0
    for holder, key, _ in list(texts(document)):
        with unknown_id_at(holder, key):
            walk_clean = citations.unknown_citations(document, known) == []
            unknown += not walk_clean
            if citations.cites_only_known(document, known) != walk_clean:
                disagreements.append((key, holder))
    assert disagreements == []
    assert unknown > 20


def test_the_document_s_own_sources_are_the_sources_not_citations() -> None:
    assert citations.cites_only_known({"sources": [{"id": "a", "title": "b"}]}, {"a"}) is True
    entry = {"id": "x", "sources": ["a"], "causes": [{"text": "t", "sources": ["b"]}]}
    assert citations.cites_only_known({"sources": [], "side_effects": [entry]}, {"a"}) is False
    assert citations.unknown_citations({"sources": [], "side_effects": [entry]}, {"a"}) == [
        Problem(("side_effects", 0, "causes", 0, "sources", 0), "unknown source 'b'")
    ]
