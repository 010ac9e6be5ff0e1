"""`botox-info check`: the rules in the knowledge base give the expected answers for a table of situations."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from typer.testing import Result

from botox_info import knowledge
from botox_info.check import Answers, assess
from botox_info.errors import EXIT_OK, EXIT_USAGE

Run = Callable[..., Result]
BUILTIN = knowledge.load()
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
        (Answers(age=16), ["under-18"], []),
        (Answers(age=18), [], []),
        (Answers(age=62), [], []),
    ],
    ids=["nothing", "allergy", "thinners", "thinners+alcohol", "thin-skin", "age-16", "age-18", "age-62"],
)
def test_situations_give_the_expected_answer(answers: Answers, stop_ids: list[str], likely_ids: list[str]) -> None:
    result = assess(BUILTIN, answers)
    assert [rule.id for rule in result.stop_signs] == stop_ids
    assert [likely.entry.id for likely in result.more_likely] == likely_ids


def test_everything_at_once_puts_do_not_first_and_misses_nothing() -> None:
    result = assess(BUILTIN, Answers(("forehead", "jaw"), 16, EVERY_SITUATION))
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
    assert data["answers"] == {"areas": ["forehead", "jaw"], "age": 62, "situations": ["blood-thinners"]}
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
    result = CliInput(run).answer(replies)
    assert result.exit_code == EXIT_OK, result.output
    assert "You told botox-info: Forehead lines; Jaw (masseter, TMJ; off-label); age 62; blood thinners." in (
        " ".join(result.stdout.split())
    )
    assert "More likely for you: Bumps, swelling and bruising" in result.stdout


def test_interactive_asks_again_after_a_bad_answer(run: Run) -> None:
    questions = [s for s in BUILTIN.situations if s.number is None]
    replies = ["nose", "jaw", "400", "", *(["n"] * len(questions))]
    result = CliInput(run).answer(replies)
    assert result.exit_code == EXIT_OK, result.output
    assert "no treatment area matches 'nose'" in result.output
    assert "Please give a whole number from 0 to 120 (years), or press Enter to skip." in result.output
    assert "age" not in result.stdout.split("You told botox-info:", 1)[1].split(".", 1)[0]


class CliInput:
    def __init__(self, run: Run) -> None:
        self.run = run

    def answer(self, replies: list[str]) -> Result:
        from typer.testing import CliRunner

        from botox_info.cli import app

        from .conftest import PLAIN_ENV

        runner = CliRunner()
        return runner.invoke(app, ["check", "--interactive"], input="\n".join(replies) + "\n", env=PLAIN_ENV)
