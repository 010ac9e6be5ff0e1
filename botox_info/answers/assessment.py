"""What a reader's own situation means: stop signs, likelier side effects, their areas' risks.

The rules that connect a situation to a risk are data in the knowledge base
(`situations`, `rules`), each with its sources; this module only applies
them. Imports neither typer nor rich.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from ..errors import BadNumberError, UnknownSituationError
from ..knowledge.models import VERDICTS, Area, Figure, KnowledgeBase, Rule, SideEffect, Statement
from ..plain import normalize_name
from .selection import figure_for, select


class Answers(NamedTuple):
    areas: tuple[str, ...] = ()  # area ids
    numbers: tuple[tuple[str, int], ...] = ()  # (situation id, value) for the numeric situations answered
    situations: frozenset[str] = frozenset()  # ids of the yes/no situations answered yes


class Likely(NamedTuple):
    entry: SideEffect
    reasons: tuple[Rule, ...]


class AreaRisk(NamedTuple):
    area: Area
    entries: tuple[tuple[SideEffect, Figure | None], ...]  # with this area's figure, most common first


class Assessment(NamedTuple):
    answers: Answers
    stop_signs: tuple[Rule, ...]  # most serious first
    more_likely: tuple[Likely, ...]  # most reasons first
    by_area: tuple[AreaRisk, ...]
    questions: tuple[Statement, ...]


def yes_no_situations(knowledge: KnowledgeBase) -> list[str]:
    return [situation.id for situation in knowledge.situations if situation.number is None]


def check_situations(knowledge: KnowledgeBase, situation_ids: Iterable[str]) -> frozenset[str]:
    """The ids of the situations typed, refused with the valid choices if one is no yes/no situation."""
    known = yes_no_situations(knowledge)
    by_name = {normalize_name(situation_id): situation_id for situation_id in known}
    chosen = []
    for typed in situation_ids:  # typed as forgivingly as names: 'blood thinners', 'BLOOD-THINNERS'
        situation_id = by_name.get(normalize_name(typed))
        if situation_id is None:
            raise UnknownSituationError(typed, known)
        chosen.append(situation_id)
    return frozenset(chosen)


def check_numbers(knowledge: KnowledgeBase, numbers: dict[str, int]) -> tuple[tuple[str, int], ...]:
    """The numbers given (an age...), each refused if outside what its situation allows."""
    numeric = {situation.id: situation for situation in knowledge.situations}
    for situation_id, value in numbers.items():
        situation = numeric[situation_id]
        low, high, _ = situation.number or (value, value, "")
        if not low <= value <= high:
            raise BadNumberError(f"--{situation.flag or situation.id}", value, (low, high, _))
    return tuple(numbers.items())


def assess(knowledge: KnowledgeBase, answers: Answers) -> Assessment:
    applying = [rule for rule in knowledge.rules if _applies(rule, answers)]
    stop_signs = sorted(
        (rule for rule in applying if rule.verdict != "more likely"), key=lambda rule: VERDICTS.index(rule.verdict)
    )
    reasons: dict[str, list[Rule]] = {}
    for rule in applying:
        if rule.verdict == "more likely":
            for entry_id in rule.side_effects:
                reasons.setdefault(entry_id, []).append(rule)
    order = {entry.id: position for position, entry in enumerate(knowledge.side_effects)}
    more_likely = sorted(
        (Likely(knowledge.find(entry_id), tuple(rules)) for entry_id, rules in reasons.items()),
        key=lambda likely: (-len(likely.reasons), order[likely.entry.id]),
    )
    by_area = tuple(_area_risk(knowledge, area_id) for area_id in answers.areas)
    return Assessment(answers, tuple(stop_signs), tuple(more_likely), by_area, knowledge.before.questions_to_ask)


def _applies(rule: Rule, answers: Answers) -> bool:
    if rule.below is not None or rule.at_least is not None:  # a rule on a number: the situation's own value
        value = dict(answers.numbers).get(rule.situation)
        if value is None:
            return False
        return (rule.below is None or value < rule.below) and (rule.at_least is None or value >= rule.at_least)
    return rule.situation in answers.situations


def _area_risk(knowledge: KnowledgeBase, area_id: str) -> AreaRisk:
    """The side effects particular to an area (not those of every area), most common there first."""
    every_area = len(knowledge.areas)
    particular = [entry for entry in knowledge.side_effects if len(entry.areas) < every_area]
    chosen = select(particular, area=area_id, sort="frequency")
    area = next(area for area in knowledge.areas if area.id == area_id)
    return AreaRisk(area, tuple((entry, figure_for(entry, area_id)) for entry in chosen))
