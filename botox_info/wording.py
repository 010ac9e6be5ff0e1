"""Plain-text phrasing shared by every output format (terminal, Markdown, JSON).

No Rich here, so JSON and Markdown output never pay for importing it.
"""

from __future__ import annotations

from collections.abc import Iterable

from .knowledge import Duration, Figure, Frequency, KnowledgeBase, SideEffect, Source, Statement

RED_FLAG_LINE = (
    "Trouble swallowing, speaking or breathing after treatment, even weeks later, "
    "is an emergency: get medical help at once. See 'botox-info urgent'."
)


def number(value: float) -> str:
    """1.0 -> '1', 0.58 -> '0.58', 2036 -> '2,036'."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def duration_range(duration: Duration) -> str:
    """'2-4 weeks', '1 day', 'up to 3 days'."""
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


def frequency_summary(frequency: Frequency) -> str:
    """'common, up to 30%' or 'not well measured'."""
    if not frequency.figures:
        return frequency.bucket
    highest = max(figure.percent for figure in frequency.figures)
    return f"{frequency.bucket}, up to {percent(highest)}"


def figure_text(figure: Figure, knowledge: KnowledgeBase) -> str:
    """'Jaw (masseter): 30% (placebo 0.1%), 2,036 treatment sessions'."""
    area = "All areas" if figure.area == "all" else knowledge.area_names()[figure.area]
    placebo = f" (placebo {percent(figure.placebo_percent)})" if figure.placebo_percent is not None else ""
    return f"{area}: {percent(figure.percent)}{placebo}, {figure.population}"


def source_text(source: Source, with_url: bool = True) -> str:
    """'Title. Publisher, 2023. https://...' with what is known."""
    text = f"{source.title}. {source.publisher}"
    if source.year is not None:
        text += f", {source.year}"
    text += "."
    if source.url and with_url:
        text += f" {source.url}"
    return text


def citation(source_ids: tuple[str, ...] | list[str], numbering: dict[str, int]) -> str:
    """'[1, 3]' for the sources' numbers in this output."""
    return "[" + ", ".join(str(numbering[source_id]) for source_id in source_ids) + "]"


def numbering_of(source_ids: tuple[str, ...] | list[str]) -> dict[str, int]:
    return {source_id: index for index, source_id in enumerate(source_ids, start=1)}


def cited_sources(statements: Iterable[Statement]) -> tuple[str, ...]:
    """The sources the statements cite, each once, in order of first citation."""
    cited: dict[str, None] = {}
    for statement in statements:
        cited.update(dict.fromkeys(statement.sources))
    return tuple(cited)


def frequency_statements(knowledge: KnowledgeBase, entry: SideEffect) -> list[Statement]:
    """The frequency bucket and every figure, each figure citing its source."""
    statements = [Statement(f"Overall: {entry.frequency.bucket}.", ())]
    statements += [Statement(figure_text(f, knowledge), (f.source,)) for f in entry.frequency.figures]
    return statements


def guidance_sources(knowledge: KnowledgeBase) -> tuple[str, ...]:
    """What 'avoid' cites: the guidance and every entry's prevention."""
    every_prevention = [s for entry in knowledge.side_effects for s in entry.prevention]
    return cited_sources([*knowledge.guidance.principles, *knowledge.guidance.checklist, *every_prevention])


def urgent_sources(knowledge: KnowledgeBase) -> tuple[str, ...]:
    flags = knowledge.red_flags
    return cited_sources([*flags.action, Statement("", flags.sources)])
