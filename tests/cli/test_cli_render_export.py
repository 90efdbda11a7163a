"""`newsdesk render`, `article import` of Word files, `export` and `settings`, in subprocesses."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from tests.cli.conftest import Run, one_line_error
from tests.conftest import PASSWORD
from tests.content.wechat_checks import assert_wechat_ready, parse, text

DEMO = Path(__file__).resolve().parents[2] / "src" / "newsdesk" / "resources" / "demo"


def test_render_prints_the_fragment_with_images_embedded(cli: Run) -> None:
    result = cli("render", str(DEMO / "county-meeting-report.md"))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    html = result.stdout.strip()
    assert_wechat_ready(html)
    assert parse(html).find(".//img").get("src").startswith("data:image/jpeg;base64,")
    assert "县应急管理局网站[1]" in text(html)


def test_render_warns_on_stderr_about_a_missing_picture(cli: Run, tmp_path: Path) -> None:
    source = tmp_path / "a.md"
    source.write_text("正文\n\n![图](pics/gone.png)\n", encoding="utf-8")
    result = cli("render", str(source), "--theme", "accent")
    assert result.returncode == 0
    assert_wechat_ready(result.stdout.strip())
    assert "pics/gone.png" in result.stderr and "Traceback" not in result.stderr


def test_render_refuses_bad_files_and_themes_in_one_line(cli: Run, tmp_path: Path) -> None:
    one_line_error(cli("render", str(tmp_path / "none.md")), "no such file")
    gbk = tmp_path / "gbk.md"
    gbk.write_bytes("县政府召开会议".encode("gbk"))
    one_line_error(cli("render", str(gbk)), "GBK")
    one_line_error(cli("render", str(DEMO / "tricky-formatting.md"), "--theme", "nope"), "nope")


def _chain(cli: Run, db: Path, article_id: str) -> None:
    for command, user in (("submit", "ma"), ("approve", "feng"), ("sign", "sang")):
        done = cli(command, article_id, "--as", user, db=db, password=PASSWORD)
        assert done.returncode == 0, done.stderr


def test_a_word_file_goes_through_the_chain_and_exports(
    cli: Run, db_path: Path, tmp_path: Path
) -> None:
    imported = cli(
        "article", "import", str(DEMO / "forest-fire-meeting.docx"), "--as", "ma",
        db=db_path, password=PASSWORD,
    )  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    article_id = imported.stdout.strip()
    shown = cli("article", "show", article_id, db=db_path)
    assert "全县秋季森林防火工作会议召开" in shown.stdout
    assert "](media/" in shown.stdout and "word-picture" not in shown.stdout

    one_line_error(cli("export", article_id, db=db_path), "draft")
    _chain(cli, db_path, article_id)

    exported = cli("export", article_id, db=db_path)
    assert exported.returncode == 0, exported.stderr
    html = exported.stdout.strip()
    assert_wechat_ready(html)
    body = text(html)
    assert "编辑丨马编辑\xa0\xa0审核丨冯审核\xa0\xa0出品丨桑出品" in body
    assert parse(html).find(".//figcaption").text == "图为会议现场。"

    page = tmp_path / "archive.html"
    written = cli(
        "export", article_id, "-o", str(page), "--as", "sang", db=db_path, password=PASSWORD
    )
    assert written.returncode == 0, written.stderr
    saved = page.read_text(encoding="utf-8")
    assert saved.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in saved
    assert html in saved and "<title>全县秋季森林防火工作会议召开</title>" in saved


def test_settings_are_shown_to_all_and_changed_by_admins(
    cli: Run, db_path: Path, tmp_path: Path
) -> None:
    shown = cli("settings", "show", "--json", db=db_path)
    assert '"previous_count": 3' in shown.stdout
    one_line_error(
        cli("settings", "set", "name", "舟曲发布", "--as", "ma", db=db_path, password=PASSWORD),
        "administrator",
    )
    words = tmp_path / "banned.txt"
    words.write_text("# 本单位\n防火\n", encoding="utf-8")
    for args in (("name", "舟曲发布"), ("banned_words", "--file", str(words))):
        done = cli("settings", "set", *args, "--as", "admin", db=db_path, password=PASSWORD)
        assert done.returncode == 0, done.stderr
    assert "舟曲发布" in cli("settings", db=db_path).stdout
    source = tmp_path / "a.md"
    source.write_text("---\ntitle: 森林防火\n---\n做好防火工作。\n", encoding="utf-8")
    article_id = cli("article", "import", str(source), "--as", "ma", db=db_path, password=PASSWORD)
    one_line_error(
        cli("submit", article_id.stdout.strip(), "--as", "ma", db=db_path, password=PASSWORD),
        "防火",
    )


def test_import_of_a_markdown_file_stores_its_pictures(
    cli: Run, db_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "story"
    shutil.copytree(DEMO, folder)
    imported = cli(
        "article", "import", str(folder / "county-meeting-report.md"), "--as", "ma",
        db=db_path, password=PASSWORD,
    )  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    shutil.rmtree(folder)  # the article no longer depends on the folder
    shown = cli("article", "show", imported.stdout.strip(), db=db_path)
    assert "![会议现场](media/" in shown.stdout


def test_a_cover_is_set_and_exported_as_feed_and_sharing_crops(
    cli: Run, db_path: Path, tmp_path: Path
) -> None:
    from PIL import Image

    source = tmp_path / "a.md"
    source.write_text("---\ntitle: 封面稿\n---\n正文。\n", encoding="utf-8")
    article_id = cli("article", "import", str(source), "--as", "ma", db=db_path, password=PASSWORD)
    article_id = article_id.stdout.strip()
    picture = str(DEMO / "images" / "meeting.jpg")
    one_line_error(
        cli(
            "article", "cover", article_id, str(source), "--as", "ma", db=db_path, password=PASSWORD
        ),
        "picture",
    )
    done = cli(
        "article", "cover", article_id, picture, "--focus", "0.5,0.3", "--as", "ma",
        db=db_path, password=PASSWORD,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "?focus=0.50,0.30" in cli("article", "show", article_id, "--json", db=db_path).stdout
    _chain(cli, db_path, article_id)
    page = tmp_path / "out" / "cover.html"
    page.parent.mkdir()
    exported = cli("export", article_id, "-o", str(page), db=db_path)
    assert exported.returncode == 0, exported.stderr
    for name, ratio in (("2.35x1", 2.35), ("1x1", 1.0)):
        with Image.open(page.with_name(f"cover-cover-{name}.jpg")) as crop:
            assert abs(crop.width / crop.height - ratio) < 0.01


def test_a_bad_theme_is_refused_when_set_and_an_old_one_falls_back_with_a_warning(
    cli: Run, db_path: Path, tmp_path: Path
) -> None:
    for theme in ("bogus", "../../etc/passwd"):
        one_line_error(
            cli("settings", "set", "default_theme", theme, "--as", "admin", db=db_path,
                password=PASSWORD),
            theme,
        )  # fmt: skip
    shown = cli("settings", "show", "--json", db=db_path).stdout
    assert '"default_theme": "default"' in shown
    source = tmp_path / "a.md"
    source.write_text("---\ntitle: 森林防火\n---\n做好秋季森林防火工作。\n", encoding="utf-8")
    article_id = cli("article", "import", str(source), "--as", "ma", db=db_path,
                     password=PASSWORD).stdout.strip()  # fmt: skip
    _chain(cli, db_path, article_id)
    plain = cli("export", article_id, db=db_path).stdout
    conn = sqlite3.connect(db_path)  # a database an older version let take any name
    conn.execute(
        "INSERT OR REPLACE INTO settings (key, value) VALUES ('account.1.default_theme', 'bogus')"
    )
    conn.commit()
    conn.close()
    exported = cli("export", article_id, db=db_path)
    assert exported.returncode == 0 and exported.stdout == plain
    assert "bogus" in exported.stderr and "default theme" in exported.stderr
    # One line: the warning, no log record besides it; `settings show` says nothing extra.
    assert len(exported.stderr.strip().splitlines()) == 1, exported.stderr
    assert cli("settings", "show", db=db_path).stderr == ""
