"""The knowledge-base format, defined once.

The format is a small tree of field specs (`Record`, `ListOf`, ...) so that
the same definition drives validation (structure.py), the JSON Schema export
and the format reference. Imports neither typer nor rich.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from .models import BASES, DURATION_UNITS, FREQUENCY_BUCKETS, MEASURED_FROM, ORIGINS, URGENCIES, VERDICTS

Path = tuple[str | int, ...]

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")  # matched whole (fullmatch): no trailing newline slips by


class Problem(NamedTuple):
    path: Path
    message: str
    on_key: bool = False  # points at the key itself (an unknown key), not its value


class Text(NamedTuple):
    """A non-empty string."""

    pattern: re.Pattern[str] | None = None
    hint: str = "a non-empty string"


class Number(NamedTuple):
    integer: bool = False


# No count, duration, percentage or year comes near; a far bigger one would overflow the arithmetic on it.
NUMBER_LIMIT = 1_000_000_000


class OneOf(NamedTuple):
    choices: tuple[Any, ...]


class Flag(NamedTuple):
    """true or false."""


class ListOf(NamedTuple):
    item: Spec
    min_items: int = 1


class MapOf(NamedTuple):
    """A mapping whose keys are texts of `key`'s pattern, each holding a `value`."""

    key: Text
    value: Spec


class Record(NamedTuple):
    required: dict[str, Spec]
    optional: dict[str, Spec] = {}  # noqa: RUF012 - never mutated
    # May be written `{same_as: ID}`, taking its text, sources (and numbers) from `shared`;
    # references.py resolves them before any check, so the checks below never see one.
    same_as: bool = False


Spec = Text | Number | OneOf | Flag | ListOf | Record | MapOf

SLUG_TEXT = Text(SLUG, "a slug of lowercase letters, digits and hyphens, such as 'weak-bite'")
SOURCE_IDS = ListOf(Text())
STATEMENT = Record({"text": Text(), "sources": SOURCE_IDS}, same_as=True)
STATEMENTS = ListOf(STATEMENT)

SOURCE = Record(
    {"id": SLUG_TEXT, "title": Text(), "publisher": Text()},
    {
        "year": Number(integer=True),
        "url": Text(re.compile(r"https://\S+"), "an https:// address"),
        "doi": Text(re.compile(r"10\.\d{4,9}/\S+"), "a DOI such as '10.1111/jocd.12473'"),
        "pmid": Text(re.compile(r"\d{1,9}"), "a PubMed id: digits only"),
        "accessed": Text(re.compile(r"\d{4}-\d{2}-\d{2}"), "the date the page was read, as YYYY-MM-DD"),
    },
)
AREA = Record({"id": SLUG_TEXT, "name": Text(), "aliases": ListOf(Text(), min_items=0)})
# How long a side effect lasts: the numbers only where a source gives them (all three, or none).
DURATION = Record(
    {"text": Text(), "sources": SOURCE_IDS},
    {"low": Number(), "high": Number(), "unit": OneOf(DURATION_UNITS), "measured_from": OneOf(MEASURED_FROM)},
    same_as=True,
)
DURATION_NUMBERS = ("low", "high", "unit")
FIGURE = Record(
    {"area": Text(), "percent": Number(), "population": Text(), "source": Text()},
    {"placebo_percent": Number(), "percent_high": Number(), "sets_bucket": Flag(), "locator": Text()},
)
ONSET = DURATION  # when something starts is a span like how long it lasts, said the same way
# A statement or a span written once and used by reference (`same_as: ID`) wherever one may stand.
SHARED = Record({"id": SLUG_TEXT, "text": Text(), "sources": SOURCE_IDS}, DURATION.optional)
AFTER_STEP = Record({"when": Text(), "text": Text(), "basis": OneOf(BASES), "sources": SOURCE_IDS}, same_as=True)
SITUATION = Record(
    {"id": SLUG_TEXT, "question": Text()},
    {
        "number": Record({"low": Number(integer=True), "high": Number(integer=True), "unit": Text()}),
        # A shortcut option on `check`: a yes/no situation becomes --NAME, a number --NAME VALUE.
        "flag": Record({"name": SLUG_TEXT, "help": Text()}),
    },
)
RULE = Record(
    {"id": SLUG_TEXT, "situation": Text(), "verdict": OneOf(VERDICTS), "text": Text(), "sources": SOURCE_IDS},
    {"side_effects": ListOf(Text()), "below": Number(), "at_least": Number()},
)
# The lay vocabulary: where a word people use leads. A target is a side-effect id, or one of its
# parts ('bruising#mitigation'), or a section of guidance ('after', 'before#interactions').
TARGET = Text(
    re.compile(r"[a-z0-9]+(-[a-z0-9]+)*(#[a-z_]+)?"),
    "a side-effect id or section, with '#part' if it is about one part: 'bruising#mitigation', 'after'",
)
VOCABULARY = MapOf(TARGET, ListOf(Text()))
# The bucket is worked out from the figures; one written by hand must agree with them.
FREQUENCY = Record({}, {"bucket": OneOf(FREQUENCY_BUCKETS), "figures": ListOf(FIGURE)})
SIDE_EFFECT = Record(
    {
        "id": SLUG_TEXT,
        "name": Text(),
        "origin": OneOf(ORIGINS),
        "aliases": ListOf(Text(), min_items=0),
        "summary": Text(),
        "causes": STATEMENTS,
        "duration": DURATION,
        "urgency": OneOf(URGENCIES),
        "mitigation": STATEMENTS,
        "prevention": STATEMENTS,
        "see_doctor_if": STATEMENTS,
        "areas": ListOf(Text()),
    },
    {"onset": ONSET, "frequency": FREQUENCY},
)
# A clinic's name and contact line, printed on its handouts: short texts, escaped wherever shown,
# and a website only as an http(s) address, so it can never become a script link.
CLINIC = Record(
    {"name": Text(re.compile(r"[^\n]{1,80}"), "one line of at most 80 characters")},
    {
        "address": Text(re.compile(r"[\s\S]{1,200}"), "a text of at most 200 characters"),
        "phone": Text(re.compile(r"[^\n]{1,40}"), "one line of at most 40 characters"),
        "website": Text(re.compile(r"https?://[^\s<>\"'`]{1,200}"), "an http:// or https:// address"),
        "note": Text(re.compile(r"[\s\S]{1,300}"), "a text of at most 300 characters"),
    },
)
KNOWLEDGE_BASE = Record(
    {
        "schema_version": OneOf((1,)),
        "disclaimer": Text(),
        "emergency": STATEMENT,
        "sources": ListOf(SOURCE),
        "areas": ListOf(AREA),
        "side_effects": ListOf(SIDE_EFFECT),
        "guidance": Record({"principles": STATEMENTS, "checklist": STATEMENTS}),
        "before": Record(
            {
                "contraindications": STATEMENTS,
                "tell_your_doctor": STATEMENTS,
                "interactions": STATEMENTS,
                "avoid_beforehand": STATEMENTS,
                "questions_to_ask": STATEMENTS,
            }
        ),
        "after": ListOf(AFTER_STEP),
        "wanted_effect": Record({"onset": ONSET, "full": ONSET, "lasts": ONSET}),
        "situations": ListOf(SITUATION),
        "rules": ListOf(RULE),
        "red_flags": Record(
            {
                "summary": Text(),
                "onset": Text(),
                "signs": ListOf(Text()),
                "allergy_signs": ListOf(Text()),
                "action": STATEMENTS,
                "sources": SOURCE_IDS,
            }
        ),
    },
    {"shared": ListOf(SHARED), "clinic": CLINIC, "vocabulary": VOCABULARY},
)


def _layer_spec(full: Record) -> Record:
    """What a clinic's file may hold: any part of the format, to add or override.

    Items of the id-keyed lists need only their id (to override some fields; a
    new item is checked complete once merged); sections may name just the keys
    they change; everything inside a statement, a duration or a figure is as
    strict as ever. `replace: true` drops the layers below instead.
    """
    keys: dict[str, Spec] = {}
    for key, child in {**full.required, **full.optional}.items():
        if isinstance(child, ListOf) and isinstance(child.item, Record) and "id" in child.item.required:
            item = child.item
            fields = {name: spec for name, spec in {**item.required, **item.optional}.items() if name != "id"}
            keys[key] = ListOf(Record({"id": item.required["id"]}, fields))
        elif isinstance(child, Record):
            keys[key] = Record({}, {**child.required, **child.optional}, child.same_as)
        else:
            keys[key] = child
    return Record({}, {**keys, "replace": Flag()})


LAYER = _layer_spec(KNOWLEDGE_BASE)
