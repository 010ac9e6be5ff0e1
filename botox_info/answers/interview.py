"""Asking a reader about their situation, one short question at a time.

The questions come from the knowledge base (`situations`); the caller passes
in how to ask (prompts.py on the terminal, plain functions in tests), so this
module imports neither typer nor rich.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import UnknownAreaError
from ..knowledge.models import KnowledgeBase, Situation
from .assessment import Answers

Ask = Callable[[str], str]  # shows a question, returns the typed answer
Confirm = Callable[[str], bool]  # shows a yes/no question
Say = Callable[[str], None]


def interview(knowledge: KnowledgeBase, ask: Ask, confirm: Confirm, say: Say) -> Answers:
    """Areas, age, then every yes/no situation; a bad answer is explained and asked again.

    End of input (EOFError from `ask` or `confirm`) skips the questions left, keeping the answers given.
    """
    say("A few questions; press Enter to skip one. botox-info keeps nothing you type.")
    answers = Answers()
    try:
        answers = answers._replace(areas=_areas(knowledge, ask, say))
        for numeric in (situation for situation in knowledge.situations if situation.number):
            value = _number(numeric, ask, say)
            if value is not None:
                answers = answers._replace(numbers=(*answers.numbers, (numeric.id, value)))
        for situation in knowledge.situations:
            if situation.number is None and confirm(situation.question):
                answers = answers._replace(situations=answers.situations | {situation.id})
    except EOFError:
        say("")  # end the unanswered question's line
    return answers


def _areas(knowledge: KnowledgeBase, ask: Ask, say: Say) -> tuple[str, ...]:
    while True:
        reply = ask("Which areas will be treated? (for example: forehead, frown lines, jaw)")
        try:
            found = [knowledge.find_area(word).id for word in reply.split(",") if word.strip()]
        except UnknownAreaError as error:
            say(error.message)
            continue
        return tuple(dict.fromkeys(found))


def _number(numeric: Situation, ask: Ask, say: Say) -> int | None:
    low, high, unit = numeric.number or (0, 0, "")  # asked only of a numeric situation
    while True:
        reply = ask(numeric.question).strip()
        if not reply:
            return None
        if reply.isdigit() and low <= int(reply) <= high:
            return int(reply)
        say(f"Please give a whole number from {low} to {high} ({unit}), or press Enter to skip.")
