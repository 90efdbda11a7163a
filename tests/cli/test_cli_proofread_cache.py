"""`proofread` through the real command line with its compiled-rules cache: the workspace's
new list is in force at once, and a damaged cache file is rebuilt without a word."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Run
from tests.conftest import PASSWORD

ARTICLE = "全县布署春耕生产，今年新增高标准农田。\n"


def cache_files(tmp_path: Path) -> list[Path]:
    # The test's XDG_CACHE_HOME (tests/conftest.py), which the subprocess inherits.
    return sorted((tmp_path / "home" / "xdg_cache_home").rglob("proofreader-*.pickle"))


def texts(result_stdout: str) -> list[tuple[str, str]]:
    return [(f["text"], f["suggestion"]) for f in json.loads(result_stdout)]


def test_an_own_list_changed_between_runs_is_in_force(
    cli: Run, tmp_path: Path, db_path: Path
) -> None:
    article = tmp_path / "a.md"
    article.write_text(ARTICLE, encoding="utf-8")
    first = cli("proofread", str(article), "--json", db=db_path)
    assert texts(first.stdout) == [("布署", "部署")]
    assert len(cache_files(tmp_path)) == 1
    again = cli("proofread", str(article), "--json", db=db_path)
    assert again.stdout == first.stdout and len(cache_files(tmp_path)) == 1

    own = tmp_path / "typos.txt"
    own.write_text("高标准农田 → 高标准基本农田  # 本单位\n-布署\n", encoding="utf-8")
    done = cli("settings", "set", "typos", "--file", str(own), "--as", "admin", db=db_path,
               password=PASSWORD)  # fmt: skip
    assert done.returncode == 0, done.stderr
    changed = cli("proofread", str(article), "--json", db=db_path)
    assert texts(changed.stdout) == [("高标准农田", "高标准基本农田")]
    assert changed.returncode == 1  # the own entry is an error; the shipped 布署 is off
    assert len(cache_files(tmp_path)) == 2


def test_a_damaged_cache_file_is_rebuilt_silently(cli: Run, tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(ARTICLE, encoding="utf-8")
    first = cli("proofread", str(article), "--json")
    (cached,) = cache_files(tmp_path)
    cached.write_bytes(b"\x80\x05garbage")
    damaged = cli("proofread", str(article), "--json")
    assert (damaged.returncode, damaged.stdout, damaged.stderr) == (1, first.stdout, "")
    assert cached.read_bytes() != b"\x80\x05garbage"
