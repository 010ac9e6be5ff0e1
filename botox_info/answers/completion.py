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
    if knowledge is None:
        return []
    words = [word for entry in knowledge.side_effects for word in (entry.id, *entry.aliases)]
    return _starting_with(words, incomplete)


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
    """Each word once, as the shell should insert it (one token: hyphens for spaces, no quotes)."""
    wanted = normalize_name(incomplete)
    tokens = dict.fromkeys("-".join(normalize_name(word).split()) for word in words)
    return [token for token in tokens if token and normalize_name(token).startswith(wanted)]
