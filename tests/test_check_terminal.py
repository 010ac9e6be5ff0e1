"""check's questions on the terminal: on stderr, never stdout; end of input; Ctrl-C."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import threading
from pathlib import Path

import pytest

from botox_info.errors import EXIT_INTERRUPTED, EXIT_OK

from .helpers import BUILTIN, Run

INTRO = "A few questions; press Enter to skip one. botox-info keeps nothing you type.\n"
AREAS = "Which areas will be treated? (for example: forehead, frown lines, jaw): "
AGE = "How old are you?: "
YES_NO = [f"{s.question} [y/N]: " for s in BUILTIN.situations if s.number is None]


def _answer(run: Run, typed: str) -> tuple[int, str, str]:
    result = run("check", "-i", "--format", "json", input=typed)
    return result.exit_code, result.stdout, result.stderr


def test_questions_go_to_stderr_and_stdout_stays_valid_json(run: Run) -> None:
    exit_code, stdout, stderr = _answer(run, "jaw\n62\n" + "n\n" * (len(YES_NO) - 1) + "y\n")
    assert exit_code == EXIT_OK
    assert json.loads(stdout)["answers"] == {
        "areas": ["jaw"],
        "age": 62,
        "numbers": {"age": 62},
        "situations": ["thin-or-loose-skin"],
    }
    assert stderr == INTRO + AREAS + AGE + "".join(YES_NO)


def test_end_of_input_skips_the_remaining_questions(run: Run) -> None:
    exit_code, stdout, stderr = _answer(run, "jaw\n62\ny\n")  # then Ctrl-D
    assert exit_code == EXIT_OK
    assert json.loads(stdout)["answers"] == {
        "areas": ["jaw"],
        "age": 62,
        "numbers": {"age": 62},
        "situations": ["allergy-to-toxin"],
    }
    assert stderr == INTRO + AREAS + AGE + YES_NO[0] + YES_NO[1] + "\n"


def test_end_of_input_at_the_first_question_answers_with_nothing_told(run: Run) -> None:
    exit_code, stdout, stderr = _answer(run, "")
    assert exit_code == EXIT_OK
    assert json.loads(stdout)["answers"] == {"areas": [], "age": None, "numbers": {}, "situations": []}
    assert stderr == INTRO + AREAS + "\n"


def test_a_yes_no_question_is_asked_again_after_another_answer(run: Run) -> None:
    exit_code, stdout, stderr = _answer(run, "\n\nmaybe\nYES\n")
    assert exit_code == EXIT_OK
    assert json.loads(stdout)["answers"]["situations"] == ["allergy-to-toxin"]
    assert stderr.startswith(INTRO + AREAS + AGE + YES_NO[0] + "Please answer y or n (Enter for no).\n" + YES_NO[0])


def test_ctrl_c_while_answering_exits_130(command: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "BOTOX_INFO_CACHE_DIR": str(tmp_path / "cache")}
    child = subprocess.Popen(
        [*command, "check", "-i"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert isinstance(child.stderr, io.BufferedReader)  # buffered (the default), so read1 returns what is there
    give_up = threading.Timer(30, child.kill)  # a question that never reaches stderr must not hang the suite
    give_up.start()
    try:
        asked = b""
        while not asked.endswith(AREAS.encode()):  # wait until the first question is on screen
            chunk = child.stderr.read1(1000)
            assert chunk, f"no question on stderr; it said: {asked!r}"
            asked += chunk
        child.send_signal(signal.SIGINT)
        stdout, rest = child.communicate(timeout=30)
    finally:
        give_up.cancel()
        child.kill()
    assert child.returncode == EXIT_INTERRUPTED == 130
    assert stdout == b""
    assert (asked + rest).decode() == INTRO + AREAS + "\nbotox-info: interrupted\n"


def test_ctrl_c_in_process_exits_130_with_one_line(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """The error boundary's own handling of Ctrl-C, as the subprocess test above sees it from outside."""

    def interrupted() -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr("builtins.input", interrupted)
    exit_code, stdout, stderr = _answer(run, "")
    assert exit_code == EXIT_INTERRUPTED
    assert stdout == ""
    assert stderr == INTRO + AREAS + "\nbotox-info: interrupted\n"
