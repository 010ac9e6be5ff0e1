"""`--help` draws with Typer's help module but without rich.markdown and rich.traceback (issue 13)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from botox_info.cli import light_help

from .helpers import Run

# Runs the CLI in a fresh interpreter, then reports which of the heavy modules were imported.
PROBE = """
import sys
from botox_info.cli import main
sys.argv = ["botox-info", *{args!r}]
try:
    main()
except SystemExit:
    pass
heavy = ("rich.markdown", "markdown_it", "rich.traceback", "rich.syntax")
heavy = sorted(name for name in heavy if name in sys.modules)
print("HEAVY:", heavy, file=sys.stderr)
"""


def probe(*args: str) -> tuple[str, str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=list(args))],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb", "BOTOX_INFO_CACHE_DIR": "", "PATH": ""},
        timeout=60,
        check=False,
    )
    return result.stdout, result.stderr


@pytest.mark.parametrize("args", [["--help"], ["-h"], [], ["show", "--help"], ["list", "-h"]])
def test_help_does_not_import_markdown_or_tracebacks(args: list[str]) -> None:
    stdout, stderr = probe(*args)
    assert "HEAVY: []" in stderr
    assert "Usage: botox-info" in stdout


def test_top_level_help_still_carries_the_disclaimer_and_the_emergency() -> None:
    stdout, _ = probe("--help")
    flat = " ".join(stdout.split())
    assert "Educational information, not medical advice." in flat
    assert "Trouble swallowing, speaking or breathing after treatment, or a severe allergic reaction" in flat
    assert "is an emergency: see 'botox-info urgent'." in flat


def test_a_usage_error_still_draws_its_panel() -> None:
    stdout, stderr = probe("show", "--no-such-option")
    assert "No such option: --no-such-option" in stderr
    assert stdout == ""


@pytest.mark.parametrize(
    ("words", "expected"),
    [([], True), (["--help"], True), (["show", "-h"], True), (["show", "sagging"], False), (["search", "help"], False)],
)
def test_which_command_lines_ask_for_help(words: list[str], expected: bool) -> None:
    assert light_help.asks_for_help(words, {}) is expected
    assert light_help.asks_for_help(words, {light_help.COMPLETING: "complete_zsh"}) is False  # Tab completion


def test_after_prepare_the_real_modules_are_imported_and_stand_ins_build_the_real_thing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("typer.rich_utils", "rich.markdown", "rich.traceback"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    light_help.prepare()
    import typer.rich_utils

    assert "rich.markdown" not in sys.modules
    stand_in = typer.rich_utils.__dict__["Markdown"]
    markdown = stand_in("*text*")  # the stand-in: imports rich.markdown on first use
    import rich.markdown

    assert type(markdown) is rich.markdown.Markdown
    assert stand_in.__name__ == "Markdown"
    light_help.prepare()  # a second call changes nothing
    assert sys.modules["typer.rich_utils"] is typer.rich_utils


def test_the_console_script_freezes_what_start_up_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from botox_info import cli

    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    monkeypatch.setattr(sys, "argv", ["botox-info", "--version"])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert (exited.value.code, frozen) == (0, [True])


def test_a_typer_wanting_more_of_those_modules_gets_its_help_the_usual_way(
    monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    for name in ("typer.rich_utils", "rich.markdown", "rich.traceback"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    monkeypatch.setattr(light_help, "_HEAVY", {"rich.markdown": "NotWhatTyperImports", "rich.traceback": "Traceback"})
    light_help.prepare()
    assert "typer.rich_utils" not in sys.modules
    assert "rich.markdown" not in sys.modules
    result = run("--help")
    assert result.exit_code == 0
    assert "Usage: botox-info" in result.stdout
