"""docs/knowledge-base-format.md: generated from the schema, every field with its meaning."""

from __future__ import annotations

from pathlib import Path

from botox_info.knowledge.format_reference import fields_and_meanings, format_reference
from botox_info.knowledge.schema import KNOWLEDGE_BASE

DOC = Path(__file__).resolve().parent.parent / "docs" / "knowledge-base-format.md"


def test_every_field_has_a_meaning_and_every_meaning_a_field() -> None:
    fields, meanings = fields_and_meanings()
    assert sorted(fields - meanings) == [], "fields without a meaning in format_reference.MEANINGS"
    assert sorted(meanings - fields) == [], "meanings of fields the format no longer has"


def test_the_reference_names_every_section_and_whether_it_is_required() -> None:
    text = format_reference()
    for key in KNOWLEDGE_BASE.required:
        assert f"| `{key}` | required |" in text
    assert "| `shared` | optional | list of [shared item](#shared-item) |" in text
    assert "| `causes` | required | list of [statement](#statement) (each may be `{same_as: ID}`) |" in text
    assert "| `url` | optional | an https:// address |" in text


def test_the_doc_is_the_generated_reference() -> None:
    # `cog --check docs/knowledge-base-format.md` in CI says the same; this fails first, in pytest.
    assert format_reference() in DOC.read_text(encoding="utf-8")


def test_the_built_in_file_points_to_the_doc() -> None:
    builtin = DOC.parent.parent / "data" / "side_effects.yaml"
    assert "docs/knowledge-base-format.md" in builtin.read_text(encoding="utf-8").splitlines()[1]
