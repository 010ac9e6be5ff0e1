"""The architecture, checked: data flows one way (knowledge -> answers -> commands -> output).

Reads every module's imports, at the top or inside a function, and fails on
an arrow that points back up, so the layering in the README cannot drift.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "botox_info"
MODULES = sorted(PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _run_time_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node but those under `if TYPE_CHECKING:`, which name types and never run."""
    nodes: list[ast.AST] = []
    pending = [tree]
    while pending:
        node = pending.pop()
        nodes.append(node)
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            pending.extend(node.orelse)
            continue
        pending.extend(ast.iter_child_nodes(node))
    return nodes


def _imports(path: Path) -> set[str]:
    """Every module `path` imports when it runs, as absolute dotted names (botox_info.knowledge.models, typer...)."""
    module = _name(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in _run_time_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


IMPORTS = {_name(path): _imports(path) for path in MODULES}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "botox_info"


def _offending(module: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        name for name in IMPORTS[module] if any(name == bad or name.startswith(bad + ".") for bad in forbidden)
    )


@pytest.mark.parametrize("module", [m for m in IMPORTS if _layer(m) == "knowledge"])
def test_knowledge_imports_neither_the_frameworks_nor_the_layers_above(module: str) -> None:
    forbidden = ("typer", "rich", "botox_info.answers", "botox_info.output", "botox_info.cli", "botox_info.commands")
    assert _offending(module, forbidden) == []


@pytest.mark.parametrize("module", [m for m in IMPORTS if _layer(m) == "answers"])
def test_answers_import_the_knowledge_only(module: str) -> None:
    forbidden = ("typer", "rich", "botox_info.output", "botox_info.cli", "botox_info.commands")
    assert _offending(module, forbidden) == []


@pytest.mark.parametrize("module", [m for m in IMPORTS if _layer(m) == "output"])
def test_output_reads_no_file_and_knows_no_command_line(module: str) -> None:
    loader = tuple(
        f"botox_info.knowledge.{name}"
        for name in ("loader", "cache", "yaml_file", "layers", "locations", "reports", "file_kinds")
    )
    forbidden = ("typer", "botox_info.cli", "botox_info.commands", *loader)
    assert _offending(module, forbidden) == []


def test_only_the_cli_imports_typer() -> None:
    users = sorted(m for m, names in IMPORTS.items() if any(n == "typer" or n.startswith("typer.") for n in names))
    assert users
    assert [m for m in users if _layer(m) != "cli"] == []


def test_only_the_terminal_output_imports_rich() -> None:
    users = sorted(m for m, names in IMPORTS.items() if any(n == "rich" or n.startswith("rich.") for n in names))
    assert users == ["botox_info.output.terminal", "botox_info.output.terminal_page"]


def test_commands_import_no_framework() -> None:
    assert _offending("botox_info.commands", ("typer", "rich", "botox_info.cli")) == []


def test_the_bottom_modules_import_nothing_of_the_package_but_each_other() -> None:
    for module in ("botox_info.errors", "botox_info.plain", "botox_info.problems"):
        ours = {name for name in IMPORTS[module] if name.startswith("botox_info.")}
        assert ours <= {"botox_info.errors", "botox_info.plain", "botox_info.plain.echoed"}, module


@pytest.mark.parametrize("path", MODULES, ids=[_name(p) for p in MODULES])
def test_modules_stay_small(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 300


def test_the_checker_sees_a_backward_import(tmp_path: Path) -> None:
    # The parser resolves relative imports: a test of the test, so it cannot pass by seeing nothing.
    assert "botox_info.output.terminal" in IMPORTS["botox_info.output"] or any(
        "terminal" in name for name in IMPORTS["botox_info.output"]
    )
    assert "botox_info.knowledge.models" in IMPORTS["botox_info.output.pages"]
