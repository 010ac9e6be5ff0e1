"""Finding a side effect or a treatment area by what a reader typed: an id, a name, an alias or its start.

Names compare in plain.normalize_name's form (case, marks, hyphens and
spacing ignored) and with a plural's last 's' dropped. A typo gets close names
to suggest, as written in the knowledge base. Imports neither typer nor rich.
"""

from __future__ import annotations

from ..errors import AmbiguousNameError, NotFoundError, UnknownAreaError
from ..plain import normalize_name
from .models import Area, KnowledgeBase, SideEffect


def find_area(knowledge: KnowledgeBase, query: str) -> Area:
    """The treatment area named by its id, name or an alias ('11s', 'masseter')."""
    area = area_named(knowledge, query)
    if area is not None:
        return area
    raise UnknownAreaError(query, [area.id for area in knowledge.areas])


def find_side_effect(knowledge: KnowledgeBase, query: str) -> SideEffect:
    """The side effect named by its id, name or an alias, or a unique prefix of one."""
    wanted = normalize_name(query)
    if not wanted:
        raise NotFoundError(query, [])
    entry = named(knowledge, query)
    if entry is not None:
        return entry
    names = _names(knowledge)
    starting = names_starting(knowledge, query)
    if len(starting) == 1:
        return next(iter(starting.values()))
    if starting:
        raise AmbiguousNameError(query, [(entry.id, entry.name) for entry in starting.values()])
    raise NotFoundError(query, suggestions(wanted, names))


def named(knowledge: KnowledgeBase, query: str) -> SideEffect | None:
    """The side effect whose id, name or alias is what was typed (a plural's 's' aside), if any."""
    wanted = normalize_name(query)
    for entry in knowledge.side_effects:  # the common case, an id, without indexing every alias
        if normalize_name(entry.id) == wanted:
            return entry
    names = _names(knowledge)
    if wanted in names:
        return names[wanted][0]
    singular = _singular(wanted)
    for name, (entry, _) in names.items():
        if _singular(name) == singular:
            return entry
    return None


def names_starting(knowledge: KnowledgeBase, query: str) -> dict[str, SideEffect]:
    """Side-effect id -> entry, for every entry with a name or alias that starts with what was typed."""
    wanted = normalize_name(query)
    return {entry.id: entry for name, (entry, _) in _names(knowledge).items() if wanted and name.startswith(wanted)}


def area_named(knowledge: KnowledgeBase, query: str) -> Area | None:
    """The treatment area whose id, name or alias is what was typed, if any."""
    wanted = normalize_name(query)
    for area in knowledge.areas:
        if wanted in {normalize_name(name) for name in (area.id, area.name, *area.aliases)}:
            return area
    return None


def close_names(knowledge: KnowledgeBase, query: str) -> list[str]:
    """Up to three side-effect names close to what was typed, for 'did you mean'."""
    return suggestions(normalize_name(query), _names(knowledge))


def _names(knowledge: KnowledgeBase) -> dict[str, tuple[SideEffect, str]]:
    """Every name in its compared form -> (its entry, the name as written)."""
    names: dict[str, tuple[SideEffect, str]] = {}
    for entry in knowledge.side_effects:
        for name in (entry.id, entry.name, *entry.aliases):
            names.setdefault(normalize_name(name), (entry, name))
    return names


def suggestions(wanted: str, names: dict[str, tuple[SideEffect, str]]) -> list[str]:
    """Up to three close names, one per entry, as written ("can't chew", not "cant chew")."""
    import difflib

    close: dict[str, str] = {}
    for name in difflib.get_close_matches(wanted, list(names), n=10, cutoff=0.7):
        entry, written = names[name]
        close.setdefault(entry.id, written)
    return list(close.values())[:3]


def _singular(name: str) -> str:
    return " ".join(word[:-1] if word.endswith("s") and not word.endswith("ss") else word for word in name.split())
