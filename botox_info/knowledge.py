"""The knowledge base: read the YAML, validate it, hand out frozen models.

Imports neither typer nor rich, so every front end (and the tests) can use it.
Models are NamedTuples: immutable like frozen dataclasses, but about five
times cheaper to define, which every command pays at start-up.
"""

from __future__ import annotations

import os
from typing import Any, NamedTuple

from . import cache
from .errors import AmbiguousNameError, KnowledgeBaseError, NotFoundError
from .plain import normalize_name, printable_tree

BUILTIN_RESOURCE = "data/side_effects.yaml"
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

    @property
    def high_hours(self) -> float:
        """The upper bound in hours, so durations in different units sort together."""
        return self.high * HOURS_PER_UNIT[self.unit]


class Figure(NamedTuple):
    area: str
    percent: float
    placebo_percent: float | None
    population: str
    source: str


class Frequency(NamedTuple):
    bucket: str
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
    mitigation: tuple[Statement, ...]
    prevention: tuple[Statement, ...]
    see_doctor_if: tuple[Statement, ...]
    areas: tuple[str, ...]

    @property
    def cited_sources(self) -> tuple[str, ...]:
        """Every source the entry cites, in order of first citation."""
        cited: dict[str, None] = {}
        for statement in (*self.causes, *self.mitigation, *self.prevention, *self.see_doctor_if):
            cited.update(dict.fromkeys(statement.sources))
        cited.update(dict.fromkeys(self.duration.sources))
        cited.update(dict.fromkeys(figure.source for figure in self.frequency.figures))
        return tuple(cited)


class Guidance(NamedTuple):
    principles: tuple[Statement, ...]
    checklist: tuple[Statement, ...]


class RedFlags(NamedTuple):
    summary: str
    onset: str
    signs: tuple[str, ...]
    action: tuple[Statement, ...]
    sources: tuple[str, ...]


class KnowledgeBase(NamedTuple):
    disclaimer: str
    sources: dict[str, Source]
    areas: tuple[Area, ...]
    side_effects: tuple[SideEffect, ...]
    guidance: Guidance
    red_flags: RedFlags

    def area_names(self) -> dict[str, str]:
        return {area.id: area.name for area in self.areas}

    def find(self, query: str) -> SideEffect:
        """The side effect named by its id, name or an alias, or a unique prefix of one."""
        wanted = normalize_name(query)
        if not wanted:
            raise NotFoundError(query, [])
        for entry in self.side_effects:  # the common case, an id, without indexing every alias
            if normalize_name(entry.id) == wanted:
                return entry
        names = self._names()
        if wanted in names:
            return names[wanted][0]
        singular = _singular(wanted)
        for name, (entry, _) in names.items():
            if _singular(name) == singular:
                return entry
        starting = {entry.id: entry for name, (entry, _) in names.items() if name.startswith(wanted)}
        if len(starting) == 1:
            return next(iter(starting.values()))
        if starting:
            raise AmbiguousNameError(query, [(entry.id, entry.name) for entry in starting.values()])
        raise NotFoundError(query, self._suggestions(wanted, names))

    def _names(self) -> dict[str, tuple[SideEffect, str]]:
        """Every name in its compared form -> (its entry, the name as written)."""
        names: dict[str, tuple[SideEffect, str]] = {}
        for entry in self.side_effects:
            for name in (entry.id, entry.name, *entry.aliases):
                names.setdefault(normalize_name(name), (entry, name))
        return names

    @staticmethod
    def _suggestions(wanted: str, names: dict[str, tuple[SideEffect, str]]) -> list[str]:
        """Up to three close names, one per entry, as written ("can't chew", not "cant chew")."""
        import difflib

        suggestions: dict[str, str] = {}
        for name in difflib.get_close_matches(wanted, list(names), n=10, cutoff=0.7):
            entry, written = names[name]
            suggestions.setdefault(entry.id, written)
        return list(suggestions.values())[:3]


def _singular(name: str) -> str:
    return " ".join(word[:-1] if word.endswith("s") and not word.endswith("ss") else word for word in name.split())


def load(path: str | os.PathLike[str] | None = None) -> KnowledgeBase:
    """Read and validate a knowledge-base file; the built-in one by default."""
    label, raw = _read(path)
    cached = cache.get(raw)
    if cached is not None:
        try:
            return _build(cached)
        except (KeyError, TypeError, AttributeError):
            pass  # an entry of another shape (tampered, or an old format): validate afresh
    document = _validated(raw, label or _builtin_path())
    cache.put(raw, document)
    return _build(document)


def _validated(raw: bytes, label: str) -> dict[str, Any]:
    # Imported here: a cache hit never needs the parser or the checks.
    from .schema import check_references, check_structure
    from .yaml_file import locate, parse

    # Text from a file may hold terminal escapes: remove them before the checks, so that
    # a text made only of them is reported as empty, and no output format passes them on.
    document = printable_tree(parse(raw, label))
    problems = check_structure(document)
    if not problems:
        problems = check_references(document)
    if problems:
        raise KnowledgeBaseError([locate(raw, label, problem) for problem in problems])
    return document  # type: ignore[no-any-return]


def _read(path: str | os.PathLike[str] | None) -> tuple[str | None, bytes]:
    """The file's label for messages (None: the built-in file) and its bytes."""
    try:
        if path is None:
            # Through the package's loader, never a path built from __file__: works from a
            # wheel, a zip, an editable install and a checkout alike.
            from importlib.resources import files

            return None, files("botox_info").joinpath(BUILTIN_RESOURCE).read_bytes()
        with open(path, "rb") as handle:
            return os.fspath(path), handle.read()
    except IsADirectoryError:
        raise KnowledgeBaseError([f"{os.fspath(path or '')}: is a directory, not a knowledge-base file"]) from None
    except OSError as error:
        where = os.fspath(path) if path is not None else BUILTIN_RESOURCE
        raise KnowledgeBaseError([f"{where}: cannot read the file: {error.strerror or error}"]) from None


def _builtin_path() -> str:
    """Where the built-in file is, for messages; looked up only when one is needed."""
    from importlib.resources import files

    return str(files("botox_info").joinpath(BUILTIN_RESOURCE))


def _statements(items: list[dict[str, Any]]) -> tuple[Statement, ...]:
    return tuple(Statement(item["text"], tuple(item["sources"])) for item in items)


def _build(document: dict[str, Any]) -> KnowledgeBase:
    sources = {
        item["id"]: Source(item["id"], item["title"], item["publisher"], item.get("year"), item.get("url"))
        for item in document["sources"]
    }
    areas = tuple(Area(item["id"], item["name"], tuple(item["aliases"])) for item in document["areas"])
    red_flags = document["red_flags"]
    return KnowledgeBase(
        disclaimer=document["disclaimer"],
        sources=sources,
        areas=areas,
        side_effects=tuple(_side_effect(item) for item in document["side_effects"]),
        guidance=Guidance(
            _statements(document["guidance"]["principles"]), _statements(document["guidance"]["checklist"])
        ),
        red_flags=RedFlags(
            red_flags["summary"],
            red_flags["onset"],
            tuple(red_flags["signs"]),
            _statements(red_flags["action"]),
            tuple(red_flags["sources"]),
        ),
    )


def _side_effect(item: dict[str, Any]) -> SideEffect:
    duration = item["duration"]
    figures = tuple(
        Figure(f["area"], f["percent"], f.get("placebo_percent"), f["population"], f["source"])
        for f in item["frequency"].get("figures", [])
    )
    return SideEffect(
        id=item["id"],
        name=item["name"],
        origin=item["origin"],
        aliases=tuple(item["aliases"]),
        summary=item["summary"],
        causes=_statements(item["causes"]),
        duration=Duration(
            duration["text"], duration["low"], duration["high"], duration["unit"], tuple(duration["sources"])
        ),
        frequency=Frequency(item["frequency"]["bucket"], figures),
        mitigation=_statements(item["mitigation"]),
        prevention=_statements(item["prevention"]),
        see_doctor_if=_statements(item["see_doctor_if"]),
        areas=tuple(item["areas"]),
    )
