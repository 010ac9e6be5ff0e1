"""The strict YAML loader built from the parser's events (issue 13): the safe loader's values, stricter."""

from __future__ import annotations

import runpy
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest
import yaml

from botox_info.errors import KnowledgeBaseError
from botox_info.knowledge import yaml_file
from botox_info.knowledge.loader import BUILTIN_RESOURCE
from botox_info.knowledge.yaml_file import parse
from botox_info.plain import printable

from .helpers import CLINIC


def clinic_file(count: int) -> str:
    """The benchmark's generated clinic file of `count` entries (benchmarks/generate_clinic.py)."""
    namespace = runpy.run_path(str(Path(__file__).parents[1] / "benchmarks" / "generate_clinic.py"))
    text: str = namespace["clinic_file"](count)
    return text


BUILTIN_TEXT = files("botox_info").joinpath(BUILTIN_RESOURCE).read_text(encoding="utf-8")
SCALARS = """\
plain: text
quoted: "1"
single: '~'
integer: 12
negative: -3
octal: 0o17
hex: 0x1F
float: 1.5e3
infinity: .inf
yes: yes
no: No
flag: true
null: ~
empty:
date: 2026-01-02
stamp: 2026-01-02T03:04:05Z
list: [1, two, 3.0, null, {inner: [a, b]}]
block: |
  two
  lines
folded: >
  one
  line
12: a number as key
"""


@pytest.mark.parametrize(
    "text",
    [BUILTIN_TEXT, CLINIC.read_text(encoding="utf-8"), clinic_file(50), SCALARS],
    ids=["built-in", "clinic", "generated", "scalars"],
)
def test_values_are_the_safe_loaders(text: str) -> None:
    assert parse(text.encode(), "f.yaml") == yaml.load(text, Loader=yaml.SafeLoader)


def test_clean_applies_to_every_text_value_and_no_key() -> None:
    text = '"a\\u001b": "x\\u001b[31m"\nlist: ["\\u202eb", 2]\nnested: {k: "\\u0007c"}\n'
    assert parse(text.encode(), "f.yaml", printable) == {
        "a\x1b": "x[31m",
        "list": ["b", 2],
        "nested": {"k": "c"},
    }


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("a: 1\nb: 2\na: 3\n", "duplicate key 'a'", 3),
        ("x:\n  1: a\n  2: b\n  1: c\n", "duplicate key '1'", 4),
        ("x: {true: a, 'b': c, true: d}\n", "duplicate key 'true'", 1),
        ("x:\n  true: a\n  True: b\n", "duplicate key 'True'", 3),  # the same key, however written
        ("x:\n  a: 1\n  !!str a: 2\n", "duplicate key 'a'", 3),
        ("x:\n  ? [a, b]\n  : 1\n", "a key must be plain text, not a list or mapping", 2),
        ("x:\n  ? {a: b}\n  : 1\n", "a key must be plain text, not a list or mapping", 2),
        ("a: &name 1\n", "anchors and aliases (&name, *name) are not allowed", 1),
        ("a: &name [1]\n", "anchors and aliases (&name, *name) are not allowed", 1),
        ("a: [1]\nb: *name\n", "anchors and aliases (&name, *name) are not allowed", 2),
        ("a: !!set {x: null}\n", "could not determine a constructor for the tag 'tag:yaml.org,2002:set'", 1),
        ("a: !!python/name:os.system\n", "could not determine a constructor for the tag", 1),
        ("a: 1\n---\nb: 2\n", "expected a single document in the stream but found another document", 2),
        ("a: [1\n", "while parsing a flow sequence", 2),
        ("a: 1\nb: 2023-02-30\n", "'2023-02-30' cannot be read as a date: day is out of range for month", 2),
        (f"a:\n  - {'9' * 5000}\n", "'99999999999999999999…' cannot be read as a whole number: it has too many", 2),
        ("a: !!timestamp soon\n", "invalid YAML: 'soon' cannot be read as a date", 1),
        ("a:\n  b: !!bool maybe\n", "invalid YAML: 'maybe' cannot be read as true or false", 2),
        ("a: !!int many\n", "invalid YAML: 'many' cannot be read as a whole number", 1),
        ("a: !!float much\n", "invalid YAML: 'much' cannot be read as a number", 1),
    ],
    ids=[
        "duplicate",
        "number-key",
        "flag-key",
        "flag-spellings",
        "tagged-text-key",
        "list-key",
        "mapping-key",
        "anchor",
        "anchored-list",
        "alias",
        "set",
        "python",
        "two",
        "syntax",
        "no-such-date",
        "too-many-digits",
        "tagged-date",
        "tagged-flag",
        "tagged-whole-number",
        "tagged-number",
    ],
)
def test_what_is_refused_is_named_with_its_line(text: str, message: str, line: int) -> None:
    with pytest.raises(KnowledgeBaseError) as caught:
        parse(text.encode(), "f.yaml")
    (problem,) = caught.value.problems
    assert problem.startswith(f"f.yaml:{line}:")
    assert message in problem


@pytest.mark.parametrize("text", ["# only a comment\n", "---\n...\n"])
def test_a_file_without_content_says_so(text: str) -> None:
    with pytest.raises(KnowledgeBaseError) as caught:
        parse(text.encode(), "f.yaml")
    assert caught.value.problems == ["f.yaml: the file has no content, only comments or blank lines"]


def test_printable_removes_every_control_and_bidi_character_and_keeps_the_rest() -> None:
    controls = [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), 0x200E, 0x200F, *range(0x202A, 0x202F)]
    controls += range(0x2066, 0x206A)
    for code in controls:
        assert printable(f"ok {chr(code)}then") == "ok then", hex(code)
    kept = "Tab\tand newline\nstay; Crow’s-Feet® 下垂 é"
    assert printable(kept) == kept


def test_pyyaml_is_imported_with_its_reader_pattern_compiled_on_first_use_and_still_working() -> None:
    # In a fresh process: here PyYAML was imported long before, by the tests themselves.
    code = (
        "import re\n"
        "real = re.compile\n"
        "from botox_info.knowledge import yaml_file\n"
        "import yaml\n"
        "assert re.compile is real, 're.compile is put back'\n"
        "assert isinstance(yaml.reader.Reader.NON_PRINTABLE, yaml_file._OnFirstUse), 'PyYAML changed its pattern'\n"
        "try:\n"
        "    yaml.load('a: \\x07', Loader=yaml.SafeLoader)\n"  # the pure-Python reader, which uses the pattern
        "except yaml.reader.ReaderError as error:\n"
        "    print(error)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "unacceptable character #x0007: special characters are not allowed" in result.stdout


@pytest.mark.parametrize("loader", ["C", "Python"])
@pytest.mark.parametrize(
    ("text", "where"),
    [("a: x\x01y\n", "1:5"), ("a: héllo ééé\nb: ééé x\x01y\n", "2:9"), ("a: ok\nb: [\x7f]\n", "2:5")],
    ids=["ascii", "after-accents", "delete"],
)
def test_a_forbidden_character_is_named_at_its_line_and_column(
    monkeypatch: pytest.MonkeyPatch, loader: str, text: str, where: str
) -> None:
    # libyaml gives the place in bytes, PyYAML's own reader in characters: either way, the place a reader sees.
    if loader == "Python":
        monkeypatch.setattr(yaml_file, "_Base", yaml.SafeLoader)
    with pytest.raises(KnowledgeBaseError) as caught:
        parse(text.encode(), "f.yaml")
    code = next(character for character in text if character in "\x01\x7f")
    assert caught.value.problems == [
        f"f.yaml:{where}: invalid YAML: character #x{ord(code):04x} is not allowed in YAML"
    ]
