"""How often `search` and `show` reach the right page for what patients type.

Reads the query set (benchmarks/queries.yaml: a phrasing, the page it must
reach, where the phrasing comes from) and prints top-1 and top-3 accuracy of
`search` and of `show`, then every phrasing that misses.

- search: top-1 if the first hit is the expected page (and, for a target
  'entry#part', its best passage is in that part); top-3 if one of the first
  three is.
- show: top-1 if the page `show` opens is the expected one (a part must match
  as for search); top-3 if it opens it, or lists it among the first three
  search results it prints when no hit is clear.

Usage: python benchmarks/accuracy.py [--misses]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from botox_info.answers.routing import route
from botox_info.answers.search import Hit, search
from botox_info.errors import BotoxInfoError
from botox_info.knowledge.loader import load_layers
from botox_info.knowledge.models import KnowledgeBase

QUERIES = Path(__file__).with_name("queries.yaml")
HELD_OUT = "held-out"  # phrasings written after the vocabulary was frozen, never used to change it


class Score(NamedTuple):
    top1: int
    top3: int
    total: int
    misses: list[str]  # "phrasing -> expected: got ..." for each phrasing not reached first

    def line(self, name: str) -> str:
        return (
            f"{name:<7} top-1 {self.top1}/{self.total} = {self.top1 / self.total:.1%}   "
            f"top-3 {self.top3}/{self.total} = {self.top3 / self.total:.1%}"
        )


def queries() -> list[dict[str, Any]]:
    return list(yaml.safe_load(QUERIES.read_text(encoding="utf-8")))


def reaches(target: str, page: str, part: str) -> bool:
    """Whether a page (and the part of it found) is the target 'page' or 'page#part'."""
    wanted_page, _, wanted_part = target.partition("#")
    return page == wanted_page and (not wanted_part or part == wanted_part)


def _hit_reaches(target: str, hit: Hit) -> bool:
    return reaches(target, hit.id, hit.part)


def score_search(knowledge: KnowledgeBase, items: list[dict[str, Any]]) -> Score:
    top1 = top3 = 0
    misses = []
    for item in items:
        hits = search(knowledge, item["q"])
        ranks = [rank for rank, hit in enumerate(hits[:3]) if _hit_reaches(item["to"], hit)]
        top1 += ranks[:1] == [0]
        top3 += bool(ranks)
        if ranks[:1] != [0]:
            got = ", ".join(hit.target for hit in hits[:3]) or "nothing"
            misses.append(f"{item['q']!r} -> {item['to']}: got {got}")
    return Score(top1, top3, len(items), misses)


def shown(knowledge: KnowledgeBase, query: str) -> tuple[str, list[str]]:
    """What `show QUERY` opens ('bruising#mitigation', 'area jaw'), or '' and the pages it lists."""
    try:
        where = route(knowledge, query)
    except BotoxInfoError:
        return "", []
    if where.entry is not None or where.section is not None:
        page = where.entry.id if where.entry is not None else str(where.section)
        return f"{page}#{where.part}" if where.part else page, []
    if where.area is not None:
        return f"area {where.area.id}", []
    return "", [hit.target for hit in where.hits]


def score_show(knowledge: KnowledgeBase, items: list[dict[str, Any]]) -> Score:
    top1 = top3 = 0
    misses = []
    for item in items:
        opened, listed = shown(knowledge, item["q"])
        page, _, part = opened.partition("#")
        first = bool(opened) and reaches(item["to"], page, part)
        listed_hit = any(reaches(item["to"], *target.partition("#")[::2]) for target in listed[:3])
        top1 += first
        top3 += first or listed_hit
        if not first:
            got = opened or (f"a list: {', '.join(listed[:3])}" if listed else "not found")
            misses.append(f"{item['q']!r} -> {item['to']}: got {got}")
    return Score(top1, top3, len(items), misses)


def report(misses: bool = False) -> None:
    """Print each command's scores over the query set (and, with `misses`, every phrasing not reached first)."""
    knowledge = load_layers(())
    items = queries()
    held_out = [item for item in items if item.get("set") == HELD_OUT]
    print(f"query set: {len(items)} phrasings ({QUERIES.name}), {len(held_out)} of them held out")
    for label, chosen in (("all", items), ("held out", held_out)):
        for name, score in (("search", score_search(knowledge, chosen)), ("show", score_show(knowledge, chosen))):
            print(f"{label:<9}{score.line(name)}")
            for miss in score.misses if misses else ():
                print(f"    {miss}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="list every phrasing not reached first")
    report(parser.parse_args().misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
