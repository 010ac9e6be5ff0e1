"""The knowledge base: read the YAML, validate it (once, then cached), build the models.

Imports neither typer nor rich, so every front end (and the tests) can use it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import KnowledgeBaseError
from ..plain import printable, readable_path
from . import cache
from .building import FILES as _FILES
from .building import build as _build
from .models import KnowledgeBase

if TYPE_CHECKING:
    from .schema import Problem

BUILTIN_RESOURCE = "data/side_effects.yaml"
__all__ = ["BUILTIN_RESOURCE", "MAX_BYTES", "load", "load_layers"]


MAX_BYTES = 5 * 1024 * 1024  # a knowledge base is ~100 KB; anything this big is a mistake or an attack


class Layer(NamedTuple):
    """One file of a layered knowledge base: its label for messages (None: built-in), bytes, resolved path."""

    label: str | None
    raw: bytes
    file: str = ""  # the file whatever the path's spelling (relative, './', a symlink): the cache's key


def load(path: str | os.PathLike[str] | None = None) -> KnowledgeBase:
    """One complete knowledge-base file, validated; the built-in one by default."""
    return _load([_read(path)])


def load_layers(paths: Sequence[str | os.PathLike[str]], builtin: bool = True) -> KnowledgeBase:
    """The built-in knowledge base with each file of `paths` on top, in order."""
    layers = [_read(None)] if builtin else []
    return _load(layers + [_read(path) for path in paths])


def _load(layers: list[Layer]) -> KnowledgeBase:
    # Loading builds hundreds of thousands of objects, none of them in a reference cycle, and
    # Python's cyclic collector would walk all of them again and again as they are made (most
    # of a big clinic file's cost, and more than linear in its size). So the collector pauses
    # while the knowledge base is read and built, and what was built is then frozen: kept out
    # of every later collection, as large Python services do after start-up (gc.freeze).
    import gc

    collecting = gc.isenabled()
    gc.disable()
    try:
        return _cached_or_validated(layers)
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


def _cached_or_validated(layers: list[Layer]) -> KnowledgeBase:
    # The key holds every file's resolved path as well as its bytes, so the same file named
    # three ways (relative, './', absolute or through a symlink) is one entry, and an edited
    # file's older entries can be pruned. The document records each entry's file by its
    # position in the layers: `_build` puts in the name this run spelled.
    names = "\0".join(layer.file for layer in layers)
    key = b"\0".join(os.fsencode(layer.file) + b"\0" + layer.raw for layer in layers)
    labels = [layer.label or "built-in" for layer in layers]
    entry = cache.entry_of(key, names)
    cached = cache.get(entry)
    if cached is not None:
        try:
            knowledge = _build(cached, labels)
        except (KeyError, TypeError, AttributeError, IndexError):
            pass  # an entry of another shape (tampered, or an old format): validate afresh
        else:
            cache.note(knowledge, entry)
            return knowledge
    document = _validated(layers)
    cache.put(entry, names, document)
    knowledge = _build(document, labels)
    cache.note(knowledge, entry)  # what the answers keep beside the entry (search's index) is for this one
    return knowledge


def _validated(layers: list[Layer]) -> dict[str, Any]:
    # Imported here: a cache hit never needs the parser, the checks or the merge.
    from .consistency import check_references
    from .layers import merge, merged_gaps, origin_of
    from .references import SECTION, shared_items
    from .yaml_file import locate

    labels = [layer.label or _builtin_path() for layer in layers]
    documents, problems = [], []
    known: dict[str, Any] = {}  # shared id -> item, from this file and the files before it
    for position, (layer, label) in enumerate(zip(layers, labels, strict=True)):
        under_others = position == 0 and len(layers) > 1  # the bottom file: kept checked on its own too
        document = _checked_bottom(layer) if under_others else None
        found: list[Problem] = []
        if document is not None:
            known.update(shared_items(document, known)[0])
        else:
            document, found = _checked(layer, label, position, known)
            if under_others and not found:
                cache.put(*_bottom_entry(layer), document)
        problems += [locate(layer.raw, label, problem) for problem in found]
        documents.append(document)
    if problems:
        raise KnowledgeBaseError(problems)
    merged, origins = merge(documents)
    # Every layer passed its own check: of the merged document's shape, only what merging joined is left.
    found = merged_gaps(merged) or check_references(merged, rank=lambda path: origin_of(path, origins)[0])
    for problem in found:
        index, path = origin_of(problem.path, origins)
        problems.append(locate(layers[index].raw, labels[index], problem._replace(path=path)))
    if problems:
        raise KnowledgeBaseError(problems)
    merged[_FILES] = _entry_files(documents)
    merged.pop(SECTION, None)  # every reference is resolved: the models never need the shared items
    return merged


def _checked(layer: Layer, label: str, position: int, known: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """One file parsed and checked on its own: its document, same_as resolved, and its problems."""
    from .consistency import duplicate_ids
    from .references import SAME_AS, apart_from, resolve, shared_items
    from .schema import KNOWLEDGE_BASE, LAYER
    from .structure import check_structure
    from .yaml_file import parse

    # Text from a file may hold terminal escapes: remove them before the checks, so that
    # a text made only of them is reported as empty, and no output format passes them on.
    document = parse(layer.raw, label, printable)
    spec = KNOWLEDGE_BASE if position == 0 else LAYER
    own, found = shared_items(document, known)
    known.update(own)
    # Whole statements from here on: checks, cache, models. A file that cannot hold a same_as key
    # (not spelt out, and no escape in quotes to spell it) is not walked: a big file is spared a pass.
    may_refer = SAME_AS.encode() in layer.raw or b"\\" in layer.raw
    failed = resolve(document, known, spec) if may_refer else []
    found += failed + apart_from(check_structure(document, spec), failed) + duplicate_ids(document)
    return document, found


def _bottom_entry(layer: Layer) -> tuple[str | None, str]:
    """Where the bottom file's own checked document is kept, and the name of its family of entries."""
    names = f"bottom\0{layer.file}"
    return cache.entry_of(b"bottom\0" + os.fsencode(layer.file) + b"\0" + layer.raw, names), names


def _checked_bottom(layer: Layer) -> dict[str, Any] | None:
    """The bottom file (the built-in one, most often) as `_checked` left it, if a run has kept it.

    A clinic's edit changes only its own file: the run after it parses and checks that file
    alone. The bottom file refers to no file before it, so its checked document is the same
    whatever lies on top. An entry that has lost the format's shape is not trusted.
    """
    from .schema import KNOWLEDGE_BASE
    from .structure import check_structure

    document = cache.get(_bottom_entry(layer)[0])
    return document if document is not None and check_structure(document, KNOWLEDGE_BASE) == [] else None


def _entry_files(documents: list[dict[str, Any]]) -> dict[str, int]:
    """Side-effect id -> the last file (its position in the layers) that defined or changed it."""
    files: dict[str, int] = {}
    for position, document in enumerate(documents):
        if document.get("replace") is True:
            files.clear()
        files.update(dict.fromkeys((item["id"] for item in document.get("side_effects", [])), position))
    return files


def _read(path: str | os.PathLike[str] | None) -> Layer:
    """A file's label for messages (None: the built-in file) and its bytes."""
    if path is None:
        # Through the package's loader, never a path built from __file__: works from a
        # wheel, a zip, an editable install and a checkout alike.
        from importlib.resources import files

        try:
            return Layer(None, files("botox_info").joinpath(BUILTIN_RESOURCE).read_bytes())
        except OSError as error:
            raise _unusable(BUILTIN_RESOURCE, f"cannot read the file: {error.strerror or error}") from None
    from .file_kinds import not_regular, refusal  # only for a clinic's or the user's file, not on every run

    label = readable_path(path)
    try:
        kind = not_regular(os.stat(path).st_mode)
        if kind is None:
            # O_NONBLOCK: were the file swapped for a named pipe since the stat, opening it
            # would still return at once, and the second look below refuses it.
            with open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
                kind = not_regular(os.fstat(handle.fileno()).st_mode)
                raw = handle.read(MAX_BYTES + 1) if kind is None else b""
    except OSError as error:
        raise _unusable(label, f"cannot read the file: {error.strerror or error}") from None
    if kind is not None:
        raise _unusable(label, refusal(kind))
    if len(raw) > MAX_BYTES:
        limit = MAX_BYTES // (1024 * 1024)
        raise _unusable(label, f"too large for a knowledge-base file (over {limit} MB)")
    return Layer(label, raw, os.path.realpath(path))


def _unusable(label: str, message: str) -> KnowledgeBaseError:
    """A whole file that cannot be used: no line, column or field to point at."""
    from ..problems import FileProblem  # here: a run without a problem never builds the class

    return KnowledgeBaseError([FileProblem(label, None, None, None, message)])


def _builtin_path() -> str:
    """Where the built-in file is, for messages; looked up only when one is needed."""
    from importlib.resources import files

    return str(files("botox_info").joinpath(BUILTIN_RESOURCE))
