"""The cache of validated documents: it speeds up loads and never hides or causes a problem."""

from __future__ import annotations

import marshal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from botox_info import knowledge
from botox_info.errors import KnowledgeBaseError

MINIMAL_BYTES = (Path(__file__).parent / "fixtures" / "minimal.yaml").read_bytes()


@pytest.fixture
def cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A fresh, not yet existing cache directory for this test."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("BOTOX_INFO_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def kb_file(tmp_path: Path) -> Path:
    path = tmp_path / "kb.yaml"
    path.write_bytes(MINIMAL_BYTES)
    return path


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The labels of the files validated (not served from the cache) during the test."""
    calls: list[str] = []
    original: Callable[[list[knowledge.Layer]], dict[str, Any]] = knowledge._validated

    def counting(layers: list[knowledge.Layer]) -> dict[str, Any]:
        calls.append(" + ".join(layer.label or "built-in" for layer in layers))
        return original(layers)

    monkeypatch.setattr(knowledge, "_validated", counting)
    return calls


def refuse_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(layers: list[knowledge.Layer]) -> dict[str, Any]:
        raise AssertionError(f"{layers[-1].label} was validated again instead of read from the cache")

    monkeypatch.setattr(knowledge, "_validated", refuse)


def entries(folder: Path) -> list[Path]:
    return sorted(folder.iterdir()) if folder.is_dir() else []


def test_first_load_writes_one_marshal_file(cache_dir: Path, kb_file: Path) -> None:
    knowledge.load(kb_file)
    (entry,) = entries(cache_dir)
    assert entry.suffix == ".marshal"


def test_second_load_of_same_bytes_skips_validation(
    monkeypatch: pytest.MonkeyPatch, cache_dir: Path, kb_file: Path
) -> None:
    first = knowledge.load(kb_file)
    refuse_validation(monkeypatch)
    assert knowledge.load(kb_file) == first
    assert len(entries(cache_dir)) == 1


def test_same_bytes_in_another_file_are_served_from_the_cache(
    monkeypatch: pytest.MonkeyPatch, cache_dir: Path, kb_file: Path, tmp_path: Path
) -> None:
    first = knowledge.load(kb_file)
    copy = tmp_path / "copy.yaml"
    copy.write_bytes(MINIMAL_BYTES)
    refuse_validation(monkeypatch)
    assert knowledge.load(copy) == first


def test_builtin_knowledge_base_is_cached_too(monkeypatch: pytest.MonkeyPatch, cache_dir: Path) -> None:
    first = knowledge.load()
    assert len(entries(cache_dir)) == 1
    refuse_validation(monkeypatch)
    assert knowledge.load() == first


def test_changed_byte_is_validated_again(cache_dir: Path, kb_file: Path, validations: list[str]) -> None:
    knowledge.load(kb_file)
    kb_file.write_bytes(MINIMAL_BYTES.replace(b"# The smallest", b"# the smallest", 1))
    knowledge.load(kb_file)
    assert validations == [str(kb_file), str(kb_file)]
    assert len(entries(cache_dir)) == 2


def test_invalid_one_byte_edit_is_reported_not_hidden_by_the_cache(cache_dir: Path, kb_file: Path) -> None:
    knowledge.load(kb_file)
    broken = MINIMAL_BYTES.replace(b"low: 2\n", b"low: z\n", 1)
    assert len(broken) == len(MINIMAL_BYTES)
    assert broken != MINIMAL_BYTES
    kb_file.write_bytes(broken)
    with pytest.raises(KnowledgeBaseError) as caught:
        knowledge.load(kb_file)
    line = broken[: broken.index(b"low: z")].count(b"\n") + 1
    assert caught.value.problems == [
        f"{kb_file}:{line}:12: side_effects[0].duration.low: expected a number, found the text 'z'"
    ]


def test_invalid_file_is_not_cached(cache_dir: Path, kb_file: Path) -> None:
    kb_file.write_bytes(MINIMAL_BYTES.replace(b"unit: weeks", b"unit: fortnights", 1))
    for _ in range(2):
        with pytest.raises(KnowledgeBaseError):
            knowledge.load(kb_file)
    assert entries(cache_dir) == []


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"\x00garbage\xff" * 10,
        _truncated,
        lambda data: b"",
        lambda data: marshal.dumps(["not", "a", "mapping"]),
    ],
    ids=["garbage", "truncated", "empty", "not-a-mapping"],
)
def test_corrupt_cache_entry_is_ignored_and_replaced(
    monkeypatch: pytest.MonkeyPatch,
    cache_dir: Path,
    kb_file: Path,
    validations: list[str],
    damage: Callable[[bytes], bytes],
) -> None:
    expected = knowledge.load(kb_file)
    (entry,) = entries(cache_dir)
    entry.write_bytes(damage(entry.read_bytes()))
    assert knowledge.load(kb_file) == expected
    assert validations == [str(kb_file), str(kb_file)]
    # The damaged entry was rewritten: the next load is served from the cache again.
    refuse_validation(monkeypatch)
    assert knowledge.load(kb_file) == expected


def test_cache_entry_of_the_wrong_shape_is_ignored(cache_dir: Path, kb_file: Path) -> None:
    expected = knowledge.load(kb_file)
    (entry,) = entries(cache_dir)
    entry.write_bytes(marshal.dumps({"schema_version": 1}))
    assert knowledge.load(kb_file) == expected


def test_empty_variable_disables_the_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, kb_file: Path, validations: list[str]
) -> None:
    monkeypatch.setenv("BOTOX_INFO_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    first = knowledge.load(kb_file)
    assert knowledge.load(kb_file) == first
    assert validations == [str(kb_file), str(kb_file)]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["kb.yaml"]


@pytest.mark.parametrize("where", ["under-a-file", "is-a-file"])
def test_unusable_cache_directory_does_not_break_loading(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, kb_file: Path, validations: list[str], where: str
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a regular file, not a directory\n", encoding="utf-8")
    monkeypatch.setenv("BOTOX_INFO_CACHE_DIR", str(blocker / "cache" if where == "under-a-file" else blocker))
    first = knowledge.load(kb_file)
    assert knowledge.load(kb_file) == first
    assert validations == [str(kb_file), str(kb_file)]
    assert blocker.read_text(encoding="utf-8") == "a regular file, not a directory\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["blocker", "kb.yaml"]


def test_without_the_variable_the_xdg_cache_home_is_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, kb_file: Path
) -> None:
    monkeypatch.delenv("BOTOX_INFO_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    knowledge.load(kb_file)
    (entry,) = entries(tmp_path / "xdg" / "botox-info")
    assert entry.suffix == ".marshal"


@pytest.mark.skipif(sys.platform == "win32", reason="the home directory comes from USERPROFILE there")
def test_without_any_variable_the_home_cache_is_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, kb_file: Path
) -> None:
    for variable in ("BOTOX_INFO_CACHE_DIR", "XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    knowledge.load(kb_file)
    (entry,) = entries(tmp_path / "home" / ".cache" / "botox-info")
    assert entry.suffix == ".marshal"


def test_no_temporary_file_is_left_behind(cache_dir: Path, kb_file: Path) -> None:
    knowledge.load(kb_file)
    knowledge.load()
    assert [path.suffix for path in entries(cache_dir)] == [".marshal", ".marshal"]
