"""Search's index of stems, kept beside the cache entry: it finds what a scan of every page would, never stale."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from botox_info import knowledge
from botox_info.answers import search, search_index, stemming
from botox_info.knowledge import cache

from .helpers import BUILTIN, CLINIC, MINIMAL_TEXT


@pytest.fixture
def cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BOTOX_INFO_CACHE_DIR", str(folder))
    return folder


def companions(folder: Path) -> list[Path]:
    return sorted(path for path in folder.iterdir() if ".search-" in path.name) if folder.is_dir() else []


def ids(base: knowledge.KnowledgeBase, query: str) -> list[str]:
    return [hit.id for hit in search.search(base, query)]


def refuse_building(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(pages: object) -> object:
        raise AssertionError("the index was built again instead of read beside the cache entry")

    monkeypatch.setattr(search_index, "build", refuse)


def test_each_stem_leads_to_exactly_the_pages_whose_text_has_it() -> None:
    pages = search._documents(BUILTIN)
    memo: dict[str, str] = {}
    having: dict[str, set[int]] = {}
    for position, (*_, fields) in enumerate(pages):
        for field in fields:
            for word in stemming.tokens(field.text):
                having.setdefault(stemming.stem(word, memo), set()).add(position)
    count, index = search_index.build(search._texts(BUILTIN))
    assert count == len(pages) == len(BUILTIN.side_effects) + len(search._SECTION_KEYS)
    assert {stem: set(memoryview(found).cast("I")) for stem, found in index.items()} == having
    assert search_index.pages_with(BUILTIN, {"bruis", "swell"}, 0, count, lambda: search._texts(BUILTIN)) == {
        position: 0 for position in sorted(having["bruis"] & having["swell"])
    }


def test_a_page_lacking_one_word_is_a_candidate_only_for_a_long_query() -> None:
    texts = ["red swollen eyelid", "red eyelid", "red", "swollen eyelid"]
    base = BUILTIN._replace(side_effects=BUILTIN.side_effects[:0])  # four pages: the sections
    found = search_index.pages_with(base, {"red", "swell", "eyelid"}, 1, 4, lambda: texts)
    assert found == {0: 0, 1: 1, 3: 1}
    assert search_index.pages_with(base, {"red", "swell", "eyelid"}, 0, 4, lambda: texts) == {0: 0}


def test_a_warm_search_reads_the_index_beside_the_cache_entry(monkeypatch: pytest.MonkeyPatch, cache_dir: Path) -> None:
    first = ids(knowledge.load_layers([CLINIC]), "pins and needles")
    assert first[0] == "tingling"
    (companion,) = companions(cache_dir)
    assert companion.name.startswith(next(cache_dir.glob("*.marshal")).stem + ".search-")
    refuse_building(monkeypatch)
    assert ids(knowledge.load_layers([CLINIC]), "pins and needles") == first


def test_the_index_is_built_again_when_the_file_changes(cache_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "kb.yaml"
    path.write_text(MINIMAL_TEXT, encoding="utf-8")
    assert ids(knowledge.load(path), "looser") == ["sagging"]
    path.write_text(MINIMAL_TEXT.replace("look looser", "look slacker"), encoding="utf-8")
    assert ids(knowledge.load(path), "looser") == []
    assert ids(knowledge.load(path), "slacker") == ["sagging"]
    assert len(companions(cache_dir)) == 2  # one per entry: each set of bytes has its own


@pytest.mark.parametrize(
    "stored",
    [
        b"not marshal at all",
        marshal.dumps({"swell": b"\0\0\0\0"}),
        marshal.dumps((3, {})),  # another number of pages
        marshal.dumps((5, {"tingl": b"\0\0\0"})),  # positions cut short
    ],
    ids=["garbage", "wrong shape", "wrong count", "cut short"],
)
def test_a_damaged_index_is_ignored_and_built_again(cache_dir: Path, tmp_path: Path, stored: bytes) -> None:
    path = tmp_path / "kb.yaml"
    path.write_text(MINIMAL_TEXT.replace("look looser", "look tingly"), encoding="utf-8")
    base = knowledge.load(path)
    assert len(base.side_effects) + len(search._SECTION_KEYS) == 5
    expected = ids(base, "tingling")
    assert expected == ["sagging"]
    (companion,) = companions(cache_dir)
    companion.write_bytes(stored)
    assert ids(knowledge.load(path), "tingling") == expected


def test_a_position_past_the_pages_is_no_page(cache_dir: Path, tmp_path: Path) -> None:
    """A well-formed index is trusted as cached documents are; one naming a page not there fails no search."""
    path = tmp_path / "kb.yaml"
    path.write_text(MINIMAL_TEXT, encoding="utf-8")
    assert ids(knowledge.load(path), "looser") == ["sagging"]
    (companion,) = companions(cache_dir)
    companion.write_bytes(marshal.dumps((5, {"looser": b"\xff\0\0\0", "skin": b"\0\0\0\0"})))
    assert ids(knowledge.load(path), "looser") == []
    assert ids(knowledge.load(path), "skin") == ["sagging"]


def test_an_index_of_another_revision_or_stemmer_is_never_read(
    monkeypatch: pytest.MonkeyPatch, cache_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "kb.yaml"
    path.write_text(MINIMAL_TEXT, encoding="utf-8")
    assert ids(knowledge.load(path), "looser") == ["sagging"]
    (old,) = companions(cache_dir)
    old.write_bytes(marshal.dumps((5, {})))  # says no page has any word: were it read, nothing would be found
    monkeypatch.setattr(search_index, "REVISION", search_index.REVISION + 1)
    assert ids(knowledge.load(path), "looser") == ["sagging"]
    monkeypatch.setattr(search_index, "signature", lambda: "another")
    assert ids(knowledge.load(path), "looser") == ["sagging"]
    assert len(companions(cache_dir)) == 3


def test_the_stemmer_signature_follows_its_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    before = stemming.signature()
    monkeypatch.setitem(stemming._IRREGULAR, "swollen", "swollen")
    assert stemming.signature() != before


def test_a_copy_or_a_base_loaded_without_the_cache_writes_no_index(cache_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "kb.yaml"
    path.write_text(MINIMAL_TEXT, encoding="utf-8")
    base = knowledge.load(path)
    copy = base._replace(side_effects=tuple(e._replace(summary="Skin can look slacker.") for e in base.side_effects))
    assert ids(copy, "slacker") == ["sagging"]
    assert companions(cache_dir) == []
    assert ids(base, "slacker") == []


def test_an_index_goes_with_its_entry(cache_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "kb.yaml"
    for number in range(cache.KEEP_PER_FILES + 2):
        path.write_text(MINIMAL_TEXT.replace("look looser", f"look looser {number}"), encoding="utf-8")
        assert ids(knowledge.load(path), "looser") == ["sagging"]
    entries = sorted(path.stem for path in cache_dir.glob("*.marshal"))
    assert len(entries) == cache.KEEP_PER_FILES
    assert sorted(companion.name.split(".")[0] for companion in companions(cache_dir)) == entries


def test_the_cache_size_counts_the_index_but_not_as_an_entry(cache_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "kb.yaml"
    path.write_text(MINIMAL_TEXT, encoding="utf-8")
    assert ids(knowledge.load(path), "looser") == ["sagging"]
    (entry,) = cache_dir.glob("*.marshal")
    (companion,) = companions(cache_dir)
    assert cache.usage() == cache.Usage(str(cache_dir), 1, entry.stat().st_size + companion.stat().st_size)


def test_a_program_that_loads_again_and_again_holds_only_the_latest(cache_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "kb.yaml"
    path.write_text(MINIMAL_TEXT, encoding="utf-8")
    loaded = [knowledge.load(path) for _ in range(cache._LOADED_KEPT + 3)]
    assert len(cache._LOADED) == cache._LOADED_KEPT
    assert ids(loaded[0], "looser") == ids(loaded[-1], "looser") == ["sagging"]  # the oldest: built in memory


def test_an_unwritable_cache_folder_still_answers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("BOTOX_INFO_CACHE_DIR", str(blocked / "cache"))
    path = tmp_path / "kb.yaml"
    path.write_text(MINIMAL_TEXT, encoding="utf-8")
    assert ids(knowledge.load(path), "looser") == ["sagging"]
    assert ids(knowledge.load(path), "looser") == ["sagging"]
