"""`list`'s table is drawn by terminal.py, not rich.table (issue 13): segment for segment the same as Rich's."""

from __future__ import annotations

import io
import runpy
from pathlib import Path

import pytest
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from botox_info.knowledge.building import build
from botox_info.knowledge.models import SideEffect
from botox_info.output import terminal, wording
from botox_info.output.terminal_page import HEADING, NOTE, URGENT

from .helpers import BUILTIN

GENERATOR = Path(__file__).parents[1] / "benchmarks" / "generate_clinic.py"


def rich_table(entries: list[SideEffect], out: Console, area: str | None = None) -> RenderableType:
    """The table as rich.table drew it before issue 13: the reference."""
    table = Table(title="Possible side effects of Botox® injections", title_justify="left", expand=True)
    longest_id = max((len(entry.id) for entry in entries), default=0)
    table.add_column("Side effect", style=HEADING, width=min(max(longest_id, 16), 24))
    table.add_column("In short", ratio=1)
    table.add_column("Lasts\nHow often\nUrgency", width=17)
    for entry in entries:
        table.add_row(
            Text(entry.name) + Text(f"\n{entry.id}\n{wording.provenance(entry)}", style=NOTE),
            Text(entry.summary),
            Text(wording.duration_range(entry.duration))
            + Text("\n" + wording.frequency_summary(entry, area), style=NOTE)
            + Text("\n" + entry.urgency, style=URGENT if entry.urgency == "get help now" else ""),
        )
    return table


def drawn(renderables: list[RenderableType], width: int, colour: bool, ascii_only: bool = False) -> str:
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="ascii" if ascii_only else "utf-8", errors="replace")
    console = Console(
        file=out,
        width=width,
        force_terminal=colour,
        color_system="truecolor" if colour else None,
        emoji=False,
        highlight=False,
        markup=False,
        safe_box=True,
        legacy_windows=False,
    )
    for renderable in renderables:  # as output.emit prints what terminal.draw gives
        console.print(renderable, soft_wrap=True)
    out.flush()
    return raw.getvalue().decode("utf-8")


def odd_entries() -> list[SideEffect]:
    """Entries whose text is hard to wrap: a word longer than its column, wide characters, a tab, spaces."""
    base = BUILTIN.find("sagging")
    return [
        base._replace(id="an-id-of-exactly-24-char", name="Supercalifragilisticexpialidocious-ness of skin"),
        base._replace(name="Sagging 下垂 skin", summary="宽字符 " * 12),
        base._replace(
            summary="A\ttab, then   three spaces, then a very-long-hyphenated-word-that-cannot-fit-anywhere."
        ),
        base._replace(summary="Line one\nline two\n\nafter a blank line   "),
        base._replace(urgency="get help now"),
    ]


def generated() -> list[SideEffect]:
    text: str = runpy.run_path(str(GENERATOR))["clinic_file"](60)
    return list(build(_validated(text), ["built-in", "clinic.yaml"]).side_effects)


def _validated(text: str) -> dict[str, object]:
    from botox_info.knowledge import loader

    layers = [loader._read(None), loader.Layer("clinic.yaml", text.encode())]
    return loader._validated(layers)


@pytest.mark.parametrize("width", [72, 80, 97, 120, 200])
@pytest.mark.parametrize("colour", [False, True], ids=["plain", "colour"])
@pytest.mark.parametrize("data", ["built-in", "generated", "odd"])
@pytest.mark.parametrize("rows_at_once", [terminal.ROWS_AT_ONCE, 7, 1], ids=["pieces", "seven", "one"])
def test_the_table_is_rich_tables_own(
    monkeypatch: pytest.MonkeyPatch, width: int, colour: bool, data: str, rows_at_once: int
) -> None:
    monkeypatch.setattr(terminal, "ROWS_AT_ONCE", rows_at_once)
    entries = {"built-in": lambda: list(BUILTIN.side_effects), "generated": generated, "odd": odd_entries}[data]()
    out = Console(file=io.StringIO(), width=width)
    for area in (None, "jaw"):
        ours = drawn(terminal.side_effect_table(entries, out, area), width, colour)
        assert ours == drawn([rich_table(entries, out, area)], width, colour)


def test_an_ascii_terminal_gets_rich_tables_ascii_box() -> None:
    entries = list(BUILTIN.side_effects)[:3]
    out = Console(file=io.StringIO(), width=80)
    ours = drawn(terminal.side_effect_table(entries, out), 80, False, ascii_only=True)
    assert ours == drawn([rich_table(entries, out)], 80, False, ascii_only=True)
    assert "+-" in ours
