"""Output that cannot be written: a full disk or a closed stdout is an error (exit 4), a reader who hung up is not."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO

import pytest

from botox_info.errors import EXIT_OK, EXIT_OUTPUT

from .helpers import FIXTURES

FULL = "botox-info: error: cannot write the output: No space left on device\n"
CLOSED = "botox-info: error: cannot write the output: standard output is closed\n"
EVERY_KIND_OF_OUTPUT = [
    ["show", "sagging"],
    ["show", "sagging", "--format", "json"],
    ["show", "sagging", "--format", "markdown"],
    ["--version"],
    ["--help"],
    ["show", "--help"],
    ["schema"],
    ["paths"],
    ["paths", "--format", "json"],
    ["list"],
    ["search", "bruise"],
    ["check"],
    ["validate", str(FIXTURES / "clinic.yaml")],
]


def _run(
    command: list[str],
    tmp_path: Path,
    args: list[str],
    stdout: IO[bytes] | int,
    preexec_fn: Callable[[], object] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "BOTOX_INFO_CACHE_DIR": str(tmp_path / "cache"), "COLUMNS": "80"}
    return subprocess.run(
        [*command, *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
        timeout=60,
        preexec_fn=preexec_fn,
    )


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full, a device that is always full")
@pytest.mark.parametrize("args", EVERY_KIND_OF_OUTPUT)
def test_a_full_disk_is_an_error_not_a_traceback(command: list[str], tmp_path: Path, args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        result = _run(command, tmp_path, args, stdout=full)
    assert result.stderr.decode() == FULL
    assert result.returncode == EXIT_OUTPUT


@pytest.mark.parametrize("args", EVERY_KIND_OF_OUTPUT)
def test_a_closed_stdout_is_an_error_not_a_silent_success(command: list[str], tmp_path: Path, args: list[str]) -> None:
    """`botox-info show sagging >&-`: the answer went nowhere, so the exit code must not say it was shown."""
    result = _run(command, tmp_path, args, stdout=subprocess.DEVNULL, preexec_fn=lambda: os.close(1))
    assert result.stderr.decode() == CLOSED
    assert result.returncode == EXIT_OUTPUT


@pytest.mark.parametrize(
    "args", [["--help"], ["show", "--help"], ["--version"], ["list"], ["show", "sagging", "--format", "json"]]
)
def test_a_reader_who_hung_up_is_no_error(command: list[str], tmp_path: Path, args: list[str]) -> None:
    """`botox-info --help | head -1`: the reader has gone before the first write, deterministically."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        result = _run(command, tmp_path, args, stdout=writer)
    finally:
        os.close(writer)
    assert result.stderr.decode() == ""
    assert result.returncode == EXIT_OK


def test_an_error_without_output_keeps_its_own_exit_code_when_stdout_is_closed(
    command: list[str], tmp_path: Path
) -> None:
    result = _run(command, tmp_path, ["show", "nope"], stdout=subprocess.DEVNULL, preexec_fn=lambda: os.close(1))
    assert result.returncode == 1
    assert result.stderr.decode().startswith("botox-info: error: no side effect matches 'nope'.")


# ---- the same, in-process: the error boundary's handling, where coverage can see it ----------


class _RefusingStdout(io.TextIOBase):
    """A stdout whose every write fails as `error`; like a pipe or a file, it has no fileno to reuse here."""

    encoding = "utf-8"

    def __init__(self, error: OSError) -> None:
        self.error = error

    def write(self, text: str) -> int:
        raise self.error


def _main(args: list[str], stdout: io.TextIOBase | None, monkeypatch: pytest.MonkeyPatch) -> int | str | None:
    """Run the program's entry point in this process with `stdout`; its exit code."""
    from botox_info.cli import main

    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(sys, "argv", ["botox-info", *args])
    monkeypatch.setenv("COLUMNS", "80")
    with pytest.raises(SystemExit) as exited:
        main()
    return exited.value.code


@pytest.mark.parametrize("args", EVERY_KIND_OF_OUTPUT)
def test_in_process_a_full_disk_is_an_error(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    full = _RefusingStdout(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    assert _main(args, full, monkeypatch) == EXIT_OUTPUT
    assert capsys.readouterr().err == FULL


@pytest.mark.parametrize("args", [["--version"], ["list"], ["show", "sagging", "--format", "json"]])
def test_in_process_a_reader_who_hung_up_is_no_error(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    gone = _RefusingStdout(BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE)))
    assert _main(args, gone, monkeypatch) == EXIT_OK
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("args", EVERY_KIND_OF_OUTPUT)
def test_in_process_no_stdout_at_all_is_an_error(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Python sets sys.stdout to None when the program starts with stdout closed (`>&-`)."""
    assert _main(args, None, monkeypatch) == EXIT_OUTPUT
    assert capsys.readouterr().err == CLOSED
