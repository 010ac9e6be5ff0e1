"""Property-based: random clinic files (valid and subtly broken) and random command lines.

Whatever a clinic writes and a user types, the program ends with a documented exit
code, never a traceback, and JSON asked for on success is valid JSON. The files are
built from the schema itself (schema.SIDE_EFFECT and friends), with the built-in
knowledge base's ids, areas and sources, so many are valid and the rest break one
rule at a time.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from botox_info.cli import app
from botox_info.errors import EXIT_BAD_KNOWLEDGE_BASE, EXIT_NOT_FOUND, EXIT_OK, EXIT_USAGE
from botox_info.knowledge import schema

from .helpers import BUILTIN, FIXTURES, PLAIN_ENV

DOCUMENTED_EXIT_CODES = {EXIT_OK, EXIT_NOT_FOUND, EXIT_USAGE, EXIT_BAD_KNOWLEDGE_BASE}
SOURCE_IDS = [*BUILTIN.sources]
AREA_WORDS = [word for area in BUILTIN.areas for word in (area.id, area.name, *area.aliases)]
ENTRY_IDS = [entry.id for entry in BUILTIN.side_effects]
NAMES = [word for entry in BUILTIN.side_effects for word in (entry.id, entry.name, *entry.aliases)]
SITUATIONS = [situation.id for situation in BUILTIN.situations if situation.number is None]
# Text a clinic might write, hostile pieces included: markup, Markdown, escapes, bidi, line breaks.
TEXTS = st.sampled_from(
    ["Tingling", "A brief sting.", "[bold]x[/]", ":smile:", "a | b *c* _d_", "two\nlines", "\u202eevil", "®", "`"]
)
WORDS = st.one_of(st.sampled_from([*NAMES, *AREA_WORDS, "my", "the", "", "  ", "zzz"]), st.text(max_size=12))


def _value(spec: Any, key: str = "") -> st.SearchStrategy[Any]:
    """A value that fits `spec`, drawing ids, areas and sources from the built-in knowledge base."""
    if key == "sources":
        return st.lists(st.sampled_from(SOURCE_IDS), min_size=1, max_size=2, unique=True)
    if key == "source":
        return st.sampled_from(SOURCE_IDS)
    if key == "areas":
        return st.lists(st.sampled_from([area.id for area in BUILTIN.areas]), min_size=1, max_size=2, unique=True)
    if key == "area":
        return st.sampled_from([*(area.id for area in BUILTIN.areas), "all"])
    if key == "id":
        return st.sampled_from([*ENTRY_IDS[:4], "tingling", "new-entry"])
    if key == "name":  # names and aliases must be unique: few, distinct, odd ones
        return st.sampled_from(["Tingling", "Odd | *name* _here_", "Two\nlines", "\u202eBidi [name]"])
    if key == "aliases":
        return st.lists(st.sampled_from(["pins and needles", "odd [alias] :smile:"]), max_size=1)
    if isinstance(spec, schema.Text):
        return TEXTS
    if isinstance(spec, schema.Number):
        return st.integers(0, 20) if spec.integer else st.one_of(st.integers(0, 20), st.floats(0, 100))
    if isinstance(spec, schema.OneOf):
        return st.sampled_from(spec.choices)
    if isinstance(spec, schema.Flag):
        return st.booleans()
    if isinstance(spec, schema.ListOf):
        return st.lists(_value(spec.item), min_size=max(spec.min_items, 0), max_size=2)
    assert isinstance(spec, schema.Record)
    return st.fixed_dictionaries(
        {name: _value(child, name) for name, child in spec.required.items()},
        optional={name: _value(child, name) for name, child in spec.optional.items()},
    )


@st.composite
def clinic_files(draw: st.DrawFn) -> str:
    """The YAML text of a clinic's layer: valid, or broken in one small way."""
    entries = draw(st.lists(_value(schema.SIDE_EFFECT), min_size=1, max_size=2, unique_by=lambda entry: entry["id"]))
    for entry in entries:
        for span in (entry.get("duration"), entry.get("onset")):
            if span and "low" in span and "high" in span:  # low <= high, or every file would break the same way
                span["low"], span["high"] = sorted((span["low"], span["high"]))
        if draw(st.booleans()):  # a partial entry: right for an existing id, incomplete for a new one
            kept = draw(st.sets(st.sampled_from(sorted(entry)), max_size=4))
            for name in set(entry) - kept - {"id"}:
                del entry[name]
    document: dict[str, Any] = {"side_effects": entries}
    first = entries[0]
    breakage = draw(st.sampled_from(["none", "none", "misspelt key", "wrong type", "unknown source", "replace", "cut"]))
    if breakage == "misspelt key":
        name = draw(st.sampled_from(sorted(first)))
        first[name + "s"] = first.pop(name)
    elif breakage == "wrong type":
        first[draw(st.sampled_from(sorted(first)))] = draw(st.sampled_from([42, "text", [], {}, None, True]))
    elif breakage == "unknown source":
        first["causes"] = [{"text": "Why.", "sources": ["nowhere"]}]
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    if breakage == "replace":
        text = "replace: true\n" + text
    elif breakage == "cut":
        text = text[: draw(st.integers(0, len(text)))]
    return text


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    """A command and options, each value sometimes right, sometimes not."""
    name = draw(st.sampled_from([info.name for info in app.registered_commands if info.name]))
    args = [name]
    if name in ("show", "search"):
        args += draw(st.lists(WORDS, min_size=1, max_size=3))
    elif name == "list":
        for option, choices in (
            ("--area", AREA_WORDS),
            ("--frequency", ["common", "Common", "not well measured", "often"]),
            ("--urgency", ["get help now", "get-help-now", "soon"]),
            ("--sort", ["name", "Frequency", "nope"]),
            ("--max-duration", ["2w", "1y", "3 days", "soon", "-1d"]),
            ("--min-duration", ["2w", "1 year", "0.5mo", "x"]),
        ):
            if draw(st.booleans()):
                args += [option, draw(st.sampled_from(choices))]
    elif name == "check":
        if draw(st.booleans()):
            args += ["--area", draw(st.sampled_from([*AREA_WORDS, "nose"]))]
        if draw(st.booleans()):
            args += ["--age", str(draw(st.integers(-5, 200)))]
        if draw(st.booleans()):
            args += ["--has", draw(st.sampled_from([*SITUATIONS, "blood thinners", "nope"]))]
        args += draw(st.lists(st.sampled_from(["--pregnant", "--allergic", "--blood-thinners", "-i"]), max_size=2))
    elif name == "timeline" and draw(st.booleans()):
        args += ["--area", draw(st.sampled_from([*AREA_WORDS, "nose"]))]
    if name != "schema":
        args += ["--format", draw(st.sampled_from(["table", "json", "markdown"]))]
    return args


CLINIC = (FIXTURES / "clinic.yaml").read_text(encoding="utf-8")  # valid: the clinic guide's example


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# Combinations that broke before, always tried: a chart at no width, a table at no width.
@example(clinic=CLINIC, args=["timeline", "--format", "table"], columns="0")
@example(clinic=CLINIC, args=["list", "--format", "table"], columns="0")
@given(clinic=clinic_files(), args=command_lines(), columns=st.sampled_from([None, "0", "40", "80"]))
def test_any_clinic_file_and_command_line_ends_cleanly(clinic: str, args: list[str], columns: str | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "clinic.yaml"
        path.write_text(clinic, encoding="utf-8")
        if args[0] == "validate":
            args = [args[0], str(path), *args[1:]]
        elif args[0] != "schema":
            args = [*args, "--data", str(path)]
        runner = CliRunner()
        # catch_exceptions=False: an unexpected exception fails the test with its traceback.
        result = runner.invoke(app, args, env={**PLAIN_ENV, "COLUMNS": columns}, catch_exceptions=False)
    event(f"{args[0]}: exit {result.exit_code}")  # shown by --hypothesis-show-statistics
    assert result.exit_code in DOCUMENTED_EXIT_CODES, (args, result.output)
    assert "Traceback" not in result.stderr
    if "--format" in args and args[args.index("--format") + 1] == "json" and result.exit_code == EXIT_OK:
        json.loads(result.stdout)
