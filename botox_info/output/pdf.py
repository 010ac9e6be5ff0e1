"""A handout's HTML as PDF, through WeasyPrint: the optional extra `pip install "botox-info[pdf]"`.

WeasyPrint lays out the very page the HTML file holds (its print CSS: A4,
page numbers and the emergency line in each page's footer), so the two cannot
differ; only the paper size is added. It is imported here only, when a PDF is asked for: no other command
pays for it. It fetches nothing: the page has no external resource, and our
fetcher refuses any address all the same.
"""

from __future__ import annotations

from typing import Any, NoReturn

from ..errors import PdfUnavailableError

PAPER_SIZES = {"a4": "A4", "letter": "letter"}  # --paper -> CSS @page size


def to_pdf(document: str, paper: str = "a4") -> bytes:
    """The PDF of an HTML document that needs nothing from outside itself, on A4 or US Letter paper."""
    try:
        import weasyprint  # type: ignore[import-untyped]  # WeasyPrint ships no type hints
    except ImportError:
        raise PdfUnavailableError("is not installed") from None
    except OSError as error:  # installed, but the Pango libraries it loads are missing
        raise PdfUnavailableError(f"cannot load a library it needs ({error})") from None

    class NoFetching(weasyprint.urls.URLFetcher):  # type: ignore[misc]  # WeasyPrint 70's fetcher class
        def fetch(self, url: str, headers: Any = None) -> NoReturn:
            refuse(url)

    size = weasyprint.CSS(string=f"@page {{ size: {PAPER_SIZES[paper]}; }}")
    pdf: bytes = weasyprint.HTML(string=document, url_fetcher=NoFetching()).write_pdf(stylesheets=[size])
    return pdf


def refuse(url: str) -> NoReturn:
    """What the fetcher does with any address: WeasyPrint then leaves the resource out and goes on."""
    raise ValueError(f"a handout fetches nothing: {url}")
