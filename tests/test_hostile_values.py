"""Whatever YAML spelling stands in any place of a knowledge-base file, loading ends in a message, never a traceback.

test_properties.py writes its files with yaml.dump, which quotes what could be misread; a person
writes `2023-02-30`, `!!bool maybe` or a 5,000-digit number bare. Each such spelling is put in
the first value of each key of the smallest complete file in turn (about 1,700 files): each loads, or is refused
with a KnowledgeBaseError naming the file and a line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from botox_info import knowledge
from botox_info.errors import KnowledgeBaseError

from .helpers import MINIMAL_TEXT

SPELLINGS = [
    "2023-02-30",
    "2020-13-45T99:99:99Z",
    "1e400",
    "1.0e400",
    "-1.0e400",
    ".inf",
    "-.nan",
    "9" * 5000,
    "9" * 400,
    "-" + "9" * 30,
    "0x1F",
    "0o17",
    "0b101",
    "1_000",
    "190:20:30",
    "~",
    "null",
    "yes",
    "No",
    "[]",
    "{}",
    "[a, [b, {c: d}]]",
    "{a: [1, 2]}",
    "!!binary aGVsbG8=",
    "!!binary not-base64",
    "!!bool maybe",
    "!!int many",
    "!!float much",
    "!!timestamp soon",
    "!!null something",
    "!!str 12",
    "!!set {a: null}",
    "!!python/object:os.system x",
    "!custom x",
    "&anchor x",
    "*alias",
    "<<",
    "=",
    "'x'",
    '"\\u202e\\x1b[31m"',
    '"\\x00"',
    "|\n  block",
    ">-\n  folded",
    "? x",
    "- item",
]


def variants() -> list[tuple[int, str]]:
    """(line number, spelling) for the first line of each key that holds a value, and every spelling."""
    places: dict[str, int] = {}
    for number, line in enumerate(MINIMAL_TEXT.splitlines()):
        if ": " in line and not line.lstrip().startswith("#"):
            places.setdefault(line.split(": ", 1)[0].strip().lstrip("- "), number)  # 'text' once, not 20 times
    return [(number, spelling) for number in places.values() for spelling in SPELLINGS]


def problems_of(path: Path) -> list[str] | None:
    """The problems of a refused file; None when it loads. Any other exception is the bug looked for."""
    try:
        knowledge.load(path)
    except KnowledgeBaseError as error:
        return error.problems
    return None


def test_every_spelling_in_every_place_loads_or_is_refused_with_a_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BOTOX_INFO_CACHE_DIR", "")  # each file once: the cache would only slow this down
    lines = MINIMAL_TEXT.splitlines()
    path = tmp_path / "kb.yaml"
    refused = 0
    for number, spelling in variants():
        head = lines[number].split(": ", 1)[0]
        changed = [*lines[:number], f"{head}: {spelling}", *lines[number + 1 :]]
        path.write_text("\n".join(changed) + "\n", encoding="utf-8")
        try:
            problems = problems_of(path)
        except Exception as error:
            error.add_note(f"with line {number + 1} as {spelling[:30]!r}")
            raise
        if problems is not None:
            refused += 1
            assert problems, (number, spelling)
            assert all(problem.startswith(f"{path}:") for problem in problems), (number, spelling)
    assert refused > len(variants()) // 2  # most spellings break the file: the test reaches the checks
