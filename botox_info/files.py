"""Reports about knowledge-base files: which are read, and whether a clinic's file is valid.

Imports neither typer nor rich.
"""

from __future__ import annotations

import os
from typing import Any

from . import config, knowledge
from .errors import KnowledgeBaseError


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


def validation_report(paths: list[str]) -> tuple[list[str], list[str]]:
    """An 'ok' line per valid file, and every problem of the others, each file on top of the built-in base."""
    builtin_ids = {entry.id for entry in knowledge.load().side_effects}
    report: list[str] = []
    problems: list[str] = []
    for path in paths:
        try:
            layered = knowledge.load_layers([path])
        except KnowledgeBaseError as error:
            problems += error.problems
            continue
        own = [entry for entry in layered.side_effects if entry.file == os.fspath(path)]
        new = sum(entry.id not in builtin_ids for entry in own)
        report.append(
            f"ok: {path}: {len(own)} side effects from this file ({new} new, {len(own) - new} changed); "
            f"{len(layered.side_effects)} in all, with {len(layered.sources)} sources"
        )
    return report, problems
