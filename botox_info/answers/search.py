"""Full-text search: which side effects and sections mention what the user typed.

Case, accents, punctuation and apostrophes are ignored ("BRÛISE", "can't" = "cant"),
word forms are folded by a small suffix stemmer ("bruises", "bruised", "bruising"),
stop words are dropped, and every remaining query word must match somewhere in an
entry or section. Stdlib only; imports neither typer nor rich. Nothing is computed
at import time: `search()` tokenises the knowledge base afresh (a few milliseconds).

Ranking: each query word scores the weight of the best field it is in (a name, alias,
id or title 10 if the query covers all of it, down to 4; summary 4; other text 1); the
best field adds half its weight per pair of query words side by side, and its weight
if it says just the query's words; each matching field adds 0.1 (at most 1). Ties:
side effects before sections, then knowledge-base order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from itertools import pairwise
from typing import NamedTuple

from ..knowledge.models import GUIDE_TITLES, KnowledgeBase, Statement

# A word: letters and digits (accents, even as combining marks, included), joined by apostrophes.
# Underscores are \w: texts are searched with them turned into spaces (same length, same offsets).
_WORD = r"[\w\u0300-\u036f]+(?:['’ʼ][\w\u0300-\u036f]+)*"
_APOSTROPHES = dict.fromkeys(map(ord, "'’ʼ"))
# Weights of where a word matched: the entry's names, its summary, any other text.
NAME, SUMMARY, BODY = 10, 4, 1
# The sections of guidance searched, titled as their pages are (one list: models.GUIDE_SECTIONS).
SECTIONS = GUIDE_TITLES
# Function words and fillers ("feels", "looks"): ignored unless the query has nothing else.
_STOP = """a an the i im ive id me my mine myself you your youre we our us he she his her they them their it its
this that these those there here is are was were be been being am do does did doing dont doesnt didnt have has had
having get gets got getting can cant cannot could couldnt will wont would should may might must and or but if so as
than then of to in on at for with from by about into up out over after what whats when where which who why how not
no any some all very really too quite just still also much more most lot lots bit little properly
normally anymore now again while because until feel feels feeling felt look looks looking seem seems"""
STOP_WORDS = frozenset(_STOP.split())
# Forms the suffix rules cannot reach, and -y adjectives that name a symptom ("itchy" = "itch").
_IRREGULAR = {
    "swollen": "swell", "bled": "bleed", "stung": "sting", "bitten": "bite", "lying": "lie", "teeth": "tooth",
    "feet": "foot", "chose": "choose", "chosen": "choose", "itchy": "itch", "droopy": "droop", "saggy": "sag",
    "puffy": "puff", "bumpy": "bump", "lumpy": "lump", "gritty": "grit", "achy": "ache", "scaly": "scale",
    "blotchy": "blotch", "flaky": "flake", "tingly": "tingle", "twitchy": "twitch", "teary": "tear",
    "watery": "water", "bloody": "blood", "shaky": "shake", "sleepy": "sleep",
}  # fmt: skip


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


class _Field(NamedTuple):
    name: str
    text: str
    weight: int


def search(knowledge: KnowledgeBase, query: str) -> list[Hit]:
    """The entries and sections that match every content word of `query`, best first."""
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
    ranked: list[tuple[float, bool, int, Hit]] = []
    for order, (kind, key, title, fields) in enumerate(_documents(knowledge)):
        # Most documents lack a query word: one look at all their words at once rules them out
        # before the field-by-field scoring (a clinic's 1,000 entries made this the bulk of a search).
        everything = _tokens("\n".join(field.text for field in fields))
        if not required.issubset([cache[word] if word in cache else _stem(word, cache) for word in everything]):
            continue
        best: dict[str, float] = {}
        # Each matching field with how good a passage it makes: more query words, the exact query,
        # a heavier field, more query words side by side, then document order.
        matches: list[tuple[tuple[float, ...], _Field]] = []
        bonus, phrase = 0.0, False
        for field in fields:
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
        if len(best) < len(required) or (phrase_only and not phrase):
            continue
        score = round(sum(best.values()) + bonus + min(len(matches), 10) / 10, 2)
        names = tuple(dict.fromkeys(field.name for _, field in matches))
        hit = Hit(kind, key, title, score, names, _passages(matches, required, cache))
        ranked.append((-score, kind != "side effect", order, hit))  # side effects first on a tie
    return [hit for *_, hit in sorted(ranked, key=lambda item: item[:3])]


def has_search_word(query: str) -> bool:
    """Whether `query` says what to look for: a word other than the small ones ('my', 'it', 'the').

    A section's own name counts even where it is a small word: 'search after' finds the aftercare.
    """
    return any(word not in STOP_WORDS or word in SECTIONS for word in map(_fold, _tokens(query)))


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


def _documents(knowledge: KnowledgeBase) -> list[tuple[str, str, str, list[_Field]]]:
    """(kind, id, title, fields) of every side effect, then of every section."""
    documents = []
    area_names = knowledge.area_names()
    for entry in knowledge.side_effects:
        fields = [_Field("id", entry.id, NAME), _Field("name", entry.name, NAME)]
        fields += [_Field("aliases", alias, NAME) for alias in entry.aliases]
        fields += [_Field("summary", entry.summary, SUMMARY), *_numbered(("causes", entry.causes))]
        fields += [_Field("duration", entry.duration.text, BODY)]
        fields += _numbered(
            ("frequency.figures", [figure.population for figure in entry.frequency.figures]),
            ("mitigation", entry.mitigation),
            ("prevention", entry.prevention),
            ("see_doctor_if", entry.see_doctor_if),
            ("areas", [area_names.get(area, area) for area in entry.areas]),
        )
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
            *_numbered(("signs", flags.signs), ("action", flags.action)),
        ],
    }
    for key, fields in sections.items():
        heading = [_Field("id", key, NAME), _Field("title", SECTIONS[key], NAME)]
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
    """The three best matching fields, one per field name; the id only when nothing else matched."""
    chosen: dict[str, str] = {}
    for _, field in sorted(matches):
        if field.name != "id" or len(matches) == 1:
            chosen.setdefault(field.name, field.text)
    passages = []
    for name, text in list(chosen.items())[:3]:
        words = re.finditer(_WORD, text.replace("_", " "))
        passages.append(Passage(name, text, tuple(word.span() for word in words if _stem(word[0], cache) in required)))
    return tuple(passages)


def _tokens(text: str) -> list[str]:
    return re.findall(_WORD, text.replace("_", " "))


def _fold(token: str) -> str:
    """'BRÛISE' -> 'bruise', "Can't" -> 'cant': case, accents and apostrophes ignored."""
    if token.isascii():
        return token.lower().replace("'", "")
    decomposed = unicodedata.normalize("NFKD", token.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).translate(_APOSTROPHES)


def _stem(token: str, cache: dict[str, str]) -> str:
    """The stem of a token as written ('Bruising' -> 'bruis'), remembered in `cache`."""
    stem = cache.get(token)
    if stem is None:
        folded = _fold(token)
        stem = cache[token] = _suffixes(_IRREGULAR.get(folded, folded))
    return stem


def _suffixes(word: str) -> str:
    """Porter's steps 1 and 5a, lightly: plurals, -ness, -ed, -ing, final -y and -e.

    bruise, bruises, bruised, bruising -> bruis; droops, drooping -> droop; lines, lining -> line.
    """
    if len(word) <= 2 or word[-1] not in "degsy" or not word.isalpha():  # no suffix to strip
        return word
    if word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("ies"):
        word = word[:-1] if len(word) == 4 else word[:-2]  # lies -> lie, allergies -> allergi
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ness") and "vc" in _shape(word[:-4]):
        word = word[:-4]  # weakness -> weak; puffiness -> puffy -> puff
        word = _IRREGULAR.get(word[:-1] + "y", word) if word.endswith("i") else word
    if word.endswith("eed"):
        word = word[:-1] if "vc" in _shape(word[:-3]) else word  # agreed -> agree; bleed, need stay
    else:
        for suffix in ("ing", "ed"):
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) > 1 and "v" in _shape(stem):
                word = stem
                if word.endswith(("at", "bl", "iz")) or (_shape(word).count("vc") == 1 and _cvc(word)):
                    word += "e"  # biting -> bite, lining -> line
                elif word[-1] == word[-2] and word[-1] not in "aeioulsz":
                    word = word[:-1]  # sagging -> sag, dropped -> drop
                break
    if word.endswith("y") and "v" in _shape(word[:-1]):
        word = word[:-1] + "i"  # allergy, allergies -> allergi
    if word.endswith("e"):
        measure = _shape(word[:-1]).count("vc")  # Porter's m
        if measure > 1 or (measure == 1 and not _cvc(word[:-1])):
            word = word[:-1]  # bruise -> bruis, but sore, face and bite keep their e
    return word


def _shape(word: str) -> str:
    """'c' for each consonant of `word`, 'v' for each vowel ('y' after a consonant is a vowel)."""
    shape = ""
    for char in word:
        shape += "v" if char in "aeiou" or (char == "y" and shape[-1:] == "c") else "c"
    return shape


def _cvc(stem: str) -> bool:
    """Consonant, vowel, consonant at the end, the last not w, x or y (hop, bit, lin)."""
    return _shape(stem).endswith("cvc") and stem[-1] not in "wxy"
