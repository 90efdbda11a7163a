"""`export -o` never overwrites a page or its cover crops unless told to (`--force`); nor do
`form -o` and `stats --xlsx/--csv`."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import Run, one_line_error
from tests.cli.test_cli_render_export import DEMO, _chain
from tests.conftest import PASSWORD


def test_export_refuses_to_overwrite_without_force(cli: Run, db_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "a.md"
    source.write_text("---\ntitle: 封面稿\n---\n正文。\n", encoding="utf-8")
    done = cli("article", "import", str(source), "--as", "ma", db=db_path, password=PASSWORD)
    article_id = done.stdout.strip()
    covered = cli("article", "cover", article_id, str(DEMO / "images" / "meeting.jpg"),
                  "--as", "ma", db=db_path, password=PASSWORD)  # fmt: skip
    assert covered.returncode == 0, covered.stderr
    _chain(cli, db_path, article_id)

    page = tmp_path / "page.html"
    page.write_text("mine", encoding="utf-8")
    one_line_error(cli("export", article_id, "-o", str(page), db=db_path), f"{page} already exists")
    assert page.read_text(encoding="utf-8") == "mine"

    # A crop alone is someone's file too.
    page.unlink()
    crop = tmp_path / "page-cover-1x1.jpg"
    crop.write_bytes(b"mine")
    result = cli("export", article_id, "-o", str(page), db=db_path)
    one_line_error(result, f"{crop} already exists")
    assert "--force" in result.stderr
    assert not page.exists() and crop.read_bytes() == b"mine"

    forced = cli("export", article_id, "-o", str(page), "--force", db=db_path)
    assert forced.returncode == 0, forced.stderr
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert crop.read_bytes()[:2] == b"\xff\xd8"  # a JPEG now
    again = cli("export", article_id, "-o", str(tmp_path / "other.html"), db=db_path)
    assert again.returncode == 0, again.stderr  # new files need no --force


def test_form_and_stats_refuse_to_overwrite_without_force(
    cli: Run, db_path: Path, tmp_path: Path
) -> None:
    source = tmp_path / "a.md"
    source.write_text("---\ntitle: 审签单\n---\n正文。\n", encoding="utf-8")
    article_id = cli("article", "import", str(source), "--as", "ma", db=db_path,
                     password=PASSWORD).stdout.strip()  # fmt: skip
    span = ("--from", "2026-01-01", "--to", "2026-01-31")
    for name, args in (
        ("form.pdf", ("form", article_id, "-o")),
        ("stats.xlsx", ("stats", *span, "--xlsx")),
        ("stats.csv", ("stats", *span, "--csv")),
    ):
        target = tmp_path / name
        target.write_bytes(b"mine")
        one_line_error(cli(*args, str(target), db=db_path), f"{target} already exists")
        assert target.read_bytes() == b"mine"
        forced = cli(*args, str(target), "--force", db=db_path)
        assert forced.returncode == 0, forced.stderr
        assert target.read_bytes() != b"mine"
