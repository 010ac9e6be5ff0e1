"""`botox-info schema`: one definition with the validator, so the two accept and refuse alike."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from .helpers import FIXTURES, ROOT, Run


@pytest.fixture
def schema(run: Run) -> dict[str, Any]:
    result = run("schema")
    assert result.exit_code == 0
    data: dict[str, Any] = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(data)
    return data


def errors(schema: dict[str, Any], document: Any) -> list[str]:
    return [error.message for error in jsonschema.Draft202012Validator(schema).iter_errors(document)]


@pytest.mark.parametrize(
    "path",
    [ROOT / "data" / "side_effects.yaml", FIXTURES / "minimal.yaml", FIXTURES / "clinic.yaml"],
    ids=["built-in", "minimal", "clinic"],
)
def test_the_schema_accepts_every_file_validate_accepts(schema: dict[str, Any], path: Path) -> None:
    assert errors(schema, yaml.safe_load(path.read_text(encoding="utf-8"))) == []


def test_the_schema_names_an_unknown_key(schema: dict[str, Any]) -> None:
    document = {"side_effects": [{"id": "pain", "mitigaton": []}]}
    assert errors(schema, document) == ["Additional properties are not allowed ('mitigaton' was unexpected)"]


@pytest.mark.parametrize(
    ("document", "fragment"),
    [
        ({"side_effects": [{"name": "No id"}]}, "'id' is a required property"),
        ({"side_effects": [{"id": "Weak Bite"}]}, "does not match"),
        ({"side_effects": [{"id": "pain", "urgency": "soon"}]}, "is not one of"),
        ({"side_effects": [{"id": "pain", "causes": [{"text": "x"}]}]}, "'sources' is a required property"),
        ({"side_effects": [{"id": "pain", "summary": "   "}]}, "does not match"),
        ({"sources": [{"id": "x", "title": "t", "publisher": "p", "url": "http://x"}]}, "does not match"),
        ({"replace": "yes"}, "is not of type 'boolean'"),
        ({"after": [{"when": "now", "text": "x", "basis": "rumour", "sources": ["a"]}]}, "is not one of"),
    ],
)
def test_the_schema_refuses_what_validate_refuses(schema: dict[str, Any], document: Any, fragment: str) -> None:
    found = errors(schema, document)
    assert any(fragment in message for message in found), found
