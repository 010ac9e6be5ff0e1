"""The timeline of a handout as an inline SVG, from the numbers `timeline` draws, with its text alternative.

The same bars (answers/timeline.py) on the same logarithmic axis (chart.share)
as the terminal's chart: a solid bar where a side effect usually lasts, a
striped one as long as it can last, '?' where no source says when it starts.
Readable without colour (pattern, not hue), and described in words for a
screen reader. Every name is escaped. No Rich and no typer here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .chart import TICKS, not_drawn_line, share, span_text
from .html import text

if TYPE_CHECKING:
    from ..answers.timeline import Bar, Timeline

WIDTH = 640
LABEL = 190  # the names' column
PLOT = WIDTH - LABEL - 12
ROW = 22
TOP = 8
AXIS = 34  # room for the ticks and their labels


def timeline_figure(timeline: Timeline) -> list[str]:
    """A <figure>: the drawing, whose title and description say everything it shows, and a caption."""
    rows = [timeline.wanted, *timeline.bars] if timeline.wanted else list(timeline.bars)
    height = TOP + ROW * len(rows) + AXIS
    lines = [
        "<figure>",
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img"'
        ' aria-labelledby="timeline-title timeline-desc" font-family="DejaVu Sans, Arial, sans-serif" font-size="12">',
        '<title id="timeline-title">When each effect starts and how long it lasts, minutes to months after the'
        " injection</title>",
        f'<desc id="timeline-desc">{text(describe(rows))}</desc>',
        "<defs>",
        '<pattern id="stripes" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">',
        '<rect width="6" height="6" fill="#fff"/><rect width="2.5" height="6" fill="#595959"/></pattern>',
        "</defs>",
    ]
    lines += _axis(TOP + ROW * len(rows))  # first, so the bars are drawn over its grid lines
    for index, row in enumerate(rows):
        lines += _row(row, TOP + ROW * index)
    lines.append("</svg>")
    caption = (
        "Time after the injection on a stretched scale, so minutes and months both show. Solid bar: how long it"
        " usually lasts; striped bar: how long it can last; ?: no source says when it starts."
    )
    missing = not_drawn_line(timeline)
    lines.append(f"<figcaption>{text(caption)}{' ' + text(missing) if missing else ''}</figcaption>")
    return [*lines, "</figure>"]


def describe(rows: list[Bar]) -> str:
    """The drawing in words, one sentence per bar: its text alternative."""
    sentences = []
    for row in rows:
        start = span_text(row.start) if row.start_known else "a time no source gives"
        usual = f", usually lasts until {span_text(row.usual_end)}" if row.usual_end > row.start else ""
        sentences.append(f"{row.name}: starts {_after(start)}{usual}, can last until {span_text(row.longest_end)}.")
    return " ".join(sentences)


def _after(start: str) -> str:
    return start if start in ("at the injection", "a time no source gives") else f"{start} after the injection"


def _x(hours_after: float) -> float:
    return round(LABEL + share(hours_after) * PLOT, 1)


def _row(row: Bar, y: int) -> list[str]:
    start, usual, longest = _x(row.start), _x(row.usual_end), _x(row.longest_end)
    usual_width = max(usual - start, 3)
    name = " ".join(row.name.split())
    shown = name if len(name) <= 28 else name[:27] + "…"
    lines = [f'<text x="{LABEL - 6}" y="{y + 15}" text-anchor="end" fill="#1a1a1a">{text(shown)}</text>']
    if longest > start + usual_width:
        width = round(longest - start - usual_width, 1)
        lines.append(
            f'<rect x="{start + usual_width}" y="{y + 5}" width="{width}" height="12" fill="url(#stripes)"'
            ' stroke="#595959" stroke-width="1"/>'
        )
    lines.append(f'<rect x="{start}" y="{y + 4}" width="{round(usual_width, 1)}" height="14" fill="#1a1a1a"/>')
    if not row.start_known:
        lines.append(f'<text x="{start + 2}" y="{y + 15}" fill="#fff" font-weight="bold">?</text>')
    return lines


def _axis(y: int) -> list[str]:
    lines = [f'<line x1="{LABEL}" y1="{y + 4}" x2="{LABEL + PLOT}" y2="{y + 4}" stroke="#1a1a1a"/>']
    for label, at in TICKS:
        x = _x(at)
        lines.append(f'<line x1="{x}" y1="{y}" x2="{x}" y2="{y + 9}" stroke="#1a1a1a"/>')
        lines.append(f'<text x="{x}" y="{y + 24}" text-anchor="middle" fill="#1a1a1a">{label}</text>')
        lines.append(f'<line x1="{x}" y1="{8}" x2="{x}" y2="{y}" stroke="#d0d0d0" stroke-dasharray="2 3"/>')
    return lines
