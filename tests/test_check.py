"""`botox-info check`: the rules in the knowledge base give the expected answers for a table of situations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from botox_info import knowledge
from botox_info.answers.assessment import Answers, assess
from botox_info.errors import EXIT_OK, EXIT_USAGE

from .helpers import BUILTIN, Run, write_file

EVERY_SITUATION = frozenset(s.id for s in BUILTIN.situations if s.number is None)


def check_json(run: Run, *args: str) -> dict[str, Any]:
    result = run("check", *args, "--format", "json")
    assert result.exit_code == EXIT_OK, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


# ---- the rules, as data ------------------------------------------------------------------


@pytest.mark.parametrize("rule", BUILTIN.rules, ids=[rule.id for rule in BUILTIN.rules])
def test_every_rule_cites_sources_that_exist(rule: knowledge.Rule) -> None:
    assert rule.sources
    assert set(rule.sources) <= set(BUILTIN.sources)
    assert rule.text.strip()


def test_every_yes_no_situation_has_a_rule() -> None:
    ruled = {rule.situation for rule in BUILTIN.rules}
    assert {s.id for s in BUILTIN.situations} <= ruled


@pytest.mark.parametrize(
    ("answers", "stop_ids", "likely_ids"),
    [
        (Answers(), [], []),
        (Answers(situations=frozenset({"allergy-to-toxin"})), ["allergy-to-toxin-not-treated"], []),
        (Answers(situations=frozenset({"blood-thinners"})), [], ["bruising"]),
        (Answers(situations=frozenset({"blood-thinners", "alcohol-or-supplements"})), [], ["bruising"]),
        (Answers(situations=frozenset({"thin-or-loose-skin"})), [], ["sagging"]),
        (Answers(numbers=(("age", 16),)), ["under-18"], []),
        (Answers(numbers=(("age", 18),)), [], []),
        (Answers(numbers=(("age", 62),)), [], []),
    ],
    ids=["nothing", "allergy", "thinners", "thinners+alcohol", "thin-skin", "age-16", "age-18", "age-62"],
)
def test_situations_give_the_expected_answer(answers: Answers, stop_ids: list[str], likely_ids: list[str]) -> None:
    result = assess(BUILTIN, answers)
    assert [rule.id for rule in result.stop_signs] == stop_ids
    assert [likely.entry.id for likely in result.more_likely] == likely_ids


def test_everything_at_once_puts_do_not_first_and_misses_nothing() -> None:
    result = assess(BUILTIN, Answers(("forehead", "jaw"), (("age", 16),), EVERY_SITUATION))
    verdicts = [rule.verdict for rule in result.stop_signs]
    assert verdicts[0] == "do not be treated"
    assert verdicts == sorted(verdicts, key=["do not be treated", "talk to a doctor first"].index)
    applying = {rule.id for rule in BUILTIN.rules if rule.verdict != "more likely"}
    assert {rule.id for rule in result.stop_signs} == applying
    bruising = next(likely for likely in result.more_likely if likely.entry.id == "bruising")
    assert len(bruising.reasons) == 2
    assert result.more_likely[0].entry.id == "bruising"  # the most reasons first


def test_two_reasons_for_bruising_each_name_why() -> None:
    result = assess(BUILTIN, Answers(situations=frozenset({"blood-thinners", "alcohol-or-supplements"})))
    texts = " ".join(rule.text for rule in result.more_likely[0].reasons).lower()
    assert "blood thinner" in texts
    assert "alcohol" in texts


# ---- through the command ----------------------------------------------------------------


def test_stop_signs_come_first_with_why(run: Run) -> None:
    stdout = run("check", "--allergic", "--blood-thinners", env={"COLUMNS": "100"}).stdout
    lines = stdout.splitlines()
    stop = lines.index("Stop signs: do not be treated, or talk to a doctor first")
    likely = lines.index("More likely for you: Bumps, swelling and bruising")
    assert stop < likely
    assert lines[stop + 1].startswith(" • Do not be treated: ")


def test_the_issue_example(run: Run) -> None:
    data = check_json(run, "--area", "forehead", "--area", "jaw", "--blood-thinners", "--age", "62")
    assert data["answers"] == {
        "areas": ["forehead", "jaw"],
        "age": 62,
        "numbers": {"age": 62},
        "situations": ["blood-thinners"],
    }
    assert data["stop_signs"] == []
    assert [item["id"] for item in data["more_likely"]] == ["bruising"]
    assert data["more_likely"][0]["prevention"]
    assert data["by_area"]["jaw"][0]["id"] == "weak-bite"
    assert data["by_area"]["jaw"][0]["figure"]["percent"] == 30
    assert {"drooping-brow", "headache"} <= {item["id"] for item in data["by_area"]["forehead"]}
    assert data["questions"]


@pytest.mark.parametrize(
    ("area", "expected"),
    [("masseter", {"weak-bite", "paradoxical-bulging"}), ("11s", {"drooping-eyelid"}), ("forehead", {"headache"})],
)
def test_area_risks_name_the_particular_side_effects(run: Run, area: str, expected: set[str]) -> None:
    data = check_json(run, "--area", area)
    found = next(iter(data["by_area"].values()))
    assert expected <= {item["id"] for item in found}
    assert "bruising" not in {item["id"] for item in found}  # a side effect of every area is not particular


def test_nothing_given_and_not_a_terminal_never_waits(run: Run) -> None:
    result = run("check")  # CliRunner's stdin is not a terminal and holds no input
    assert result.exit_code == EXIT_OK
    assert "You told botox-info nothing about yourself" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--age", "400"], "--age 400 is not possible: give a whole number from 0 to 120 (years)."),
        (["--age", "-3"], "--age -3 is not possible: give a whole number from 0 to 120 (years)."),
        (["--area", "nose"], "no treatment area matches 'nose'. Choose one of: forehead, frown-lines"),
        (["--has", "nope"], "no situation is called 'nope'. Choose one of: "),
    ],
)
def test_invalid_values_are_usage_errors_naming_the_choices(run: Run, args: list[str], message: str) -> None:
    result = run("check", *args)
    assert result.exit_code == EXIT_USAGE
    assert message in result.stderr


def test_age_that_is_not_a_number(run: Run) -> None:
    result = run("check", "--age", "old")
    assert result.exit_code == EXIT_USAGE
    assert "'old' is not a valid int" in " ".join(result.stderr.replace("│", " ").split())


def test_interactive_answers(run: Run) -> None:
    questions = [s for s in BUILTIN.situations if s.number is None]
    replies = ["forehead, jaw", "62"] + ["y" if s.id == "blood-thinners" else "n" for s in questions]
    result = run("check", "--interactive", input="\n".join(replies) + "\n")
    assert result.exit_code == EXIT_OK, result.output
    assert "You told botox-info: Forehead lines; Jaw (masseter, TMJ; off-label); age 62; blood thinners." in (
        " ".join(result.stdout.split())
    )
    assert "More likely for you: Bumps, swelling and bruising" in result.stdout


def test_interactive_asks_again_after_a_bad_answer(run: Run) -> None:
    questions = [s for s in BUILTIN.situations if s.number is None]
    replies = ["nose", "jaw", "400", "", *(["n"] * len(questions))]
    result = run("check", "--interactive", input="\n".join(replies) + "\n")
    assert result.exit_code == EXIT_OK, result.output
    assert "no treatment area matches 'nose'" in result.output
    assert "Please give a whole number from 0 to 120 (years), or press Enter to skip." in result.output
    assert "age" not in result.stdout.split("You told botox-info:", 1)[1].split(".", 1)[0]


# ---- shortcut options come from the knowledge base's situations --------------------------

CLINIC_SITUATION = """\
situations:
  - id: weight
    question: "How much do you weigh?"
    number: {low: 30, high: 300, unit: kg}
    flag: {name: weight-kg, help: "Your weight in kilograms."}
  - id: smoker
    question: "Do you smoke?"
    flag: {name: smoker, help: "You smoke."}
rules:
  - id: heavy-talk-first
    situation: weight
    verdict: talk to a doctor first
    at_least: 150
    text: "Test rule: a weight of 150 kg or more."
    sources: [article]
  - id: smoker-talk-first
    situation: smoker
    verdict: talk to a doctor first
    text: "Test rule: smoking."
    sources: [article]
"""


@pytest.mark.parametrize("where", ["before", "after", "after as --data=FILE", "after as -dFILE"])
def test_a_clinic_s_own_numeric_situation_gets_its_option_and_its_rule_applies(
    run: Run, tmp_path: Path, where: str
) -> None:
    clinic = write_file(tmp_path, CLINIC_SITUATION)
    data = ["-d", str(clinic)]
    after = {"after": data, "after as --data=FILE": [f"--data={clinic}"], "after as -dFILE": [f"-d{clinic}"]}
    args = (
        [*data, "check", "--weight-kg", "160", "--smoker"]
        if where == "before"
        else ["check", "--weight-kg", "160", "--smoker", *after[where]]
    )
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert "Talk to a doctor first: Test rule: a weight of 150 kg or more." in result.stdout
    assert "Talk to a doctor first: Test rule: smoking." in result.stdout
    light = run(*data, "check", "--weight-kg", "80")
    assert "Test rule: a weight" not in light.stdout
    too_light = run(*data, "check", "--weight-kg", "10")
    assert too_light.exit_code == 2
    assert too_light.stderr == (
        "botox-info: error: --weight-kg 10 is not possible: give a whole number from 30 to 300 (kg).\n"
    )
    assert "--weight-kg" in run(*data, "check", "--help", env={"COLUMNS": "120"}).stdout


def test_without_the_clinic_file_its_option_does_not_exist(run: Run) -> None:
    result = run("check", "--weight-kg", "160")
    assert result.exit_code == 2
    assert "No such option: --weight-kg" in result.stderr


def test_a_data_option_after_a_double_dash_adds_no_clinic_options(run: Run, tmp_path: Path) -> None:
    """After '--' the words are no options: the file is not read, so its situation has no option."""
    clinic = write_file(tmp_path, CLINIC_SITUATION)
    result = run("check", "--weight-kg", "160", "--", "-d", str(clinic))
    assert result.exit_code == 2
    assert "No such option: --weight-kg" in result.stderr


@pytest.mark.parametrize(
    ("flag", "message"),
    [
        ("area", "--area is already one of check's own options; choose another name"),
        ("pregnant", "duplicate flag --pregnant: already used by 'pregnant-or-breastfeeding'"),
    ],
)
def test_a_situation_flag_must_be_free(run: Run, tmp_path: Path, flag: str, message: str) -> None:
    clinic = write_file(
        tmp_path,
        f'situations:\n  - id: smoker\n    question: "Do you smoke?"\n    flag: {{name: {flag}, help: "You smoke."}}\n',
    )
    result = run("validate", str(clinic))
    assert result.exit_code == 3
    assert f".flag.name: {message}" in result.stderr
