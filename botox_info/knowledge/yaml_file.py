"""Safe YAML reading, and turning a problem's path into file:line:column.

Parsing is the hot path of every command, so it is one C-accelerated safe
load; the slower node walk that finds line numbers runs only when a file
has a problem to report.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..errors import KnowledgeBaseError
from ..problems import FileProblem
from .schema import Path, Problem

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_Base):  # type: ignore[valid-type,misc]
    """Safe loading that refuses what would silently lose or multiply data."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen = set()
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be plain text, not a list or mapping", key_node.start_mark
                )
            if key_node.value in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key_node.value!r}", key_node.start_mark
                )
            seen.add(key_node.value)
        return super().construct_mapping(node, deep)  # type: ignore[no-any-return]

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # A node built twice is an alias (*name): refusing it defeats "billion laughs" files.
        if node in self.constructed_objects:
            raise yaml.constructor.ConstructorError(
                None, None, "anchors and aliases (&name, *name) are not allowed", node.start_mark
            )
        return super().construct_object(node, deep)


def parse(raw: bytes, label: str) -> Any:
    """The YAML document in `raw`; a KnowledgeBaseError naming `label` if it has none."""
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
        document = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a subclass of the safe loader
    except yaml.reader.ReaderError as error:  # a character YAML forbids, such as a raw control character
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
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
