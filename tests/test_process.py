"""The real program in real processes: pipes, encodings, `python -m`, a wheel install."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from collections.abc import Callable
from pathlib import Path

import pytest

from botox_info import __version__
from botox_info.errors import EXIT_USAGE

from .helpers import ROOT

Process = Callable[..., "subprocess.CompletedProcess[bytes]"]


def test_python_dash_m_works_like_the_command(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "botox_info", "--version"], capture_output=True, cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.decode() == f"botox-info {__version__}\n"


@pytest.mark.parametrize("args", [["list"], ["show", "sagging"], ["avoid"], ["list", "--format", "json"]])
def test_a_closed_pipe_ends_quietly(command: list[str], tmp_path: Path, args: list[str]) -> None:
    env = {**os.environ, "BOTOX_INFO_CACHE_DIR": str(tmp_path / "cache"), "COLUMNS": "80"}
    reader = subprocess.Popen([*command, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert reader.stdout is not None
    assert reader.stderr is not None
    reader.stdout.read(20)  # like `| head -c 20`: read a little, then hang up
    reader.stdout.close()
    stderr = reader.stderr.read().decode()
    assert reader.wait(timeout=60) == 0
    assert stderr == ""


@pytest.mark.parametrize("args", [["list"], ["show", "sagging"], ["urgent"], ["show", "nope®"]])
def test_an_ascii_only_terminal_gets_a_readable_fallback(process: Process, args: list[str]) -> None:
    result = process(*args, env={"PYTHONIOENCODING": "ascii", "COLUMNS": "80"})
    assert b"Traceback" not in result.stderr
    assert result.returncode == (1 if args[-1] == "nope®" else 0)
    result.stdout.decode("ascii")
    result.stderr.decode("ascii")


def test_invalid_cache_directory_does_not_stop_the_tool(process: Process, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    result = process("show", "sagging", env={"BOTOX_INFO_CACHE_DIR": str(blocker / "cache")})
    assert result.returncode == 0
    assert result.stderr == b""


@pytest.mark.slow
def test_the_built_wheel_installs_and_runs_from_another_directory(tmp_path: Path) -> None:
    """What a user gets from pip: the wheel carries the knowledge base and the command works."""
    wheels = tmp_path / "wheels"
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(ROOT)]
    subprocess.run(build, check=True, capture_output=True, timeout=600)
    (wheel,) = wheels.glob("botox_info-*.whl")
    environment = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(environment)
    python = environment / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", str(wheel)], check=True, capture_output=True, timeout=600
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "BOTOX_INFO_CACHE_DIR": str(tmp_path / "cache"), "COLUMNS": "80"}
    env.pop("PYTHONPATH", None)
    result = subprocess.run(
        [environment / "bin" / "botox-info", "show", "sagging"], capture_output=True, cwd=elsewhere, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().startswith("Sagging skin\n")
    assert "Sources" in result.stdout.decode()
    # The handout's stylesheet is package data in the wheel; a PDF without the extra says which to install.
    handout = [str(environment / "bin" / "botox-info"), "handout", "--area", "forehead", "--age", "45", "-o"]
    made = subprocess.run([*handout, "h.html"], capture_output=True, cwd=elsewhere, env=env, timeout=60)
    assert made.returncode == 0, made.stderr.decode()
    assert ".alarm {" in (elsewhere / "h.html").read_text(encoding="utf-8")
    pdf = subprocess.run([*handout, "h.pdf"], capture_output=True, cwd=elsewhere, env=env, timeout=60)
    assert pdf.returncode == EXIT_USAGE
    assert 'pip install "botox-info[pdf]"' in pdf.stderr.decode()
    assert not (elsewhere / "h.pdf").exists()


def test_check_in_a_pipe_never_waits_for_input(command: list[str], tmp_path: Path) -> None:
    """stdin stays open and silent, as in CI: check must answer without asking."""
    env = {**os.environ, "BOTOX_INFO_CACHE_DIR": str(tmp_path / "cache")}
    child = subprocess.Popen([*command, "check"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
    try:
        assert child.wait(timeout=30) == 0
    finally:
        child.kill()
        assert child.stdin is not None
        child.stdin.close()
    assert child.stdout is not None
    assert b"You told botox-info nothing about yourself" in child.stdout.read()
