"""Reports about knowledge-base files: which are read, and whether a clinic's file is valid.

Imports neither typer nor rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from . import config, knowledge
from .errors import KnowledgeBaseError
from .file_kinds import probe
from .plain import readable_path


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


def cache_line(cache: dict[str, Any]) -> str:
    """'Cache of validated files: PATH (2 entries, 231 KB)', or why there is none."""
    if cache["path"] is None:
        return "Cache of validated files: off ($BOTOX_INFO_CACHE_DIR is empty, or there is no home folder)"
    size = cache["bytes"]
    shown = f"{size} bytes" if size < 1024 else f"{size / 1024:.0f} KB"
    count = "1 entry" if cache["entries"] == 1 else f"{cache['entries']} entries"
    return f"Cache of validated files: {cache['path']} ({count}, {shown})"


if TYPE_CHECKING:  # only validate builds them, after reading YAML; `paths` need not import the parser
    from .yaml_file import FileProblem


def layer_report(data_files: list[str]) -> list[dict[str, Any]]:
    """Every file that can feed the knowledge base, in the order they are layered, and what stands there."""
    from importlib.resources import files

    builtin = str(files("botox_info").joinpath(knowledge.BUILTIN_RESOURCE))
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
    for candidate in config.candidates(data_files):
        found, reason = probe(candidate.path)
        row = {"source": candidate.why, "path": readable_path(candidate.path), "exists": found != "missing"}
        rows.append({**row, "read": found == "read", "required": candidate.required, "state": found, "reason": reason})
    return rows


def state(row: dict[str, Any]) -> str:
    """'read', 'not present, skipped', or why a file stops every command."""
    found = row["state"]
    if found == "read":
        return "read"
    if found == "missing":
        return (
            "MISSING: every command stops with an error until it exists" if row["required"] else "not present, skipped"
        )
    stops = "every command stops with an error until it is fixed"
    if found == "unreadable":
        return f"UNREADABLE ({row['reason']}): {stops}"
    return f"NOT A REGULAR FILE but {found}: {stops}"


class Validation(NamedTuple):
    """What `validate` found: a row per file, its 'ok' lines for reading, and every problem with its place."""

    files: list[dict[str, Any]]  # {"path", "ok", "side_effects", "new", "changed"}; counts None if not ok
    lines: list[str]
    problems: list[FileProblem]


def validation_report(paths: list[str]) -> Validation:
    """Each file checked on top of the built-in base: a row and an 'ok' line, or its problems."""
    builtin_ids = {entry.id for entry in knowledge.load().side_effects}
    result = Validation([], [], [])
    for path in paths:
        try:
            layered = knowledge.load_layers([path])
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
