"""Where options go and what they reach: --data before or after the command, in completion too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from botox_info.cli import app
from botox_info.errors import EXIT_BAD_KNOWLEDGE_BASE, EXIT_NOT_FOUND, EXIT_OK, EXIT_USAGE

from .helpers import FIXTURES, Run, complete_as_zsh

CLINIC = str(FIXTURES / "clinic.yaml")  # adds the side effect 'tingling' (alias 'pins and needles')
ARGUMENTS = {"show": ["tingling"], "search": ["tingling"], "handout": ["-o", "-"]}
NO_FORMAT = ("handout",)  # writes HTML or PDF, chosen by -o's file name
# Every command that reads the knowledge base, from the app itself (validate and schema read only what they name).
READERS = [info.name for info in app.registered_commands if info.name not in ("validate", "schema")]


@pytest.mark.parametrize("spelling", ["--data", "-d"])
@pytest.mark.parametrize("name", READERS)
def test_data_is_accepted_after_the_command_as_before_it(run: Run, name: str, spelling: str) -> None:
    args = [*ARGUMENTS.get(name, []), *([] if name in NO_FORMAT else ["--format", "json"])]
    before = run(spelling, CLINIC, name, *args)
    after = run(name, *args, spelling, CLINIC)
    assert before.exit_code == after.exit_code == EXIT_OK, after.stderr
    assert after.stdout == before.stdout


@pytest.mark.parametrize("name", [name for name in READERS if name != "paths"])  # paths reports it, exit 0
def test_a_missing_data_file_after_the_command_stops_it(run: Run, name: str, tmp_path: Path) -> None:
    """Proof that the option after the command is read: a file named on purpose must exist."""
    missing = tmp_path / "missing.yaml"
    result = run(name, *ARGUMENTS.get(name, []), "--data", str(missing))
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    assert str(missing) in result.stderr


def test_show_finds_a_clinics_entry_with_data_after_the_name(run: Run) -> None:
    result = run("show", "tingling", "--data", CLINIC, "--format", "json")
    assert result.exit_code == EXIT_OK, result.stderr
    assert json.loads(result.stdout)["id"] == "tingling"
    assert run("show", "tingling").exit_code == EXIT_NOT_FOUND  # not in the built-in knowledge base


def test_data_files_on_both_sides_are_layered_in_the_order_typed(run: Run, tmp_path: Path) -> None:
    later = tmp_path / "later.yaml"
    later.write_text("side_effects:\n  - id: tingling\n    summary: Our own words.\n", encoding="utf-8")
    result = run("-d", CLINIC, "show", "tingling", "-d", str(later), "--format", "json")
    assert result.exit_code == EXIT_OK, result.stderr
    assert json.loads(result.stdout)["summary"] == "Our own words."
    paths = json.loads(run("-d", CLINIC, "paths", "-d", str(later), "--format", "json").stdout)["files"]
    assert [row["path"] for row in paths if row["source"] == "--data"] == [CLINIC, str(later)]


@pytest.mark.parametrize(
    "words",
    [
        f"botox-info -d {CLINIC} show ting",
        f"botox-info --data {CLINIC} show ting",
        f"botox-info show --data {CLINIC} ting",
        f"botox-info --data={CLINIC} show ting",
    ],
)
def test_completion_reads_the_data_files_on_the_command_line(tmp_path: Path, words: str) -> None:
    result = complete_as_zsh(tmp_path, words)
    assert '"tingling"' in result.stdout
    assert result.stderr == ""


def test_completion_of_areas_reads_the_data_files_too(tmp_path: Path) -> None:
    area_file = tmp_path / "areas.yaml"
    area_file.write_text("areas:\n  - id: earlobe\n    name: Earlobe\n    aliases: [ear lobes]\n", encoding="utf-8")
    result = complete_as_zsh(tmp_path, f"botox-info list -d {area_file} --area ear")
    assert '"earlobe"' in result.stdout
    assert '"ear-lobes"' in result.stdout


# ---- --install-completion SHELL and --show-completion SHELL -----------------------------

# A line each shell's script has and no other's.
SCRIPT_MARKS = {
    "bash": "complete -o default -F _botox_info_completion botox-info",
    "zsh": "#compdef botox-info",
    "fish": "complete --command botox-info",
    "powershell": "Register-ArgumentCompleter -Native -CommandName botox-info",
}
INSTALLED_AT = {
    "bash": ".bash_completions/botox-info.sh",
    "zsh": ".zfunc/_botox-info",
    "fish": ".config/fish/completions/botox-info.fish",
}


def test_show_completion_prints_the_named_shells_script_whatever_shell_runs_it(run: Run) -> None:
    # One test for all shells: whichever shell runs the suite, the others prove the name is honoured.
    for shell, mark in SCRIPT_MARKS.items():
        result = run("--show-completion", shell)
        assert result.exit_code == EXIT_OK, (shell, result.output)
        assert mark in result.stdout, shell
        assert [other for other in SCRIPT_MARKS.values() if other in result.stdout] == [mark]


def test_install_completion_installs_for_the_named_shell(run: Run, tmp_path: Path) -> None:
    for shell, where in INSTALLED_AT.items():
        home = tmp_path / shell
        result = run("--install-completion", shell, env={"HOME": str(home)})
        assert result.exit_code == EXIT_OK, (shell, result.output)
        assert result.stdout.splitlines() == [
            f"{shell} completion installed in {home / where}",
            "Completion will take effect once you restart the terminal",
        ]
        assert SCRIPT_MARKS[shell] in (home / where).read_text(encoding="utf-8")


def test_a_completion_option_before_a_command_or_option_still_detects_the_shell(run: Run) -> None:
    assert run("--show-completion", "--help").exit_code == EXIT_OK  # --help is eager: help, not a script
    result = run("--show-completion", "list")  # a command is no shell: the running shell's script
    assert result.exit_code == EXIT_OK
    assert "botox-info" in result.stdout


def test_an_unknown_shell_is_a_usage_error_naming_the_shells(run: Run) -> None:
    result = run("--show-completion", "tcsh")
    assert result.exit_code == EXIT_USAGE
    assert "'tcsh' is not one of 'bash', 'zsh', 'fish', 'powershell', 'pwsh'." in " ".join(
        result.stderr.replace("│", " ").split()
    )


# ---- validate --format -----------------------------------------------------------------

BROKEN = "side_effects:\n  - id: bruising\n    mitigaton:\n      - {text: x, sources: [article]}\n"


def test_validate_json_lists_each_file_and_each_problem_with_its_place(run: Run, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(BROKEN, encoding="utf-8")
    missing = tmp_path / "missing.yaml"
    result = run("validate", CLINIC, str(broken), str(missing), "--format", "json")
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    assert json.loads(result.stdout) == {
        "format_version": 2,
        "files": [
            {"path": CLINIC, "ok": True, "side_effects": 2, "new": 1, "changed": 1},
            {"path": str(broken), "ok": False, "side_effects": None, "new": None, "changed": None},
            {"path": str(missing), "ok": False, "side_effects": None, "new": None, "changed": None},
        ],
        "problems": [
            {
                "file": str(broken),
                "line": 3,
                "column": 5,
                "field": "side_effects[0].mitigaton",
                "message": "unknown key (expected one of: id, name, origin, aliases, summary, causes, duration, "
                "urgency, mitigation, prevention, see_doctor_if, areas, onset, frequency)",
            },
            {
                "file": str(missing),
                "line": None,
                "column": None,
                "field": None,
                "message": "cannot read the file: No such file or directory",
            },
        ],
    }
    assert result.stderr.startswith("botox-info: error: the knowledge base cannot be used (2 problems):\n")


def test_validate_json_of_good_files_exits_0(run: Run) -> None:
    result = run("validate", CLINIC, "--format", "json")
    assert result.exit_code == EXIT_OK
    assert json.loads(result.stdout)["problems"] == []
    assert result.stderr == ""


def test_validate_markdown_is_a_table_of_files_and_one_of_problems(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a relative name: tmp_path's own underscores would be escaped
    broken = Path("broken.yaml")
    broken.write_text(BROKEN, encoding="utf-8")
    result = run("validate", CLINIC, str(broken), "-f", "markdown")
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    lines = result.stdout.splitlines()
    assert lines[:5] == [
        "# Knowledge-base files checked",
        "",
        "| File | Valid | Side effects | New | Changed |",
        "| --- | --- | --- | --- | --- |",
        f"| {CLINIC} | yes | 2 | 1 | 1 |",
    ]
    assert f"| {broken} | no |  |  |  |" in lines
    assert f"| {broken} | 3 | 5 | side\\_effects\\[0\\].mitigaton | unknown key (expected one of: id," in result.stdout


def test_validate_table_is_unchanged_ok_lines_and_problems_on_stderr(run: Run, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(BROKEN, encoding="utf-8")
    result = run("validate", CLINIC, str(broken), "--format", "table")
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    assert result.stdout == (
        f"ok: {CLINIC}: 2 side effects from this file (1 new, 1 changed); 24 in all, with 29 sources\n"
    )
    assert f"  {broken}:3:5: side_effects[0].mitigaton: unknown key" in result.stderr


@pytest.mark.parametrize("command", ["validate", "schema"])
def test_data_after_a_command_that_reads_no_layers_is_refused(run: Run, command: str) -> None:
    args = [command, CLINIC, "--data", CLINIC] if command == "validate" else [command, "--data", CLINIC]
    result = run(*args)
    assert result.exit_code == 2
    assert "No such option: --data" in result.stderr


def test_data_after_a_double_dash_is_a_word_not_an_option(run: Run) -> None:
    result = run("search", "tingling", "--", "-d", CLINIC)
    assert result.exit_code == 1  # the words searched include '-d' and the path: nothing mentions them all
    assert "nothing mentions all of" in result.stderr
