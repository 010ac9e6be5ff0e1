"""Reports about knowledge-base files: which are read, and whether a clinic's file is valid.

Imports neither typer nor rich.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, NamedTuple

from . import config, knowledge
from .errors import KnowledgeBaseError

if TYPE_CHECKING:  # only validate builds them, after reading YAML; `paths` need not import the parser
    from .yaml_file import FileProblem


def layer_report(data_files: list[str]) -> list[dict[str, Any]]:
    """Every file that can feed the knowledge base, in the order they are layered."""
    from importlib.resources import files

    builtin = str(files("botox_info").joinpath(knowledge.BUILTIN_RESOURCE))
    rows: list[dict[str, Any]] = [
        {"source": "built-in", "path": builtin, "exists": True, "read": True, "required": True}
    ]
    for candidate in config.candidates(data_files):
        exists = os.path.isfile(candidate.path)
        row = {"source": candidate.why, "path": candidate.path, "exists": exists, "read": exists}
        rows.append({**row, "required": candidate.required})
    return rows


def state(row: dict[str, Any]) -> str:
    """'read', 'not present, skipped', or why a file named on purpose stops every command."""
    if row["read"]:
        return "read"
    return "MISSING: every command stops with an error until it exists" if row["required"] else "not present, skipped"


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
            result.files.append({"path": path, "ok": False, "side_effects": None, "new": None, "changed": None})
            continue
        own = [entry for entry in layered.side_effects if entry.file == os.fspath(path)]
        new = sum(entry.id not in builtin_ids for entry in own)
        row = {"path": path, "ok": True, "side_effects": len(own), "new": new, "changed": len(own) - new}
        result.files.append(row)
        result.lines.append(
            f"ok: {path}: {len(own)} side effects from this file ({new} new, {len(own) - new} changed); "
            f"{len(layered.side_effects)} in all, with {len(layered.sources)} sources"
        )
    return result
