"""The README and docs/ as a newcomer and CI meet them: short, linked, and generated where they can drift."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text

from botox_info import __version__
from botox_info.cli import EPILOG
from botox_info.output.json_document import FORMAT_VERSION

from .helpers import ROOT, Run, matches_golden

README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = ROOT / "docs"
# A laptop terminal shows about 40 lines: what a newcomer sees before scrolling.
FIRST_SCREEN = "\n".join(README.splitlines()[:40])
MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)")


def test_the_readme_stays_short() -> None:
    assert len(README.splitlines()) <= 150


@pytest.mark.parametrize(
    "what",
    [
        "pip install . && botox-info show sagging",  # install and a first command
        'pip install -e ".[test]" && python -m pytest',  # the tests
        "Educational information, not medical advice",
        "Trouble swallowing, speaking or breathing",
        "severe allergic reaction",
        "get medical help at once",
    ],
)
def test_the_first_screen_of_the_readme_has(what: str) -> None:
    assert what in FIRST_SCREEN


def _local_links(path: Path) -> list[str]:
    links = MARKDOWN_LINK.findall(path.read_text(encoding="utf-8"))
    return [link.split("#")[0] for link in links if not re.match(r"[a-z]+:", link) and not link.startswith("#")]


@pytest.mark.parametrize("page", [ROOT / "README.md", ROOT / "CHANGELOG.md"], ids=lambda page: page.name)
def test_every_link_outside_the_site_leads_to_a_file(page: Path) -> None:
    # mkdocs build --strict checks the links inside docs/; these two pages are outside it.
    links = _local_links(page)
    assert page.name == "CHANGELOG.md" or len(links) >= 10
    missing = [link for link in links if not (page.parent / link).exists()]
    assert missing == []


def test_every_docs_page_is_linked_from_the_readme_or_the_docs_home() -> None:
    linked = {Path(link).name for link in _local_links(ROOT / "README.md") + _local_links(DOCS / "index.md")}
    assert {page.name for page in DOCS.glob("*.md")} - {"index.md"} <= linked


def test_the_changelog_starts_from_the_current_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    versions = re.findall(r"^## \[([^\]]+)\]", changelog, flags=re.MULTILINE)
    assert versions[:2] == ["Unreleased", __version__]


def test_the_docs_site_copies_the_changelog() -> None:
    assert (ROOT / "CHANGELOG.md").read_text(encoding="utf-8") in (DOCS / "changelog.md").read_text(encoding="utf-8")


def test_top_level_help_ends_with_the_docs_and_the_emergency(run: Run) -> None:
    lines = [line.strip(" │") for line in run("--help", env={"COLUMNS": "200"}).stdout.splitlines() if line.strip()]
    assert lines[-2:] == [line.strip() for line in EPILOG.splitlines()]
    assert "docs/" in lines[-2]
    assert lines[-1].startswith("Trouble swallowing, speaking or breathing, or a severe allergic reaction")


def test_the_terminal_picture_is_what_show_prints(run: Run, request: pytest.FixtureRequest) -> None:
    """docs/pictures/show-sagging.svg: the real page in colour at 80 columns, regenerated with --update-goldens."""
    ansi = run("show", "sagging", env={"COLUMNS": "80", "NO_COLOR": None, "FORCE_COLOR": "1"}).stdout
    console = Console(record=True, width=80, file=io.StringIO(), color_system="truecolor")
    console.print(Text.from_ansi(ansi), end="")
    svg = console.export_svg(title="botox-info show sagging")
    matches_golden(DOCS / "pictures" / "show-sagging.svg", svg, update=request.config.getoption("--update-goldens"))


def test_the_json_reference_and_the_changelog_name_the_current_format_version() -> None:
    assert f"`format_version` says its shape (now `{FORMAT_VERSION}`)" in (DOCS / "json-output.md").read_text(
        encoding="utf-8"
    )
    assert f"`format_version` {FORMAT_VERSION}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_the_architecture_page_names_every_module() -> None:
    tree = (DOCS / "development.md").read_text(encoding="utf-8").split("```\nbotox_info/", 1)[1].split("```", 1)[0]
    named = set(re.findall(r"^\s+(\w+\.py)\s", tree, flags=re.MULTILINE))
    modules = {path.name for path in (ROOT / "botox_info").rglob("*.py")} - {"__main__.py"}
    assert modules - named == set()
