"""`handout -o FILE.pdf`: WeasyPrint lays out the page; the text read back from the PDF holds what matters.

Needs the `pdf` extra (in the `test` extra) and Debian's Pango; skipped without them, failed in CI.
"""

from __future__ import annotations

import html
import io
import re
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from botox_info.cli import app
from botox_info.errors import EXIT_OK

from .helpers import BUILTIN, FIXTURES, Run, required_or_skip

CONTACT = FIXTURES / "clinic-contact.yaml"


def pdf_pages(run: Run, tmp_path: Path, *args: str) -> list[str]:
    """The text of each page of the PDF `handout ARGS -o FILE.pdf` writes, whitespace squeezed out."""
    try:
        import pypdf
        import weasyprint  # type: ignore[import-untyped]  # noqa: F401 - only whether it loads
    except (ImportError, OSError) as error:
        required_or_skip(f"a PDF needs WeasyPrint and pypdf: {error}")
    target = tmp_path / "handout.pdf"
    result = run("--data", str(CONTACT), "handout", *args, "-o", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (EXIT_OK, "", "")
    assert target.read_bytes().startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(target.read_bytes()))
    return [squeezed(page.extract_text()) for page in reader.pages]


def squeezed(text: str) -> str:
    """Text without whitespace, so a line or column break inside a phrase does not hide it; ligatures undone."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


FOREHEAD = ("--area", "forehead", "--age", "45")


@pytest.fixture(scope="module")
def forehead(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The forehead's PDF, made once for the tests that read it."""
    return pdf_pages(_runner, tmp_path_factory.mktemp("pdf"), *FOREHEAD)


def _runner(*args: str, **_: object) -> Result:
    return CliRunner().invoke(app, list(args), env={"BOTOX_INFO_CACHE_DIR": "", "SOURCE_DATE_EPOCH": "1790000000"})


def test_every_red_flag_is_on_the_first_page(forehead: list[str]) -> None:
    flags = BUILTIN.red_flags
    for sign in (*flags.signs, *flags.allergy_signs, *(action.text for action in flags.action)):
        assert squeezed(sign) in forehead[0], sign
    assert squeezed(BUILTIN.emergency.text) in forehead[0]


def test_every_source_of_the_page_is_in_the_pdf_with_its_address(forehead: list[str]) -> None:
    document = _runner("--data", str(CONTACT), "handout", *FOREHEAD, "-o", "-").stdout
    listed = [
        html.unescape(re.sub("<[^>]+>", "", item)) for item in re.findall(r'<li id="source-\d+">(.*?)</li>', document)
    ]
    assert len(listed) >= 10  # the label, the guides and the studies the forehead's figures come from
    whole = "".join(forehead)
    for number, item in enumerate(listed, start=1):
        assert squeezed(item) in whole, number  # (the list's numbers are drawn, not text pypdf reads)


def test_each_page_has_its_number_and_the_emergency_line(forehead: list[str]) -> None:
    count = len(forehead)
    for number, text in enumerate(forehead, start=1):
        assert f"Page{number}of{count}" in text
        assert squeezed(BUILTIN.emergency.text)[:80] in text  # the footer line (it may be cut at the page's edge)


def test_the_clinic_s_contact_line_is_printed(forehead: list[str]) -> None:
    assert "ExampleSkinClinic" in forehead[0]
    assert "+442079460000" in forehead[-1]


@pytest.mark.parametrize("area", [area.id for area in BUILTIN.areas])
def test_one_area_fits_four_pages(run: Run, tmp_path: Path, area: str) -> None:
    assert len(pdf_pages(run, tmp_path, "--area", area, "--age", "45")) <= 4


def test_the_pdf_fetches_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Even an image named by address is asked of our fetcher, which refuses: no network, ever."""
    try:
        import weasyprint  # noqa: F401 - only whether it loads
    except (ImportError, OSError) as error:
        required_or_skip(f"a PDF needs WeasyPrint: {error}")
    from botox_info.output import pdf

    asked: list[str] = []
    refuse = pdf.refuse

    def recording(url: str) -> object:
        asked.append(url)
        return refuse(url)

    monkeypatch.setattr(pdf, "refuse", recording)
    made = pdf.to_pdf('<html lang="en"><body><img src="https://example.invalid/x.png" alt="x"></body></html>')
    assert made.startswith(b"%PDF-")
    assert asked == ["https://example.invalid/x.png"]


@pytest.mark.parametrize(
    ("paper", "points"), [("a4", (595, 842)), ("Letter", (612, 792))], ids=["A4 by default", "US Letter"]
)
def test_the_paper_size(run: Run, tmp_path: Path, paper: str, points: tuple[int, int]) -> None:
    try:
        import pypdf
    except ImportError as error:
        required_or_skip(f"reading a PDF needs pypdf: {error}")
    pages = pdf_pages(run, tmp_path, "--area", "jaw", *(["--paper", paper] if paper != "a4" else []))
    assert len(pages) <= 4
    box = pypdf.PdfReader(tmp_path / "handout.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == points


def tall_rows() -> str:
    """A handout whose rows are made tall on purpose (long names): without the print CSS's rule, some row would
    straddle a page."""
    from botox_info.answers.assessment import Answers, assess
    from botox_info.answers.timeline import build
    from botox_info.output import handout_page
    from botox_info.output import html as html_page

    padding = " ".join(f"word{n}" for n in range(40))
    tall = BUILTIN._replace(side_effects=tuple(e._replace(name=f"{e.name} {padding}") for e in BUILTIN.side_effects))
    return html_page.draw(handout_page.for_reader(tall, assess(tall, Answers()), build(tall), "2026-01-01"), tall)


def assert_rows_whole(document: str, pages: list[str]) -> None:
    """Every table row of `document` has all its cells on one of the `pages` (their text, whitespace squeezed)."""
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", document)
    assert len(rows) == len(BUILTIN.side_effects)
    for name, cells in rows:
        parts = [name, *re.findall(r"<td[^>]*>(.*?)</td>", cells)]
        squeezed_parts = [squeezed(html.unescape(re.sub("<[^>]+>", "", part))) for part in parts]
        assert any(all(part in page for part in squeezed_parts) for page in pages), name


def test_no_table_row_is_split_across_pages() -> None:
    try:
        import pypdf
    except ImportError as error:
        required_or_skip(f"reading a PDF needs pypdf: {error}")
    from botox_info.output import pdf

    document = tall_rows()
    assert_rows_whole(
        document, [squeezed(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(pdf.to_pdf(document))).pages]
    )
