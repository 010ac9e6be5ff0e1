"""The knowledge-base format as a Markdown reference, generated from schema.py so it cannot drift.

docs/knowledge-base-format.md is this function's output (through cog). Every
field's one-line meaning is in MEANINGS, keyed by "table.field"; a test fails
when a field of the format has none, or a meaning names no field. Imports
neither typer nor rich, and nothing but the schema.
"""

from __future__ import annotations

from .layers import KEYED_LISTS, SECTIONS
from .schema import (
    AFTER_STEP,
    AREA,
    DURATION,
    FIGURE,
    KNOWLEDGE_BASE,
    NUMBER_LIMIT,
    ONSET,
    RULE,
    SHARED,
    SIDE_EFFECT,
    SITUATION,
    SOURCE,
    STATEMENT,
    Flag,
    ListOf,
    MapOf,
    Number,
    OneOf,
    Record,
    Spec,
    Text,
)

TOP = "file"
# The records described once, under their own name, wherever they are used.
NAMED = {
    "statement": STATEMENT,
    "source": SOURCE,
    "area": AREA,
    "side effect": SIDE_EFFECT,
    "duration": DURATION,
    "onset": ONSET,
    "figure": FIGURE,
    "aftercare step": AFTER_STEP,
    "situation": SITUATION,
    "rule": RULE,
    "shared item": SHARED,
}

MEANINGS = {
    "file.schema_version": "The version of this format; only 1 exists.",
    "file.disclaimer": "The line every advice page and document starts with: information, not medical advice.",
    "file.emergency": "The emergency line every advice page and JSON document carries.",
    "file.sources": "The bibliography: every source a statement may cite.",
    "file.areas": "The treatment areas (forehead, jaw...) and the words people use for them.",
    "file.side_effects": "The side effects, each with its causes, timing, frequency, advice and sources.",
    "file.guidance": "How to avoid the risks in general (`avoid`).",
    "file.before": "What to know before treatment (`before`).",
    "file.after": "The hours and days after treatment, step by step (`after`).",
    "file.wanted_effect": "When the wanted effect starts, peaks and wears off (`timeline`).",
    "file.situations": "The questions `check` may ask about a reader's situation.",
    "file.rules": "What a situation means for a reader (`check`), each rule with its sources.",
    "file.red_flags": "The warning signs that need medical help at once (`urgent`).",
    "file.shared": "Statements and spans used in several places, written once; `same_as: ID` refers to one.",
    "statement.text": "The statement, in plain words.",
    "statement.sources": "The ids of the sources that support it.",
    "source.id": "How statements cite this source.",
    "source.title": "The title of the work or page.",
    "source.publisher": "Who published it (the authors and journal, for a paper).",
    "source.year": "The year it was published.",
    "source.url": "Where it can be read.",
    "source.doi": "Its DOI, for a paper.",
    "source.pmid": "Its PubMed id, for a paper.",
    "source.accessed": "When a web page was read.",
    "area.id": "How side effects, figures and `--area` name the area.",
    "area.name": "The area's name as shown.",
    "area.aliases": "Other words for it that `--area` accepts.",
    "side effect.id": "How the side effect is named in commands, rules and clinic files.",
    "side effect.name": "Its name as shown.",
    "side effect.origin": "`article` if the seed article describes it, `reference` if only medical references do.",
    "side effect.aliases": "Other words people use for it, which `show` and `search` accept.",
    "side effect.summary": "What it is, in one or two sentences.",
    "side effect.causes": "Why it happens.",
    "side effect.duration": "How long it usually lasts.",
    "side effect.urgency": "How urgent it is, in the tiers of the drug monographs.",
    "side effect.mitigation": "What to do if it happens.",
    "side effect.prevention": "How to lower the chance of it.",
    "side effect.see_doctor_if": "When to see a doctor or get help.",
    "side effect.areas": "The ids of the treatment areas it follows.",
    "side effect.onset": "When it usually starts; left out where no source says.",
    "side effect.frequency": "How often it happens, as sourced figures.",
    "duration.text": "How long it lasts (or, as an `onset`, when it starts), in plain words.",
    "duration.sources": "The ids of the sources that give it.",
    "duration.low": "The shortest usual time (for an onset: the earliest start after the injection), in `unit`s.",
    "duration.high": "The longest usual time (for an onset: the latest start after the injection), in `unit`s.",
    "duration.unit": "The unit of `low` and `high`.",
    "duration.measured_from": "Counted from the side effect's `onset` (the default) or from the `injection`.",
    "side effect.frequency.bucket": "Never needed: worked out from the figures; one written by hand must agree.",
    "side effect.frequency.figures": "The incidence figures from labels and studies.",
    "figure.area": "The area id the figure was counted in, or `all` for every treated area.",
    "figure.percent": "The share of people, or of treatment sessions, who had it, in percent (the start of a range).",
    "figure.population": "Who was counted: the study, its size and what was injected.",
    "figure.source": "The id of the source that gives the figure.",
    "figure.placebo_percent": "The share with a placebo injection, where the source gives it.",
    "figure.percent_high": "The end of a range across studies; such a range sets no bucket.",
    "figure.sets_bucket": "false for a figure from a table not designed to count it: shown, but sets no bucket.",
    "figure.locator": "Where in the source the figure stands, such as 'Table VII'.",
    "guidance.principles": "The principles of a safe treatment.",
    "guidance.checklist": "What to check when choosing an injector and a clinic.",
    "before.contraindications": "Who should not be treated.",
    "before.tell_your_doctor": "What to tell the doctor before treatment.",
    "before.interactions": "Medicines that interact with the toxin.",
    "before.avoid_beforehand": "What to avoid in the days before.",
    "before.questions_to_ask": "Questions to ask the clinic.",
    "aftercare step.when": "When the step applies, such as 'first 4 hours'.",
    "aftercare step.text": "What to do.",
    "aftercare step.basis": "Whose advice it is: the product `label`, a `medical body`, or common `clinic practice`.",
    "aftercare step.sources": "The ids of the sources that give it.",
    "wanted_effect.onset": "When the wanted effect begins.",
    "wanted_effect.full": "When it is strongest.",
    "wanted_effect.lasts": "How long it lasts.",
    "situation.id": "How rules name the situation, and `check --has` accepts it.",
    "situation.question": "The question `check` asks.",
    "situation.number": "For a situation answered with a number (an age) rather than yes or no.",
    "situation.flag": "A shortcut option of `check`: `--NAME` (or `--NAME VALUE` for a number).",
    "situation.number.low": "The smallest answer accepted.",
    "situation.number.high": "The largest answer accepted.",
    "situation.number.unit": "What the number counts, such as 'years'.",
    "situation.flag.name": "The option's name, without the dashes.",
    "situation.flag.help": "The option's help text.",
    "rule.id": "The rule's id, shown in `check --format json`.",
    "rule.situation": "The id of the situation it applies to.",
    "rule.verdict": "What it means: not to be treated, to talk to a doctor first, or side effects more likely.",
    "rule.text": "What the reader is told.",
    "rule.sources": "The ids of the sources that support it.",
    "rule.side_effects": "The ids of the side effects it concerns.",
    "rule.below": "For a number: the rule applies below this value.",
    "rule.at_least": "For a number: the rule applies at this value or above.",
    "red_flags.summary": "Why these signs need help at once.",
    "red_flags.onset": "When they can appear.",
    "red_flags.signs": "The signs of the toxin spreading.",
    "red_flags.allergy_signs": "The signs of a severe allergic reaction.",
    "red_flags.action": "What to do.",
    "red_flags.sources": "The ids of the sources of the signs.",
    "shared item.id": "What `same_as` names.",
    "shared item.text": "The statement, written once.",
    "shared item.sources": "The ids of its sources (a use may cite its own instead).",
    "shared item.low": "For a span (an onset or a duration): the shortest usual time.",
    "shared item.high": "For a span: the longest usual time.",
    "shared item.unit": "For a span: the unit of `low` and `high`.",
    "shared item.measured_from": "For a duration: counted from the `onset` or the `injection`.",
    "file.clinic": "The clinic handing the information over: its name and contact line on `handout`s.",
    "clinic.name": "The clinic's name, at the top of every handout.",
    "clinic.address": "Its address (may span lines).",
    "clinic.phone": "The number a patient calls with a question (shown as a link on phones).",
    "clinic.website": "Its website; only http:// and https:// addresses are accepted.",
    "clinic.note": "A short note for patients, such as opening hours; shown as plain text.",
    "file.vocabulary": (
        "The words patients use (`ice pack`, `fake`, `can't raise my eyebrows`) and where each leads, for "
        "`search` and `show`; a clinic's file replaces a target's list of words."
    ),
    "file.replace": "In a clinic's file only: true drops the files read before it, which must then be complete.",
}

RULES = f"""\
## Rules across fields

Checked beyond each field's own shape (`consistency.py`, and `references.py` for
`same_as`), each problem reported with its file, line, column and field:

- ids are unique in each list of one file, and names and aliases of areas and
  of side effects are unique (a clash is blamed on the later file);
- every cited source (`sources`, a figure's `source`) exists; every area of a
  side effect or a figure, every situation and side effect a rule names exists;
- every `same_as` names a shared item of the same file or of a file read
  before it ("did you mean" when it is close to one), fits the place it
  stands (a span's numbers only where an onset or a duration goes), and does
  not restate the text or the numbers (it may give its own `sources`); a
  clinic's file cannot redefine a shared id of a file read before it;
- every number is finite and from -{NUMBER_LIMIT:,} to {NUMBER_LIMIT:,} (no count,
  duration, percentage or year comes near, and a far bigger one would break
  the arithmetic on it);
- a duration or span gives `low`, `high` and `unit` together or none of them
  (and no `measured_from` without them), with 0 <= low <= high;
- figures are percentages from 0 to 100; a range (`percent_high`) does not end
  below its start and has no placebo rate; a `bucket` written by hand agrees
  with the one worked out from the figures, area by area;
- every `vocabulary` target names a side effect or a section of guidance
  (`avoid`, `before`, `after`, `red-flags`) that exists, and a `#part` that
  it has (a side effect's `causes`, `mitigation`, `prevention`...; a
  section's groups, such as `before#interactions`), and no word of it is
  already a side effect's name or alias (`show` would open that side effect);
- a situation's flag is not one of `check`'s own options and is not used
  twice; a rule with `below` or `at_least` is on a number situation, a rule on
  a number situation has one, and a 'more likely' rule names its side effects.
"""


def format_reference() -> str:
    """The whole reference: the tables of the format, then the rules across fields."""
    tables: list[tuple[str, Record]] = []
    _collect(TOP, KNOWLEDGE_BASE, tables)
    return "\n".join(_table(name, record) for name, record in tables) + "\n" + RULES


def fields_and_meanings() -> tuple[set[str], set[str]]:
    """Every "table.field" of the format, and every key of MEANINGS (for the test that they match)."""
    tables: list[tuple[str, Record]] = []
    _collect(TOP, KNOWLEDGE_BASE, tables)
    fields = {f"{name}.{field}" for name, record in tables for field in {**record.required, **record.optional}}
    return fields | {f"{TOP}.replace"}, set(MEANINGS)


def _name_of(spec: Spec) -> str | None:
    return next((name for name, named in NAMED.items() if named is spec), None)


def _collect(name: str, record: Record, tables: list[tuple[str, Record]]) -> None:
    if any(known == name for known, _ in tables):
        return
    tables.append((name, record))
    for field, child in {**record.required, **record.optional}.items():
        while isinstance(child, ListOf):
            child = child.item
        if isinstance(child, Record):
            _collect(_name_of(child) or _path(name, field), child, tables)


def _path(name: str, field: str) -> str:
    return field if name == TOP else f"{name}.{field}"


def _anchor(name: str) -> str:
    """GitHub's anchor for a heading: lowercase, spaces to hyphens, dots dropped."""
    return name.replace(" ", "-").replace(".", "")


def _kind(spec: Spec, name: str) -> str:
    if isinstance(spec, ListOf):
        empty = ", may be empty" if spec.min_items == 0 else ""
        if isinstance(spec.item, Record):
            reference = " (each may be `{same_as: ID}`)" if spec.item.same_as else ""
            return f"list of {_link(spec.item, name)}{empty}{reference}"
        return f"list{empty}, each {_kind(spec.item, name)}"
    if isinstance(spec, Record):
        return _link(spec, name) + (" or `{same_as: ID}`" if spec.same_as else "")
    if isinstance(spec, MapOf):
        return f"mapping: each key {spec.key.hint}, each value a {_kind(spec.value, name)}"
    if isinstance(spec, Text):
        return spec.hint
    if isinstance(spec, Number):
        return "whole number" if spec.integer else "number"
    if isinstance(spec, OneOf):
        return "one of " + ", ".join(f"`{choice}`" for choice in spec.choices)
    return "true or false"  # a Flag


def _link(record: Record, name: str) -> str:
    named = _name_of(record) or name
    return f"[{named}](#{_anchor(named)})"


def _table(name: str, record: Record) -> str:
    title = "The file (top level)" if name == TOP else name
    lines = [f"## {title}", ""]
    if record.same_as:
        lines += ["Anywhere this is used it may be written `{same_as: ID}`, naming a [shared item](#shared-item).", ""]
    lines += [_layer_note(name), "", "| field | | type | meaning |", "| --- | --- | --- | --- |"]
    fields = {**record.required, **record.optional}
    if name == TOP:
        fields = {**fields, "replace": Flag()}
    for field, child in fields.items():
        need = "required" if field in record.required else "optional"
        lines.append(f"| `{field}` | {need} | {_kind(child, _path(name, field))} | {MEANINGS[f'{name}.{field}']} |")
    return "\n".join(lines) + "\n"


def _layer_note(name: str) -> str:
    """What a clinic's file may leave out here (schema.LAYER)."""
    if name == TOP:
        return "In a clinic's file every key is optional: it holds only what it adds or changes."
    if name == "shared item":
        return "As strict in a clinic's file: it adds its own ids, and may refer to those of the files before it."
    keyed = {_name_of(_item(KNOWLEDGE_BASE.required.get(key) or KNOWLEDGE_BASE.optional[key])) for key in KEYED_LISTS}
    if name in keyed:
        return (
            "In a clinic's file only `id` is required: an item with a known id changes just the fields given; "
            "a new item must be complete once layered."
        )
    if name in SECTIONS:
        return "In a clinic's file any of these keys may be given alone, each replacing the one below."
    return "As strict in a clinic's file as in the built-in one."


def _item(spec: Spec) -> Spec:
    return spec.item if isinstance(spec, ListOf) else spec
