"""What the test modules share: paths, the built-in knowledge base, the runner's type, reading JSON output.

One copy here instead of one per test file, so a change (a fixture moves, the runner gains an option)
is made once. Fixtures live in conftest.py; plain values and functions live here, where mypy and a
reader can follow an ordinary import.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

from typer.testing import Result

# Test modules load the built-in knowledge base while pytest collects them, before any fixture runs
# (BUILTIN below is one of them): keep that, and anything else outside a test, away from the user's cache.
os.environ["BOTOX_INFO_CACHE_DIR"] = ""

from botox_info import knowledge
from botox_info.errors import EXIT_OK

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"
FIXTURES = Path(__file__).parent / "fixtures"
CLINIC = FIXTURES / "clinic.yaml"  # a valid clinic file: changes bruising, adds 'tingling' (alias 'pins and needles')
MINIMAL = FIXTURES / "minimal.yaml"  # the smallest valid knowledge base
MINIMAL_TEXT = MINIMAL.read_text(encoding="utf-8")
# Reproducible output: piped (unwrapped) width and no colour unless a test asks.
PLAIN_ENV: dict[str, str | None] = {"COLUMNS": None, "NO_COLOR": "1", "FORCE_COLOR": None, "TERM": "xterm"}

BUILTIN = knowledge.load()


class Run(Protocol):
    """The `run` fixture: invoke the CLI in-process, run("show", "sagging", env={...}); `input` is its stdin."""

    def __call__(
        self, *args: str, env: Mapping[str, str | None] | None = None, charset: str = "utf-8", input: str | None = None
    ) -> Result: ...


# JSON output is whatever the document holds; tests index into it and compare, so its values are Any.
JSONDocument = dict[str, Any]


def benchmark_script(name: str) -> ModuleType:
    """benchmarks/NAME.py imported as a module; its folder is on the path while it loads, for its neighbours."""
    import importlib.util

    folder = str(ROOT / "benchmarks")
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, folder)
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(folder)
    return module


def json_document(result: Result) -> JSONDocument:
    """The JSON a successful run printed."""
    assert result.exit_code == EXIT_OK, result.stderr
    document: JSONDocument = json.loads(result.stdout)
    return document


def listed_ids(result: Result) -> list[str]:
    """The ids of the side effects in a successful run's JSON, in order."""
    return [entry["id"] for entry in json_document(result)["side_effects"]]


def edit(old: str, new: str, text: str = MINIMAL_TEXT) -> str:
    """`text` with its one occurrence of `old` replaced: the single change a test makes."""
    assert text.count(old) == 1, f"{old!r} must occur exactly once in the fixture"
    return text.replace(old, new)


def line_column(text: str, snippet: str, target: str = "") -> str:
    """'line:column' (1-based) of `target` inside the one occurrence of `snippet` in `text`."""
    assert text.count(snippet) == 1, f"{snippet!r} must occur exactly once"
    index = text.index(snippet) + snippet.index(target)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"{line}:{column}"


def write_file(folder: Path, text: str, name: str = "clinic.yaml") -> Path:
    """A clinic's knowledge-base file with `text`, in `folder`: its path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def complete_as_zsh(tmp_path: Path, words: str, **env_vars: str) -> subprocess.CompletedProcess[str]:
    """Run the program as zsh's completion does, and report whether Rich was imported."""
    script = (
        "import sys\n"
        "from botox_info.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('rich imported' if any(m == 'rich' or m.startswith('rich.') for m in sys.modules) else 'no rich')\n"
    )
    env = {
        **os.environ,
        "_BOTOX_INFO_COMPLETE": "complete_zsh",
        "_TYPER_COMPLETE_ARGS": words,
        "BOTOX_INFO_CACHE_DIR": str(tmp_path / "cache"),
        **env_vars,
    }
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=20)


def matches_golden(path: Path, text: str, *, update: bool) -> None:
    """Assert that text is the file's content, or rewrite the file first when pytest has --update-goldens."""
    if update:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}; run pytest --update-goldens and review the diff"
    assert text == path.read_text(encoding="utf-8"), f"{path} is stale; run pytest --update-goldens and review the diff"


# Where the browser tests saved their screenshots in this run, for the summary at the end (conftest.py).
SCREENSHOTS_SAVED: list[Path] = []

# .ci/run sets this: there a missing browser, PDF library or checker fails the run instead of skipping it.
BROWSER_TESTS = "BOTOX_INFO_BROWSER_TESTS"


def required_or_skip(reason: str) -> None:
    """Skip a test that needs what is not installed here, unless CI requires it (then fail, saying what is missing)."""
    import pytest

    if os.environ.get(BROWSER_TESTS) == "required":
        pytest.fail(f"{reason} ({BROWSER_TESTS}=required)")
    pytest.skip(f"{reason}; see docs/handout.md to install it")
