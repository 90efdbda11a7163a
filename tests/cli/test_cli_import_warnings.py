"""Import says what it could not take: an empty file is refused; front matter that never
closes, a key it does not know (`titel:`) and a missing title are warned about on stderr,
naming the key and the known ones; `article edit --file` says the same."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import Run, one_line_error
from tests.conftest import PASSWORD


def test_an_empty_file_is_refused(cli: Run, db_path: Path, tmp_path: Path) -> None:
    for name, text in (("empty.md", ""), ("blank.md", "\ufeff \n\n")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        one_line_error(
            cli("article", "import", str(path), "--as", "ma", db=db_path, password=PASSWORD),
            "the file is empty",
        )
    assert cli("queue", "--json", db=db_path).stdout.strip() == "[]"


def test_what_import_could_not_take_is_warned_about(
    cli: Run, db_path: Path, tmp_path: Path
) -> None:
    misspelt = tmp_path / "misspelt.md"
    misspelt.write_text("---\ntitel: 城关镇召开会议\nauthor: 县融媒体中心\n---\n\n正文。\n",
                        encoding="utf-8")  # fmt: skip
    done = cli("article", "import", str(misspelt), "--as", "ma", db=db_path, password=PASSWORD)
    assert done.returncode == 0 and done.stdout.strip().isdigit(), done.stderr
    warnings = done.stderr.splitlines()
    assert any("`titel`" in w and "title, author, digest" in w for w in warnings), warnings
    assert any("no title" in w for w in warnings), warnings
    assert all(w.startswith("newsdesk: warning: ") for w in warnings), warnings

    unclosed = tmp_path / "unclosed.md"
    unclosed.write_text("---\ntitle: 城关镇召开会议\n\n正文。\n", encoding="utf-8")
    done = cli("article", "import", str(unclosed), "--as", "ma", db=db_path, password=PASSWORD)
    assert done.returncode == 0, done.stderr
    assert "never closes" in done.stderr, done.stderr

    fine = tmp_path / "fine.md"
    fine.write_text("---\ntitle: 城关镇召开会议\n---\n\n正文。\n", encoding="utf-8")
    article_id = cli("article", "import", str(fine), "--as", "ma", db=db_path,
                     password=PASSWORD)  # fmt: skip
    assert article_id.returncode == 0 and article_id.stderr == "", article_id.stderr
    edited = cli("article", "edit", article_id.stdout.strip(), "--file", str(misspelt),
                 "--as", "ma", db=db_path, password=PASSWORD)  # fmt: skip
    assert "`titel`" in edited.stderr, edited.stderr
    one_line_error(
        cli("article", "edit", article_id.stdout.strip(), "--file", str(tmp_path / "e.md"),
            "--as", "ma", db=db_path, password=PASSWORD),
        "no such file",
    )  # fmt: skip
