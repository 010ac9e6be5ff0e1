"""Behaviour no other test pinned down: emergency styling, check's shortcut flags,
duration filters at their boundary, and help text for every command of the app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from botox_info.cli import app
from botox_info.errors import EXIT_OK

from .helpers import BUILTIN, Run

COLOUR = {"NO_COLOR": None, "FORCE_COLOR": "1", "COLUMNS": "80"}
BOLD, BOLD_RED, BOLD_RED_UNDERLINED, RESET = "\x1b[1m", "\x1b[1;31m", "\x1b[1;4;31m", "\x1b[0m"


# ---- emergency styling -----------------------------------------------------------------


def test_show_draws_see_a_doctor_in_bold_red_for_a_get_help_now_entry(run: Run) -> None:
    entry = BUILTIN.find("toxin-spread")
    assert entry.urgency == "get help now"
    stdout = run("show", entry.id, env=COLOUR).stdout
    assert f"\n{BOLD_RED}See a doctor if{RESET}\n" in stdout
    first_words = entry.see_doctor_if[0].text.split(",")[0]
    assert f" • {BOLD}{first_words}" in stdout  # the items themselves in bold
    assert stdout.startswith(f"{BOLD_RED_UNDERLINED}{entry.name}{RESET}\n")  # an emergency's title


def test_show_draws_see_a_doctor_plainly_bold_for_other_entries(run: Run) -> None:
    entry = BUILTIN.find("sagging")
    stdout = run("show", entry.id, env=COLOUR).stdout
    assert f"\n{BOLD}See a doctor if{RESET}\n" in stdout
    assert f" • {entry.see_doctor_if[0].text[:40]}" in stdout  # not bold
    assert BOLD_RED not in stdout.split("See a doctor if", 1)[0]


def test_show_markdown_puts_a_get_help_now_entrys_warnings_in_bold(run: Run) -> None:
    urgent = run("show", "toxin-spread", "--format", "markdown").stdout
    section = urgent.split("## See a doctor if\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert section
    assert all(line.startswith("- **") and line.endswith("**") for line in section)
    calm = run("show", "sagging", "--format", "markdown").stdout
    section = calm.split("## See a doctor if\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert section
    assert not any(line.startswith("- **") for line in section)


def test_urgent_has_an_emergency_title(run: Run) -> None:
    stdout = run("urgent", env=COLOUR).stdout
    assert stdout.startswith(f"{BOLD_RED_UNDERLINED}When it is an emergency{RESET}\n")
    assert run("urgent", "--format", "markdown").stdout.startswith("# When it is an emergency\n")


# ---- check's shortcut flags, end to end ------------------------------------------------

# Each flag and the rule it must bring up (its situation's first rule in the knowledge base).
SHORTCUT_RULES = {
    "--pregnant": "pregnant-or-breastfeeding-not-treated",
    "--infection": "infection-at-site-not-treated",
    "--neuromuscular": "neuromuscular-disease-talk-first",
    "--recent-toxin": "recent-toxin-talk-first",
    "--allergic": "allergy-to-toxin-not-treated",
    "--blood-thinners": "blood-thinners-bruising",
}
RULE_TEXT = {rule.id: rule.text for rule in BUILTIN.rules}


@pytest.mark.parametrize(("flag", "rule_id"), SHORTCUT_RULES.items())
def test_each_shortcut_flag_shows_its_own_rule(run: Run, flag: str, rule_id: str) -> None:
    result = run("check", flag)
    assert result.exit_code == EXIT_OK, result.stderr
    flat = " ".join(result.stdout.split())
    assert RULE_TEXT[rule_id] in flat
    for other in SHORTCUT_RULES.values():
        if other != rule_id:
            assert RULE_TEXT[other] not in flat, f"{flag} also shows {other}"


# ---- duration filters at the boundary --------------------------------------------------


def test_an_entry_lasting_exactly_two_weeks_is_kept_by_max_and_min_two_weeks(run: Run, tmp_path: Path) -> None:
    clinic = tmp_path / "two-weeks.yaml"
    clinic.write_text(
        "side_effects:\n  - id: bruising\n    duration:\n"
        "      {text: Two weeks., low: 1, high: 14, unit: days, sources: [article]}\n",
        encoding="utf-8",
    )
    for option in ("--max-duration", "--min-duration"):
        for spelling in ("2w", "2 weeks", "14d", "336h"):
            result = run("-d", str(clinic), "list", option, spelling, "--format", "json")
            assert result.exit_code == EXIT_OK, result.stderr
            ids = [entry["id"] for entry in json.loads(result.stdout)["side_effects"]]
            assert "bruising" in ids, (option, spelling)


# ---- help --------------------------------------------------------------------------------


def _every_command() -> list[str]:
    """Every command of the app, from Typer's own list (what `--help` lists), not a hand-written one."""
    import typer.core
    import typer.main

    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    return sorted(group.commands)


def test_the_app_lists_every_registered_command() -> None:
    assert len(_every_command()) == len(app.registered_commands) >= 13


@pytest.mark.parametrize("name", _every_command())
def test_every_command_of_the_app_has_help_text(run: Run, name: str) -> None:
    command = next(info for info in app.registered_commands if info.name == name)
    assert command.callback is not None
    summary = (command.callback.__doc__ or "").strip().splitlines()[0] if command.callback.__doc__ else ""
    assert summary, f"{name} has no help text"
    result = run(name, "--help", env={"COLUMNS": "200"})
    assert result.exit_code == EXIT_OK
    assert summary in " ".join(result.stdout.split())
    listing = " ".join(run("--help", env={"COLUMNS": "200"}).stdout.split())
    assert f"{name} {summary}" in listing.replace("│", "").replace("  ", " ")
