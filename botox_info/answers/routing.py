"""Where `show` takes what a reader typed, so that it never dead-ends.

In order, the first that answers wins:

1. a side effect's id, name or alias ('weak-bite', 'bruise'): that side effect;
2. a word of the lay vocabulary that leads to one page ('masseter', 'ice pack'):
   that page, and the part the word is about; a treatment area or other side
   effects the word also names are listed as `others`;
3. a treatment area's id, name or alias ('TMJ', 'forehead', '11s'): the area,
   with its side effects most common first;
4. the start of side effects' names ('asym'): the one side effect, or an
   AmbiguousNameError listing them;
5. a search: one clear best hit opens its page; several are listed; none is a
   NotFoundError with close words and `search` suggested.

Imports knowledge and answers only: no typer, no rich.
"""

# No `from __future__ import annotations`, as in models.py: NamedTuple would turn every annotation
# into a ForwardRef, compiled at start-up; only `Hit`, imported for type checking alone, is a string.
from typing import TYPE_CHECKING, NamedTuple

from ..errors import AmbiguousNameError, NotFoundError
from ..knowledge.lookup import area_named, close_names, named, names_starting
from ..knowledge.models import GUIDE_SECTIONS, Area, KnowledgeBase, SideEffect
from ..plain import normalize_name

if TYPE_CHECKING:  # search and selection are imported only when needed: `show sagging` needs neither
    from .search import Hit

# How `show` got to a page: by a name, a vocabulary word, an area word, or a search.
NAME, WORDS, AREA, SEARCH = "name", "words", "area", "search"
# A search's best hit is clear when it scores at least this many times the second's.
CLEAR_MARGIN = 1.5


class Route(NamedTuple):
    """Where `show QUERY` leads: exactly one of `entry`, `section`, `area` or several `hits`."""

    query: str
    by: str  # NAME, WORDS, AREA or SEARCH
    entry: SideEffect | None = None
    section: str | None = None  # a section of guidance: 'after', 'before', 'avoid', 'red-flags'
    part: str = ""  # the part of the page the words are about ('mitigation'), '' for all of it
    area: Area | None = None
    area_entries: tuple[SideEffect, ...] = ()  # the area's side effects, most common first
    hits: "tuple[Hit, ...]" = ()  # a search with no clear best hit: every hit, best first
    others: tuple[str, ...] = ()  # other places the words name, as commands that show them


def route(knowledge: KnowledgeBase, query: str) -> Route:
    """Where `show` takes `query`; NotFoundError or AmbiguousNameError when nowhere, or several names."""
    entry = named(knowledge, query)
    if entry is not None:
        return Route(query, NAME, entry=entry)
    area = area_named(knowledge, query)
    words = _vocabulary(knowledge, query)
    if words is not None:
        page, part = words
        others = _others(knowledge, query, area, page)
        if page in {entry.id for entry in knowledge.side_effects}:
            return Route(query, WORDS, entry=knowledge.find(page), part=part, others=others)
        return Route(query, WORDS, section=page, part=part, others=others)
    if area is not None:
        return area_route(knowledge, query, area)
    starting = names_starting(knowledge, query)
    if len(starting) == 1:
        return Route(query, NAME, entry=next(iter(starting.values())))
    if starting:
        raise AmbiguousNameError(query, [(entry.id, entry.name) for entry in starting.values()])
    return _searched(knowledge, query)


def area_route(knowledge: KnowledgeBase, query: str, area: Area) -> Route:
    """A treatment area and its side effects, most common there first (as `list --area ID --sort frequency`)."""
    from .selection import select

    entries = tuple(select(knowledge.side_effects, area=area.id, sort="frequency"))
    return Route(query, AREA, area=area, area_entries=entries)


def clear_best(hits: "list[Hit]") -> "Hit | None":
    """The one hit to open: the only one, or one scoring CLEAR_MARGIN times the next."""
    if len(hits) == 1 or (len(hits) > 1 and hits[0].score >= CLEAR_MARGIN * hits[1].score):
        return hits[0]
    return None


def _searched(knowledge: KnowledgeBase, query: str) -> Route:
    from .search import has_search_word, search

    hits = search(knowledge, query) if has_search_word(query) else []
    if not hits:
        close = close_names(knowledge, query)
        if not close:
            from .search import suggestions as close_words

            close = close_words(knowledge, query)
        raise NotFoundError(query, close)
    best = clear_best(hits) if not hits[0].missing else None  # opened only if it mentions every word
    if best is None:
        return Route(query, SEARCH, hits=tuple(hits))
    others = tuple(_command(hit) for hit in hits[1:4])
    if best.kind == "side effect":
        return Route(query, SEARCH, entry=knowledge.find(best.id), part=best.part, others=others)
    return Route(query, SEARCH, section=best.id, part=best.part, others=others)


def _vocabulary(knowledge: KnowledgeBase, query: str) -> tuple[str, str] | None:
    """(page, part) of the vocabulary word that is what was typed, if it leads to one page only."""
    wanted = normalize_name(query)
    found = {
        (words.page, words.part)
        for words in knowledge.vocabulary
        if any(normalize_name(word) == wanted for word in words.words)
    }
    pages = {page for page, _ in found}
    if len(pages) != 1:
        return None
    page = pages.pop()
    parts = sorted(part for found_page, part in found if found_page == page)
    return page, parts[0] if len(parts) == 1 else ""


def _others(knowledge: KnowledgeBase, query: str, area: Area | None, page: str) -> tuple[str, ...]:
    """What else the words name: the area they are a word for, and side effects whose names start with them."""
    others = [f"botox-info show {area.id}"] if area is not None else []
    others += [f"botox-info show {entry_id}" for entry_id in names_starting(knowledge, query) if entry_id != page]
    return tuple(others)


def _command(hit: "Hit") -> str:
    """The command that shows a hit in full."""
    if hit.kind == "side effect":
        return f"botox-info show {hit.id}"
    return "botox-info " + next(command for section, _, command in GUIDE_SECTIONS if section == hit.id)
