"""Plain-text phrasing shared by every output format (terminal, Markdown, JSON).

No Rich here, so JSON and Markdown output never pay for importing it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from ..answers.selection import bucket_in, figure_for
from ..knowledge.frequency import NOT_MEASURED, buckets_by_area
from ..knowledge.models import ALL_AREAS, GUIDE_SECTIONS, Duration, Figure, KnowledgeBase, SideEffect, Source, Statement

if TYPE_CHECKING:
    from ..answers.search import Hit, Passage


TIMELINE_TITLE = "After treatment: when things start and how long they last"  # timeline's page, every format
ORIGIN_NAMES = {
    "article": "the seed article",
    "reference": "medical references (the label, health services, studies)",
}


def emergency_line(knowledge: KnowledgeBase) -> str:
    """The knowledge base's emergency line, with the command that says more."""
    return f"{knowledge.emergency.text} See 'botox-info urgent'."


def provenance(entry: SideEffect) -> str:
    """'from article', 'from references', or the clinic file that defined or changed it."""
    if entry.file != "built-in":
        return f"from {os.path.basename(entry.file)}"
    return "from article" if entry.origin == "article" else "from references"


def number(value: float) -> str:
    """1.0 -> '1', 0.58 -> '0.58', 2036 -> '2,036'."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def duration_range(duration: Duration) -> str:
    """'2-4 weeks', '1 day', 'up to 3 days'; 'not measured' where no source says."""
    if not duration.measured:
        return "not measured"
    low, high, unit = duration.low, duration.high, duration.unit
    if high == 1:
        unit = unit[:-1]
    if low == high:
        return f"{number(high)} {unit}"
    if low == 0:
        return f"up to {number(high)} {unit}"
    return f"{number(low)}-{number(high)} {unit}"


def percent(value: float) -> str:
    return f"{number(value)}%"


def frequency_summary(entry: SideEffect, area: str | None = None) -> str:
    """'common, up to 30%'; for one area its own bucket and figure ('uncommon, 0.2% here')."""
    bucket = bucket_in(entry, area)
    figure = figure_for(entry, area)
    if area:
        return f"{bucket}, {percent(figure.percent)} here" if figure else f"{bucket} here"
    if bucket != NOT_MEASURED:
        return f"{bucket}, up to {percent(figure.percent)}" if figure else bucket
    measured = {a: b for a, b in buckets_by_area(entry.frequency.figures, entry.areas).items() if b != NOT_MEASURED}
    if not measured:
        return bucket
    return f"{bucket} overall; " + ", ".join(f"{area_id}: {b}" for area_id, b in measured.items())


def figure_text(figure: Figure, knowledge: KnowledgeBase, with_area: bool = True) -> str:
    """'Jaw: 30%, ... (Table 2)'; a range across studies said to be one; without the area if it is known."""
    if figure.percent_high is not None:
        text = (
            f"{percent(figure.percent)} to {percent(figure.percent_high)} across studies: a spread between "
            f"studies, not anyone's risk; {figure.population}"
        )
    else:
        placebo = f" (placebo {percent(figure.placebo_percent)})" if figure.placebo_percent is not None else ""
        text = f"{percent(figure.percent)}{placebo}, {figure.population}"
    if figure.locator:
        text += f" ({figure.locator})"
    if not with_area:
        return text
    area = "All areas studied" if figure.area == ALL_AREAS else knowledge.area_names()[figure.area]
    return f"{area}: {text}"


def source_text(source: Source) -> str:
    """'Title. Publisher, 2023. doi:... PubMed ...' with what is known; each format places the address itself."""
    text = f"{source.title}. {source.publisher}"
    if source.year is not None:
        text += f", {source.year}"
    text += "."
    if source.doi:
        text += f" doi:{source.doi}."
    if source.pmid:
        text += f" PubMed {source.pmid}."
    if source.accessed:
        text += f" Read on {source.accessed}."
    return text


def citation(source_ids: tuple[str, ...] | list[str], numbering: dict[str, int]) -> str:
    """'[1, 3]' for the sources' numbers in this output."""
    return "[" + ", ".join(str(numbering[source_id]) for source_id in source_ids) + "]"


def brief_sources(numbering: dict[str, int]) -> str:
    """A brief page's sources in one line: '[1] article, [2] mayo; botox-info sources lists them in full.'"""
    cited = ", ".join(f"[{position}] {source_id}" for source_id, position in numbering.items())
    return f"Sources: {cited}; 'botox-info sources' lists them in full."


def numbering_of(source_ids: tuple[str, ...] | list[str]) -> dict[str, int]:
    return {source_id: index for index, source_id in enumerate(source_ids, start=1)}


def frequency_statements(knowledge: KnowledgeBase, entry: SideEffect) -> list[Statement]:
    """The frequency bucket and every figure, each figure citing its source."""
    statements = [Statement(f"Overall: {entry.frequency.bucket}.", ())]
    by_area = buckets_by_area(entry.frequency.figures, entry.areas)
    measured = {area: bucket for area, bucket in by_area.items() if bucket != NOT_MEASURED}
    if measured:
        names = knowledge.area_names()
        buckets = "; ".join(f"{names[area]}: {bucket}" for area, bucket in measured.items())
        elsewhere = "; other areas: not well measured" if len(measured) < len(by_area) else ""
        statements.append(Statement(f"By treatment area: {buckets}{elsewhere}.", ()))
    statements += [Statement(figure_text(f, knowledge), (f.source,)) for f in entry.frequency.figures]
    return statements


# Where a search hit in a section is read in full.
SECTION_COMMANDS = {section_id: command for section_id, _, command in GUIDE_SECTIONS}
_FIELD_LABELS = {
    "id": "name",
    "title": "title",
    "aliases": "also called",
    "summary": "in short",
    "causes": "why",
    "duration": "how long",
    "frequency.figures": "how often",
    "mitigation": "what to do",
    "prevention": "how to lower the chance",
    "see_doctor_if": "see a doctor if",
    "areas": "area",
    "principles": "what matters most",
    "checklist": "choosing the clinic",
    "contraindications": "do not be treated if",
    "tell_your_doctor": "tell your doctor",
    "interactions": "medicines",
    "avoid_beforehand": "in the days before",
    "questions_to_ask": "questions to ask",
    "steps": "after treatment",
    "onset": "when",
    "signs": "warning sign",
    "allergy_signs": "sign of a severe allergic reaction",
    "action": "what to do",
}


def field_label(field: str) -> str:
    """'mitigation[2]' -> 'what to do': a search field as a reader would call it."""
    base = field.split("[", 1)[0]
    if field.endswith(".when"):
        return "when"
    if base.startswith("words"):  # a vocabulary word ('words>mitigation'): what people call it
        part = base.partition(">")[2]
        return f"people say, of {_FIELD_LABELS.get(part, part.replace('_', ' '))}" if part else "people say"
    return _FIELD_LABELS.get(base, base.replace("_", " "))


def shown_passages(hit: Hit) -> list[Passage]:
    """A hit's passages without the one that only repeats its title."""
    return [passage for passage in hit.passages if passage.text != hit.title or passage.field not in ("name", "title")]


def missing(hit: Hit) -> str:
    """'; does not mention 'ability'' for a hit that matched all the query's words but one; else ''."""
    return f"; does not mention '{', '.join(hit.missing)}'" if hit.missing else ""


def read_more(kind: str, entry_id: str) -> str:
    """The command that shows a search hit in full."""
    return f"botox-info show {entry_id}" if kind == "side effect" else f"botox-info {SECTION_COMMANDS[entry_id]}"


def file_state(row: dict[str, Any]) -> str:
    """'read', 'not present, skipped', or why a file stops every command."""
    found = row["state"]
    if found == "read":
        return "read"
    if found == "missing":
        return (
            "MISSING: every command stops with an error until it exists" if row["required"] else "not present, skipped"
        )
    stops = "every command stops with an error until it is fixed"
    if found == "unreadable":
        return f"UNREADABLE ({row['reason']}): {stops}"
    return f"NOT A REGULAR FILE but {found}: {stops}"


def cache_line(cache: dict[str, Any]) -> str:
    """'Cache of validated files: PATH (2 entries, 231 KB)', or why there is none."""
    if cache["path"] is None:
        return "Cache of validated files: off ($BOTOX_INFO_CACHE_DIR is empty, or there is no home folder)"
    size = cache["bytes"]
    shown = f"{size} bytes" if size < 1024 else f"{size / 1024:.0f} KB"
    count = "1 entry" if cache["entries"] == 1 else f"{cache['entries']} entries"
    return f"Cache of validated files: {cache['path']} ({count}, {shown})"
