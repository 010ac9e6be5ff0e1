"""Shell completion: names after `show`, areas after `--area`, answered without importing Rich."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from botox_info import knowledge
from botox_info.completion import area_words, side_effect_words

BUILTIN = knowledge.load()


def test_show_completes_ids_and_aliases_as_single_words() -> None:
    words = side_effect_words(BUILTIN, "droo")
    assert {"drooping-eyelid", "droopy-skin"} <= set(words)
    assert all(" " not in word for word in words)
    assert all(BUILTIN.find(word) for word in words)  # every completion is something show accepts


def test_completion_ignores_case_and_separators() -> None:
    assert "spock-brows" in side_effect_words(BUILTIN, "Spock B")
    assert side_effect_words(BUILTIN, "zzz") == []


def test_area_completion() -> None:
    assert {"masseter", "masseters", "marionette-lines"} <= set(area_words(BUILTIN, "ma"))
    assert all(BUILTIN.find_area(word) for word in area_words(BUILTIN, ""))


def _complete(tmp_path: Path, words: str) -> subprocess.CompletedProcess[str]:
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
    }
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)


def test_the_shell_gets_names_after_show_without_rich(tmp_path: Path) -> None:
    result = _complete(tmp_path, "botox-info show spock")
    assert '"spock-brows"' in result.stdout
    assert result.stdout.rstrip().endswith("no rich")
    assert result.stderr == ""


def test_the_shell_gets_areas_after_area(tmp_path: Path) -> None:
    result = _complete(tmp_path, "botox-info list --area gla")
    assert '"glabella"' in result.stdout
    assert '"glabellar-lines"' in result.stdout
    assert result.stdout.rstrip().endswith("no rich")
