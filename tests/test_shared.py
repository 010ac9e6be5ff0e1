"""`shared` and `same_as`: each fact written once, used by reference, resolved before any check."""

from __future__ import annotations

import collections
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from typer.testing import Result

from botox_info import knowledge
from botox_info.errors import EXIT_BAD_KNOWLEDGE_BASE, EXIT_OK
from botox_info.knowledge import references
from botox_info.knowledge.json_schema import json_schema

Run = Callable[..., Result]
BUILTIN_FILE = Path(__file__).resolve().parent.parent / "data" / "side_effects.yaml"
BUILTIN_TEXT = BUILTIN_FILE.read_text(encoding="utf-8")
BUILTIN = knowledge.load()


@pytest.fixture(autouse=True)
def _in_tmp_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # messages name "clinic.yaml", short enough to be shown whole


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "clinic.yaml").write_text(text, encoding="utf-8")
    return Path("clinic.yaml")


def position(text: str, snippet: str) -> str:
    """'line:column' of the first character of `snippet` in `text`."""
    index = text.index(snippet)
    return f"{text.count(chr(10), 0, index) + 1}:{index - text.rfind(chr(10), 0, index)}"


def texts(value: Any, path: str = "") -> list[tuple[str, str]]:
    """(text, where) for every `text` written in the file, shared items included."""
    found: list[tuple[str, str]] = []
    if isinstance(value, dict):
        if isinstance(value.get("text"), str):
            found.append((value["text"], path))
        for key, child in value.items():
            found += texts(child, f"{path}.{key}")
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += texts(child, f"{path}[{index}]")
    return found


def test_the_built_in_file_states_each_statement_once() -> None:
    where = collections.defaultdict(list)
    for text, path in texts(yaml.safe_load(BUILTIN_TEXT)):
        where[text].append(path)
    assert {text: paths for text, paths in where.items() if len(paths) > 1} == {}


def test_every_shared_item_of_the_built_in_file_is_used_at_least_twice() -> None:
    document = yaml.safe_load(BUILTIN_TEXT)
    uses = collections.Counter(
        line.split("same_as:")[1].strip() for line in BUILTIN_TEXT.splitlines() if "same_as:" in line
    )
    assert {item["id"]: uses[item["id"]] for item in document["shared"] if uses[item["id"]] < 2} == {}


def test_built_in_references_become_whole_statements() -> None:
    document = yaml.safe_load(BUILTIN_TEXT)
    shared = {item["id"]: item for item in document["shared"]}
    onset = shared["onset-as-toxin-takes-effect"]
    with_it = [entry for entry in BUILTIN.side_effects if entry.onset and entry.onset.text == onset["text"]]
    assert len(with_it) >= 2
    assert all(
        (entry.onset.low, entry.onset.high, entry.onset.unit) == (2, 30, "days") for entry in with_it if entry.onset
    )
    # An aftercare step keeps its own `when` and `basis`, and may cite the fact its own way.
    rubbing = [step for step in BUILTIN.after if step.text == shared["no-rubbing"]["text"]]
    assert [(step.when, step.basis, step.sources) for step in rubbing] == [
        ("first days", "medical body", ("mayo", "aesthetic-society"))
    ]


def test_a_clinic_file_refers_to_built_in_and_its_own_shared_statements(run: Run, tmp_path: Path) -> None:
    text = (
        "shared:\n"
        "  - id: ice-first\n    text: Hold ice on it for ten minutes.\n    sources: [article]\n"
        "side_effects:\n  - id: pain\n    mitigation:\n"
        "      - same_as: ice-first\n"
        "      - same_as: ask-before-painkillers\n"
        "      - same_as: ice-first\n        sources: [nhs]\n"
    )
    result = run("show", "pain", "--format", "json", "--data", str(write(tmp_path, text)))
    assert result.exit_code == EXIT_OK, result.stderr
    assert json.loads(result.stdout)["mitigation"] == [
        {"text": "Hold ice on it for ten minutes.", "sources": ["article"]},
        {
            "text": "Ask or call the clinic before taking a painkiller or any other medicine; "
            "if you take one, keep to the dose on the pack.",
            "sources": ["aesthetic-society", "medlineplus-acetaminophen"],
        },
        {"text": "Hold ice on it for ten minutes.", "sources": ["nhs"]},
    ]


def test_an_unknown_reference_names_its_line_and_the_closest_id(run: Run, tmp_path: Path) -> None:
    text = "side_effects:\n  - id: pain\n    mitigation:\n      - same_as: no-rubing\n"
    path = write(tmp_path, text)
    result = run("validate", str(path))
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    assert result.stderr.splitlines()[1:] == [
        f"  {path}:4:18: side_effects[0].mitigation[0].same_as: unknown shared id 'no-rubing'; "
        "did you mean 'no-rubbing'?"
    ]
    assert "(1 problem)" in result.stderr  # not also a missing text or an unknown key same_as


def test_a_reference_does_not_restate_the_text(run: Run, tmp_path: Path) -> None:
    text = "side_effects:\n  - id: pain\n    mitigation:\n      - same_as: no-rubbing\n        text: Do not rub.\n"
    path = write(tmp_path, text)
    result = run("validate", str(path))
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    assert (
        f"  {path}:5:9: side_effects[0].mitigation[0].text: a reference takes 'text' from the shared item: "
        "write only same_as (and sources to cite it here)"
    ) in result.stderr


def test_a_span_cannot_stand_for_a_statement(run: Run, tmp_path: Path) -> None:
    text = "side_effects:\n  - id: pain\n    causes:\n      - same_as: onset-jaw-side-effects\n"
    path = write(tmp_path, text)
    result = run("validate", str(path))
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    assert (
        f"{path}:4:18: side_effects[0].causes[0].same_as: the shared 'onset-jaw-side-effects' has low, high, unit, "
        "which do not belong here (this place takes text, sources)"
    ) in result.stderr


def test_same_as_only_where_the_format_allows_it(run: Run, tmp_path: Path) -> None:
    text = "side_effects:\n  - id: pain\n    summary:\n      same_as: no-rubbing\n"
    result = run("validate", str(write(tmp_path, text)))
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    assert "side_effects[0].summary: expected a non-empty string, found a mapping" in result.stderr


def test_a_clinic_cannot_redefine_a_built_in_shared_id(run: Run, tmp_path: Path) -> None:
    text = "shared:\n  - id: no-rubbing\n    text: Rub gently.\n    sources: [article]\n"
    path = write(tmp_path, text)
    result = run("validate", str(path))
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    assert (
        f"{path}:{position(text, 'no-rubbing')}: shared[0].id: shared id 'no-rubbing' is already defined "
        "by a file read before this one; choose another id"
    ) in result.stderr


def test_a_shared_span_needs_its_numbers_whole_and_its_sources_known(run: Run, tmp_path: Path) -> None:
    text = "shared:\n  - id: soon\n    text: Soon.\n    low: 1\n    sources: [nope]\n"
    path = write(tmp_path, text)
    result = run("validate", str(path))
    assert "shared[0]: give low, high and unit together" in result.stderr
    assert "shared[0].sources[0]: unknown source 'nope'" in result.stderr


def test_a_cache_hit_resolves_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    text = "side_effects:\n  - id: pain\n    mitigation:\n      - same_as: no-rubbing\n"
    path = write(tmp_path, text)
    first = knowledge.load_layers([path])

    def fail(*args: object) -> None:
        raise AssertionError("resolved again on a cache hit")

    monkeypatch.setattr(references, "resolve", fail)
    assert knowledge.load_layers([path]) == first


def test_the_json_schema_accepts_a_reference_and_refuses_a_restated_text() -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    good = {"side_effects": [{"id": "pain", "mitigation": [{"same_as": "no-rubbing", "sources": ["nhs"]}]}]}
    assert list(validator.iter_errors(good)) == []
    bad = {"side_effects": [{"id": "pain", "mitigation": [{"same_as": "no-rubbing", "text": "Do not rub."}]}]}
    assert list(validator.iter_errors(bad)) != []


def test_a_file_that_cannot_hold_a_reference_is_not_walked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Issue 13: a big clinic file without `same_as` is spared the walk that resolves references."""
    walked: list[str] = []
    original = references.resolve

    def counting(document: Any, known: Any, spec: Any) -> Any:
        walked.append(",".join(item["id"] for item in document.get("side_effects", [])))
        return original(document, known, spec)

    monkeypatch.setattr(references, "resolve", counting)
    monkeypatch.setenv("BOTOX_INFO_CACHE_DIR", "")
    plain = "side_effects:\n  - id: pain\n    summary: It stings.\n"
    assert knowledge.load_layers([write(tmp_path, plain)]).find("pain").summary == "It stings."
    assert "pain" not in walked  # the built-in file was walked (it refers), the clinic's not


@pytest.mark.parametrize(
    "key",
    ["same_as", '"same\\u005fas"', '"same\\x5fas"', '? "same_\\\n          as"\n        '],
    ids=["plain", "unicode-escape", "hex-escape", "escaped-line-break"],
)
def test_a_reference_is_resolved_however_its_key_is_spelt(run: Run, tmp_path: Path, key: str) -> None:
    text = f"side_effects:\n  - id: pain\n    mitigation:\n      - {key}: no-rubbing\n"
    result = run("show", "pain", "--format", "json", "--data", str(write(tmp_path, text)))
    assert result.exit_code == EXIT_OK, result.stderr
    shared = {item["id"]: item for item in yaml.safe_load(BUILTIN_TEXT)["shared"]}["no-rubbing"]
    assert json.loads(result.stdout)["mitigation"] == [{"text": shared["text"], "sources": shared["sources"]}]
