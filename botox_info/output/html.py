"""A handout as one self-contained HTML5 page: inline CSS, no script, no network.

Drawn from handout_page.Handout, itself made of the reading pages every format
draws. Every text goes through `text` (html.escape, quotes included) on its
way in: nothing from the knowledge base or a clinic's file becomes markup. A
link is made only of an http(s) address, and a Content-Security-Policy that
forbids scripts stands guard should anything slip through. A hand-written
builder rather than a template engine: the page is a handful of loops, and one
escaping function is easier to check than a template's autoescape settings.
No Rich and no typer here.
"""

from __future__ import annotations

import html
import re
from importlib.resources import files
from typing import TYPE_CHECKING

from . import wording
from .handout_page import Handout, how_often
from .pages import Item, Page, Section
from .views import SideEffectList

if TYPE_CHECKING:
    from ..knowledge.models import Clinic, KnowledgeBase

# No script may run, nothing may be fetched: styles and drawings are inline, links are followed only when clicked.
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
_WEB = re.compile(r"https?://[^\s<>\"'`]+")  # what a link may point to; the schema accepts no other


def text(value: str) -> str:
    """Knowledge-base or clinic text as HTML text: every <, >, &, " and ' escaped; line breaks kept."""
    return "<br>".join(html.escape(line, quote=True) for line in value.splitlines() or [""])


def link(address: str, label: str | None = None) -> str:
    """A link, only to an http(s) address; anything else is shown as text and leads nowhere."""
    shown = text(label if label is not None else address)
    if not _WEB.fullmatch(address):
        return shown
    return f'<a href="{html.escape(address, quote=True)}" rel="noreferrer">{shown}</a>'


def css_string(value: str) -> str:
    """`value` as a CSS string in a <style> element: every character that could end it escaped as hex."""
    escaped = "".join(
        char if (char.isalnum() and char.isascii()) or char in " .,:;!?()-" else f"\\{ord(char):x} " for char in value
    )
    return f'"{escaped}"'


def draw(handout: Handout, knowledge: KnowledgeBase) -> str:
    """The whole page, ready to write to a file."""
    numbering = wording.numbering_of(handout.source_ids)
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en" dir="ltr">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">',
        f'<meta name="generator" content="{text(handout.edition)}">',
        f"<title>{text(_title(handout))}</title>",
        f"<style>\n{stylesheet(handout.emergency.text)}</style>",
        "</head>",
        "<body>",
        *_masthead(handout),
        "<main>",
    ]
    if handout.stop is not None:
        lines += _part(handout.stop, numbering, "stop", "stop")
    lines += _alarm(handout, numbering)
    for position, part in enumerate(handout.parts, start=1):
        if isinstance(part, SideEffectList):
            lines += _side_effects(part, numbering, f"part-{position}")
        else:
            lines += _part(part, numbering, f"part-{position}")
    if handout.timeline is not None:
        from .html_svg import timeline_figure

        heading = f'<h2 id="timeline">{wording.TIMELINE_TITLE}</h2>'
        lines += ['<section class="part" aria-labelledby="timeline">', heading, *timeline_figure(handout.timeline)]
        lines.append("</section>")
    lines += _sources(knowledge, handout.source_ids)
    lines += ["</main>", *_footer(handout, numbering), "</body>", "</html>", ""]
    return "\n".join(lines)


def stylesheet(emergency: str) -> str:
    """The page's CSS (package data), with the emergency line for the printed pages' footer."""
    css = files("botox_info.output").joinpath("handout.css").read_text(encoding="utf-8")
    return css.replace("EMERGENCY_LINE", css_string(" ".join(emergency.split())))


def _title(handout: Handout) -> str:
    return f"{handout.title} ({handout.clinic.name})" if handout.clinic else handout.title


def _masthead(handout: Handout) -> list[str]:
    lines = ["<header>"]
    if handout.clinic:
        lines.append(f'<p class="clinic-name">{text(handout.clinic.name)}</p>')
    lines.append(f"<h1>{text(handout.title)}</h1>")
    lines += [f'<p class="intro">{text(line)}</p>' for line in handout.intro]
    lines += [f'<p class="disclaimer">{text(handout.disclaimer)}</p>', "</header>"]
    return lines


def _alarm(handout: Handout, numbering: dict[str, int]) -> list[str]:
    """The emergency box: the emergency line, then the warning signs and what to do, never split across pages."""
    alarm = handout.alarm
    lines = [
        '<section class="alarm" aria-labelledby="alarm">',
        f'<h2 id="alarm"><span class="mark" aria-hidden="true">!</span> {text(alarm.title)}</h2>',
        f'<p class="emergency"><strong>{_item_text(handout.emergency, numbering)}</strong></p>',
        *(f"<p>{text(line)}</p>" for line in alarm.intro),
        '<div class="signs">',
    ]
    for section in alarm.sections:
        lines += _section(section, numbering, "h3")
    return [*lines, "</div>", "</section>"]


def _part(page: Page, numbering: dict[str, int], anchor: str, kind: str = "part") -> list[str]:
    lines = [f'<section class="{kind}" aria-labelledby="{anchor}">', f'<h2 id="{anchor}">{text(page.title)}</h2>']
    lines += [f'<p class="intro">{text(line)}</p>' for line in page.intro]
    for section in page.sections:
        lines += _section(section, numbering, "h3")
    return [*lines, "</section>"]


def _section(section: Section, numbering: dict[str, int], level: str) -> list[str]:
    kind = ' class="urgent"' if section.urgent else ""
    lines = [f"<div{kind}>"]
    if section.heading:
        lines.append(f"<{level}>{text(section.heading)}</{level}>")
    lines.append("<ul>")
    lines += [f"<li>{_item_text(item, numbering)}</li>" for item in section.items]
    return [*lines, "</ul>", "</div>"]


def _side_effects(listed: SideEffectList, numbering: dict[str, int], anchor: str) -> list[str]:
    """An area's side effects, most common first: a row each, never split across printed pages."""
    area = listed.knowledge.area_names()[listed.area] if listed.area else "Every treatment area"
    here = " here" if listed.area else ""
    lines = [
        f'<section class="part" aria-labelledby="{anchor}">',
        f'<h2 id="{anchor}">{text(area)}: possible side effects, most common first</h2>',
        f'<p class="intro">{text(AREA_INTRO)}</p>',
        "<table>",
        f'<thead><tr><th scope="col">Side effect</th><th scope="col">How often{here}</th>'
        '<th scope="col">Usually lasts</th><th scope="col">Urgency</th></tr></thead>',
        "<tbody>",
    ]
    for entry in listed.entries:
        lasts = Item(wording.duration_range(entry.duration), entry.duration.sources)
        cells = [how_often(entry, listed.area), lasts, Item(entry.urgency)]
        row = "".join(
            f'<td data-label="{text(label)}">{_item_text(cell, numbering)}</td>'
            for label, cell in zip((f"How often{here}", "Usually lasts", "Urgency"), cells, strict=True)
        )
        lines.append(f'<tr><th scope="row">{text(entry.name)}</th>{row}</tr>')
    return [*lines, "</tbody>", "</table>", "</section>"]


# Some figures count treatment sessions, not people (Peng 2018: 2,036 sessions), so both are named.
AREA_INTRO = (
    "Common: 1% or more; uncommon: 0.1% to 1%; rare: under 0.1%; not well measured: no study or label gives a "
    "figure for it here. A percentage is the share of the people, or of the treatment sessions, in a study or "
    "the label who had it; the placebo rate, where known, is the share among those given a dummy injection."
)


def _item_text(item: Item, numbering: dict[str, int]) -> str:
    shown = text(item.text)
    if item.sources:
        numbers = [numbering[source_id] for source_id in item.sources]
        cited = ", ".join(f'<a href="#source-{number}">{number}</a>' for number in numbers)
        shown += f' <span class="cite">[{cited}]</span>'
    if item.note:
        shown += f' <span class="note">({text(item.note)})</span>'
    return shown


def _sources(knowledge: KnowledgeBase, source_ids: tuple[str, ...]) -> list[str]:
    lines = ['<section class="sources" aria-labelledby="sources">', '<h2 id="sources">Sources</h2>', "<ol>"]
    for number, source_id in enumerate(source_ids, start=1):
        source = knowledge.sources[source_id]
        address = f" {link(source.url)}" if source.url else ""
        lines.append(f'<li id="source-{number}">{text(wording.source_text(source))}{address}</li>')
    return [*lines, "</ol>", "</section>"]


def _footer(handout: Handout, numbering: dict[str, int]) -> list[str]:
    lines = ["<footer>"]
    if handout.clinic:
        lines += _clinic(handout.clinic)
    lines.append(f'<p class="emergency"><strong>{_item_text(handout.emergency, numbering)}</strong></p>')
    lines.append(f'<p class="made">Made on {text(handout.made)} from {text(handout.edition)}.</p>')
    return [*lines, "</footer>"]


def _clinic(clinic: Clinic) -> list[str]:
    """The clinic's contact line: each part escaped; the phone a tel: link made of its digits alone."""
    lines = ['<address class="clinic">', f"<strong>{text(clinic.name)}</strong>"]
    if clinic.address:
        lines.append(f"<br>{text(clinic.address)}")
    if clinic.phone:
        digits = "".join(char for char in clinic.phone if char in "0123456789+")
        phone = text(clinic.phone)
        lines.append(f'<br>Phone: <a href="tel:{digits}">{phone}</a>' if digits.strip("+") else f"<br>Phone: {phone}")
    if clinic.website:
        lines.append(f"<br>{link(clinic.website)}")
    lines.append("</address>")
    if clinic.note:
        lines.append(f'<p class="clinic-note">{text(clinic.note)}</p>')
    return lines
