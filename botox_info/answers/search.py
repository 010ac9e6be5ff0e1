"""Full-text search: which side effects and sections mention what the user typed.

Case, accents, punctuation and apostrophes are ignored ("BRÛISE", "can't" = "cant"),
word forms are folded by stemming.py ("bruises", "bruised", "bruising"), stop words
are dropped, and every remaining query word must match somewhere in an entry or
section; a query of QUORUM or more words that no page holds in full finds the pages
that hold all but one, each naming the word it lacks. A page is searched in its
names, aliases and vocabulary words (the knowledge base's `vocabulary`, weighed as
names), its text, and its headings ('How long it lasts'). Stdlib only; imports
neither typer nor rich. Nothing is computed at import time: `search()` asks the index
(search_index.py, kept beside the cache entry) which pages hold the query's words, and
reads only those, skipping every text without the query words' starts.

Ranking: each query word scores the weight of the best field it is in (a name, alias,
vocabulary word, id or title 10 if the query covers all of it, down to 4; summary 4;
other text 1); the best field adds half its weight per pair of query words side by
side, and its weight if it says just the query's words; each matching field adds 0.1
(at most 1). Ties: side effects before sections, then knowledge-base order. A hit's
`part` is where its best field is ('mitigation', or a vocabulary word's part).
"""

# No `from __future__ import annotations`, as in models.py: NamedTuple would turn every annotation
# of Passage, Hit and _Field into a ForwardRef, compiled at start-up.

import re
from collections.abc import Container, Iterable
from itertools import pairwise
from typing import NamedTuple

from ..knowledge.models import GUIDE_TITLES, PART_TITLES, KnowledgeBase, Statement
from .search_index import pages_with
from .stemming import STOP_WORDS, TOPIC_WORDS, WORD, fold_text, starts
from .stemming import fold as _fold
from .stemming import stem as _stem
from .stemming import tokens as _tokens

# Weights of where a word matched: the entry's names, its summary, any other text.
NAME, SUMMARY, BODY = 10, 4, 1
# The sections of guidance searched, titled as their pages are (one list: models.GUIDE_SECTIONS).
SECTIONS = GUIDE_TITLES
HEADING = ".heading"  # the field of a page's heading ('duration.heading': 'How long it lasts')
# A query of at least this many content words may find pages that mention all of them but one.
QUORUM = 3
# A vocabulary word's field is named WORDS, or WORDS>part when it leads to one part of its page.
WORDS = "words"
# The part of its page a field belongs to: a side effect's names and areas are the whole page.
_WHOLE_PAGE = frozenset(("id", "name", "aliases", "title", "areas", "steps"))
_SECTION_KEYS = ("avoid", "before", "after", "red-flags")  # the sections searched, in order


class Passage(NamedTuple):
    field: str  # "name", "aliases", "summary", "causes[0]", "frequency.figures[1]", "signs[2]", ...
    text: str  # the field's full text (for aliases: the alias that matched)
    spans: tuple[tuple[int, int], ...]  # [start, end) ranges of `text` that matched a query word


class Hit(NamedTuple):
    kind: str  # "side effect" or "section"
    id: str  # a side-effect id, or "avoid", "before", "after", "red-flags"
    title: str
    score: float
    fields: tuple[str, ...]  # every field that matched, in document order
    passages: tuple[Passage, ...]  # the best passages, best first (at most 3)
    part: str = ""  # the part of the page the best passage is in ('mitigation'), '' for the whole page
    missing: tuple[str, ...] = ()  # query words it does not mention (only when no page mentions them all)

    @property
    def target(self) -> str:
        """Where the hit leads, as the vocabulary writes it: 'bruising#mitigation', 'after'."""
        return f"{self.id}#{self.part}" if self.part else self.id


class _Field(NamedTuple):
    name: str
    text: str
    weight: int


def search(knowledge: KnowledgeBase, query: str) -> list[Hit]:
    """The entries and sections that match every content word of `query`, best first.

    When none does and the query has at least QUORUM content words, those that match all
    but one of them, each saying which word it does not mention.
    """
    cache: dict[str, str] = {}
    tokens = _tokens(query)
    sequence = tuple(_stem(token, cache) for token in tokens)
    content = tuple(stem for token, stem in zip(tokens, sequence, strict=True) if _fold(token) not in STOP_WORDS)
    phrase_only = not content  # only stop words: they count, but only as a phrase ("the and": nothing)
    content = content or sequence
    required = set(content)
    if not required:
        return []
    pairs = {pair for pair in pairwise(sequence) if required.intersection(pair)}
    # A plain text with none of these letters has none of the words: skipped without splitting it (most are).
    letters = starts(required)
    ranked: list[tuple[float, bool, int, Hit]] = []
    partial: list[tuple[float, bool, int, Hit]] = []  # all words but one, for when no page has them all
    # Most pages lack a query word: the index (search_index.py) names those that lack none, or at most
    # one (the all-but-one rule below), so only their fields are built and scored one by one.
    spare = 1 if len(required) >= QUORUM else 0
    count = len(knowledge.side_effects) + len(_SECTION_KEYS)
    candidates = pages_with(knowledge, required, spare, count, lambda: _texts(knowledge))
    for (order, lacking), (kind, key, title, fields) in zip(
        candidates.items(), _documents(knowledge, candidates), strict=True
    ):
        # A page may lack one word only while no page has them all (the all-but-one rule below).
        if lacking and ranked:
            continue
        best: dict[str, float] = {}
        # Each matching field with how good a passage it makes: more query words, the exact query,
        # a heavier field, more query words side by side, then document order.
        matches: list[tuple[tuple[float, ...], _Field]] = []
        bonus, phrase = 0.0, False
        if not any(start in fold_text(" ".join(field.text for field in fields)) for start in letters):
            continue  # no text of the page has the query's words: most pages, for most queries
        for field in fields:
            lowered = fold_text(field.text)
            if not any(start in lowered for start in letters):
                continue
            words = _tokens(field.text)
            stems = [cache[word] if word in cache else _stem(word, cache) for word in words]
            found = required.intersection(stems)
            if not found:
                continue
            said = [s for w, s in zip(words, stems, strict=True) if phrase_only or _fold(w) not in STOP_WORDS]
            exact = tuple(said) == content  # the field says the query's words and nothing else
            weight = float(field.weight)
            if field.weight == NAME:  # a name counts in full only if the query covers all of it
                weight = SUMMARY + (NAME - SUMMARY) * len(found.intersection(said)) / max(len(set(said)), 1)
            for stem in found:
                best[stem] = max(best.get(stem, 0.0), weight)
            adjacent = len(pairs.intersection(pairwise(stems)))
            bonus = max(bonus, weight * (adjacent / 2 + exact))
            phrase = phrase or f" {' '.join(sequence)} " in f" {' '.join(stems)} "
            matches.append(((-len(found), -exact, -weight, -adjacent, len(matches)), field))
        short = len(required) - len(best)
        if (short and (len(required) < QUORUM or short > 1 or ranked)) or (phrase_only and not phrase):
            continue
        score = round(sum(best.values()) + bonus + min(len(matches), 10) / 10, 2)
        names = tuple(dict.fromkeys(field.name for _, field in matches))
        missing = tuple(
            dict.fromkeys(t for t, stem in zip(tokens, sequence, strict=True) if stem in required - set(best))
        )
        passages = _passages(matches, required, cache)
        hit = Hit(kind, key, title, score, names, passages, part_of(min(matches)[1].name), missing)
        # Side effects first on a tie.
        (partial if short else ranked).append((-score, kind != "side effect", order, hit))
    return [hit for *_, hit in sorted(ranked or partial, key=lambda item: item[:3])]


def has_search_word(query: str) -> bool:
    """Whether `query` says what to look for: a word other than the small ones ('my', 'it', 'the').

    A section's own name counts even where it is a small word: 'search after' finds the aftercare.
    """
    return any(word not in STOP_WORDS or word in SECTIONS or word in TOPIC_WORDS for word in map(_fold, _tokens(query)))


def suggestions(knowledge: KnowledgeBase, query: str) -> list[str]:
    """Up to three words of the knowledge base close to a query word it does not know ("bruse": "bruise")."""
    import difflib

    cache: dict[str, str] = {}
    vocabulary: dict[str, str] = {}  # folded word -> as written, in lower case
    for *_, fields in _documents(knowledge):
        for field in fields:
            for word in _tokens(field.text):
                folded = _fold(word)
                if len(folded) > 2 and folded.isalpha() and folded not in STOP_WORDS:
                    vocabulary.setdefault(folded, word.casefold())
    known = {_stem(word, cache) for word in vocabulary}
    unknown = [_fold(t) for t in _tokens(query) if _fold(t) not in STOP_WORDS and _stem(t, cache) not in known]
    close: dict[str, str] = {}  # stem -> the closest word of that family
    for word in unknown:
        candidates = [known_word for known_word in vocabulary if abs(len(known_word) - len(word)) <= 3]
        for match in difflib.get_close_matches(word, candidates, n=10, cutoff=0.8):
            close.setdefault(_stem(match, cache), vocabulary[match])
    return list(close.values())[:3]


def part_of(field: str) -> str:
    """The part of its page a field is in: 'mitigation[2]' -> 'mitigation', 'words>causes' -> 'causes'."""
    if field.startswith(WORDS):
        return field.partition(">")[2]
    base = field.split("[", 1)[0].split(".", 1)[0]
    return "" if base in _WHOLE_PAGE else base


def _texts(knowledge: KnowledgeBase) -> list[str]:
    """The text of every page, its fields joined, in `_documents`' order: what search's index is built from."""
    return ["\n".join(field.text for field in fields) for *_, fields in _documents(knowledge)]


def _documents(
    knowledge: KnowledgeBase, wanted: Container[int] | None = None
) -> list[tuple[str, str, str, list[_Field]]]:
    """(kind, id, title, fields) of every side effect, then of every section; only those at `wanted` positions."""
    documents = []
    area_names = knowledge.area_names()
    said: dict[str, list[_Field]] = {}  # page -> its vocabulary words, weighed as names
    for words in knowledge.vocabulary:
        name = f"{WORDS}>{words.part}" if words.part else WORDS
        said.setdefault(words.page, []).extend(_Field(name, word, NAME) for word in words.words)
    for position, entry in enumerate(knowledge.side_effects):
        if wanted is not None and position not in wanted:
            continue
        fields = [_Field("id", entry.id, NAME), _Field("name", entry.name, NAME)]
        fields += [_Field("aliases", alias, NAME) for alias in entry.aliases] + said.get(entry.id, [])
        fields += [_Field("summary", entry.summary, SUMMARY), *_numbered(("causes", entry.causes))]
        fields += [_Field("duration", entry.duration.text, BODY)]
        fields += _numbered(
            ("frequency.figures", [figure.population for figure in entry.frequency.figures]),
            ("mitigation", entry.mitigation),
            ("prevention", entry.prevention),
            ("see_doctor_if", entry.see_doctor_if),
            ("areas", [area_names.get(area, area) for area in entry.areas]),
        )
        # The page's headings, so 'how long does the headache last' finds its duration; never shown as passages.
        fields += [
            _Field(f"{part}{HEADING}", title, BODY)
            for part, title in PART_TITLES.items()
            if part != "summary" and (part != "onset" or entry.onset)
        ]
        documents.append(("side effect", entry.id, entry.name, fields))
    guidance, flags = knowledge.guidance, knowledge.red_flags
    sections = {
        "avoid": _numbered(("principles", guidance.principles), ("checklist", guidance.checklist)),
        "before": _numbered(*zip(knowledge.before._fields, knowledge.before, strict=True)),
        "after": [
            field
            for i, step in enumerate(knowledge.after)
            for field in (_Field(f"steps[{i}].when", step.when, BODY), _Field(f"steps[{i}]", step.text, BODY))
        ],
        "red-flags": [
            _Field("summary", flags.summary, SUMMARY),
            _Field("onset", flags.onset, BODY),
            *_numbered(("signs", flags.signs), ("allergy_signs", flags.allergy_signs), ("action", flags.action)),
        ],
    }
    for position, (key, fields) in enumerate(sections.items(), len(knowledge.side_effects)):
        if wanted is not None and position not in wanted:
            continue
        heading = [_Field("id", key, NAME), _Field("title", SECTIONS[key], NAME), *said.get(key, [])]
        documents.append(("section", key, SECTIONS[key], heading + fields))
    return documents


def _numbered(*groups: tuple[str, Iterable[Statement | str]]) -> list[_Field]:
    """('causes', statements) -> fields causes[0], causes[1]... of weight BODY."""
    return [
        _Field(f"{name}[{i}]", item if isinstance(item, str) else item.text, BODY)
        for name, items in groups
        for i, item in enumerate(items)
    ]


def _passages(
    matches: list[tuple[tuple[float, ...], _Field]], required: set[str], cache: dict[str, str]
) -> tuple[Passage, ...]:
    """The three best matching fields of text, one per field name.

    An id, a heading or a vocabulary word is shown only when no text matched: the best of them.
    """
    chosen: dict[str, str] = {}
    for _, field in sorted(matches):
        if field.name != "id" and not field.name.endswith(HEADING) and not field.name.startswith(WORDS):
            chosen.setdefault(field.name, field.text)
    if not chosen:
        best = min(matches)[1]
        chosen[best.name] = best.text
    passages = []
    for name, text in list(chosen.items())[:3]:
        words = re.finditer(WORD, text.replace("_", " "))
        passages.append(Passage(name, text, tuple(word.span() for word in words if _stem(word[0], cache) in required)))
    return tuple(passages)
