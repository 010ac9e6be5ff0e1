"""The knowledge base's models: immutable, validated, and cheap to define.

NamedTuples rather than dataclasses: as immutable, but about five times
cheaper to define, which every command pays at start-up. Imports neither
typer nor rich.
"""

# No `from __future__ import annotations`: NamedTuple turns string annotations into
# ForwardRefs, compiling each one, which every command would pay at start-up.
from typing import NamedTuple

# The knowledge base's closed vocabularies, used by the schema, the filters and the views.
DURATION_UNITS = ("minutes", "hours", "days", "weeks", "months")
FREQUENCY_BUCKETS = ("common", "uncommon", "rare", "not well measured")
ORIGINS = ("article", "reference")
# The tiers of trusted drug monographs (Mayo Clinic, Drugs.com), most urgent first.
URGENCIES = ("get help now", "see your doctor", "usually settles by itself")
URGENCY_WORDS = ("get-help-now", "see-your-doctor", "usually-settles")  # the same tiers as --urgency takes them
# The sections of guidance, each with its id (as search names it), its page's title and the command showing it.
GUIDE_SECTIONS = (
    ("avoid", "How to avoid the risks", "avoid"),
    ("before", "Before you are treated", "before"),
    ("after", "After treatment", "after"),
    ("red-flags", "When it is an emergency", "urgent"),
)
GUIDE_TITLES = {section_id: title for section_id, title, _ in GUIDE_SECTIONS}
# Who says an aftercare step: the product label, a medical body, or only common clinic practice.
BASES = ("label", "medical body", "clinic practice")
# What a rule says a situation means, most serious first.
VERDICTS = ("do not be treated", "talk to a doctor first", "more likely")
MEASURED_FROM = ("onset", "injection")
ALL_AREAS = "all"  # a figure counted over every treated area
HOURS_PER_UNIT = {"minutes": 1 / 60, "hours": 1, "days": 24, "weeks": 24 * 7, "months": 24 * 30}


class Statement(NamedTuple):
    text: str
    sources: tuple[str, ...]


class Source(NamedTuple):
    id: str
    title: str
    publisher: str
    year: int | None
    url: str | None
    doi: str | None = None  # papers: the DOI and the PubMed id, so a reader can find them anywhere
    pmid: str | None = None
    accessed: str | None = None  # web pages: the date the page was read (YYYY-MM-DD)


class Area(NamedTuple):
    id: str
    name: str
    aliases: tuple[str, ...]


class Duration(NamedTuple):
    text: str
    low: float
    high: float
    unit: str
    sources: tuple[str, ...]
    # How long it lasts is counted from when it starts ("onset"), or, as some sources count it,
    # from the injection: then it ends by `high` after the injection, not `high` after the onset.
    measured_from: str = "onset"
    measured: bool = True  # False: no source gives how long it lasts, so low, high and unit mean nothing

    @property
    def high_hours(self) -> float | None:
        """The upper bound in hours, so durations in different units sort together; None if not measured."""
        return self.high * HOURS_PER_UNIT[self.unit] if self.measured else None


class Figure(NamedTuple):
    area: str
    percent: float  # the incidence; for a range across studies, its low end
    placebo_percent: float | None
    population: str
    source: str
    percent_high: float | None = None  # set: a range across studies (percent to percent_high), not an incidence
    sets_bucket: bool = True  # False: from a table not designed to count this effect, so it sets no bucket
    locator: str | None = None  # where in the source: "Table VII", "Results"


class Frequency(NamedTuple):
    bucket: str  # over the whole entry, worked out from the figures (frequency.py)
    figures: tuple[Figure, ...]


class SideEffect(NamedTuple):
    id: str
    name: str
    origin: str
    aliases: tuple[str, ...]
    summary: str
    causes: tuple[Statement, ...]
    duration: Duration
    frequency: Frequency
    urgency: str
    mitigation: tuple[Statement, ...]
    prevention: tuple[Statement, ...]
    see_doctor_if: tuple[Statement, ...]
    areas: tuple[str, ...]
    file: str = "built-in"  # the knowledge-base file that last defined or changed it
    onset: Duration | None = None  # when it usually starts, where a source says

    @property
    def cited_sources(self) -> tuple[str, ...]:
        """Every source the entry cites, in order of first citation."""
        cited: dict[str, None] = {}
        for statement in (*self.causes, *self.mitigation, *self.prevention, *self.see_doctor_if):
            cited.update(dict.fromkeys(statement.sources))
        if self.onset is not None:
            cited.update(dict.fromkeys(self.onset.sources))
        cited.update(dict.fromkeys(self.duration.sources))
        cited.update(dict.fromkeys(figure.source for figure in self.frequency.figures))
        return tuple(cited)


class WantedEffect(NamedTuple):
    """When the treatment's own effect starts, is full, and wears off."""

    onset: Duration
    full: Duration
    lasts: Duration


class Situation(NamedTuple):
    """Something a reader can tell about themselves: yes or no, or a number (age)."""

    id: str
    question: str
    number: tuple[int, int, str] | None  # (lowest, highest, unit) for a numeric answer
    flag: str | None = None  # its option on `check` ('pregnant' -> --pregnant; 'age' -> --age YEARS)
    flag_help: str | None = None  # that option's help, said of the reader ('You are pregnant...')


class Rule(NamedTuple):
    """What a situation means: do not be treated, talk to a doctor first, or a side effect more likely."""

    id: str
    situation: str
    verdict: str
    text: str
    sources: tuple[str, ...]
    side_effects: tuple[str, ...]
    below: float | None
    at_least: float | None


class Guidance(NamedTuple):
    principles: tuple[Statement, ...]
    checklist: tuple[Statement, ...]


class Before(NamedTuple):
    contraindications: tuple[Statement, ...]
    tell_your_doctor: tuple[Statement, ...]
    interactions: tuple[Statement, ...]
    avoid_beforehand: tuple[Statement, ...]
    questions_to_ask: tuple[Statement, ...]


class AfterStep(NamedTuple):
    """One aftercare step: when, what, and who says so (label, medical body, clinic practice)."""

    when: str
    text: str
    basis: str
    sources: tuple[str, ...]


# The parts of a side effect's page, with their headings; a vocabulary target may name one after '#'.
PART_TITLES = {
    "summary": "In short",
    "onset": "When it starts",
    "duration": "How long it lasts",
    "frequency": "How often",
    "causes": "Why it happens",
    "mitigation": "What to do if it happens",
    "prevention": "How to lower the chance",
    "see_doctor_if": "See a doctor if",
}
ENTRY_PARTS = tuple(PART_TITLES)
SECTION_PARTS = {
    "avoid": ("principles", "checklist"),
    "before": Before._fields,
    "after": (),
    "red-flags": ("summary", "onset", "signs", "allergy_signs", "action"),
}


class Words(NamedTuple):
    """Words people use, and where they lead: 'bruising#mitigation' (a side effect's part), 'after'."""

    target: str
    words: tuple[str, ...]

    @property
    def page(self) -> str:
        """The side-effect id or section id: 'bruising'."""
        return self.target.partition("#")[0]

    @property
    def part(self) -> str:
        """The part named after '#', or '' for the whole page."""
        return self.target.partition("#")[2]


class RedFlags(NamedTuple):
    summary: str
    onset: str
    signs: tuple[str, ...]  # of the toxin's spread
    action: tuple[Statement, ...]
    sources: tuple[str, ...]
    allergy_signs: tuple[str, ...] = ()  # of a severe allergic reaction


class Clinic(NamedTuple):
    """Who hands the information over: printed on a handout, never as markup."""

    name: str
    address: str | None = None
    phone: str | None = None
    website: str | None = None  # http:// or https:// only
    note: str | None = None


class KnowledgeBase(NamedTuple):
    disclaimer: str
    emergency: Statement  # when to get medical help at once: said by every page that gives advice
    sources: dict[str, Source]
    areas: tuple[Area, ...]
    side_effects: tuple[SideEffect, ...]
    guidance: Guidance
    before: Before
    after: tuple[AfterStep, ...]
    red_flags: RedFlags
    situations: tuple[Situation, ...] = ()
    rules: tuple[Rule, ...] = ()
    wanted_effect: WantedEffect | None = None
    clinic: Clinic | None = None  # from a clinic's file: its name and contact line on handouts
    vocabulary: tuple[Words, ...] = ()  # lay words and where they lead, for search and show

    def area_names(self) -> dict[str, str]:
        return {area.id: area.name for area in self.areas}

    def find_area(self, query: str) -> Area:
        """The treatment area named by its id, name or an alias ('11s', 'masseter')."""
        from .lookup import find_area

        return find_area(self, query)

    def citations(self) -> dict[str, list[str]]:
        """Source id -> what cites it: side-effect ids, then the sections ('before', 'red flags')."""
        cited: dict[str, list[str]] = {source_id: [] for source_id in self.sources}
        places: list[tuple[str, tuple[str, ...]]] = [(entry.id, entry.cited_sources) for entry in self.side_effects]
        places += [(f"rule {rule.id}", rule.sources) for rule in self.rules]
        sections: dict[str, tuple[Statement | AfterStep, ...]] = {
            "avoid": (*self.guidance.principles, *self.guidance.checklist),
            "before": tuple(statement for group in self.before for statement in group),
            "after": self.after,
            "red flags": (*self.red_flags.action, Statement("", self.red_flags.sources), self.emergency),
            "wanted effect": tuple(Statement("", d.sources) for d in self.wanted_effect or ()),
        }
        for section, statements in sections.items():
            places.append((section, tuple(dict.fromkeys(s for item in statements for s in item.sources))))
        for place, source_ids in places:
            for source_id in source_ids:
                cited[source_id].append(place)
        return cited

    def find(self, query: str) -> SideEffect:
        """The side effect named by its id, name or an alias, or a unique prefix of one."""
        from .lookup import find_side_effect

        return find_side_effect(self, query)
