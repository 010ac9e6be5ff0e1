"""Words offered by shell completion. Imports neither typer nor rich, so Tab stays fast."""

from __future__ import annotations

from collections.abc import Iterable

from .models import KnowledgeBase
from .plain import normalize_name


def side_effect_words(knowledge: KnowledgeBase, incomplete: str) -> list[str]:
    words = [word for entry in knowledge.side_effects for word in (entry.id, *entry.aliases)]
    return _starting_with(words, incomplete)


def area_words(knowledge: KnowledgeBase, incomplete: str) -> list[str]:
    return _starting_with([word for area in knowledge.areas for word in (area.id, *area.aliases)], incomplete)


def _starting_with(words: Iterable[str], incomplete: str) -> list[str]:
    """Each word once, as the shell should insert it (one token: hyphens for spaces, no quotes)."""
    wanted = normalize_name(incomplete)
    tokens = dict.fromkeys("-".join(normalize_name(word).split()) for word in words)
    return [token for token in tokens if token and normalize_name(token).startswith(wanted)]
