"""The merged document's shape: once every layer passed its own check, only what merging joined is checked again.

`merged_gaps` must find exactly what a full `check_structure` of the merged document finds, in the same order.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from botox_info.errors import EXIT_BAD_KNOWLEDGE_BASE
from botox_info.knowledge import loader
from botox_info.knowledge.building import FILES
from botox_info.knowledge.layers import merge, merged_gaps
from botox_info.knowledge.schema import LAYER
from botox_info.knowledge.structure import check_structure

from .helpers import CLINIC, Run, write_file

BUILTIN_DOCUMENT = loader._validated([loader._read(None)])  # its references resolved, as merging meets it
del BUILTIN_DOCUMENT[FILES]
NEW_ENTRIES = """
side_effects:
  - id: numbness
    name: Numbness
    summary: A numb patch.
  - id: bruising
    summary: Changed by the clinic.
  - id: tingle
    areas: [forehead]
"""
REPLACED = """
replace: true
schema_version: 1
disclaimer: Ours.
emergency: {text: Call us.}
guidance: {principles: [{text: Choose well., sources: [ours]}]}
sources: [{id: ours, title: Our leaflet}]
shared: [{id: calm, text: Stay calm.}]
red_flags: {summary: When to worry.}
clinic: {phone: '0123'}
side_effects:
  - id: numbness
    name: Numbness
"""


@pytest.mark.parametrize(
    "texts",
    [[CLINIC.read_text(encoding="utf-8")], [NEW_ENTRIES], [REPLACED], [NEW_ENTRIES, REPLACED], [REPLACED, NEW_ENTRIES]],
    ids=["clinic fixture", "new entries", "replaced", "new then replaced", "replaced then new"],
)
def test_merged_gaps_are_what_a_full_check_finds(texts: list[str]) -> None:
    layers = [yaml.safe_load(text) for text in texts]
    assert all(check_structure(layer, LAYER) == [] for layer in layers)  # the precondition: each layer passed
    merged, _ = merge([BUILTIN_DOCUMENT, *layers])
    assert merged_gaps(merged) == check_structure(merged)


def test_gaps_of_every_kind_are_found() -> None:
    merged, _ = merge([BUILTIN_DOCUMENT, yaml.safe_load(NEW_ENTRIES), yaml.safe_load(REPLACED)])
    paths = {problem.path for problem in merged_gaps(merged)}
    assert {(), ("emergency",), ("guidance",), ("red_flags",), ("clinic",), ("sources", 0), ("shared", 0)} <= paths
    assert ("side_effects", 0) in paths


def test_several_gaps_are_reported_at_their_lines_in_order(run: Run, tmp_path: Path) -> None:
    path = write_file(tmp_path, NEW_ENTRIES.lstrip())
    result = run("validate", str(path))
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    reported = [line for line in result.stderr.splitlines() if "missing required key" in line]
    origin = "missing required key 'origin' (one of: 'article', 'reference')"
    assert reported[0] == f"  {path}:2:5: side_effects[0]: {origin}"
    assert [line.split(": ")[0] for line in reported] == [f"  {path}:2:5"] * 9 + [f"  {path}:7:5"] * 10
