"""English that reads right: the object of a refused action in its place, a count of one in
the singular, a write failure called a write failure, a huge picture called too large, and a
wrong setting name answered with every name there is."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from newsdesk.core.errors import TooManyAttempts, UnresolvedFindings
from tests.cli.conftest import Run, one_line_error
from tests.conftest import PASSWORD


def _import(cli: Run, db: Path, tmp_path: Path, body: str = "城关镇今天召开会议。") -> str:
    source = tmp_path / "article.md"
    source.write_text(f"---\ntitle: 城关镇召开会议\n---\n\n{body}\n", encoding="utf-8")
    done = cli("article", "import", str(source), "--as", "ma", db=db, password=PASSWORD)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_refused_action_reads_as_english(cli: Run, db_path: Path, tmp_path: Path) -> None:
    article_id = _import(cli, db_path, tmp_path)
    one_line_error(
        cli("push", article_id, "--as", "sang", db=db_path, password=PASSWORD),
        "The article is a draft; you cannot push it now.",
    )
    one_line_error(
        cli(
            "publish",
            article_id,
            "--url",
            "https://mp.weixin.qq.com/s/x",
            "--as",
            "sang",
            db=db_path,
            password=PASSWORD,
        ),
        "The article is a draft; you cannot mark it published now.",
    )
    one_line_error(
        cli("approve", article_id, "--as", "feng", db=db_path, password=PASSWORD),
        "The article is a draft; you cannot approve it now.",
    )


def test_one_of_anything_is_singular(cli: Run, db_path: Path, tmp_path: Path) -> None:
    article_id = _import(cli, db_path, tmp_path, "会议布署春耕工作。")
    one_line_error(
        cli("submit", article_id, "--as", "ma", db=db_path, password=PASSWORD),
        "1 proofreading error is neither fixed nor dismissed, so you cannot submit it:",
    )
    assert TooManyAttempts(1).message("en").endswith("try again in 1 second.")
    assert TooManyAttempts(30).message("en").endswith("try again in 30 seconds.")
    two = UnresolvedFindings(("提交审核", "submit"), ["甲", "乙"], ["a", "b"]).message("en")
    assert two.startswith("2 proofreading errors are neither fixed nor dismissed")


def test_a_write_failure_says_write(cli: Run, db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    article_id = _import(cli, db_path, tmp_path)
    for who, command in (("ma", "submit"), ("feng", "approve"), ("sang", "sign")):
        assert cli(command, article_id, "--as", who, db=db_path, password=PASSWORD).returncode == 0
    for args in (
        ("form", article_id, "-o", str(folder), "--force"),
        ("export", article_id, "-o", str(folder), "--force"),
        ("stats", "--from", "2026-01-01", "--to", "2026-01-31", "--xlsx", str(folder), "--force"),
        ("stats", "--from", "2026-01-01", "--to", "2026-01-31", "--csv", str(folder), "--force"),
    ):
        result = cli(*args, db=db_path)
        one_line_error(result, f"Cannot write {folder}:")
        assert "read" not in result.stderr, result.stderr


def _png_header(width: int, height: int) -> bytes:
    """A PNG that says it is width × height: Pillow reads the size before any pixel."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


def test_a_huge_picture_is_called_too_large_with_the_limit(
    cli: Run, db_path: Path, tmp_path: Path
) -> None:
    article_id = _import(cli, db_path, tmp_path)
    for width, height in ((20_000, 20_000), (9_000, 8_000)):  # over Pillow's limit; over ours
        huge = tmp_path / f"huge-{width}.png"
        huge.write_bytes(_png_header(width, height))
        result = cli("article", "cover", article_id, str(huge), "--as", "ma", db=db_path,
                     password=PASSWORD)  # fmt: skip
        one_line_error(result, "too large")
        assert "60 million pixels" in result.stderr, result.stderr


def test_an_unknown_setting_lists_the_proofreading_lists_too(cli: Run, db_path: Path) -> None:
    result = cli("settings", "set", "bogus", "x", "--as", "admin", db=db_path, password=PASSWORD)
    one_line_error(result, "no setting called bogus")
    for name in ("reprint_notice", "banned_words", "leaders", "typos", "agencies", "norms"):
        assert name in result.stderr, result.stderr
