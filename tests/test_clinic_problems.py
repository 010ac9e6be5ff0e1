"""What `validate` says about a clinic's file: each problem once, as what it is, at the line that caused it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import Result

from botox_info.errors import EXIT_BAD_KNOWLEDGE_BASE
from botox_info.knowledge.schema import LAYER

from .helpers import FIXTURES, Run, line_column, write_file

CLINIC_TEXT = (FIXTURES / "clinic.yaml").read_text(encoding="utf-8")
ONE_PROBLEM = "botox-info: error: the knowledge base cannot be used (1 problem):\n"
LAYER_KEYS = ", ".join(LAYER.optional)  # a clinic's file needs none of them and may have any


def validate(run: Run, tmp_path: Path, text: str) -> tuple[Path, Result]:
    path = write_file(tmp_path, text)
    result = run("validate", str(path))
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    assert result.stdout == ""
    return path, result


# ---- item 9: an id twice in one file ----------------------------------------------------------


def test_an_id_twice_in_a_clinic_file_is_one_duplicate_id(run: Run, tmp_path: Path) -> None:
    """Not the second entry read as a new one missing every required field."""
    text = "side_effects:\n  - id: bruising\n    summary: One.\n  - id: bruising\n    summary: Two.\n"
    path, result = validate(run, tmp_path, text)
    assert result.stderr == (
        f"{ONE_PROBLEM}  {path}:4:9: side_effects[1].id: "
        "duplicate side-effect id 'bruising': already used by side_effects[0] in this file\n"
    )


def test_a_whole_entry_twice_is_one_duplicate_id_not_three_clashes_of_names(run: Run, tmp_path: Path) -> None:
    entry = CLINIC_TEXT[CLINIC_TEXT.index("  - id: tingling\n") :]
    text = CLINIC_TEXT + entry  # the same id, name and alias again
    path, result = validate(run, tmp_path, text)
    second = text.rindex("- id: tingling") + len("- id: ")
    line = text.count("\n", 0, second) + 1
    column = second - text.rfind("\n", 0, second)
    assert result.stderr == (
        f"{ONE_PROBLEM}  {path}:{line}:{column}: side_effects[2].id: "
        "duplicate side-effect id 'tingling': already used by side_effects[1] in this file\n"
    )


def test_a_source_id_twice_in_a_clinic_file(run: Run, tmp_path: Path) -> None:
    text = CLINIC_TEXT.replace(
        "sources:\n", "sources:\n  - id: our-clinic\n    title: Old leaflet\n    publisher: Example Skin Clinic\n", 1
    )
    path, result = validate(run, tmp_path, text)
    second = line_column(text, "  - id: our-clinic\n    title: Aftercare", "our-clinic")
    assert result.stderr == (
        f"{ONE_PROBLEM}  {path}:{second}: sources[1].id: "
        "duplicate source id 'our-clinic': already used by sources[0] in this file\n"
    )


# ---- item 10: a clash is the fault of the file that made it ----------------------------------------


@pytest.mark.parametrize(
    ("change", "field", "word"),
    [
        ("aliases: [bruise]", "side_effects[0].aliases[0]", "bruise"),
        ("name: Bruise", "side_effects[0].name", "Bruise"),
    ],
)
def test_a_clash_made_by_changing_a_built_in_entry_is_blamed_on_the_clinic_file(
    run: Run, tmp_path: Path, change: str, field: str, word: str
) -> None:
    """'pain' comes before 'bruising' in the built-in file: giving 'pain' the word 'bruise' is the clinic's doing."""
    text = f"side_effects:\n  - id: pain\n    {change}\n"
    path, result = validate(run, tmp_path, text)
    assert result.stderr == (
        f"{ONE_PROBLEM}  {path}:{line_column(text, change, word)}: {field}: "
        f"duplicate side-effect name or alias '{word}': already used by 'bruising'\n"
    )


# ---- item 14: a top level that is not a mapping ----------------------------------------------------


@pytest.mark.parametrize(("text", "found"), [("- a\n- b\n", "a list"), ("just words\n", "the text 'just words'")])
def test_a_top_level_that_is_not_a_mapping_names_the_keys_expected(
    run: Run, tmp_path: Path, text: str, found: str
) -> None:
    path, result = validate(run, tmp_path, text)
    assert result.stderr == (
        f"{ONE_PROBLEM}  {path}:1:1: (top level): expected a mapping with any of the keys {LAYER_KEYS}, found {found}\n"
    )


# ---- the five checks of a rule (references._check_rules) -------------------------------------------

RULE = (
    "rules:\n"
    "  - id: our-rule\n"
    "    situation: {situation}\n"
    "    verdict: {verdict}\n"
    "{extra}"
    "    text: Ask us first.\n"
    "    sources: [article]\n"
)
RULE_CASES = [
    (
        "unknown-situation",
        {"situation": "pregnant-or-breastfeding", "verdict": "talk to a doctor first", "extra": ""},
        "pregnant-or-breastfeding",
        "rules[0].situation",
        "unknown situation 'pregnant-or-breastfeding'; did you mean 'pregnant-or-breastfeeding'?",
    ),
    (
        "unknown-side-effect",
        {"situation": "blood-thinners", "verdict": "more likely", "extra": "    side_effects: [bruisng]\n"},
        "bruisng",
        "rules[0].side_effects[0]",
        "unknown side effect 'bruisng'; did you mean 'bruising'?",
    ),
    (
        "limit-on-a-yes-or-no",
        {"situation": "blood-thinners", "verdict": "talk to a doctor first", "extra": "    below: 18\n"},
        "18",
        "rules[0].below",
        "'blood-thinners' is answered yes or no, not a number",
    ),
    (
        "number-without-a-limit",
        {"situation": "age", "verdict": "talk to a doctor first", "extra": ""},
        "- id: our-rule",
        "rules[0]",
        "a rule on a number needs 'below' or 'at_least'",
    ),
    (
        "more-likely-without-side-effects",
        {"situation": "blood-thinners", "verdict": "more likely", "extra": ""},
        "- id: our-rule",
        "rules[0]",
        "a 'more likely' rule must name its side_effects",
    ),
]


@pytest.mark.parametrize(
    ("fields", "target", "field", "message"), [c[1:] for c in RULE_CASES], ids=[c[0] for c in RULE_CASES]
)
def test_each_rule_check_names_the_clinic_files_line(
    run: Run, tmp_path: Path, fields: dict[str, str], target: str, field: str, message: str
) -> None:
    text = RULE.format(**fields)
    path, result = validate(run, tmp_path, text)
    # A problem with the whole rule points at its first key; the others at their value.
    where = line_column(text, "id: our-rule", "id") if target == "- id: our-rule" else line_column(text, target, target)
    assert result.stderr == f"{ONE_PROBLEM}  {path}:{where}: {field}: {message}\n"


def test_every_list_merged_by_id_is_checked_for_duplicate_ids() -> None:
    from botox_info.knowledge.consistency import ID_LISTS
    from botox_info.knowledge.layers import KEYED_LISTS

    assert set(ID_LISTS) == set(KEYED_LISTS)
