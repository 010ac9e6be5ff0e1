"""Words offered by shell completion. Imports neither typer nor rich, so Tab stays fast."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..errors import KnowledgeBaseError
from ..knowledge.models import KnowledgeBase
from ..plain import normalize_name


def knowledge_for_tab(paths: Sequence[str]) -> KnowledgeBase | None:
    """The knowledge base as the command will layer it; else the built-in one alone; else None.

    Completion answers inside the shell's prompt: an error message or a traceback
    there would garble the line being typed, so a broken file only narrows the
    words offered. The command itself then reports the file.
    """
    from ..knowledge.loader import load_layers

    for layers in (paths, ()):
        try:
            return load_layers(layers)
        except KnowledgeBaseError:
            continue
    return None


def side_effect_words(knowledge: KnowledgeBase | None, incomplete: str) -> list[str]:
    """What `show` completes: side-effect ids first, then words only where they fit better than an id.

    An id is offered when it starts with what was typed; an entry whose id does not
    is offered by its aliases and vocabulary words that do. Treatment areas come
    last (`show` opens them too). Nothing typed: the ids alone, not 300 words.
    """
    if knowledge is None:
        return []
    wanted = normalize_name(incomplete)
    ids = [entry.id for entry in knowledge.side_effects]
    if not wanted:
        return ids
    said: dict[str, list[str]] = {}
    for words in knowledge.vocabulary:
        said.setdefault(words.page, []).extend(words.words)
    fitting = _starting_with(ids, incomplete)
    others = [
        word
        for entry in knowledge.side_effects
        if entry.id not in fitting
        for word in (*entry.aliases, *said.get(entry.id, ()))
    ]
    areas = [word for area in knowledge.areas for word in (area.id, *area.aliases)]
    return _starting_with([*fitting, *others, *areas], incomplete)


def area_words(knowledge: KnowledgeBase | None, incomplete: str) -> list[str]:
    if knowledge is None:
        return []
    return _starting_with([word for area in knowledge.areas for word in (area.id, *area.aliases)], incomplete)


def situation_words(knowledge: KnowledgeBase | None, incomplete: str) -> list[str]:
    from .assessment import yes_no_situations

    if knowledge is None:
        return []
    return [word for word in yes_no_situations(knowledge) if word.startswith(incomplete)]


def _starting_with(words: Iterable[str], incomplete: str) -> list[str]:
    """Each word once, as the shell should insert it (one token: hyphens for spaces, no quotes).

    Compared in any case; a word that starts with what was typed, letter for letter, keeps the
    typed letters ('Spo' -> 'Spock-brows'), since zsh offers only words that start with them.
    """
    wanted = normalize_name(incomplete)
    tokens = dict.fromkeys("-".join(normalize_name(word).split()) for word in words)
    size = len(incomplete)
    return [
        incomplete + token[size:] if token[:size].casefold() == incomplete.casefold() else token
        for token in tokens
        if token and normalize_name(token).startswith(wanted)
    ]
