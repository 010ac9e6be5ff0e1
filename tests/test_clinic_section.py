"""The `clinic:` section of a clinic's file: validated like every other part, and layered whole."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from botox_info import knowledge
from botox_info.errors import KnowledgeBaseError
from botox_info.knowledge.json_schema import json_schema
from botox_info.knowledge.models import Clinic

from .helpers import BUILTIN, FIXTURES, write_file

CONTACT = FIXTURES / "clinic-contact.yaml"


def problems_of(tmp_path: Path, text: str) -> list[str]:
    path = write_file(tmp_path, text)
    with pytest.raises(KnowledgeBaseError) as raised:
        knowledge.load_layers([path])
    return [problem.replace(str(path), "FILE") for problem in raised.value.problems]


def test_the_built_in_knowledge_base_names_no_clinic() -> None:
    assert BUILTIN.clinic is None


def test_a_clinic_section_is_read_into_the_model() -> None:
    assert knowledge.load_layers([CONTACT]).clinic == Clinic(
        name="Example Skin Clinic",
        address="1 High Street\nExampleton EX1 2AB",
        phone="+44 20 7946 0000",
        website="https://clinic.example/aftercare",
        note="Questions after your treatment? Call us on weekdays, 9:00 to 17:00.",
    )


def test_only_a_name_is_required(tmp_path: Path) -> None:
    path = write_file(tmp_path, "clinic:\n  name: Dr Lee\n")
    assert knowledge.load_layers([path]).clinic == Clinic("Dr Lee")


def test_a_later_file_replaces_the_whole_clinic_section(tmp_path: Path) -> None:
    """Another clinic's file must not keep the first clinic's phone number under its own name."""
    later = write_file(tmp_path, "clinic:\n  name: Second Clinic\n", "second.yaml")
    assert knowledge.load_layers([CONTACT, later]).clinic == Clinic("Second Clinic")


def test_an_unknown_key_is_an_error_with_its_place(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "clinic:\n  name: A\n  fone: '123'\n") == [
        "FILE:3:3: clinic.fone: unknown key (expected one of: name, address, phone, website, note)"
    ]


def test_a_section_without_a_name_is_an_error(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "clinic:\n  phone: '123'\n") == [
        "FILE:2:3: clinic: missing required key 'name' (one line of at most 80 characters)"
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("website: 'javascript:alert(1)'", "clinic.website: expected an http:// or https:// address"),
        ("website: 'https://a.example/\"onmouseover=x'", "clinic.website: expected an http:// or https:// address"),
        ("note: '" + "x" * 301 + "'", "clinic.note: expected a text of at most 300 characters"),
        ("phone: '" + "1" * 41 + "'", "clinic.phone: expected one line of at most 40 characters"),
        ("address: ''", "clinic.address: expected a text of at most 200 characters, found an empty text"),
    ],
)
def test_what_a_clinic_cannot_write(tmp_path: Path, line: str, expected: str) -> None:
    (problem,) = problems_of(tmp_path, f"clinic:\n  name: A\n  {line}\n")
    assert problem.startswith("FILE:3:"), problem
    assert expected in problem


def test_a_two_line_name_is_refused(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, 'clinic:\n  name: "First line\\nsecond line"\n')
    assert "clinic.name: expected one line of at most 80 characters" in problem


def schema_errors(document: Any) -> list[str]:
    return [error.message for error in jsonschema.Draft202012Validator(json_schema()).iter_errors(document)]


def test_the_json_schema_accepts_the_example() -> None:
    assert schema_errors(yaml.safe_load(CONTACT.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize(
    "clinic",
    [
        {"name": "A", "website": "javascript:alert(1)"},
        {"name": "A", "note": "x" * 301},
        {"name": "A", "fone": "1"},
        {"name": "two\nlines"},
    ],
    ids=["script link", "long note", "unknown key", "two-line name"],
)
def test_the_json_schema_refuses_what_validate_refuses(clinic: dict[str, str]) -> None:
    assert schema_errors({"clinic": clinic}) != []
