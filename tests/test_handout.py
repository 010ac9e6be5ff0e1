"""`botox-info handout`: what the page says, in what order, with which sources, and how it fails.

The page is read here as HTML text; tests/test_handout_browser.py looks at it in a real browser.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from botox_info.errors import EXIT_NOT_FOUND, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE
from botox_info.output import html as html_page
from botox_info.output.html_svg import describe

from .helpers import BUILTIN, FIXTURES, ROOT, Run, json_document, write_file

CONTACT = FIXTURES / "clinic-contact.yaml"
DAY = {"SOURCE_DATE_EPOCH": "1790000000"}  # 2026-09-21
FOREHEAD = ("handout", "--area", "forehead", "--age", "45", "-o", "-")


def page(run: Run, *args: str) -> str:
    result = run(*args, env=DAY)
    assert result.exit_code == EXIT_OK, result.stderr
    assert result.stderr == ""
    return result.stdout


def shown(text: str) -> str:
    """Knowledge-base text as the page holds it."""
    return html_page.text(text)


def position(document: str, text: str) -> int:
    assert document.count(text) >= 1, text
    return document.index(text)


def test_a_handout_is_one_self_contained_page(run: Run) -> None:
    document = page(run, *FOREHEAD)
    assert document.startswith('<!DOCTYPE html>\n<html lang="en" dir="ltr">\n<head>\n<meta charset="utf-8">')
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in document
    assert f'<meta http-equiv="Content-Security-Policy" content="{html_page.POLICY}">' in document
    assert "<script" not in document.lower()
    assert re.findall(r'(?:src|href)="(?!#|https://|tel:)', document) == []  # nothing loaded, no other link
    assert "<link" not in document
    assert "@import" not in document
    assert "url(http" not in document
    assert document.count("<h1>") == 1


def test_the_reader_s_situation_decides_the_contents_in_this_order(run: Run) -> None:
    document = page(run, *FOREHEAD)
    order = [
        "<h1>Botox® injections: what to know</h1>",
        '<p class="intro">Made for: Forehead lines; age 45.</p>',
        shown(BUILTIN.disclaimer),
        '<h2 id="stop">Stop signs: do not be treated, or talk to a doctor first</h2>',
        '<section class="alarm"',
        ">Forehead lines: possible side effects, most common first</h2>",
        ">After treatment</h2>",
        ">Questions to ask your clinic</h2>",
        '<h2 id="timeline">',
        '<h2 id="sources">Sources</h2>',
        "<footer>",
    ]
    places = [position(document, text) for text in order]
    assert places == sorted(places)


def test_every_red_flag_and_the_emergency_line_are_in_the_box(run: Run) -> None:
    document = page(run, *FOREHEAD)
    start = document.index('<section class="alarm"')
    box = document[start : document.index("</section>", start)]
    flags = BUILTIN.red_flags
    for sign in (*flags.signs, *flags.allergy_signs, *(action.text for action in flags.action)):
        assert shown(sign) in box
    assert f'<p class="emergency"><strong>{shown(BUILTIN.emergency.text)} <span class="cite">' in box
    assert "botox-info" not in box  # the terminal's "run this command" lines are not for paper


def test_the_area_s_side_effects_are_listed_as_list_sorts_them_with_figures_and_placebo_rates(run: Run) -> None:
    document = page(run, *FOREHEAD)
    listed = json_document(run("list", "--area", "forehead", "--sort", "frequency", "--format", "json"))
    names = [html.unescape(name) for name in re.findall(r'<tr><th scope="row">([^<]+)</th>', document)]
    assert names == [entry["name"] for entry in listed["side_effects"]]
    numbers = {source_id: n for n, source_id in enumerate(_source_ids(document), start=1)}
    eyelid = next(entry for entry in listed["side_effects"] if entry["id"] == "drooping-eyelid")
    figure = next(f for f in eyelid["frequency"]["figures"] if f["area"] == "forehead")
    cell = f"common, {figure['percent']}% here (placebo {figure['placebo_percent']}%)"
    assert (
        f'<td data-label="How often here">{cell} <span class="cite">[<a href="#source-{numbers[figure["source"]]}">'
        in (document)
    )


def test_the_area_table_says_a_percentage_may_count_sessions_not_people(run: Run) -> None:
    # Peng 2018's jaw figures count 2,036 treatment sessions: "share of people" alone would misread them.
    document = page(run, "handout", "--area", "jaw", "-o", "-")
    assert "the share of the people, or of the treatment sessions, in a study or the label who had it" in document


def _source_ids(document: str) -> list[str]:
    """The sources' ids in the order the page numbers them, found by their titles."""
    items = re.findall(r'<li id="source-(\d+)">(.*?)</li>', document)
    by_title = {shown(source.title): source_id for source_id, source in BUILTIN.sources.items()}
    return [next(by_title[title] for title in by_title if text.startswith(title + ".")) for _, text in items]


def test_every_citation_points_at_a_numbered_source_with_its_link(run: Run) -> None:
    document = page(run, *FOREHEAD)
    cited = {int(n) for n in re.findall(r'<a href="#source-(\d+)">', document)}
    numbered = [int(n) for n in re.findall(r'<li id="source-(\d+)">', document)]
    assert numbered == list(range(1, len(numbered) + 1))
    assert cited == set(numbered)  # each source is cited, each citation has its source
    for source_id in _source_ids(document):
        url = BUILTIN.sources[source_id].url
        if url:
            assert f'<a href="{html.escape(url)}" rel="noreferrer">' in document


def test_the_date_and_the_knowledge_base_s_edition_are_printed(run: Run) -> None:
    document = page(run, *FOREHEAD)
    from botox_info import __version__

    made = re.search(
        r'<p class="made">Made on 2026-09-21 from botox-info ([^,]+), '
        r"knowledge-base format 1, content ([0-9a-f]{8})\.</p>",
        document,
    )
    assert made is not None
    assert made[1] == __version__
    with_clinic = page(run, "--data", str(CONTACT), *FOREHEAD)
    assert made[2] not in with_clinic  # another knowledge base, another fingerprint
    assert page(run, *FOREHEAD) == document  # the same knowledge and day: the same page


def test_the_timeline_is_drawn_from_timeline_s_numbers_with_a_text_alternative(run: Run) -> None:
    document = page(run, *FOREHEAD)
    drawn = json_document(run("timeline", "--area", "forehead", "--format", "json"))
    svg = document[document.index("<svg") : document.index("</svg>")]  # the wide drawing; the phone's is the same
    assert 'role="img" aria-labelledby="timeline-title-wide timeline-desc-wide"' in svg
    assert svg.count('fill="#1a1a1a"/>') == len(drawn["side_effects"]) + 1  # a solid bar each, the wanted effect too
    from botox_info.answers.timeline import build

    timeline = build(BUILTIN, ("forehead",))
    assert f'<desc id="timeline-desc-wide">{shown(describe([timeline.wanted, *timeline.bars]))}</desc>' in svg  # type: ignore[list-item]
    narrow = document[document.index('<svg class="timeline-narrow"') : document.rindex("</svg>")]
    assert narrow.count('fill="#1a1a1a"/>') == len(drawn["side_effects"]) + 1
    for entry in drawn["not_drawn"]:
        assert shown(entry["name"]) in document[document.index("<figcaption>") :]


def test_the_description_says_when_each_bar_starts_and_ends() -> None:
    from botox_info.answers.timeline import Bar

    assert describe([Bar("a", "Bruising", 0.0, 24.0, 24 * 14, True), Bar("b", "Ache", 0.0, 0.0, 48.0, False)]) == (
        "Bruising: starts at the injection, usually lasts until 1 day, can last until 2 weeks. "
        "Ache: starts a time no source gives, can last until 2 days."
    )


def test_a_situation_s_stop_signs_come_first(run: Run) -> None:
    document = page(run, "handout", "--pregnant", "-o", "-")
    rule = next(
        rule
        for rule in BUILTIN.rules
        if rule.situation == "pregnant-or-breastfeeding" and rule.verdict != "more likely"
    )
    stop = document.index(shown(f"{rule.verdict.capitalize()}: {rule.text}"))
    assert document.index('<h2 id="stop">') < stop < document.index('<section class="alarm"')
    assert '<p class="intro">Made for: pregnant or breastfeeding.</p>' in document


def test_without_an_area_every_side_effect_is_listed(run: Run) -> None:
    document = page(run, "handout", "-o", "-")
    assert ">Every treatment area: possible side effects, most common first</h2>" in document
    assert len(re.findall('<tr><th scope="row">', document)) == len(BUILTIN.side_effects)
    assert '<p class="intro">For anyone having Botox® injections in any treatment area.</p>' in document


def test_names_give_those_side_effects_in_full(run: Run) -> None:
    document = page(run, "handout", "bruising", "headache", "-o", "-")
    assert "<h1>Botox® injections: Bumps, swelling and bruising, Headache</h1>" in document
    for entry_id in ("bruising", "headache"):
        entry = BUILTIN.find(entry_id)
        for statement in (*entry.causes, *entry.mitigation, *entry.prevention, *entry.see_doctor_if):
            assert shown(statement.text) in document
    assert "<svg" not in document
    assert '<tr><th scope="row">' not in document
    assert '<section class="alarm"' in document
    assert '<h2 id="stop">' not in document


def test_a_name_of_several_words_is_read_as_show_reads_it(run: Run) -> None:
    assert "<h1>Botox® injections: Drooping eyelid</h1>" in page(run, "handout", "drooping", "eyelid", "-o", "-")


def test_a_stop_sign_is_never_hidden_by_naming_side_effects(run: Run) -> None:
    document = page(run, "handout", "headache", "--pregnant", "-o", "-")
    assert document.index('<h2 id="stop">') < document.index('<section class="alarm"') < document.index("Headache</h2>")


def test_an_unknown_name_is_not_found(run: Run) -> None:
    result = run("handout", "zzzz", "-o", "-")
    assert result.exit_code == EXIT_NOT_FOUND
    assert result.stderr.startswith("botox-info: error: no side effect matches 'zzzz'.")
    assert result.stdout == ""


def test_the_clinic_s_name_and_contact_line(run: Run) -> None:
    document = page(run, "--data", str(CONTACT), *FOREHEAD)
    assert '<p class="clinic-name">Example Skin Clinic</p>' in document
    assert "<title>Botox® injections: what to know (Example Skin Clinic)</title>" in document
    assert (
        '<address class="clinic">\n<strong>Example Skin Clinic</strong>\n<br>1 High Street<br>Exampleton EX1 2AB\n'
        '<br>Phone: <a href="tel:+442079460000">+44 20 7946 0000</a>\n'
        '<br><a href="https://clinic.example/aftercare" rel="noreferrer">https://clinic.example/aftercare</a>\n'
        "</address>\n"
        '<p class="clinic-note">Questions after your treatment? Call us on weekdays, 9:00 to 17:00.</p>'
    ) in document


def test_without_a_clinic_file_no_clinic_is_named(run: Run) -> None:
    document = page(run, *FOREHEAD)
    assert '<p class="clinic-name">' not in document
    assert "<address" not in document


HOSTILE = """\
clinic:
  name: "<script>alert('name')</script> Clinic"
  address: "<img src=x onerror=alert(1)>\\n\u202eevil\u202c street"
  phone: "<b>0</b>"
  website: "https://x.example/a?b=1&c=2"
  note: "<a href='javascript:alert(1)'>click</a> & <style>body{display:none}</style>"
emergency:
  text: "Call 999 at once </style><script>alert(1)</script> \\" } body { display: none"
  sources: [fda-label]
"""


def test_hostile_clinic_text_is_shown_as_text_and_runs_nothing(run: Run, tmp_path: Path) -> None:
    clinic = write_file(tmp_path, HOSTILE)
    document = page(run, "--data", str(clinic), *FOREHEAD)
    assert "<script" not in document
    assert "<img" not in document
    assert "<b>" not in document
    assert "javascript:" not in document.replace("&#x27;javascript:alert(1)&#x27;", "")
    assert document.count("</style>") == 1
    assert document.count("<style>") == 1
    assert '<p class="clinic-name">&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt; Clinic</p>' in document
    assert "&lt;img src=x onerror=alert(1)&gt;<br>evil street" in document  # the bidi override removed
    assert "\u202e" not in document
    assert '<a href="tel:0">&lt;b&gt;0&lt;/b&gt;</a>' in document
    assert '<a href="https://x.example/a?b=1&amp;c=2" rel="noreferrer">https://x.example/a?b=1&amp;c=2</a>' in document
    assert "&lt;a href=&#x27;javascript:alert(1)&#x27;&gt;click&lt;/a&gt; &amp; &lt;style&gt;" in document
    footer_line = re.search(r"content: (\"[^\"]*\");", document)
    assert footer_line is not None
    assert "<" not in footer_line[1]
    assert "}" not in footer_line[1]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Call 999.", '"Call 999."'),
        ('a"b', '"a\\22 b"'),
        ("</style>", '"\\3c \\2f style\\3e "'),
        ("é\n", '"\\e9 \\a "'),
    ],
)
def test_css_strings_cannot_end_early(value: str, expected: str) -> None:
    assert html_page.css_string(value) == expected


def test_links_only_to_the_web() -> None:
    assert html_page.link("javascript:alert(1)") == "javascript:alert(1)"
    assert (
        html_page.link("https://a.example/") == '<a href="https://a.example/" rel="noreferrer">https://a.example/</a>'
    )


def out_folder(tmp_path: Path) -> Path:
    """A folder of its own for the handout (tmp_path also holds the test's cache)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_an_html_file_is_written_whole(run: Run, tmp_path: Path) -> None:
    tmp_path = out_folder(tmp_path)
    target = tmp_path / "h.HTML"
    result = run("handout", "--area", "jaw", "-o", str(target), env=DAY)
    assert (result.exit_code, result.stdout, result.stderr) == (EXIT_OK, "", "")
    assert target.read_text(encoding="utf-8") == page(run, "handout", "--area", "jaw", "-o", "-")
    assert os.listdir(tmp_path) == ["h.HTML"]


def test_an_unknown_ending_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    tmp_path = out_folder(tmp_path)
    result = run("handout", "-o", str(tmp_path / "h.txt"))
    assert result.exit_code == EXIT_USAGE
    assert result.stderr == (
        f"botox-info: error: cannot tell which format to write to '{tmp_path / 'h.txt'}': end the file name "
        "with .html or .pdf, or give - to write HTML to standard output.\n"
    )
    assert os.listdir(tmp_path) == []


def test_a_missing_output_is_a_usage_error(run: Run) -> None:
    result = run("handout", "--area", "jaw")
    assert result.exit_code == EXIT_USAGE
    assert "Missing option '--output' / '-o'." in result.stderr


@pytest.mark.parametrize(
    ("where", "reason"),
    [("missing/h.html", "No such file or directory"), ("folder.html", "Is a directory")],
)
def test_an_unwritable_file_is_an_output_error(run: Run, tmp_path: Path, where: str, reason: str) -> None:
    (tmp_path / "folder.html").mkdir()
    result = run("handout", "-o", str(tmp_path / where))
    assert result.exit_code == EXIT_OUTPUT
    assert result.stderr == f"botox-info: error: cannot write the handout to '{tmp_path / where}': {reason}\n"


def test_a_full_disk_leaves_no_half_written_file(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tmp_path = out_folder(tmp_path)

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    result = run("handout", "-o", str(tmp_path / "h.html"))
    assert result.exit_code == EXIT_OUTPUT
    assert result.stderr.endswith("h.html': No space left on device\n")
    assert os.listdir(tmp_path) == []


def test_a_pdf_without_weasyprint_names_the_extra(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tmp_path = out_folder(tmp_path)
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint now raises ImportError
    result = run("handout", "--area", "forehead", "-o", str(tmp_path / "h.pdf"))
    assert result.exit_code == EXIT_USAGE
    assert result.stderr == (
        "botox-info: error: a PDF needs WeasyPrint, which is not installed. Install it with: "
        'pip install "botox-info[pdf]" (on Debian or Ubuntu also: apt-get install libpango-1.0-0 '
        "libpangoft2-1.0-0), or write HTML with -o FILE.html and print that from a browser.\n"
    )
    assert os.listdir(tmp_path) == []


def test_a_pdf_without_pango_says_which_library_failed(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    real_import = builtins.__import__

    def no_pango(name: str, *args: object, **kwargs: object) -> object:
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_pango)
    result = run("handout", "-o", str(tmp_path / "h.pdf"))
    assert result.exit_code == EXIT_USAGE
    assert result.stderr.startswith(
        "botox-info: error: a PDF needs WeasyPrint, which cannot load a library it needs "
        "(cannot load library 'libpango-1.0-0'). Install it with:"
    )


def test_other_commands_never_load_the_handout_s_modules(tmp_path: Path) -> None:
    script = (
        "import sys\nfrom botox_info.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('weasyprint', 'playwright', 'jinja2', 'botox_info.output.html', 'botox_info.output.handout_page')\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(heavy))), file=sys.stderr)\n"
    )
    for args in (["show", "bruise"], ["check", "--area", "jaw"], ["handout", "--help"]):
        done = subprocess.run(
            [sys.executable, "-c", "import json\n" + script, *args],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "BOTOX_INFO_CACHE_DIR": str(tmp_path)},
        )
        assert json.loads(done.stderr.splitlines()[-1]) == [], args


def test_what_is_likelier_for_the_reader_comes_before_the_area(run: Run) -> None:
    document = page(run, "handout", "--area", "jaw", "--blood-thinners", "-o", "-")
    likely = position(document, ">More likely for you</h2>")
    assert position(document, ">More likely for you: Bumps, swelling and bruising</h3>") > likely
    jaw = BUILTIN.area_names()["jaw"]
    assert likely < position(document, f">{jaw}: possible side effects, most common first</h2>")


def test_a_blank_name_is_a_usage_error(run: Run) -> None:
    result = run("handout", " ", "-o", "-")
    assert result.exit_code == EXIT_USAGE
    assert result.stderr.startswith("botox-info: error: no name given")


def test_a_name_that_fits_several_side_effects_lists_them(run: Run) -> None:
    result = run("handout", "drooping", "-o", "-")
    assert result.exit_code == EXIT_NOT_FOUND
    assert result.stderr.startswith("botox-info: error: 'drooping' matches more than one side effect:")


def test_the_same_side_effect_named_twice_is_given_once(run: Run) -> None:
    document = page(run, "handout", "bruise", "bruising", "-o", "-")
    assert document.count('<h2 id="part-') == 1


@pytest.mark.parametrize(
    ("clinic", "expected"),
    [
        (
            "clinic:\n  name: Dr Lee\n",
            '<address class="clinic">\n<strong>Dr Lee</strong>\n</address>\n<p class="emergency">',
        ),
        ("clinic:\n  name: Dr Lee\n  phone: ask at the desk\n", "<br>Phone: ask at the desk\n</address>"),
    ],
    ids=["name only", "a phone without digits is no link"],
)
def test_a_clinic_s_line_shows_what_it_has(run: Run, tmp_path: Path, clinic: str, expected: str) -> None:
    document = page(run, "--data", str(write_file(tmp_path, clinic)), "handout", "-o", "-")
    assert expected in document


def test_the_questions_can_describe_the_reader(run: Run) -> None:
    """-i asks on the terminal (stderr), as check does; the page goes to stdout alone."""
    result = run("handout", "-i", "-o", "-", input="jaw\n62\ny\n", env=DAY)  # then Ctrl-D
    assert result.exit_code == EXIT_OK
    assert result.stdout.startswith("<!DOCTYPE html>")
    jaw = shown(BUILTIN.area_names()["jaw"])
    assert f'<p class="intro">Made for: {jaw}; age 62; allergy to toxin.</p>' in result.stdout
    assert result.stderr.endswith("\n")
    assert "<" not in result.stderr


def test_the_clinic_example_in_the_docs_is_the_tested_fixture() -> None:
    docs = (ROOT / "docs" / "handout.md").read_text(encoding="utf-8")
    assert f"```yaml\n{CONTACT.read_text(encoding='utf-8')}```" in docs
