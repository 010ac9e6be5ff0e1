"""The timeline of a handout as an inline SVG, from the numbers `timeline` draws, with its text alternative.

The same bars (answers/timeline.py) on the same logarithmic axis (chart.share)
as the terminal's chart: a solid bar where a side effect usually lasts, a
striped one as long as it can last, '?' where no source says when it starts.
Readable without colour (pattern, not hue), and described in words for a
screen reader. Every name is escaped. No Rich and no typer here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from .chart import TICKS, not_drawn_line, share, span_text
from .html import text

if TYPE_CHECKING:
    from ..answers.timeline import Bar, Timeline


class Layout(NamedTuple):
    """How a drawing is laid out: on a wide page each name stands left of its bar; on a phone, above it."""

    name: str  # "wide" or "narrow": the drawing's class and the suffix of its ids
    width: int
    label: int  # the names' column; 0: each name on a line of its own, above its bar
    row: int  # the height of one row


WIDE = Layout("wide", 640, 190, 22)
NARROW = Layout("narrow", 360, 0, 34)  # drawn on a phone at nearly its own size, so 12-unit text stays readable
TOP = 8
AXIS = 34  # room for the ticks and their labels


def timeline_figure(timeline: Timeline) -> list[str]:
    """A <figure>: the drawing for wide pages and paper, the one for phones (CSS shows one), and a caption.

    Each drawing's title and description say everything it shows, for a screen reader."""
    rows = [timeline.wanted, *timeline.bars] if timeline.wanted else list(timeline.bars)
    lines = ["<figure>", *_drawing(rows, WIDE), *_drawing(rows, NARROW)]
    caption = (
        "Time after the injection on a stretched scale, so minutes and months both show. Solid bar: how long it"
        " usually lasts; striped bar: how long it can last; ?: no source says when it starts."
    )
    missing = not_drawn_line(timeline)
    lines.append(f"<figcaption>{text(caption)}{' ' + text(missing) if missing else ''}</figcaption>")
    return [*lines, "</figure>"]


def _drawing(rows: list[Bar], layout: Layout) -> list[str]:
    height = TOP + layout.row * len(rows) + AXIS
    ids = f"timeline-title-{layout.name} timeline-desc-{layout.name}"
    lines = [
        f'<svg class="timeline-{layout.name}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {layout.width} {height}"'
        f' role="img" aria-labelledby="{ids}" font-family="DejaVu Sans, Arial, sans-serif" font-size="12">',
        f'<title id="timeline-title-{layout.name}">When each effect starts and how long it lasts, minutes to months'
        " after the injection</title>",
        f'<desc id="timeline-desc-{layout.name}">{text(describe(rows))}</desc>',
        "<defs>",
        f'<pattern id="stripes-{layout.name}" width="6" height="6" patternUnits="userSpaceOnUse"'
        ' patternTransform="rotate(45)">',
        '<rect width="6" height="6" fill="#fff"/><rect width="2.5" height="6" fill="#595959"/></pattern>',
        "</defs>",
    ]
    lines += _axis(TOP + layout.row * len(rows), layout)  # first, so the bars are drawn over its grid lines
    for index, row in enumerate(rows):
        lines += _row(row, TOP + layout.row * index, layout)
    return [*lines, "</svg>"]


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


def _x(hours_after: float, layout: Layout) -> float:
    plot = layout.width - layout.label - 12
    return round(layout.label + 6 + share(hours_after) * plot, 1)


def _row(row: Bar, y: int, layout: Layout) -> list[str]:
    start, usual, longest = (_x(t, layout) for t in (row.start, row.usual_end, row.longest_end))
    usual_width = max(usual - start, 3)
    name = " ".join(row.name.split())
    if layout.label:
        shown = name if len(name) <= 28 else name[:27] + "…"
        lines = [f'<text x="{layout.label - 6}" y="{y + 15}" text-anchor="end" fill="#1a1a1a">{text(shown)}</text>']
    else:  # the name on its own line, the bar under it
        shown = name if len(name) <= 48 else name[:47] + "…"
        lines = [f'<text x="6" y="{y + 12}" fill="#1a1a1a">{text(shown)}</text>']
        y += 12
    if longest > start + usual_width:
        width = round(longest - start - usual_width, 1)
        lines.append(
            f'<rect x="{start + usual_width}" y="{y + 5}" width="{width}" height="12"'
            f' fill="url(#stripes-{layout.name})" stroke="#595959" stroke-width="1"/>'
        )
    lines.append(f'<rect x="{start}" y="{y + 4}" width="{round(usual_width, 1)}" height="14" fill="#1a1a1a"/>')
    if not row.start_known:
        lines.append(f'<text x="{start + 2}" y="{y + 15}" fill="#fff" font-weight="bold">?</text>')
    return lines


def _axis(y: int, layout: Layout) -> list[str]:
    left, right = _x(0, layout), _x(1e9, layout)
    lines = [f'<line x1="{left}" y1="{y + 4}" x2="{right}" y2="{y + 4}" stroke="#1a1a1a"/>']
    for label, at in TICKS:
        x = _x(at, layout)
        lines.append(f'<line x1="{x}" y1="{y}" x2="{x}" y2="{y + 9}" stroke="#1a1a1a"/>')
        anchor = "start" if x == left else "end" if x > right - 12 else "middle"
        lines.append(f'<text x="{x}" y="{y + 24}" text-anchor="{anchor}" fill="#1a1a1a">{label}</text>')
        lines.append(f'<line x1="{x}" y1="{TOP}" x2="{x}" y2="{y}" stroke="#d0d0d0" stroke-dasharray="2 3"/>')
    return lines
