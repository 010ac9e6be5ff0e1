"""Safe YAML reading, and turning a problem's path into file:line:column.

Parsing is the hot path of a cold run, so it reads the C parser's events
straight into Python values, resolving scalars as PyYAML's safe loader does;
the slower node walk that finds line numbers runs only when a file has a
problem to report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import KnowledgeBaseError
from ..problems import FileProblem
from .schema import Path, Problem

# yaml.reader compiles, when imported, a pattern spanning most of Unicode for its pure-Python
# reader: 5 ms, half of importing PyYAML and 2% of a cold run. The C parser used here never
# runs that reader, so while PyYAML is imported that one pattern is compiled on first use.
_READER_PATTERN = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
_compile = re.compile


class _OnFirstUse:
    """Stands for a compiled pattern; compiles it when first used (re keeps it from then on)."""

    def __init__(self, pattern: str) -> None:
        self.source = pattern

    def __getattr__(self, name: str) -> Any:
        return getattr(_compile(self.source), name)


@contextmanager
def _reader_pattern_on_first_use() -> Iterator[None]:
    def compile_or_defer(pattern: Any, flags: int = 0) -> Any:
        return _OnFirstUse(pattern) if pattern == _READER_PATTERN and flags == 0 else _compile(pattern, flags)

    re.compile = compile_or_defer
    try:
        yield
    finally:
        re.compile = _compile


with _reader_pattern_on_first_use():
    import yaml


_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR, _MAP, _SEQ = (f"tag:yaml.org,2002:{name}" for name in ("str", "map", "seq"))
_NO_ALIASES = "anchors and aliases (&name, *name) are not allowed"


def _refuse(message: str, mark: Any) -> yaml.constructor.ConstructorError:
    return yaml.constructor.ConstructorError(None, None, message, mark)


def _strict_load(text: str, clean: Callable[[str], str]) -> Any:
    """The one document of `text`, built straight from the parser's events, with `clean` on every text value.

    Safe loading that refuses what would silently lose or multiply data: duplicate keys
    (keys of the same value, such as `yes` and `true`), keys that are lists or mappings,
    anchors and aliases ("billion laughs"), tags other than the safe loader's scalars.
    Built from events rather than from a composed node tree: a node and its two marks
    per value would be held for the whole file (about 70 times a big file's size), where
    an event lives only until its value is stored.
    Scalars resolve exactly as PyYAML's safe loader resolves them.
    """
    loader: Any = _Base(text)  # the C parser's events and PyYAML's own scalar resolution
    try:
        get, resolve, constructors = loader.get_event, loader.resolve, loader.yaml_constructors
        # Names the loop reads for each of a big file's hundred thousand events, as fast locals.
        scalar, mapping_start, sequence_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
        mapping_end, sequence_end, text_tag, no_key = yaml.MappingEndEvent, yaml.SequenceEndEvent, _STR, _NO_KEY
        get()  # the stream's start
        if isinstance(get(), yaml.StreamEndEvent):  # else the document's start
            return None
        root: list[Any] = []
        container: Any = root
        mapping = False  # whether `container` is a mapping (its keys are the keys so far)
        key: Any = None
        stack: list[tuple[Any, bool, Any]] = []
        plain: dict[str, str] = {}  # the tag of each text written plain, and quoted
        quoted: dict[str, str] = {}
        while True:
            event = get()
            kind = type(event)
            if kind is scalar:
                if event.anchor is not None:
                    raise _refuse(_NO_ALIASES, event.start_mark)
                written, tag = event.value, event.tag
                if tag is None or tag == "!":  # resolved by what is written alone: remembered, as texts repeat
                    tags = plain if event.implicit[0] else quoted
                    tag = tags.get(written)
                    if tag is None:
                        tag = tags[written] = resolve(yaml.ScalarNode, written, event.implicit)
                if tag == text_tag:  # most values: stored here, without the general steps below
                    if not mapping:
                        container.append(clean(written))
                    elif key is not no_key:
                        container[key] = clean(written)
                        key = no_key
                    elif written in container:
                        raise _refuse(f"duplicate key {written!r}", event.start_mark)
                    else:
                        key = written
                    continue
                build = constructors.get(tag) or constructors[None]
                try:
                    value = build(loader, yaml.ScalarNode(tag, written, event.start_mark, event.end_mark))
                # 2023-02-30, a number of more digits than Python reads, `!!bool maybe`, `!!timestamp soon`
                except (ValueError, KeyError, AttributeError, TypeError) as error:
                    raise _refuse(_unreadable(written, tag, error), event.start_mark) from None
            elif kind is mapping_start or kind is sequence_start:
                if event.anchor is not None:
                    raise _refuse(_NO_ALIASES, event.start_mark)
                if event.tag not in (None, "!", _MAP, _SEQ):
                    raise _refuse(f"could not determine a constructor for the tag {event.tag!r}", event.start_mark)
                if mapping and key is no_key:
                    raise _refuse("a key must be plain text, not a list or mapping", event.start_mark)
                stack.append((container, mapping, key))
                mapping = kind is mapping_start
                container = {} if mapping else []
                key = no_key
                continue
            elif kind is mapping_end or kind is sequence_end:
                value = container
                container, mapping, key = stack.pop()
            elif kind is yaml.AliasEvent:
                raise _refuse(_NO_ALIASES, event.start_mark)
            else:  # the document's end: one document only
                following = get()
                if not isinstance(following, yaml.StreamEndEvent):
                    raise yaml.composer.ComposerError(
                        "expected a single document in the stream",
                        None,
                        "but found another document",
                        following.start_mark,
                    )
                return root[0]
            if not mapping:
                container.append(clean(value) if type(value) is str else value)
            elif key is no_key:  # a key that is a number, a date, true or null (a mapping's end is never one)
                if value in container:
                    raise _refuse(f"duplicate key {event.value!r}", event.start_mark)
                key = value
            else:
                container[key] = clean(value) if type(value) is str else value
                key = no_key
    finally:
        loader.dispose()


_NO_KEY = object()  # a mapping waiting for its next key
_KINDS = {"int": "a whole number", "float": "a number", "timestamp": "a date", "bool": "true or false"}


def _unreadable(text: str, tag: str, error: Exception) -> str:
    """Why a value written as (or tagged) a date, a number or true/false cannot be read as one."""
    kind = tag.rsplit(":", 1)[-1]
    shown = text if len(text) <= 24 else f"{text[:20]}…"
    message = f"{shown!r} cannot be read as {_KINDS.get(kind, kind)}"
    if kind == "int" and sum(character.isdigit() for character in text) > 4000:
        return f"{message}: it has too many digits"
    if kind == "timestamp" and isinstance(error, ValueError):
        return f"{message}: {error}"  # Python's own words are plain here: 'day is out of range for month'
    return message


def parse(raw: bytes, label: str, clean: Callable[[str], str] = str) -> Any:
    """The YAML document in `raw`, `clean` applied to its texts; a KnowledgeBaseError naming `label` if it has none."""
    if not raw.strip():
        raise KnowledgeBaseError([FileProblem(label, None, None, None, "the file is empty")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise KnowledgeBaseError(
            [FileProblem(label, line, None, None, f"not UTF-8 text (byte {error.start})")]
        ) from None
    try:
        document = _strict_load(text, clean)
    except yaml.reader.ReaderError as error:  # a character YAML forbids, such as a raw control character
        # libyaml counts the position in bytes of the UTF-8 text, PyYAML's own reader in characters.
        before = raw[: error.position] if _Base is not yaml.SafeLoader else text[: error.position].encode("utf-8")
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        reason = f"character #x{error.character:04x} is not allowed in YAML"
        raise KnowledgeBaseError([FileProblem(label, line, column, None, f"invalid YAML: {reason}")]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = "invalid YAML: " + " ".join(part for part in (error.context, error.problem) if part)
        at: tuple[int | None, int | None] = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise KnowledgeBaseError([FileProblem(label, at[0], at[1], None, reason)]) from None
    except yaml.YAMLError as error:
        raise KnowledgeBaseError([FileProblem(label, None, None, None, f"invalid YAML: {error}")]) from None
    if document is None:
        raise KnowledgeBaseError(
            [FileProblem(label, None, None, None, "the file has no content, only comments or blank lines")]
        )
    return document


def locate(raw: bytes, label: str, problem: Problem) -> FileProblem:
    """`problem` with its file, line and column (shown as 'file:line:column: field.path: message')."""
    node: yaml.Node | None = yaml.compose(raw.decode("utf-8"), Loader=_Base)
    if node is None:
        return FileProblem(label, None, None, dotted(problem.path), problem.message)
    last = len(problem.path) - 1
    for position, step in enumerate(problem.path):
        child = _child(node, step, key_wanted=problem.on_key and position == last)
        if child is None:
            break
        node = child
    mark = node.start_mark
    return FileProblem(label, mark.line + 1, mark.column + 1, dotted(problem.path), problem.message)


def _child(node: yaml.Node, step: str | int, key_wanted: bool) -> yaml.Node | None:
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        return node.value[step]  # type: ignore[no-any-return]
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == step:
                return key_node if key_wanted else value_node  # type: ignore[no-any-return]
    return None


def dotted(path: Path) -> str:
    """('side_effects', 3, 'causes') -> 'side_effects[3].causes'; the top level is '(top level)'."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text or "(top level)"
