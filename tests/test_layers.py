"""A clinic's own knowledge base on top of the built-in one: --data, $BOTOX_INFO_DATA, the user's file.

Also `paths`, `validate`, and every broken or hostile file a clinic could write.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from botox_info.errors import EXIT_BAD_KNOWLEDGE_BASE, EXIT_NOT_FOUND, EXIT_OK, EXIT_USAGE

from .helpers import BUILTIN, CLINIC, FIXTURES, Run, json_document, line_column, write_file

CLINIC_TEXT = CLINIC.read_text(encoding="utf-8")


# ---- layering ------------------------------------------------------------------


def test_a_clinic_file_overrides_one_field_and_keeps_the_rest(run: Run) -> None:
    data = json_document(run("--data", str(CLINIC), "show", "bruising", "--format", "json"))
    builtin = BUILTIN.find("bruising")
    assert [item["text"] for item in data["mitigation"]] == [
        "Call our aftercare line if a bruise worries you.",
        "Hold a cold pack on the spot straight after the injections.",
    ]
    assert data["summary"] == builtin.summary
    assert [item["text"] for item in data["causes"]] == [s.text for s in builtin.causes]
    assert data["file"] == str(CLINIC)
    assert "our-clinic" in [source["id"] for source in data["sources"]]


def test_a_clinic_file_adds_an_entry_found_by_its_words(run: Run) -> None:
    data = json_document(run("-d", str(CLINIC), "show", "pins", "and", "needles", "--format", "json"))
    assert data["id"] == "tingling"
    ids = [
        entry["id"] for entry in json.loads(run("-d", str(CLINIC), "list", "--format", "json").stdout)["side_effects"]
    ]
    assert ids == [*(entry.id for entry in BUILTIN.side_effects), "tingling"]


def test_list_marks_the_entries_a_clinic_file_wrote(run: Run) -> None:
    stdout = run("--data", str(CLINIC), "list", env={"COLUMNS": "100"}).stdout
    assert stdout.count("from clinic.yaml") == 2  # bruising changed, tingling added
    assert "from article" in stdout


def test_later_files_win(run: Run, tmp_path: Path) -> None:
    later = write_file(tmp_path, "side_effects:\n  - id: bruising\n    summary: Our own summary.\n", "later.yaml")
    data = json_document(run("-d", str(CLINIC), "-d", str(later), "show", "bruising", "--format", "json"))
    assert data["summary"] == "Our own summary."
    assert data["mitigation"][0]["text"] == "Call our aftercare line if a bruise worries you."
    assert data["file"] == str(later)


def test_the_environment_variable_and_the_users_own_file_are_layers(run: Run, tmp_path: Path) -> None:
    own = tmp_path / "config" / "botox-info" / "side_effects.yaml"
    own.parent.mkdir(parents=True)
    own.write_text("side_effects:\n  - id: headache\n    summary: From my own file.\n", encoding="utf-8")
    env = {"BOTOX_INFO_DATA": str(CLINIC)}
    assert json_document(run("show", "headache", "--format", "json", env=env))["summary"] == "From my own file."
    assert json_document(run("show", "tingling", "--format", "json", env=env))["id"] == "tingling"


def test_replace_true_starts_afresh(run: Run, tmp_path: Path) -> None:
    minimal = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    path = write_file(tmp_path, "replace: true\n" + minimal)
    ids = [entry["id"] for entry in json.loads(run("-d", str(path), "list", "--format", "json").stdout)["side_effects"]]
    assert ids == ["sagging"]
    assert "Test data only, not medical advice." in run("-d", str(path), "urgent").stdout


def test_a_replacing_file_must_be_complete(run: Run, tmp_path: Path) -> None:
    path = write_file(tmp_path, "replace: true\ndisclaimer: Ours.\n")
    result = run("validate", str(path))
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    assert f"  {path}:1:1: (top level): missing required key 'sources' (a non-empty list)" in result.stderr


def test_a_missing_data_file_is_an_error_not_skipped(run: Run, tmp_path: Path) -> None:
    result = run("--data", str(tmp_path / "nope.yaml"), "list")
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    assert f"{tmp_path / 'nope.yaml'}: cannot read the file: No such file or directory" in result.stderr


def test_paths_lists_the_layers_in_order(run: Run, tmp_path: Path) -> None:
    result = run("--data", str(CLINIC), "paths", "--format", "json", env={"BOTOX_INFO_DATA": str(CLINIC)})
    document = json.loads(result.stdout)
    assert document["format_version"] == 2
    rows = document["files"]
    assert [row["source"] for row in rows] == ["built-in", "your own file", "$BOTOX_INFO_DATA", "--data"]
    assert rows[1]["path"] == str(tmp_path / "config" / "botox-info" / "side_effects.yaml")
    assert [row["read"] for row in rows] == [True, False, True, True]
    table = run("--data", str(CLINIC), "paths").stdout
    assert f"3. --data: {CLINIC} (read)" in table
    assert "(not present, skipped)" in table
    missing = run("--data", str(tmp_path / "gone.yaml"), "paths").stdout
    flat = " ".join(missing.split())
    assert f"3. --data: {tmp_path / 'gone.yaml'} (MISSING: every command stops with an error until it exists)" in flat


# ---- validate -------------------------------------------------------------------


def test_validate_a_good_clinic_file(run: Run) -> None:
    result = run("validate", str(CLINIC))
    assert result.exit_code == EXIT_OK
    total = len(BUILTIN.side_effects) + 1
    sources = len(BUILTIN.sources) + 1
    assert result.stdout == (
        f"ok: {CLINIC}: 2 side effects from this file (1 new, 1 changed); {total} in all, with {sources} sources\n"
    )


def test_validate_reports_every_problem_with_file_line_column_and_field(run: Run, tmp_path: Path) -> None:
    text = CLINIC_TEXT.replace("  - id: tingling\n    name: Tingling\n", "  - id: tingling\n    nmae: Tingling\n")
    path = write_file(tmp_path, text)
    result = run("validate", str(path), str(CLINIC))
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    assert result.stdout.startswith(f"ok: {CLINIC}:")  # the good file is still reported
    assert f"  {path}:{line_column(text, 'nmae')}: side_effects[1].nmae: unknown key (expected one of: id, name," in (
        result.stderr
    )


def test_an_incomplete_new_entry_is_reported_in_the_clinic_file(run: Run, tmp_path: Path) -> None:
    text = "side_effects:\n  - id: numbness\n    name: Numbness\n"
    path = write_file(tmp_path, text)
    result = run("validate", str(path))
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    assert f"  {path}:2:5: side_effects[0]: missing required key 'summary' (a non-empty string)" in result.stderr


def test_a_clinic_may_cite_the_built_in_sources_but_not_unknown_ones(run: Run, tmp_path: Path) -> None:
    text = "side_effects:\n  - id: pain\n    mitigation:\n      - text: Ice helps.\n        sources: [article, nhs-x]\n"
    path = write_file(tmp_path, text)
    result = run("validate", str(path))
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    where = line_column(text, "nhs-x")
    assert f"{path}:{where}: side_effects[0].mitigation[0].sources[1]: unknown source 'nhs-x'; " in result.stderr
    assert "did you mean 'nhs'?" in result.stderr
    assert "(1 problem)" in result.stderr  # the built-in 'article' is a known source


def test_an_unknown_area_in_a_clinic_entry_names_its_line(run: Run, tmp_path: Path) -> None:
    text = CLINIC_TEXT.replace("    areas: [forehead]", "    areas: [nose]")
    path = write_file(tmp_path, text)
    result = run("validate", str(path))
    assert f"{path}:{line_column(text, 'nose')}: side_effects[1].areas[0]: unknown area 'nose'" in result.stderr


def test_an_alias_that_clashes_with_a_built_in_entry_is_reported(run: Run, tmp_path: Path) -> None:
    path = write_file(tmp_path, CLINIC_TEXT.replace("aliases: [pins and needles]", "aliases: [Bruise]"))
    result = run("validate", str(path))
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    assert "duplicate side-effect name or alias 'Bruise': already used by 'bruising'" in result.stderr


def test_a_broken_clinic_file_stops_every_command_with_exit_3(run: Run, tmp_path: Path) -> None:
    path = write_file(tmp_path, "side_effects: [\n")
    result = run("--data", str(path), "show", "sagging")
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    assert result.stdout == ""
    assert f"  {path}:2:1: invalid YAML:" in result.stderr


# ---- hostile and broken files: one clear line each, never a traceback ------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"# nothing but a comment\n", "the file has no content, only comments or blank lines"),
        (b"- a\n- b\n", "(top level): expected a mapping"),
        (b"summary: caf\xe9\n", "not UTF-8 text"),
        (b"a: &x [1]\nb: *x\n", "anchors and aliases (&name, *name) are not allowed"),
        (b"x: !!python/object:os.system echo\n", "could not determine a constructor"),
        (b"side_effects: 3\n", "side_effects: expected a non-empty list, found the number 3"),
    ],
    ids=["empty", "comments", "list", "latin-1", "alias", "python-tag", "wrong-type"],
)
def test_a_broken_file_gets_one_clear_error(run: Run, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "clinic.yaml"
    path.write_bytes(content)
    result = run("--data", str(path), "list")
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert str(path) in result.stderr


def test_billion_laughs_is_refused(run: Run, tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 10)]
    path = write_file(tmp_path, "\n".join(lines) + "\n")
    result = run("validate", str(path))
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    assert "anchors and aliases (&name, *name) are not allowed" in result.stderr


def test_a_huge_file_is_refused_before_parsing(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"# padding\n" * 600_000)
    result = run("--data", str(path), "list")
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    assert result.stderr == (
        "botox-info: error: the knowledge base cannot be used (1 problem):\n"
        f"  {path}: too large for a knowledge-base file (over 5 MB)\n"
    )


@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_a_file_that_cannot_be_read(run: Run, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "clinic.yaml"
    if kind == "directory":
        path.mkdir()
    result = run("--data", str(path), "list")
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    expected = "is a directory, not a knowledge-base file" if kind == "directory" else "No such file or directory"
    assert f"  {path}: " in result.stderr
    assert expected in result.stderr


def test_hostile_text_in_a_clinic_file_prints_literally(run: Run, tmp_path: Path) -> None:
    text = 'side_effects:\n  - id: pain\n    summary: "[red]x[/red] :warning: \\e[2J\\e]0;pwned\\a done"\n'
    path = write_file(tmp_path, text)
    for output_format in ("table", "json", "markdown"):
        result = run("--data", str(path), "show", "pain", "--format", output_format, env={"FORCE_COLOR": "1"})
        assert result.exit_code == EXIT_OK
        assert "[2J" in result.stdout or "\\[2J" in result.stdout  # the escape is gone, its letters stay visible
        assert "\x1b[2J" not in result.stdout
        assert "\x07" not in result.stdout
        assert "pwned" in result.stdout


# ---- list's other filters ------------------------------------------------------------


def test_list_by_how_long_it_lasts(run: Run) -> None:
    short = json.loads(run("list", "--max-duration", "1 week", "--format", "json").stdout)["side_effects"]
    assert all(BUILTIN.find(e["id"]).duration.high_hours <= 7 * 24 for e in short)
    assert {"pain", "headache"} <= {e["id"] for e in short}
    long = json.loads(run("list", "--min-duration", "3mo", "--format", "json").stdout)["side_effects"]
    assert all(BUILTIN.find(e["id"]).duration.high_hours >= 90 * 24 for e in long)
    assert "toxin-spread" in {e["id"] for e in long}


def test_list_by_origin(run: Run) -> None:
    ids = [e["id"] for e in json.loads(run("list", "--origin", "reference", "--format", "json").stdout)["side_effects"]]
    assert ids == [entry.id for entry in BUILTIN.side_effects if entry.origin == "reference"]


def test_a_bad_duration_is_a_usage_error(run: Run) -> None:
    result = run("list", "--max-duration", "soon")
    assert result.exit_code == EXIT_USAGE
    assert result.stderr.startswith("botox-info: error: 'soon' is not a duration. Write a number and a unit:")


def test_filters_can_leave_nothing(run: Run) -> None:
    assert run("list", "--max-duration", "1min").exit_code == EXIT_NOT_FOUND


def test_a_duration_of_exactly_one_unit_is_singular(run: Run, tmp_path: Path) -> None:
    path = write_file(
        tmp_path,
        "side_effects:\n  - id: bruising\n"
        "    duration: {text: about a day, low: 1, high: 1, unit: days, sources: [article]}\n",
    )
    rows = run("-d", str(path), "list", "--format", "markdown").stdout.splitlines()
    assert "| 1 day |" in next(row for row in rows if row.startswith("| Bumps, swelling and bruising |"))


def test_a_relative_config_folder_is_not_trusted(run: Run, tmp_path: Path) -> None:
    """$XDG_CONFIG_HOME=cfg names a folder of wherever the command runs, which someone else may own."""
    home_config = {"XDG_CONFIG_HOME": "cfg", "APPDATA": None, "HOME": str(tmp_path)}
    files = json_document(run("paths", "--format", "json", env=home_config))["files"]
    assert [(f["source"], f["path"]) for f in files] == [
        ("built-in", files[0]["path"]),
        ("your own file", str(tmp_path / ".config" / "botox-info" / "side_effects.yaml")),
    ]
    nowhere = {"XDG_CONFIG_HOME": "cfg", "APPDATA": None, "HOME": "home"}
    assert [f["source"] for f in json_document(run("paths", "--format", "json", env=nowhere))["files"]] == ["built-in"]
