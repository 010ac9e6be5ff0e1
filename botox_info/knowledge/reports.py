"""Reports about knowledge-base files: which are read, and whether a clinic's file is valid.

Imports neither typer nor rich.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ..errors import KnowledgeBaseError
from ..plain import readable_path
from ..problems import FileProblem
from . import locations
from .file_kinds import probe
from .loader import BUILTIN_RESOURCE, load, load_layers


def paths_report(data_files: list[str]) -> dict[str, Any]:
    """`paths`: the files in layering order, and the cache of validated documents."""
    from .cache import usage

    cache = usage()
    return {
        "files": layer_report(data_files),
        "cache": {
            "path": readable_path(cache.path) if cache.path else None,
            "bytes": cache.size,
            "entries": cache.entries,
        },
    }


def layer_report(data_files: list[str]) -> list[dict[str, Any]]:
    """Every file that can feed the knowledge base, in the order they are layered, and what stands there."""
    from importlib.resources import files

    builtin = str(files("botox_info").joinpath(BUILTIN_RESOURCE))
    rows: list[dict[str, Any]] = [
        {
            "source": "built-in",
            "path": builtin,
            "exists": True,
            "read": True,
            "required": True,
            "state": "read",
            "reason": None,
        }
    ]
    for candidate in locations.candidates(data_files):
        found, reason = probe(candidate.path)
        row = {"source": candidate.why, "path": readable_path(candidate.path), "exists": found != "missing"}
        rows.append({**row, "read": found == "read", "required": candidate.required, "state": found, "reason": reason})
    return rows


class Validation(NamedTuple):
    """What `validate` found: a row per file, its 'ok' lines for reading, and every problem with its place."""

    files: list[dict[str, Any]]  # {"path", "ok", "side_effects", "new", "changed"}; counts None if not ok
    lines: list[str]
    problems: list[FileProblem]


def validation_report(paths: list[str]) -> Validation:
    """Each file checked on top of the built-in base: a row and an 'ok' line, or its problems."""
    builtin_ids = {entry.id for entry in load().side_effects}
    result = Validation([], [], [])
    for path in paths:
        try:
            layered = load_layers([path])
        except KnowledgeBaseError as error:
            result.problems.extend(error.located)
            result.files.append(
                {"path": readable_path(path), "ok": False, "side_effects": None, "new": None, "changed": None}
            )
            continue
        label = readable_path(path)
        own = [entry for entry in layered.side_effects if entry.file == label]
        new = sum(entry.id not in builtin_ids for entry in own)
        row = {"path": label, "ok": True, "side_effects": len(own), "new": new, "changed": len(own) - new}
        result.files.append(row)
        result.lines.append(
            f"ok: {label}: {len(own)} side effects from this file ({new} new, {len(own) - new} changed); "
            f"{len(layered.side_effects)} in all, with {len(layered.sources)} sources"
        )
    return result
