"""The handout in a real browser: Debian's headless Chromium, driven by Playwright, checked by axe-core.

One browser for the session, a handful of pages. Screenshots go to build/screenshots/ (the run prints
where) for a person to look at. Without Chromium or Playwright these tests skip, saying why; with
BOTOX_INFO_BROWSER_TESTS=required (as .ci/run sets it) they fail instead. docs/handout.md says how to
run them.
"""

from __future__ import annotations

import io
import itertools
import os
import re
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from typer.testing import CliRunner

from botox_info.cli import app
from botox_info.errors import EXIT_OK

from .helpers import BUILTIN, FIXTURES, ROOT, SCREENSHOTS_SAVED, required_or_skip
from .test_handout import HOSTILE
from .test_handout_pdf import assert_rows_whole, tall_rows

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Dialog, Page

SCREENSHOTS = ROOT / "build" / "screenshots"
# Chromium as root needs --no-sandbox; the rest keep it off a network it must not use.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE, DESKTOP = 375, 1280


def chromium_path() -> str | None:
    """$BOTOX_INFO_CHROMIUM, else Debian's chromium on the PATH."""
    return os.environ.get("BOTOX_INFO_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        required_or_skip(f"the browser tests need Playwright (the 'test' extra): {error}")
    executable = chromium_path()
    if executable is None or not os.path.exists(executable):
        required_or_skip(f"the browser tests need Chromium ({executable or 'none on the PATH'}): install chromium")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()
    SCREENSHOTS_SAVED.append(SCREENSHOTS)


def make_handout(folder: Path, *args: str) -> Path:
    """The real command's page, written where the browser can open it."""
    target = folder / "handout.html"
    result = CliRunner().invoke(app, [*args, "-o", str(target)], env={"BOTOX_INFO_CACHE_DIR": ""})
    assert result.exit_code == EXIT_OK, result.stderr
    return target


@pytest.fixture(scope="session")
def handout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("handout")
    return make_handout(
        folder, "--data", str(FIXTURES / "clinic-contact.yaml"), "handout", "--area", "forehead", "--age", "45"
    )


def open_page(browser: Browser, path: Path, width: int, height: int = 900) -> Page:
    page = browser.new_page(viewport={"width": width, "height": height})
    page.route(re.compile(r"^(?!file:|data:)"), lambda route: route.abort())  # nothing from a network, ever
    page.goto(path.as_uri())
    return page


OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const element of document.querySelectorAll('body *')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right > width + 0.5 || box.left < -0.5) out.push(element.tagName + ' ' + element.textContent.slice(0, 40));
    const style = getComputedStyle(element);
    const clips = ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY);
    if (clips && (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1))
      out.push('cut off: ' + element.tagName + ' ' + element.textContent.slice(0, 40));
  }
  return out;
}"""


@pytest.mark.parametrize("width", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_it_fits_the_screen_with_nothing_cut_off(browser: Browser, handout: Path, width: int) -> None:
    page = open_page(browser, handout, width)
    page.screenshot(path=str(SCREENSHOTS / f"handout-{width}px.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no horizontal scrolling
    assert page.evaluate(OVERFLOWING) == []
    svg = page.locator("figure svg:visible").bounding_box()  # the phone's drawing or the wide one
    assert svg is not None
    assert svg["x"] > 0
    assert svg["x"] + svg["width"] <= width
    assert svg["height"] > 100
    assert page.locator("figure svg:visible").count() == 1
    assert page.locator("figure svg:visible rect").count() > len(BUILTIN.side_effects) // 2  # its bars are drawn
    for sign in BUILTIN.red_flags.signs:
        assert page.locator(".alarm li", has_text=sign).first.is_visible()
    page.close()


def test_on_a_phone_each_cell_says_what_it_is(browser: Browser, handout: Path) -> None:
    page = open_page(browser, handout, PHONE)
    label = page.evaluate("getComputedStyle(document.querySelector('td'), '::before').content")
    assert label == '"How often here: "'
    page.close()


def pdf_text(pdf: bytes) -> list[str]:
    try:
        import pypdf
    except ImportError as error:
        required_or_skip(f"reading the printed pages needs pypdf (the 'test' extra): {error}")
    # NFKC: a PDF may draw 'ff' as one ligature glyph, which text extraction gives back as 'ﬀ'
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    return [re.sub(r"\s+", "", unicodedata.normalize("NFKC", page.extract_text())) for page in pages]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_printed_every_red_flag_is_on_the_first_page(browser: Browser, handout: Path, paper: str) -> None:
    page = open_page(browser, handout, DESKTOP)
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi, for a person to look at
    page.screenshot(path=str(SCREENSHOTS / "handout-print.png"), full_page=True)
    pages = pdf_text(page.pdf(format=paper, prefer_css_page_size=True))
    page.close()
    flags = BUILTIN.red_flags
    for sign in (*flags.signs, *flags.allergy_signs, *(action.text for action in flags.action)):
        assert re.sub(r"\s+", "", sign) in pages[0], sign
    assert len(pages) <= 5
    for number, text in enumerate(pages, start=1):  # the footer: page numbers and the emergency line
        assert f"Page{number}of{len(pages)}" in text
        assert re.sub(r"\s+", "", BUILTIN.emergency.text)[:60] in text


def test_printed_no_table_row_is_split_across_pages(browser: Browser, tmp_path: Path) -> None:
    path = tmp_path / "tall.html"
    path.write_text(tall_rows(), encoding="utf-8")
    page = open_page(browser, path, DESKTOP)
    pages = pdf_text(page.pdf(format="A4"))
    page.close()
    assert_rows_whole(path.read_text(encoding="utf-8"), pages)


def test_axe_finds_no_serious_or_critical_violation(browser: Browser, handout: Path) -> None:
    try:
        from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]  # no type hints
    except ImportError as error:
        required_or_skip(f"the accessibility check needs axe-playwright-python (the 'test' extra): {error}")
    for width in (PHONE, DESKTOP):
        page = open_page(browser, handout, width)
        results = Axe().run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]})
        page.close()
        violations: list[dict[str, Any]] = results.response["violations"]
        serious = [
            (v["id"], v["impact"], len(v["nodes"])) for v in violations if v["impact"] in ("serious", "critical")
        ]
        assert serious == [], width
        assert "color-contrast" not in {v["id"] for v in violations}  # AA contrast, whatever its impact


def test_headings_go_down_one_level_at_a_time(browser: Browser, handout: Path) -> None:
    page = open_page(browser, handout, DESKTOP)
    levels = page.evaluate("[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.close()
    assert levels[0] == 1
    assert levels.count(1) == 1
    assert all(later <= earlier + 1 for earlier, later in itertools.pairwise(levels))


def test_readable_without_colour(browser: Browser, handout: Path) -> None:
    page = open_page(browser, handout, DESKTOP)
    page.emulate_media(color_scheme="light", forced_colors="active")
    page.screenshot(path=str(SCREENSHOTS / "handout-forced-colours.png"), full_page=False)
    border = page.evaluate("getComputedStyle(document.querySelector('.alarm')).borderTopStyle")
    heading = page.locator(".alarm h2").inner_text()
    page.close()
    assert border == "double"  # the box is drawn by its border, not only its background
    assert "emergency" in heading.lower()


def test_hostile_clinic_text_shows_as_text_and_runs_nothing(browser: Browser, tmp_path: Path) -> None:
    clinic = tmp_path / "hostile.yaml"
    clinic.write_text(HOSTILE, encoding="utf-8")
    path = make_handout(tmp_path, "--data", str(clinic), "handout", "--area", "jaw")
    page = open_page(browser, path, DESKTOP)
    dialogs: list[str] = []

    def seen(dialog: Dialog) -> None:  # alert(), confirm() or prompt(): a script ran
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", seen)
    page.reload()
    page.screenshot(path=str(SCREENSHOTS / "handout-hostile.png"))
    assert page.locator(".clinic-name").inner_text() == "<script>alert('name')</script> Clinic"
    assert page.evaluate("document.scripts.length") == 0
    assert page.evaluate("document.querySelectorAll('img, [onerror], [onclick], iframe, object').length") == 0
    hrefs = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
    assert [href for href in hrefs if not re.match(r"(#|https://|tel:)", href)] == []
    assert "‮" not in page.locator("address").inner_text()
    assert page.locator("body").is_visible()  # the note's <style> did not hide the page
    page.close()
    assert dialogs == []
