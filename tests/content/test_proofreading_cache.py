"""The compiled-rules cache: a second build from the same lists is a load; a changed pack, own
list, program or damaged file means a new build, never an error."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsdesk.content.proofreading import compiled, idioms, near_words, word_indexes, worddata
from newsdesk.content.proofreading.engine import Packs, Proofreader
from newsdesk.content.proofreading.packs import PackKind, parse_own_list
from newsdesk.core.proof_lists import recipe

TEXT = "全县布署春耕，截止目前进展顺利。"


class Builds:
    """A build that counts how often it really ran."""

    def __init__(self, own_typos: str = "") -> None:
        self.count = 0
        self.own_typos = own_typos

    def __call__(self) -> Proofreader:
        self.count += 1
        own = {PackKind.TYPOS: parse_own_list(self.own_typos)}
        return Proofreader(Packs.with_own(own, (), (), ()))


def found(proofreader: Proofreader, text: str = TEXT) -> list[tuple[str, str]]:
    return [(f.text, f.suggestion) for f in proofreader.check_text(text)]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def shipped_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The shipped data as a copy the test may edit, read by the cache's fingerprint."""
    copy = tmp_path / "resources"
    for name in ("proofreading", "wordlists"):
        shutil.copytree(compiled.data_folder() / name, copy / name)
    monkeypatch.setattr(compiled, "data_folder", lambda: copy)
    compiled.shipped_fingerprint.cache_clear()
    yield copy
    compiled.shipped_fingerprint.cache_clear()


def test_a_second_build_from_the_same_lists_is_loaded_and_checks_the_same(folder: Path) -> None:
    build = Builds()
    first = compiled.cached_proofreader(("", "own"), build, folder)
    assert build.count == 1 and len(list(folder.glob("proofreader-*.pickle"))) == 1
    first.check_text(TEXT)  # what it found is not part of what is kept
    second = compiled.cached_proofreader(("", "own"), build, folder)
    assert build.count == 1
    assert second is not first
    assert found(second) == found(first) == [("布署", "部署"), ("截止目前", "截至目前")]


def test_a_changed_own_list_is_a_new_build(folder: Path) -> None:
    compiled.cached_proofreader(("",), Builds(), folder)
    mine = Builds("春耕 → 春播  # 本单位")
    changed = compiled.cached_proofreader(("春耕 → 春播  # 本单位",), mine, folder)
    assert mine.count == 1
    assert ("春耕", "春播") in found(changed)
    again = compiled.cached_proofreader(("",), Builds(), folder)
    assert ("春耕", "春播") not in found(again)


def test_a_changed_shipped_pack_or_program_is_a_new_build(
    folder: Path, shipped_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = Builds()
    compiled.cached_proofreader((), build, folder)
    compiled.cached_proofreader((), build, folder)
    assert build.count == 1
    norms = shipped_copy / "proofreading" / "norms.txt"
    norms.write_text(norms.read_text(encoding="utf-8") + "\n# 一行说明\n", encoding="utf-8")
    compiled.shipped_fingerprint.cache_clear()
    compiled.cached_proofreader((), build, folder)
    assert build.count == 2
    (shipped_copy / "proofreading" / "idioms.txt").write_text("一个新数据文件\n", "utf-8")
    compiled.shipped_fingerprint.cache_clear()
    compiled.cached_proofreader((), build, folder)
    assert build.count == 3  # a rule's new data file counts without being named anywhere
    monkeypatch.setattr(compiled, "__version__", "99.0")
    compiled.shipped_fingerprint.cache_clear()
    compiled.cached_proofreader((), build, folder)
    assert build.count == 4


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.write_bytes(b"not a pickle at all"),
        lambda path: path.write_bytes(path.read_bytes()[:100]),  # a torn write
        lambda path: path.write_bytes(pickle.dumps(("another key", "not a proofreader", {}))),
        lambda path: path.write_bytes(pickle.dumps((compiled.cache_key(("x",)), {"a": 1}, {}))),
    ],
    ids=["garbage", "truncated", "stale key", "not a proofreader"],
)
def test_a_damaged_cache_file_is_rebuilt_not_an_error(
    folder: Path, damage: Callable[[Path], object]
) -> None:
    build = Builds()
    compiled.cached_proofreader(("x",), build, folder)
    (path,) = folder.glob("proofreader-*.pickle")
    damage(path)
    rebuilt = compiled.cached_proofreader(("x",), build, folder)
    assert build.count == 2
    assert found(rebuilt) == [("布署", "部署"), ("截止目前", "截至目前")]
    compiled.cached_proofreader(("x",), build, folder)
    assert build.count == 2  # the damaged file was replaced by a good one


def test_a_cache_folder_that_cannot_be_written_only_costs_a_build(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("in the way", encoding="utf-8")
    build = Builds()
    for _ in range(2):
        assert found(compiled.cached_proofreader(("",), build, blocked / "cache"))
    assert build.count == 2


def test_old_builds_are_pruned_and_the_one_in_use_kept(folder: Path) -> None:
    compiled.cached_proofreader(("in use",), Builds(), folder)
    for n in range(compiled._KEEP + 3):
        (in_use,) = folder.glob(f"proofreader-{compiled.cache_key(('in use',))[:40]}.pickle")
        os.utime(in_use, (1, 1))  # long ago, until it is used again
        build = Builds()
        compiled.cached_proofreader(("in use",), build, folder)
        assert build.count == 0
        compiled.cached_proofreader((str(n),), Builds(), folder)
    assert len(list(folder.glob("proofreader-*.pickle"))) == compiled._KEEP
    assert in_use.exists() and not list(folder.glob(".tmp-*"))


def test_shipped_data_that_cannot_be_read_means_building_as_without_a_cache(
    folder: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(compiled, "data_folder", lambda: tmp_path / "nowhere")
    compiled.shipped_fingerprint.cache_clear()
    build = Builds()
    assert found(compiled.cached_proofreader(("",), build, folder))
    assert build.count == 1 and not folder.exists()
    compiled.shipped_fingerprint.cache_clear()


def test_the_workspace_recipe_goes_through_the_user_cache_folder() -> None:
    stored = {"proofreading.typos": "春耕 → 春播  # 本单位"}
    inputs, build = recipe(stored)
    first = build()
    assert ("春耕", "春播") in found(first)
    files = list(compiled.cache_folder().glob("proofreader-*.pickle"))
    assert len(files) == 1  # the test's own cache folder (XDG_CACHE_HOME)
    assert found(recipe(stored)[1]()) == found(first)
    assert inputs[1] == "春耕 → 春播  # 本单位"


KEPT = {
    "newsdesk.content.proofreading.idioms._index",
    "newsdesk.content.proofreading.near_words._index",
    "newsdesk.content.proofreading.worddata.idiom_data",
}
LOAD = """
import sys
from pathlib import Path
from newsdesk.content.proofreading import compiled, word_indexes
def build():
    raise SystemExit("built again")
compiled.cached_proofreader(("",), build, Path(sys.argv[1]))
print(sorted(word_indexes.built()))
"""


def test_the_word_indexes_are_kept_with_the_rules_and_loaded_not_rebuilt(folder: Path) -> None:
    compiled.cached_proofreader(("",), Builds(), folder)
    (path,) = folder.glob("proofreader-*.pickle")
    _, _, indexes = pickle.loads(path.read_bytes())
    assert set(indexes) == KEPT
    assert indexes["newsdesk.content.proofreading.near_words._index"] == near_words._index()
    assert indexes["newsdesk.content.proofreading.worddata.idiom_data"] == worddata.idiom_data()
    assert indexes["newsdesk.content.proofreading.idioms._index"] == idioms._index()
    assert word_indexes.built() >= KEPT
    # A fresh process that loads the rules holds the indexes before its first check.
    loaded = subprocess.run(
        [sys.executable, "-c", LOAD, str(folder)], capture_output=True, text=True, check=True
    )
    assert loaded.stdout.strip() == str(sorted(KEPT))


def test_seeded_indexes_of_unknown_names_or_shape_are_ignored() -> None:
    word_indexes.seed({"newsdesk.gone": 1})
    word_indexes.seed(["not", "a", "dict"])
    assert "newsdesk.gone" not in word_indexes.built()
