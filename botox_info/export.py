"""Knowledge-base models -> JSON and Markdown text.

The JSON shapes are a documented, stable interface (see the README): add
fields, never rename or remove them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from . import wording
from .knowledge import KnowledgeBase, SideEffect, Source, Statement

# Enough to stop emphasis, links, HTML, headings and table cells; parentheses stay plain.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def to_json(value: Any, ascii_only: bool = False) -> str:
    return json.dumps(value, indent=2, ensure_ascii=ascii_only)


def statements(items: Iterable[Statement]) -> list[dict[str, Any]]:
    return [{"text": item.text, "sources": list(item.sources)} for item in items]


def source(item: Source) -> dict[str, Any]:
    return {"id": item.id, "title": item.title, "publisher": item.publisher, "year": item.year, "url": item.url}


def side_effect(knowledge: KnowledgeBase, entry: SideEffect) -> dict[str, Any]:
    duration = entry.duration
    return {
        "id": entry.id,
        "name": entry.name,
        "origin": entry.origin,
        "aliases": list(entry.aliases),
        "summary": entry.summary,
        "causes": statements(entry.causes),
        "duration": {
            "text": duration.text,
            "low": duration.low,
            "high": duration.high,
            "unit": duration.unit,
            "sources": list(duration.sources),
        },
        "frequency": {
            "bucket": entry.frequency.bucket,
            "figures": [
                {
                    "area": figure.area,
                    "percent": figure.percent,
                    "placebo_percent": figure.placebo_percent,
                    "population": figure.population,
                    "source": figure.source,
                }
                for figure in entry.frequency.figures
            ],
        },
        "mitigation": statements(entry.mitigation),
        "prevention": statements(entry.prevention),
        "see_doctor_if": statements(entry.see_doctor_if),
        "areas": list(entry.areas),
        "sources": [source(knowledge.sources[source_id]) for source_id in entry.cited_sources],
    }


def guidance(knowledge: KnowledgeBase) -> dict[str, Any]:
    return {
        "principles": statements(knowledge.guidance.principles),
        "checklist": statements(knowledge.guidance.checklist),
        "prevention": [
            {"id": entry.id, "name": entry.name, "prevention": statements(entry.prevention)}
            for entry in knowledge.side_effects
        ],
        "sources": [source(item) for item in knowledge.sources.values()],
        "disclaimer": knowledge.disclaimer,
    }


def urgent(knowledge: KnowledgeBase) -> dict[str, Any]:
    flags = knowledge.red_flags
    return {
        "summary": flags.summary,
        "onset": flags.onset,
        "signs": list(flags.signs),
        "action": statements(flags.action),
        "sources": [source(knowledge.sources[source_id]) for source_id in flags.sources],
        "disclaimer": knowledge.disclaimer,
    }


def escape(text: str) -> str:
    """Knowledge-base text as literal Markdown: no accidental emphasis, links or HTML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def markdown_list(knowledge: KnowledgeBase, entries: Iterable[SideEffect]) -> str:
    lines = [
        "# Possible side effects of Botox® injections",
        "",
        "| Side effect | In short | Usually lasts | How often |",
        "| --- | --- | --- | --- |",
    ]
    for entry in entries:
        cells = [entry.name, entry.summary, wording.duration_range(entry.duration)]
        cells.append(wording.frequency_summary(entry.frequency))
        lines.append("| " + " | ".join(escape(cell) for cell in cells) + " |")
    return "\n".join([*lines, *_markdown_footer(knowledge)])


def markdown_side_effect(knowledge: KnowledgeBase, entry: SideEffect) -> str:
    numbering = wording.numbering_of(entry.cited_sources)
    lines = [f"# {escape(entry.name)}", "", f"*{escape(entry.summary)}*"]
    lines += _markdown_section("How long it lasts", [Statement(entry.duration.text, entry.duration.sources)], numbering)
    lines += _markdown_section("How often", wording.frequency_statements(knowledge, entry), numbering)
    lines += _markdown_section("Why it happens", entry.causes, numbering)
    lines += _markdown_section("What to do if it happens", entry.mitigation, numbering)
    lines += _markdown_section("How to lower the chance", entry.prevention, numbering)
    lines += _markdown_section("See a doctor if", entry.see_doctor_if, numbering)
    areas = ", ".join(knowledge.area_names()[area] for area in entry.areas)
    lines += ["", "## Treatment areas", "", escape(areas)]
    lines += _markdown_sources(knowledge, list(numbering))
    return "\n".join([*lines, *_markdown_footer(knowledge)])


def markdown_guidance(knowledge: KnowledgeBase) -> str:
    sections = knowledge.guidance
    cited = wording.guidance_sources(knowledge)
    numbering = wording.numbering_of(cited)
    lines = ["# How to avoid the risks of Botox® injections"]
    lines += _markdown_section("What matters most", sections.principles, numbering)
    lines += _markdown_section("Checklist before you book", sections.checklist, numbering)
    lines += ["", "## Lowering the chance of each side effect"]
    for entry in knowledge.side_effects:
        lines += _markdown_section(entry.name, entry.prevention, numbering, level="###")
    lines += _markdown_sources(knowledge, cited)
    return "\n".join([*lines, *_markdown_footer(knowledge)])


def markdown_urgent(knowledge: KnowledgeBase) -> str:
    flags = knowledge.red_flags
    numbering = wording.numbering_of(wording.urgent_sources(knowledge))
    lines = ["# When it is an emergency", "", escape(flags.summary), "", f"**When:** {escape(flags.onset)}"]
    lines += _markdown_section("Warning signs", [Statement(sign, ()) for sign in flags.signs], numbering)
    lines += _markdown_section("What to do", flags.action, numbering)
    lines += _markdown_sources(knowledge, list(numbering))
    return "\n".join([*lines, "", f"> {escape(knowledge.disclaimer)}"])


def _markdown_section(
    title: str, items: Iterable[Statement], numbering: dict[str, int], level: str = "##"
) -> list[str]:
    lines = ["", f"{level} {escape(title)}", ""]
    for item in items:
        cited = " " + escape(wording.citation(item.sources, numbering)) if item.sources else ""
        lines.append(f"- {escape(item.text)}{cited}")
    return lines


def _markdown_sources(knowledge: KnowledgeBase, source_ids: list[str] | tuple[str, ...]) -> list[str]:
    lines = ["", "## Sources", ""]
    for position, source_id in enumerate(source_ids, start=1):
        source = knowledge.sources[source_id]
        # An autolink, clickable once rendered, unless the address itself would break out of it.
        link = f" <{source.url}>" if source.url and not set("<>") & set(source.url) else ""
        if source.url and not link:
            link = " " + escape(source.url)
        lines.append(f"{position}. {escape(wording.source_text(source, with_url=False))}{link}")
    return lines


def _markdown_footer(knowledge: KnowledgeBase) -> list[str]:
    return ["", f"**{escape(wording.RED_FLAG_LINE)}**", "", f"> {escape(knowledge.disclaimer)}"]
