"""The cache of validated documents: it speeds up loads and never hides or causes a problem."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from botox_info import knowledge
from botox_info.errors import KnowledgeBaseError
from botox_info.knowledge import cache, loader

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
    original: Callable[[list[loader.Layer]], dict[str, Any]] = loader._validated

    def counting(layers: list[loader.Layer]) -> dict[str, Any]:
        calls.append(" + ".join(layer.label or "built-in" for layer in layers))
        return original(layers)

    monkeypatch.setattr(loader, "_validated", counting)
    return calls


def refuse_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(layers: list[loader.Layer]) -> dict[str, Any]:
        raise AssertionError(f"{layers[-1].label} was validated again instead of read from the cache")

    monkeypatch.setattr(loader, "_validated", refuse)


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


def test_same_bytes_at_another_path_report_their_own_path(cache_dir: Path, kb_file: Path, tmp_path: Path) -> None:
    """A validated document records each entry's file: a copy is not the cached original."""
    copy = tmp_path / "copy.yaml"
    copy.write_bytes(MINIMAL_BYTES)
    assert {entry.file for entry in knowledge.load(kb_file).side_effects} == {str(kb_file)}
    assert {entry.file for entry in knowledge.load(copy).side_effects} == {str(copy)}
    assert {entry.file for entry in knowledge.load(kb_file).side_effects} == {str(kb_file)}  # from the cache
    assert len(entries(cache_dir)) == 2


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
    for _ in range(2):
        assert [(entry.id, entry.file) for entry in knowledge.load(kb_file).side_effects] == [("sagging", str(kb_file))]
    assert validations == [str(kb_file), str(kb_file)]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["kb.yaml"]


@pytest.mark.parametrize("where", ["under-a-file", "is-a-file"])
def test_unusable_cache_directory_does_not_break_loading(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, kb_file: Path, validations: list[str], where: str
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a regular file, not a directory\n", encoding="utf-8")
    monkeypatch.setenv("BOTOX_INFO_CACHE_DIR", str(blocker / "cache" if where == "under-a-file" else blocker))
    for _ in range(2):
        assert [(entry.id, entry.file) for entry in knowledge.load(kb_file).side_effects] == [("sagging", str(kb_file))]
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


# ---- no safe home: no cache (item 23) ----------------------------------------------------------


@pytest.mark.parametrize("home", [None, "", "relative/home"], ids=["unset", "empty", "relative"])
def test_without_a_home_folder_there_is_no_cache(monkeypatch: pytest.MonkeyPatch, home: str | None) -> None:
    """Else the cache would land in the current directory, or in '/.cache' from the password file."""
    for variable in ("BOTOX_INFO_CACHE_DIR", "XDG_CACHE_HOME", "LOCALAPPDATA", "USERPROFILE", "HOME"):
        monkeypatch.delenv(variable, raising=False)
    if home is not None:
        monkeypatch.setenv("HOME", home)
    assert cache.directory() is None


@pytest.mark.parametrize("home", [None, ""], ids=["unset", "empty"])
def test_a_command_without_a_home_answers_and_writes_nothing(
    command: list[str], tmp_path: Path, home: str | None
) -> None:
    keep = ("PATH", "PYTHONPATH", "VIRTUAL_ENV", "LANG", "SYSTEMROOT")
    env = {name: os.environ[name] for name in keep if name in os.environ}
    if home is not None:
        env["HOME"] = home
    work = tmp_path / "work"
    work.mkdir()
    root_cache_before = _entries_with_times(Path("/.cache/botox-info"))
    result = subprocess.run([*command, "show", "sagging"], capture_output=True, env=env, cwd=work, timeout=60)
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.startswith(b"Sagging skin\n")
    assert list(work.iterdir()) == []
    assert _entries_with_times(Path("/.cache/botox-info")) == root_cache_before  # HOME="" expands to '/'


def _entries_with_times(folder: Path) -> dict[str, int] | None:
    """Each entry and when it was written: rewriting an entry of the same name shows too."""
    return {entry.name: entry.stat().st_mtime_ns for entry in folder.iterdir()} if folder.is_dir() else None


def test_a_relative_xdg_cache_home_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The XDG spec: relative paths are invalid and must be ignored."""
    monkeypatch.delenv("BOTOX_INFO_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "cache-here")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.directory() == str(tmp_path / "home" / ".cache" / "botox-info")


# ---- the cache stays small (item 24) -----------------------------------------------------------


def test_old_entries_of_a_changed_file_are_pruned(cache_dir: Path, kb_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_bytes(MINIMAL_BYTES)
    knowledge.load(other)
    (other_entry,) = entries(cache_dir)
    versions = []
    for version in range(6):
        kb_file.write_bytes(MINIMAL_BYTES + f"# version {version}\n".encode())
        knowledge.load(kb_file)
        versions.append(set(entries(cache_dir)))
        time.sleep(0.01)  # distinct modification times, newest last
    kept = set(entries(cache_dir)) - {other_entry}
    assert len(kept) == cache.KEEP_PER_FILES == 3
    newest = versions[-1] - versions[-2]
    assert newest <= kept  # the entry just written is always kept
    assert other_entry in entries(cache_dir)  # another file's entry is not this file's old one


def test_entries_of_an_old_revision_are_removed_when_writing(cache_dir: Path, kb_file: Path) -> None:
    cache_dir.mkdir()
    stale = cache_dir / f"kb-r{cache.REVISION - 1}-py311-0000000000000000-12.marshal"
    stale.write_bytes(marshal.dumps({}))
    unrelated = cache_dir / "notes.txt"
    unrelated.write_text("not ours")
    knowledge.load(kb_file)
    assert not stale.exists()
    assert unrelated.exists()


def test_a_cache_hit_lists_no_directory(monkeypatch: pytest.MonkeyPatch, cache_dir: Path, kb_file: Path) -> None:
    """Start-up on a hit stays one open and one read: pruning happens only when writing."""
    first = knowledge.load(kb_file)

    def refuse(*args: object) -> None:
        raise AssertionError("a cache hit listed a directory")

    monkeypatch.setattr(os, "listdir", refuse)
    monkeypatch.setattr(os, "scandir", refuse)
    refuse_validation(monkeypatch)
    assert knowledge.load(kb_file) == first


def test_paths_shows_the_cache_and_its_size(run: Callable[..., Any], cache_dir: Path, kb_file: Path) -> None:
    knowledge.load(kb_file)
    knowledge.load()
    size = sum(entry.stat().st_size for entry in entries(cache_dir))
    report = json.loads(run("paths", "--format", "json").stdout)
    assert report["format_version"] == 2
    assert report["cache"] == {"path": str(cache_dir), "bytes": size, "entries": 2}
    assert [row["source"] for row in report["files"]] == ["built-in", "your own file"]
    line = f"Cache of validated files: {cache_dir} (2 entries, {size / 1024:.0f} KB)"
    assert line in run("paths").stdout.splitlines()
    assert line.replace("_", "\\_") in run("paths", "--format", "markdown").stdout.splitlines()


def test_paths_says_when_the_cache_is_off(run: Callable[..., Any]) -> None:
    report = json.loads(run("paths", "--format", "json", env={"BOTOX_INFO_CACHE_DIR": ""}).stdout)
    assert report["cache"] == {"path": None, "bytes": 0, "entries": 0}
    table = run("paths", env={"BOTOX_INFO_CACHE_DIR": ""}).stdout
    assert "Cache of validated files: off ($BOTOX_INFO_CACHE_DIR is empty, or there is no home folder)" in table


# ---- the cyclic collector pauses while loading (issue 13) ----------------------------------------


@pytest.mark.parametrize("collecting", [True, False], ids=["enabled", "disabled"])
def test_loading_leaves_the_collector_as_it_found_it(cache_dir: Path, kb_file: Path, collecting: bool) -> None:
    import gc

    was = gc.isenabled()
    try:
        (gc.enable if collecting else gc.disable)()
        knowledge.load(kb_file)  # validated
        assert gc.isenabled() is collecting
        knowledge.load(kb_file)  # from the cache
        assert gc.isenabled() is collecting
        kb_file.write_bytes(MINIMAL_BYTES.replace(b"unit: weeks", b"unit: fortnights", 1))
        with pytest.raises(KnowledgeBaseError):
            knowledge.load(kb_file)
        assert gc.isenabled() is collecting
    finally:
        (gc.enable if was else gc.disable)()


def test_what_is_loaded_is_kept_out_of_later_collections(cache_dir: Path, kb_file: Path) -> None:
    import gc

    loaded = knowledge.load(kb_file)
    assert gc.is_tracked(loaded.sources)
    assert all(found is not loaded.sources for found in gc.get_objects())  # frozen: in no generation


# ---- one entry per file, however its path is spelled (issue 13) --------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges there")
def test_one_file_named_four_ways_is_one_entry_validated_once(
    monkeypatch: pytest.MonkeyPatch, cache_dir: Path, kb_file: Path, tmp_path: Path, validations: list[str]
) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(kb_file)
    monkeypatch.chdir(tmp_path)
    spellings = ["kb.yaml", "./kb.yaml", str(kb_file), str(link)]
    files = [{entry.file for entry in knowledge.load(path).side_effects} for path in spellings]
    assert validations == ["kb.yaml"]  # the first; the three others were cache hits
    assert len(entries(cache_dir)) == 1
    assert files == [{spelling} for spelling in spellings]  # each run names the file as it was typed


def test_layers_named_two_ways_share_an_entry_and_keep_their_own_names(
    monkeypatch: pytest.MonkeyPatch, cache_dir: Path, tmp_path: Path, validations: list[str]
) -> None:
    clinic = tmp_path / "clinic.yaml"
    clinic.write_bytes((Path(__file__).parent / "fixtures" / "clinic.yaml").read_bytes())
    monkeypatch.chdir(tmp_path)
    by_relative = knowledge.load_layers(["clinic.yaml"])
    by_absolute = knowledge.load_layers([str(clinic)])
    assert validations == ["built-in + clinic.yaml"]
    assert len(entries(cache_dir)) == 2  # the two files together, and the built-in file's own checked document
    assert {entry.id: entry.file for entry in by_relative.side_effects}["tingling"] == "clinic.yaml"
    assert {entry.id: entry.file for entry in by_absolute.side_effects}["tingling"] == str(clinic)
    assert {entry.id: entry.file for entry in by_absolute.side_effects}["sagging"] == "built-in"


def test_an_edit_through_another_spelling_prunes_the_same_family(
    monkeypatch: pytest.MonkeyPatch, cache_dir: Path, kb_file: Path, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    for version in range(cache.KEEP_PER_FILES + 2):
        kb_file.write_bytes(MINIMAL_BYTES + f"# version {version}\n".encode())
        knowledge.load("./kb.yaml" if version % 2 else str(kb_file))
        time.sleep(0.01)
    assert len(entries(cache_dir)) == cache.KEEP_PER_FILES


def test_past_the_limit_the_oldest_entries_of_other_files_go(cache_dir: Path, tmp_path: Path) -> None:
    files = [tmp_path / f"clinic-{number}.yaml" for number in range(cache.KEEP_IN_ALL + 3)]
    for path in files:
        path.write_bytes(MINIMAL_BYTES)
        knowledge.load(path)
        time.sleep(0.01)  # distinct modification times, newest last
    families = {cache._family(str(path.resolve())): path.name for path in files}
    left = sorted(families[name[: len(next(iter(families)))]] for name in (e.name for e in entries(cache_dir)))
    assert left == sorted(path.name for path in files[-cache.KEEP_IN_ALL :])


@pytest.mark.parametrize("collecting", [True, False], ids=["enabled", "disabled"])
def test_search_leaves_the_collector_as_it_found_it_and_answers_the_same(
    capsys: pytest.CaptureFixture[str], collecting: bool
) -> None:
    import gc

    from botox_info import commands
    from botox_info.answers.search import search
    from botox_info.output import Format

    builtin = knowledge.load()
    was = gc.isenabled()
    try:
        (gc.enable if collecting else gc.disable)()
        commands.search(builtin, Format.json, ["swelling", "eyelid"])
        assert gc.isenabled() is collecting
    finally:
        (gc.enable if was else gc.disable)()
    ids = [hit["id"] for hit in json.loads(capsys.readouterr().out)["hits"]]
    assert ids == [hit.id for hit in search(builtin, "swelling eyelid")]
    assert ids


# ---- the bottom file is checked once, whatever lies on top (issue 13) ---------------------------------


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The labels of the files parsed during the test (the built-in one as 'built-in')."""
    from botox_info.knowledge import yaml_file

    calls: list[str] = []
    original = yaml_file.parse

    def counting(raw: bytes, label: str, *args: Any) -> Any:
        calls.append("built-in" if label.endswith(loader.BUILTIN_RESOURCE) else Path(label).name)
        return original(raw, label, *args)

    monkeypatch.setattr(yaml_file, "parse", counting)
    return calls


CLINIC_TEXT = (
    "side_effects:\n  - id: pain\n    mitigation:\n"
    "      - text: Rest the area.\n        sources: [article]\n"
    "      - same_as: ask-before-painkillers\n"  # a shared statement of the built-in file
)


def test_after_an_edit_of_a_clinic_file_only_that_file_is_read_again(
    monkeypatch: pytest.MonkeyPatch, cache_dir: Path, tmp_path: Path, parsed: list[str]
) -> None:
    clinic = tmp_path / "clinic.yaml"
    clinic.write_text(CLINIC_TEXT, encoding="utf-8")
    first = knowledge.load_layers([clinic])
    clinic.write_text(CLINIC_TEXT.replace("Rest the area.", "Rest the area for a day."), encoding="utf-8")
    edited = knowledge.load_layers([clinic])
    assert parsed == ["built-in", "clinic.yaml", "clinic.yaml"]
    pain = {entry.id: entry for entry in edited.side_effects}["pain"]
    assert [statement.text for statement in pain.mitigation] == [
        "Rest the area for a day.",
        "Ask or call the clinic before taking a painkiller or any other medicine; "
        "if you take one, keep to the dose on the pack.",
    ]
    assert edited.side_effects != first.side_effects
    monkeypatch.setenv("BOTOX_INFO_CACHE_DIR", "")  # the same files with no cache at all: the same knowledge base
    assert knowledge.load_layers([clinic]) == edited


def test_a_kept_bottom_file_of_the_wrong_shape_is_checked_afresh(
    cache_dir: Path, tmp_path: Path, parsed: list[str]
) -> None:
    clinic = tmp_path / "clinic.yaml"
    clinic.write_text(CLINIC_TEXT, encoding="utf-8")
    first = knowledge.load_layers([clinic])
    builtin = loader._read(None)
    bottom = Path(loader._bottom_entry(builtin)[0] or "")
    assert bottom.is_file()
    bottom.write_bytes(marshal.dumps({"side_effects": "not a list"}))
    clinic.write_text(CLINIC_TEXT + "# edited\n", encoding="utf-8")
    assert knowledge.load_layers([clinic]).side_effects == first.side_effects
    assert parsed == ["built-in", "clinic.yaml", "built-in", "clinic.yaml"]
    assert marshal.loads(bottom.read_bytes())["side_effects"] != "not a list"  # noqa: S302 - written again, whole


def test_a_bottom_file_with_a_problem_is_not_kept_and_is_reported_every_time(
    cache_dir: Path, tmp_path: Path, kb_file: Path
) -> None:
    kb_file.write_bytes(MINIMAL_BYTES.replace(b"unit: weeks", b"unit: fortnights", 1))
    clinic = tmp_path / "clinic.yaml"
    clinic.write_text("side_effects:\n  - id: pain\n    name: Pain\n", encoding="utf-8")
    reports = []
    for _ in range(2):
        with pytest.raises(KnowledgeBaseError) as caught:
            knowledge.load_layers([kb_file, clinic], builtin=False)
        reports.append(caught.value.problems)
    assert reports[0] == reports[1]
    assert any("fortnights" in problem for problem in reports[0])
    assert entries(cache_dir) == []


def test_a_file_loaded_alone_keeps_no_second_entry(cache_dir: Path, kb_file: Path) -> None:
    """The bottom file's own entry is for layers: a single file's entry already holds all of it."""
    knowledge.load(kb_file)
    knowledge.load()
    assert len(entries(cache_dir)) == 2
