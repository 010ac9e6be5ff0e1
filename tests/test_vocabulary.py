"""The lay vocabulary: validated like the rest (file:line), layered from a clinic's file, in the JSON Schema,
and every content word of the seed article finds the entry or section that holds its fact."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from botox_info import knowledge
from botox_info.answers import search
from botox_info.answers.stemming import STOP_WORDS, fold
from botox_info.errors import EXIT_BAD_KNOWLEDGE_BASE, KnowledgeBaseError
from botox_info.knowledge.json_schema import json_schema

from .helpers import BUILTIN, CLINIC, FIXTURES, MINIMAL_TEXT, ROOT, Run, json_document, line_column, write_file

ARTICLE = ROOT.parent / "shared" / "seed" / "botox-side-effects-article.txt"


def problems(tmp_path: Path, text: str) -> list[str]:
    path = write_file(tmp_path, text, "broken.yaml")
    with pytest.raises(KnowledgeBaseError) as caught:
        knowledge.load(path)
    assert caught.value.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    return [problem.replace(str(path), "FILE") for problem in caught.value.problems]


def test_the_built_in_vocabulary_is_loaded() -> None:
    targets = {words.target: words.words for words in BUILTIN.vocabulary}
    assert "ice pack" in targets["bruising#mitigation"]
    assert {"absorption", "absorbed"} <= set(targets["asymmetry#causes"])
    assert "masseter" in targets["weak-bite"]


@pytest.mark.parametrize(
    ("vocabulary", "at", "problem"),
    [
        ("  saging: [loose skin]", "saging:", "vocabulary.saging: unknown side effect or section 'saging'; "
         "did you mean 'sagging'?"),
        ("  after: [gym, Droopy-Skin]", "Droopy-Skin]", "vocabulary.after[1]: 'Droopy-Skin' is already a name or "
         "alias of 'sagging'; a vocabulary word must be another word"),
    ],
    ids=["a target that names nothing", "a word that already names a side effect"],
)  # fmt: skip
def test_a_vocabulary_problem_is_reported_at_its_line(tmp_path: Path, vocabulary: str, at: str, problem: str) -> None:
    text = MINIMAL_TEXT + f"vocabulary:\n{vocabulary}\n"
    assert problems(tmp_path, text) == [f"FILE:{line_column(text, at)}: {problem}"]


def test_a_part_the_page_does_not_have_is_an_error_naming_its_parts(tmp_path: Path) -> None:
    text = MINIMAL_TEXT + "vocabulary:\n  after#steps: [gym]\n  sagging#treatment: [lift]\n"
    assert problems(tmp_path, text) == [
        f"FILE:{line_column(text, 'after#steps')}: vocabulary.after#steps: "
        "'after' has no part 'steps' (its parts: none: name the whole section)",
        f"FILE:{line_column(text, 'sagging#treatment')}: vocabulary.sagging#treatment: "
        "'sagging' has no part 'treatment' (its parts: summary, onset, duration, frequency, causes, mitigation, "
        "prevention, see_doctor_if)",
    ]


def test_a_badly_written_target_or_word_list_is_an_error(tmp_path: Path) -> None:
    text = MINIMAL_TEXT + "vocabulary:\n  Sagging: [loose]\n  sagging: loose skin\n"
    found = problems(tmp_path, text)
    assert found[0].startswith(f"FILE:{line_column(text, 'Sagging:')}: vocabulary.Sagging: expected a side-effect id")
    assert found[1] == (
        f"FILE:{line_column(text, 'loose skin')}: vocabulary.sagging: expected a non-empty list, found the text "
        "'loose skin'"
    )
    listed = MINIMAL_TEXT + "vocabulary: [loose]\n"
    assert problems(tmp_path, listed) == [
        f"FILE:{line_column(listed, 'vocabulary: [loose]', '[loose]')}: vocabulary: "
        "expected a mapping of targets to lists of words, found a list"
    ]


def test_a_clinic_file_adds_words_that_search_and_show_then_find(tmp_path: Path, run: Run) -> None:
    clinic = write_file(tmp_path, "vocabulary:\n  sagging#prevention: [skin booster]\n  bruising: [arnica]\n")
    layered = knowledge.load_layers([clinic])
    (hit,) = search.search(layered, "arnica")
    assert (hit.id, hit.part) == ("bruising", "")
    result = run("--data", str(clinic), "show", "skin", "booster")
    assert result.stdout.splitlines()[:2] == [
        "Sagging skin",
        "'skin booster' is a word people use for this page, 'How to lower the chance'.",
    ]
    # A target given again replaces that target's words; the others stay.
    assert "arnica" not in {w for words in BUILTIN.vocabulary for w in words.words}
    assert dict(layered.vocabulary)["sagging#prevention"] == ("skin booster",)
    assert "ice pack" in dict(layered.vocabulary)["bruising#mitigation"]


def test_a_clinic_target_that_names_nothing_is_reported_in_the_clinic_file(run: Run, tmp_path: Path) -> None:
    clinic = write_file(tmp_path, "vocabulary:\n  bruise#mitigation: [arnica]\n")
    result = run("--data", str(clinic), "show", "sagging")
    assert result.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    assert f"{clinic}:2:3: vocabulary.bruise#mitigation: unknown side effect or section 'bruise'" in result.stderr


@pytest.mark.parametrize(
    ("document", "fragment"),
    [
        ({"vocabulary": {"Bad Target": ["x"]}}, "does not match"),
        ({"vocabulary": {"pain": "needle"}}, "is not of type 'array'"),
        ({"vocabulary": {"pain": [" "]}}, "does not match"),
    ],
)
def test_the_json_schema_refuses_a_bad_vocabulary(document: Any, fragment: str) -> None:
    found = [error.message for error in jsonschema.Draft202012Validator(json_schema()).iter_errors(document)]
    assert any(fragment in message for message in found), found


def test_the_json_schema_accepts_the_vocabulary() -> None:
    document = {"vocabulary": {"bruising#mitigation": ["ice pack"], "after": ["gym"]}}
    assert list(jsonschema.Draft202012Validator(json_schema()).iter_errors(document)) == []


# ---- the seed article's words ------------------------------------------------------------

# Words of the article that hold no fact of their own and no page finds: its framing ("today",
# "considering"), the table of contents, general words ("minimize", "resolve", "discuss"), and one
# fact the knowledge base does not hold: how Botox eases migraine ("paralyzing" the muscles).
_NO_FACT = """
    neuromodulator considering syringe downtime important understand benefits today main contents however new news
    process easy opt etc occur made order trying due furthermore simply ensure addition necessary essential deal
    hand principles certain percentage assured amount inform undergoing concerned applying consult discuss
    correctly degree difficult diminish disappear extensive fortunately key minimize occurs particular performed
    please providing resolve surface therefore understands vary via candidate paralyzing
"""
NO_FACT = frozenset(_NO_FACT.split())


def article_words() -> set[str]:
    text = ARTICLE.read_text(encoding="utf-8")
    words = {fold(word) for word in re.findall(r"[A-Za-z][A-Za-z'’]+", text)}
    return {word for word in words if len(word) > 2 and word not in STOP_WORDS and word not in NO_FACT}


# The article lives beside the project, not in it (a clean clone in CI has no copy): its content
# words are kept here, one a line, so the check below runs everywhere; the next test keeps the copy true.
ARTICLE_WORDS = FIXTURES / "seed-article-words.txt"


def test_every_content_word_of_the_seed_article_finds_a_page() -> None:
    words = ARTICLE_WORDS.read_text(encoding="utf-8").split()
    assert len(words) > 200
    unfound = sorted(word for word in words if not search.search(BUILTIN, word))
    assert unfound == []


@pytest.mark.skipif(not ARTICLE.exists(), reason="the seed article is in the project's shared folder")
def test_the_kept_words_are_the_seed_article_s_content_words() -> None:
    assert ARTICLE_WORDS.read_text(encoding="utf-8").split() == sorted(article_words())


def test_a_clinic_file_may_give_words_to_a_side_effect_another_clinic_file_adds(run: Run, tmp_path: Path) -> None:
    words = write_file(tmp_path, "vocabulary:\n  tingling: [buzzing feeling]\n", "words.yaml")
    result = run("--data", str(CLINIC), "--data", str(words), "show", "buzzing", "feeling", "--format", "json")
    document = json_document(result)
    assert (document["id"], document["routed"]["by"]) == ("tingling", "words")
    alone = run("--data", str(words), "show", "sagging")  # without the file that adds 'tingling'
    assert alone.exit_code == EXIT_BAD_KNOWLEDGE_BASE
    assert f"{words}:2:3: vocabulary.tingling: unknown side effect or section 'tingling'" in alone.stderr
