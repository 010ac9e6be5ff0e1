"""Shell completion: names after `show`, areas after `--area`, answered without importing Rich."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

import pytest

from botox_info.answers.completion import area_words, side_effect_words
from botox_info.answers.routing import route
from botox_info.errors import EXIT_OK, EXIT_OUTPUT, KnowledgeBaseError
from botox_info.knowledge import loader
from botox_info.problems import FileProblem

from .helpers import BUILTIN, CLINIC, Run, complete_as_zsh


def test_show_completes_ids_and_aliases_as_single_words() -> None:
    words = side_effect_words(BUILTIN, "droo")
    assert {"drooping-eyelid", "droopy-skin"} <= set(words)
    assert all(" " not in word for word in words)
    assert all(route(BUILTIN, word) for word in words)  # every completion is something show accepts


def test_completion_ignores_case_and_separators() -> None:
    assert "spock-brows" in side_effect_words(BUILTIN, "Spock B")
    assert side_effect_words(BUILTIN, "zzz") == []


def test_area_completion() -> None:
    assert {"masseter", "masseters", "marionette-lines"} <= set(area_words(BUILTIN, "ma"))
    assert all(BUILTIN.find_area(word) for word in area_words(BUILTIN, ""))


def test_the_shell_gets_names_after_show_without_rich(tmp_path: Path) -> None:
    result = complete_as_zsh(tmp_path, "botox-info show spock")
    assert '"spock-brows"' in result.stdout
    assert result.stdout.rstrip().endswith("no rich")
    assert result.stderr == ""


def test_the_shell_gets_areas_after_area(tmp_path: Path) -> None:
    result = complete_as_zsh(tmp_path, "botox-info list --area gla")
    assert '"glabella"' in result.stdout
    assert '"glabellar-lines"' in result.stdout
    assert result.stdout.rstrip().endswith("no rich")


BROKEN_YAML = "side_effects: [\n"


@pytest.mark.parametrize("where", ["$BOTOX_INFO_DATA", "your own file", "--data"])
@pytest.mark.parametrize("what", ["broken YAML", "a named pipe"])
def test_completion_never_prints_an_error_into_the_shell(tmp_path: Path, where: str, what: str) -> None:
    """A broken clinic file narrows Tab to the built-in words; the command itself reports the file."""
    # conftest points XDG_CONFIG_HOME at tmp_path / "config": the user's own file is that one.
    folder = tmp_path / "config" / "botox-info" if where == "your own file" else tmp_path / "clinic"
    path = folder / "side_effects.yaml"
    folder.mkdir(parents=True)
    if what == "a named pipe":
        os.mkfifo(path)  # opening it to read would wait forever for a writer
    else:
        path.write_text(BROKEN_YAML)
    env = {"BOTOX_INFO_DATA": str(path)} if where == "$BOTOX_INFO_DATA" else {}
    words = f"botox-info --data {path} show spock" if where == "--data" else "botox-info show spock"
    result = complete_as_zsh(tmp_path, words, **env)  # times out, and fails, if it hangs
    assert result.stderr == ""
    assert '"spock-brows"' in result.stdout
    areas = complete_as_zsh(tmp_path, "botox-info check --area gla", **env)
    assert (areas.stderr, '"glabella"' in areas.stdout) == ("", True)
    situations = complete_as_zsh(tmp_path, "botox-info check --has preg", **env)
    assert (situations.stderr, '"pregnant-or-breastfeeding"' in situations.stdout) == ("", True)


def _install(home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(home), "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    command = [sys.executable, "-m", "botox_info", "--install-completion", "bash"]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)


def test_install_completion_names_a_shell_file_it_cannot_write(tmp_path: Path) -> None:
    """Root can write anywhere, so a directory where ~/.bashrc should be stands for an unwritable rc file."""
    (tmp_path / ".bashrc").mkdir()
    result = _install(tmp_path)
    assert result.stderr == (
        f"botox-info: error: cannot install shell completion: {tmp_path / '.bashrc'}: Is a directory. "
        "Run 'botox-info --show-completion' and add what it prints to your shell's startup file yourself.\n"
    )
    assert result.returncode == EXIT_OUTPUT


def test_install_completion_with_a_home_that_is_no_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.write_text("a file, not a folder")
    result = _install(home)
    assert result.stderr.startswith(f"botox-info: error: cannot install shell completion: {home}")
    assert "Traceback" not in result.stderr
    assert result.returncode == EXIT_OUTPUT


def test_install_completion_still_installs(tmp_path: Path) -> None:
    result = _install(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "source" in (tmp_path / ".bashrc").read_text()


# ---- the same, in-process: what the shell receives, where coverage can see it ----------------


def _tab(run: Run, words: str, **env_vars: str) -> list[str]:
    """The words Tab offers for `words` (zsh's form), checking that nothing goes to stderr."""
    result = run(env={"_BOTOX_INFO_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": words, **env_vars})
    assert (result.exit_code, result.stderr) == (EXIT_OK, "")
    return re.findall(r'"([^"]*)"', result.stdout)


def test_tab_offers_names_areas_and_situations(run: Run) -> None:
    assert _tab(run, "botox-info show spock") == ["spock-brow", "spock-brows", "spock-eyebrows"]
    assert {"glabella", "glabellar-lines"} <= set(_tab(run, "botox-info list --area gla"))
    assert _tab(run, "botox-info check --has preg") == ["pregnant-or-breastfeeding"]


def test_tab_reads_a_clinic_file_named_so_far(run: Run) -> None:
    assert _tab(run, f"botox-info --data {CLINIC} show ting") == ["tingling"]
    assert _tab(run, "botox-info show ting") == []


def test_tab_falls_back_to_the_built_in_words_when_a_clinic_file_is_broken(run: Run, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(BROKEN_YAML, encoding="utf-8")
    assert _tab(run, f"botox-info --data {broken} show spock") == ["spock-brow", "spock-brows", "spock-eyebrows"]


def test_tab_offers_nothing_and_says_nothing_when_no_knowledge_base_can_be_read(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A damaged install (even the built-in file unreadable) must not print into the shell's prompt."""

    def unreadable(paths: object) -> NoReturn:
        raise KnowledgeBaseError([FileProblem("side_effects.yaml", None, None, None, "cannot read the file")])

    monkeypatch.setattr(loader, "load_layers", unreadable)
    assert _tab(run, "botox-info show spock") == []
    assert _tab(run, "botox-info list --area gla") == []
    assert _tab(run, "botox-info check --has preg") == []


def test_show_completion_prints_the_named_shell_s_script(run: Run) -> None:
    result = run("--show-completion", "bash")
    assert result.exit_code == EXIT_OK
    assert "_BOTOX_INFO_COMPLETE=complete_bash" in result.stdout


def test_install_completion_in_process_names_the_shell_file_it_cannot_write(run: Run, tmp_path: Path) -> None:
    (tmp_path / ".bashrc").mkdir()
    refused = run("--install-completion", "bash", env={"HOME": str(tmp_path)})
    assert refused.exit_code == EXIT_OUTPUT
    assert refused.stderr == (
        f"botox-info: error: cannot install shell completion: {tmp_path / '.bashrc'}: Is a directory. "
        "Run 'botox-info --show-completion' and add what it prints to your shell's startup file yourself.\n"
    )


def test_show_completes_ids_alone_when_nothing_is_typed() -> None:
    assert side_effect_words(BUILTIN, "") == [entry.id for entry in BUILTIN.side_effects]


def test_an_entry_whose_id_fits_is_offered_by_its_id_not_its_aliases() -> None:
    words = side_effect_words(BUILTIN, "bru")
    assert words[0] == "bruising"
    assert not {"bruise", "bruises", "bruised"} & set(words)  # aliases of bruising, whose id already fits
    assert "bruxism" in words  # an area word, after the side effects


def test_completion_keeps_the_letters_typed_so_zsh_offers_them() -> None:
    assert side_effect_words(BUILTIN, "Spo") == ["Spock-brow", "Spock-brows", "Spock-eyebrows"]
    assert side_effect_words(BUILTIN, "SAG")[0] == "SAGging"


def test_completion_offers_vocabulary_words_and_areas_that_show_opens() -> None:
    words = side_effect_words(BUILTIN, "ice")
    assert words == ["ice", "ice-pack", "ice-packs", "ice-the-area"]
    assert route(BUILTIN, "ice-pack").part == "mitigation"
    assert "tmj" in side_effect_words(BUILTIN, "tm")
