"""Knowledge-base paths that are not plain UTF-8-named regular files: refused or named readably, never a hang."""

from __future__ import annotations

import errno
import json
import os
import socket
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from botox_info.errors import EXIT_BAD_KNOWLEDGE_BASE, EXIT_OK

from .helpers import CLINIC, Run

NOT_UTF8 = os.fsdecode(b"\xff")  # how Python holds a file-name byte that is not UTF-8
Botox = Callable[..., "subprocess.CompletedProcess[str]"]
NOT_REGULAR = (
    "botox-info: error: the knowledge base cannot be used (1 problem):\n  {path}: is {kind}, not a regular file\n"
)


@pytest.fixture
def botox(command: list[str], tmp_path: Path) -> Botox:
    """The real program, which fails (TimeoutExpired) rather than blocks if it waits on a file."""

    def start(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
        environment = {**os.environ, "BOTOX_INFO_CACHE_DIR": str(tmp_path / "cache"), **env}
        return subprocess.run(
            [*command, *args], capture_output=True, text=True, env=environment, cwd=tmp_path, timeout=15
        )

    return start


def _make(kind: str, path: Path) -> Iterator[str]:
    if kind == "a named pipe (FIFO)":
        os.mkfifo(path)
        yield str(path)
    elif kind == "a socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        try:
            yield str(path)
        finally:
            server.close()
    else:
        yield os.devnull  # a character device


KINDS = ["a named pipe (FIFO)", "a socket", "a character device"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("how", ["--data", "validate", "$BOTOX_INFO_DATA", "your own file"])
def test_a_file_that_is_not_regular_is_refused_at_once(botox: Botox, tmp_path: Path, kind: str, how: str) -> None:
    folder = tmp_path / "config" / "botox-info"  # conftest's XDG_CONFIG_HOME: the user's own file is here
    folder.mkdir(parents=True)
    target = folder / "side_effects.yaml" if how == "your own file" else tmp_path / "clinic.yaml"
    if how == "your own file" and kind == "a character device":
        target.symlink_to(os.devnull)
    for path in _make(kind, target):
        shown = str(target) if how == "your own file" else path
        if how == "--data":
            result = botox("--data", path, "show", "bruise")
        elif how == "validate":
            result = botox("validate", path)
        elif how == "$BOTOX_INFO_DATA":
            result = botox("show", "bruise", BOTOX_INFO_DATA=path)
        else:
            result = botox("show", "bruise")
        assert result.stderr == NOT_REGULAR.format(path=shown, kind=kind)
        assert result.returncode == EXIT_BAD_KNOWLEDGE_BASE
        assert result.stdout == ""


def _clinic_with_a_name_that_is_not_utf8(tmp_path: Path) -> Path:
    path = tmp_path / f"{NOT_UTF8}clinic.yaml"
    path.write_bytes(CLINIC.read_bytes())
    return path


def test_every_command_works_with_a_file_name_that_is_not_utf8(botox: Botox, tmp_path: Path) -> None:
    path = _clinic_with_a_name_that_is_not_utf8(tmp_path)
    readable = f"{tmp_path}/\\xffclinic.yaml"
    for args in (["show", "tingling"], ["list"], ["search", "tingling"], ["check"], ["sources"]):
        for output_format in ("table", "json", "markdown"):
            result = botox("--data", str(path), *args, "--format", output_format)
            assert (result.returncode, result.stderr) == (EXIT_OK, ""), args
    shown = json.loads(botox("--data", str(path), "show", "tingling", "--format", "json").stdout)
    assert shown["file"] == readable
    validated = botox("validate", str(path))
    assert validated.stdout.startswith(f"ok: {readable}: 2 side effects from this file (1 new, 1 changed);")
    assert (validated.returncode, validated.stderr) == (EXIT_OK, "")
    listed = botox("--data", str(path), "paths")
    assert f"3. --data: {readable} (read)" in listed.stdout


def test_a_broken_file_whose_name_is_not_utf8_is_named_readably(botox: Botox, tmp_path: Path) -> None:
    path = tmp_path / f"{NOT_UTF8}.yaml"
    path.write_text("side_effects: [\n")
    for args in (["validate", str(path)], ["--data", str(path), "show", "bruise"]):
        result = botox(*args)
        assert result.returncode == EXIT_BAD_KNOWLEDGE_BASE
        lead = "botox-info: error: the knowledge base cannot be used (1 problem):\n"
        assert result.stderr.startswith(f"{lead}  {tmp_path}/\\xff.yaml:2:1: invalid YAML:")
    missing = botox("--data", str(tmp_path / f"{NOT_UTF8}gone.yaml"), "list")
    assert f"  {tmp_path}/\\xffgone.yaml: cannot read the file: No such file or directory\n" in missing.stderr


def test_a_home_whose_path_is_not_utf8(botox: Botox, tmp_path: Path) -> None:
    home = tmp_path / f"home{NOT_UTF8}"
    home.mkdir()
    env = {"HOME": str(home), "XDG_CONFIG_HOME": "", "XDG_CACHE_HOME": "", "BOTOX_INFO_CACHE_DIR": ""}
    shown = botox("show", "sagging", **env)
    assert (shown.returncode, shown.stderr) == (EXIT_OK, "")
    listed = botox("paths", **env)
    assert f"2. your own file: {tmp_path}/home\\xff/.config/botox-info/side_effects.yaml (not present, skipped)" in (
        listed.stdout
    )
    rows = json.loads(botox("paths", "--format", "json", **env).stdout)["files"]
    assert rows[1]["path"] == f"{tmp_path}/home\\xff/.config/botox-info/side_effects.yaml"


def test_paths_tells_what_stands_at_each_path(botox: Botox, tmp_path: Path) -> None:
    (tmp_path / "folder.yaml").mkdir()
    os.mkfifo(tmp_path / "pipe.yaml")
    named = ["gone.yaml", "folder.yaml", "pipe.yaml", str(CLINIC)]
    args = [word for name in named for word in ("--data", str(tmp_path / name))]
    table = botox(*args, "paths")
    assert table.returncode == EXIT_OK
    stops = "every command stops with an error until it is fixed"
    assert table.stdout.splitlines()[3:7] == [
        f"3. --data: {tmp_path}/gone.yaml (MISSING: every command stops with an error until it exists)",
        f"4. --data: {tmp_path}/folder.yaml (NOT A REGULAR FILE but a directory: {stops})",
        f"5. --data: {tmp_path}/pipe.yaml (NOT A REGULAR FILE but a named pipe (FIFO): {stops})",
        f"6. --data: {CLINIC} (read)",
    ]
    rows = json.loads(botox(*args, "paths", "--format", "json").stdout)["files"]
    assert [(row["state"], row["exists"], row["read"]) for row in rows[2:]] == [
        ("missing", False, False),
        ("a directory", True, False),
        ("a named pipe (FIFO)", True, False),
        ("read", True, True),
    ]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads a chmod 000 file anyway")
def test_paths_tells_an_unreadable_file(botox: Botox, tmp_path: Path) -> None:
    path = tmp_path / "locked.yaml"
    path.write_bytes(CLINIC.read_bytes())
    path.chmod(0)
    table = botox("--data", str(path), "paths")
    stops = "every command stops with an error until it is fixed"
    assert f"3. --data: {path} (UNREADABLE (Permission denied): {stops})" in table.stdout
    rows = json.loads(botox("--data", str(path), "paths", "--format", "json").stdout)["files"]
    assert (rows[2]["state"], rows[2]["read"]) == ("unreadable", False)


def test_paths_tells_an_unreadable_file_even_as_root(
    run: Callable[..., Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Root reads a chmod 000 file, so the refusal the system gives other users is simulated."""
    from botox_info.knowledge import file_kinds

    path = tmp_path / "locked.yaml"
    path.write_bytes(CLINIC.read_bytes())

    def refuse(name: str, mode: str = "r") -> None:
        raise PermissionError(errno.EACCES, "Permission denied", name)

    monkeypatch.setattr(file_kinds, "open", refuse, raising=False)
    stops = "every command stops with an error until it is fixed"
    assert f"3. --data: {path} (UNREADABLE (Permission denied): {stops})" in run("--data", str(path), "paths").stdout
    row = json.loads(run("--data", str(path), "paths", "--format", "json").stdout)["files"][2]
    assert (row["state"], row["reason"], row["exists"], row["read"]) == ("unreadable", "Permission denied", True, False)


def test_a_relative_config_folder_never_makes_a_file_of_the_current_directory_our_own_file(
    botox: Botox, tmp_path: Path
) -> None:
    """XDG_CONFIG_HOME=cfg would read cfg/botox-info/side_effects.yaml from wherever the command runs."""
    planted = tmp_path / "cfg" / "botox-info" / "side_effects.yaml"
    planted.parent.mkdir(parents=True)
    planted.write_text("side_effects: [\n")
    env = {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": "cfg", "BOTOX_INFO_CACHE_DIR": ""}
    shown = botox("show", "sagging", **env)  # runs in tmp_path
    assert (shown.returncode, shown.stderr) == (EXIT_OK, "")
    rows = json.loads(botox("paths", "--format", "json", **env).stdout)["files"]
    assert rows[1]["path"] == f"{tmp_path}/home/.config/botox-info/side_effects.yaml"


# In-process too, where coverage sees it; not the FIFO, as opening one by mistake would hang the suite.
@pytest.mark.parametrize("kind", ["a socket", "a character device"])
def test_in_process_a_file_that_is_not_regular_is_refused_and_paths_names_what_it_is(
    run: Run, tmp_path: Path, kind: str
) -> None:
    for path in _make(kind, tmp_path / "clinic.yaml"):
        refused = run("--data", path, "show", "bruise")
        assert (refused.exit_code, refused.stdout) == (EXIT_BAD_KNOWLEDGE_BASE, "")
        assert refused.stderr == NOT_REGULAR.format(path=path, kind=kind)
        listing = run("--data", path, "paths")
        assert listing.exit_code == EXIT_OK
        assert (
            f"3. --data: {path} (NOT A REGULAR FILE but {kind}: every command stops with an error until it is fixed)"
            in listing.stdout
        )
