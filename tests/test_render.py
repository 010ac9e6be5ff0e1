"""Golden renderings: each command at a fixed width, plain and with colour forced on.

A change to any of these files is a change to what users read: review the
diff of tests/golden/ as carefully as code (regenerate: pytest --update-goldens).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .helpers import Run

VIEWS = {
    "list": ["list"],
    "show-sagging": ["show", "sagging"],
    "show-weak-bite": ["show", "weak-bite"],
    "show-toxin-spread": ["show", "toxin-spread"],
    "list-jaw": ["list", "--area", "jaw", "--sort", "frequency"],
    "avoid": ["avoid"],
    "before": ["before"],
    "after": ["after"],
    "urgent": ["urgent"],
    "sources": ["sources"],
    "timeline": ["timeline"],
    "timeline-jaw": ["timeline", "--area", "jaw"],
    "check": ["check", "--area", "forehead", "--area", "jaw", "--blood-thinners", "--age", "62"],
}


@pytest.mark.parametrize("width", [80, 40])
@pytest.mark.parametrize("view", VIEWS)
def test_plain_rendering(run: Run, golden: Callable[[str, str], None], view: str, width: int) -> None:
    result = run(*VIEWS[view], env={"COLUMNS": str(width)})
    assert result.exit_code == 0
    golden(f"{view}.{width}.txt", result.stdout)


@pytest.mark.parametrize("view", ["list", "show-sagging", "urgent", "check"])
def test_colour_rendering(run: Run, golden: Callable[[str, str], None], view: str) -> None:
    result = run(*VIEWS[view], env={"COLUMNS": "80", "NO_COLOR": None, "FORCE_COLOR": "1"})
    assert result.exit_code == 0
    golden(f"{view}.80.colour.txt", result.stdout)


@pytest.mark.parametrize("output_format", ["markdown", "json"])
@pytest.mark.parametrize("view", ["show-sagging", "urgent", "before", "after", "sources", "list", "timeline", "check"])
def test_text_formats(run: Run, golden: Callable[[str, str], None], view: str, output_format: str) -> None:
    result = run(*VIEWS[view], "--format", output_format)
    assert result.exit_code == 0
    golden(f"{view}.{'md' if output_format == 'markdown' else 'json'}", result.stdout)
