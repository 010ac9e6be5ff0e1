"""What each reading page says, independent of how it is drawn.

A page is a title, a few lines of introduction, sections of cited items and
the sources they cite. render.py draws pages for the terminal, markdown.py
writes them as Markdown: the two cannot drift apart in content or order.
No Rich here.
"""

# No `from __future__ import annotations`: NamedTuple turns string annotations into
# ForwardRefs, compiling each one, which every command would pay at start-up.
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from ..answers.selection import bucket_in
from ..knowledge.models import GUIDE_TITLES, PART_TITLES, URGENCIES, KnowledgeBase, SideEffect, Statement
from . import wording
from .views import CheckPage, GuidePage, PageView, SideEffectPage

BASIS_NOTES = {
    "label": "product label",
    "medical body": "medical guidance",
    "clinic practice": "common clinic practice; clinics differ",
}


class Item(NamedTuple):
    text: str
    sources: tuple[str, ...] = ()
    note: str = ""  # said after the citation, set apart: who advises it


class Section(NamedTuple):
    heading: str
    items: tuple[Item, ...]
    urgent: bool = False  # drawn so it cannot be missed


class Page(NamedTuple):
    title: str
    intro: tuple[str, ...]
    sections: tuple[Section, ...]
    source_ids: tuple[str, ...]
    emergency: bool = False  # the page is about an emergency: its title is drawn as one
    # Sections a wide terminal may draw as one two-column table (avoid's prevention).
    table: tuple[Section, ...] = ()
    table_title: str = ""
    closing: str = ""  # the last words, for a page printed without the usual footer
    brief: bool = False  # a brief page: its sources in one line, not a numbered list


def items(statements: Iterable[Statement]) -> tuple[Item, ...]:
    return tuple(Item(statement.text, statement.sources) for statement in statements)


def cited_by(*sections: Section) -> tuple[str, ...]:
    cited: dict[str, None] = {}
    for section in sections:
        for item in section.items:
            cited.update(dict.fromkeys(item.sources))
    return tuple(cited)


def side_effect(knowledge: KnowledgeBase, entry: SideEffect) -> Page:
    onset = entry.onset
    titles = PART_TITLES
    when = (Section(titles["onset"], items([Statement(onset.text, onset.sources)])),) if onset else ()
    sections = (
        *when,
        Section(titles["duration"], items([Statement(entry.duration.text, entry.duration.sources)])),
        Section(titles["frequency"], items(wording.frequency_statements(knowledge, entry))),
        Section(titles["causes"], items(entry.causes)),
        Section(titles["mitigation"], items(entry.mitigation)),
        Section(titles["prevention"], items(entry.prevention)),
        Section(titles["see_doctor_if"], items(entry.see_doctor_if), urgent=entry.urgency == URGENCIES[0]),
        Section("Treatment areas", (Item(", ".join(knowledge.area_names()[a] for a in entry.areas)),)),
    )
    intro = (entry.summary, f"Urgency: {entry.urgency}. Source of this entry: {wording.ORIGIN_NAMES[entry.origin]}.")
    return Page(entry.name, intro, sections, entry.cited_sources, emergency=entry.urgency == URGENCIES[0])


def brief(knowledge: KnowledgeBase, entry: SideEffect) -> Page:
    """About ten lines, like a tldr page: what it is, how long, what to do, when it is an emergency."""
    help_now = [item for item in entry.see_doctor_if if "at once" in item.text][:1]
    sections = (
        Section(PART_TITLES["duration"], items([Statement(entry.duration.text, entry.duration.sources)])),
        Section(PART_TITLES["mitigation"], items(entry.mitigation[:1])),
        Section("Get help at once if", items(help_now or [knowledge.emergency]), urgent=True),
    )
    intro = (entry.summary, f"Everything about it, with every source: botox-info show {entry.id}")
    return Page(entry.name, intro, sections, cited_by(*sections), emergency=entry.urgency == URGENCIES[0], brief=True)


def with_note(content: Page, note: str) -> Page:
    """The page with a first line saying how `show` got to it."""
    return content._replace(intro=(note, *content.intro)) if note else content


def avoid(knowledge: KnowledgeBase) -> Page:
    before = knowledge.before
    sections = (
        Section("What matters most", items(knowledge.guidance.principles)),
        Section("Choosing where and by whom", items(knowledge.guidance.checklist)),
        Section("Questions to ask the clinic", items(before.questions_to_ask)),
        Section("Tell your doctor", items(before.tell_your_doctor)),
        Section("Do not be treated, or ask a doctor first, if", items(before.contraindications)),
    )
    prevention = tuple(Section(entry.name, items(entry.prevention)) for entry in knowledge.side_effects)
    title = "Lowering the chance of each side effect"
    return Page(
        GUIDE_TITLES["avoid"], (), sections, cited_by(*sections, *prevention), table=prevention, table_title=title
    )


def before(knowledge: KnowledgeBase) -> Page:
    groups = knowledge.before
    flags = knowledge.red_flags
    sections = (
        Section("Do not be treated, or ask a doctor first, if", items(groups.contraindications), urgent=True),
        Section("Tell your doctor", items(groups.tell_your_doctor)),
        Section("Medicines that interact", items(groups.interactions)),
        Section("In the days before", items(groups.avoid_beforehand)),
        Section("Questions to ask the clinic", items(groups.questions_to_ask)),
        Section(
            f"Know the warning signs ({flags.onset})",
            (
                Item("Spread of the toxin: " + "; ".join(flags.signs) + ".", flags.sources),
                Item("A severe allergic reaction: " + "; ".join(flags.allergy_signs) + ".", flags.sources),
                *items(flags.action[:2]),
            ),
            urgent=True,
        ),
    )
    intro = ("What to settle before an injection: whether you should have it at all, and what to ask and tell.",)
    return Page(GUIDE_TITLES["before"], intro, sections, cited_by(*sections))


def after(knowledge: KnowledgeBase) -> Page:
    when: dict[str, list[Item]] = {}
    for step in knowledge.after:
        when.setdefault(step.when, []).append(Item(step.text, step.sources, BASIS_NOTES[step.basis]))
    sections = tuple(Section(heading[:1].upper() + heading[1:], tuple(steps)) for heading, steps in when.items())
    intro = (
        "Each step says who advises it: the product label, medical guidance (such as Mayo Clinic, "
        "the NHS or dermatologists), or common clinic practice, where clinics differ: follow your own.",
    )
    return Page(GUIDE_TITLES["after"], intro, sections, cited_by(*sections))


def urgent(knowledge: KnowledgeBase) -> Page:
    flags = knowledge.red_flags
    sections = [
        Section("Signs the toxin has spread", tuple(Item(sign) for sign in flags.signs), urgent=True),
        Section("Signs of a severe allergic reaction", tuple(Item(sign) for sign in flags.allergy_signs), urgent=True),
        Section("What to do", items(flags.action), urgent=True),
    ]
    now = [entry for entry in knowledge.side_effects if entry.urgency == URGENCIES[0]]
    if now:
        listed = tuple(Item(f"{entry.name}: {entry.summary} ('botox-info show {entry.id}')") for entry in now)
        sections.append(Section("Side effects that need help now", listed))
    intro = (flags.summary, f"When: {flags.onset}.")
    cited = cited_by(*sections) + tuple(s for s in flags.sources if s not in cited_by(*sections))
    return Page(GUIDE_TITLES["red-flags"], intro, tuple(sections), cited, emergency=True, closing=knowledge.disclaimer)


def check(knowledge: KnowledgeBase, assessment: "Assessment") -> Page:
    """`botox-info check`: stop signs, then what is likelier for the reader, then their areas."""
    sections = [stop_signs(assessment), *more_likely(assessment)]
    for risk in assessment.by_area:
        lines = tuple(
            Item(
                f"{entry.name} ({bucket_in(entry, risk.area.id)} here): "
                f"{wording.figure_text(figure, knowledge, with_area=False)}",
                (figure.source,),
            )
            if figure
            else Item(f"{entry.name}: possible; no figure measured for this area ('botox-info show {entry.id}').")
            for entry, figure in risk.entries
        ) or (Item("Nothing particular to this area: the side effects of every area above still apply."),)
        sections.append(Section(f"{risk.area.name}: side effects particular to this area", lines))
    sections.append(questions(assessment))
    told = told_of(knowledge, assessment.answers)
    intro = (f"You told botox-info: {told}." if told else _NOTHING_TOLD,)
    return Page("What it means for you", intro, tuple(sections), cited_by(*sections))


def stop_signs(assessment: "Assessment") -> Section:
    """Do not be treated, or talk to a doctor first: most serious first; said to be none when none applies."""
    return Section(
        "Stop signs: do not be treated, or talk to a doctor first",
        tuple(Item(f"{rule.verdict.capitalize()}: {rule.text}", rule.sources) for rule in assessment.stop_signs)
        or (Item("None from what you told botox-info."),),
        urgent=bool(assessment.stop_signs),
    )


def more_likely(assessment: "Assessment") -> list[Section]:
    """A section per side effect likelier for the reader: the reasons, then what helps."""
    sections = []
    for likely in assessment.more_likely:
        reasons = tuple(Item(rule.text, rule.sources) for rule in likely.reasons)
        helps = tuple(Item(f"What helps: {s.text}", s.sources) for s in likely.entry.prevention)
        sections.append(Section(f"More likely for you: {likely.entry.name}", reasons + helps))
    return sections


def questions(assessment: "Assessment") -> Section:
    return Section("Questions to ask your clinic", items(assessment.questions))


_NOTHING_TOLD = (
    "You told botox-info nothing about yourself, so this is what applies to everyone. "
    "Describe your situation with options ('botox-info check --help') or answer the questions with --interactive."
)

if TYPE_CHECKING:
    from ..answers.assessment import Answers, Assessment


def told_of(knowledge: KnowledgeBase, answers: "Answers") -> str:
    """What the reader told: their areas, numbers (age 62) and situations, in words."""
    parts = [knowledge.area_names()[area] for area in answers.areas]
    parts += [f"{situation_id.replace('-', ' ')} {value}" for situation_id, value in answers.numbers]
    parts += [
        situation.id.replace("-", " ") for situation in knowledge.situations if situation.id in answers.situations
    ]
    return "; ".join(parts)


def page_for(view: PageView) -> Page:
    """The reading page of a page view: show, the guides (avoid, before, after, urgent), check."""
    from .routed import note

    match view:
        case SideEffectPage(knowledge, entry, route, short):
            return with_note((brief if short else side_effect)(knowledge, entry), note(route))
        case GuidePage(knowledge, name, route):
            guide = {"avoid": avoid, "before": before, "after": after, "urgent": urgent}[name](knowledge)
            return with_note(guide, note(route))
        case CheckPage(knowledge, assessment):
            return check(knowledge, assessment)
