"""Rules across fields of a knowledge base: unique ids and names, references that exist.

Runs once `structure.check_structure` has passed, so every value has its shape.
Imports neither typer nor rich.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..plain import normalize_name
from .citations import cites_only_known, unknown_citations
from .frequency import figures_of, overall_bucket
from .models import ALL_AREAS, ENTRY_PARTS, SECTION_PARTS
from .schema import DURATION_NUMBERS, Path, Problem

# Each list whose items are found by id, and what its ids are called in messages.
ID_LISTS = {
    "sources": "source id",
    "areas": "area id",
    "side_effects": "side-effect id",
    "situations": "situation id",
    "rules": "rule id",
    "shared": "shared id",
}
Rank = Callable[[Path], int]  # which file (by position in the layers) wrote the value at a path


def duplicate_ids(document: Any) -> list[Problem]:
    """An id used twice in one file: reported once, as an id, before layering.

    Checked per file because layering reads a known id as "change that entry":
    in the merged document the second one would be a partial new entry, or
    count as a clash of names. Items without a text id are left to the shape checks.
    """
    problems: list[Problem] = []
    for section, what in ID_LISTS.items():
        items = document.get(section) if isinstance(document, dict) else None
        first: dict[str, int] = {}
        for index, item in enumerate(items if isinstance(items, list) else []):
            entry_id = item.get("id") if isinstance(item, dict) else None
            if not isinstance(entry_id, str):
                continue
            if entry_id in first:
                message = f"duplicate {what} {entry_id!r}: already used by {section}[{first[entry_id]}] in this file"
                problems.append(Problem((section, index, "id"), message))
            else:
                first[entry_id] = index
    return problems


def check_references(document: dict[str, Any], rank: Rank = lambda path: 0) -> list[Problem]:
    """Rules across fields: unique names, citations and areas that exist.

    Runs only on a document whose structure already passed `check_structure`,
    layered from files whose ids are unique (`duplicate_ids`). `rank` tells
    which file wrote a value, so that a clash is blamed on the later file.
    """
    problems, _ = _duplicates(document["areas"], "areas", "area name or alias", rank)
    found, named = _duplicates(document["side_effects"], "side_effects", "side-effect name or alias", rank)
    problems += found
    source_ids = {source["id"] for source in document["sources"]}
    area_ids = {area["id"] for area in document["areas"]}
    if not cites_only_known(document, source_ids):  # most documents: one quick pass, no paths
        problems += unknown_citations(document, source_ids)
    problems += _check_rules(document)
    for index, entry in enumerate(document["side_effects"]):
        path: Path = ("side_effects", index)
        for position, area in enumerate(entry["areas"]):
            if area not in area_ids:
                problems.append(Problem((*path, "areas", position), unknown("area", area, area_ids)))
        problems += _check_durations(entry, path)
        problems += _check_figures(entry, path, area_ids)
    problems += _check_vocabulary(document.get("vocabulary", {}), document["side_effects"], named)
    for index, item in enumerate(document.get("shared", [])):  # a span's numbers, as a duration's
        problems += _whole_numbers(item, ("shared", index)) + _in_order(item, ("shared", index))
    return problems


def _check_durations(entry: dict[str, Any], path: Path) -> list[Problem]:
    """Numbers only as a whole (low, high and unit), and in order."""
    problems = [
        problem for key in ("duration", "onset") if key in entry for problem in _whole_numbers(entry[key], (*path, key))
    ]
    for key in ("duration", "onset"):
        problems += _in_order(entry.get(key, {}), (*path, key))
    return problems


def _whole_numbers(span: dict[str, Any], path: Path) -> list[Problem]:
    given = [key for key in DURATION_NUMBERS if key in span]
    if (given and len(given) < len(DURATION_NUMBERS)) or ("measured_from" in span and not given):
        message = "give low, high and unit together, or none of them where no source gives them"
        return [Problem(path, message)]
    return []


def _in_order(numbers: dict[str, Any], path: Path) -> list[Problem]:
    if "low" in numbers and "high" in numbers and not 0 <= numbers["low"] <= numbers["high"]:
        return [Problem(path, "expected 0 <= low <= high")]
    return []


def _check_figures(entry: dict[str, Any], path: Path, area_ids: set[str]) -> list[Problem]:
    """Figures for known areas, as percentages; a range that is a range; a bucket that agrees with them."""
    problems: list[Problem] = []
    frequency = entry.get("frequency", {})
    for position, figure in enumerate(frequency.get("figures", [])):
        where = (*path, "frequency", "figures", position)
        if figure["area"] != ALL_AREAS and figure["area"] not in area_ids:
            allowed = area_ids | {ALL_AREAS}
            problems.append(Problem((*where, "area"), unknown("area", figure["area"], allowed)))
        for key in ("percent", "placebo_percent", "percent_high"):
            if key in figure and not 0 <= figure[key] <= 100:
                problems.append(Problem((*where, key), "expected a percentage from 0 to 100"))
        if "percent_high" in figure and figure["percent_high"] < figure["percent"]:
            problems.append(Problem((*where, "percent_high"), "a range must not end below its start ('percent')"))
        if "percent_high" in figure and "placebo_percent" in figure:
            message = "a range across studies has no placebo rate: give the placebo rate with a single study's figure"
            problems.append(Problem((*where, "placebo_percent"), message))
    if "bucket" in frequency and not problems:
        worked_out = overall_bucket(figures_of(entry), entry["areas"])
        if frequency["bucket"] != worked_out:
            message = (
                f"the bucket {frequency['bucket']!r} disagrees with the figures, which make it {worked_out!r}; "
                "leave 'bucket' out: it is worked out from the figures"
            )
            problems.append(Problem((*path, "frequency", "bucket"), message))
    return problems


def _check_vocabulary(vocabulary: dict[str, list[str]], entries: list[dict[str, Any]], named: Owners) -> list[Problem]:
    """Each target is a side effect or a section, a '#part' one that page has; no word is already a name.

    `named`: who owns each side effect's names (from `_duplicates`).
    """
    entry_ids = {entry["id"] for entry in entries}
    problems = []
    for target, words in vocabulary.items():
        for index, word in enumerate(words):
            owner = named.get(normalize_name(word))
            if owner is not None:  # `show` opens the side effect of that name: the word would never lead here
                owner_id = entries[owner[0]]["id"]
                message = f"{word!r} is already a name or alias of '{owner_id}'; a vocabulary word must be another word"
                problems.append(Problem(("vocabulary", target, index), message))
        page, _, part = target.partition("#")
        if page not in entry_ids and page not in SECTION_PARTS:
            message = unknown("side effect or section", page, entry_ids | set(SECTION_PARTS))
            problems.append(Problem(("vocabulary", target), message, on_key=True))
            continue
        parts = ENTRY_PARTS if page in entry_ids else SECTION_PARTS[page]
        if part and part not in parts:
            choices = ", ".join(parts) if parts else "none: name the whole section"
            message = f"{page!r} has no part {part!r} (its parts: {choices})"
            problems.append(Problem(("vocabulary", target), message, on_key=True))
    return problems


# `check`'s own options, which a situation's flag cannot take (it would hide one or the other).
CHECK_OPTIONS = ("area", "has", "interactive", "format", "data", "help")


def _flag_problems(situations: list[dict[str, Any]]) -> list[Problem]:
    problems: list[Problem] = []
    taken: dict[str, str] = {}
    for index, situation in enumerate(situations):
        if "flag" not in situation:
            continue
        name, where = situation["flag"]["name"], ("situations", index, "flag", "name")
        if name in CHECK_OPTIONS:
            problems.append(Problem(where, f"--{name} is already one of check's own options; choose another name"))
        elif name in taken:
            problems.append(Problem(where, f"duplicate flag --{name}: already used by '{taken[name]}'"))
        else:
            taken[name] = situation["id"]
    return problems


def _check_rules(document: dict[str, Any]) -> list[Problem]:
    """Each rule names a situation and side effects that exist; limits only on a number; flags unique."""
    problems = _flag_problems(document["situations"])
    situations = {situation["id"]: situation for situation in document["situations"]}
    entry_ids = {entry["id"] for entry in document["side_effects"]}
    for index, rule in enumerate(document["rules"]):
        path: Path = ("rules", index)
        situation = situations.get(rule["situation"])
        if situation is None:
            problems.append(Problem((*path, "situation"), unknown("situation", rule["situation"], set(situations))))
        for position, entry_id in enumerate(rule.get("side_effects", [])):
            if entry_id not in entry_ids:
                problems.append(Problem((*path, "side_effects", position), unknown("side effect", entry_id, entry_ids)))
        limits = [key for key in ("below", "at_least") if key in rule]
        if situation is not None and limits and "number" not in situation:
            problems.append(Problem((*path, limits[0]), f"'{rule['situation']}' is answered yes or no, not a number"))
        if situation is not None and "number" in situation and not limits:
            problems.append(Problem(path, "a rule on a number needs 'below' or 'at_least'"))
        if rule["verdict"] == "more likely" and not rule.get("side_effects"):
            problems.append(Problem(path, "a 'more likely' rule must name its side_effects"))
    return problems


def _names_of(item: dict[str, Any]) -> list[str]:
    """Every name an item answers to: its id, its name, its aliases (where each stands: `_where`)."""
    return [item["id"], item["name"], *item["aliases"]]


def _where(section: str, index: int, position: int) -> Path:
    """The path of the name at `position` of `_names_of(items[index])`."""
    if position >= 2:
        return (section, index, "aliases", position - 2)
    return (section, index, "id" if position == 0 else "name")


# A name as looked up -> where its owner is: (the item's index, the name's position in `_names_of`).
Owners = dict[str, tuple[int, int]]


def _duplicates(items: list[dict[str, Any]], section: str, what: str, rank: Rank) -> tuple[list[Problem], Owners]:
    """Names used by two items, and who owns each name."""
    owner: Owners = {}
    problems = []
    for index, item in enumerate(items):
        names = _names_of(item)
        keys = [normalize_name(name) for name in names]
        if all(keys) and owner.keys().isdisjoint(keys):  # most items: names of their own, nothing to report
            for position, key in enumerate(keys):
                owner.setdefault(key, (index, position))  # a name written twice in the item: its first place
            continue
        seen_here: set[str] = set()
        for position, (name, key) in enumerate(zip(names, keys, strict=True)):
            path = _where(section, index, position)
            if not key:
                problems.append(Problem(path, f"{name!r} has no letters or digits to look up"))
                continue
            if key in seen_here:
                continue
            seen_here.add(key)
            if key not in owner:
                owner[key] = (index, position)
                continue
            first_index, first_position = owner[key]
            first_path = _where(section, first_index, first_position)
            if rank(first_path) > rank(path):
                # The earlier entry got this name from a later file (a clinic's change to a
                # built-in entry): that file made the clash, so its line is the one to fix.
                first_name = _names_of(items[first_index])[first_position]
                problems.append(Problem(first_path, f"duplicate {what} {first_name!r}: already used by '{item['id']}'"))
                owner[key] = (index, position)  # any further clash is with this, the rightful owner
            else:
                first_id = items[first_index]["id"]
                problems.append(Problem(path, f"duplicate {what} {name!r}: already used by '{first_id}'"))
    return problems, owner


def unknown(what: str, value: str, known: set[str]) -> str:
    import difflib

    close = difflib.get_close_matches(value, sorted(known), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown {what} {value!r}{hint}"
