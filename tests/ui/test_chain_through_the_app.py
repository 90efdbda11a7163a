"""The whole review chain through the desktop app, by four people at their own windows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QLineEdit, QListWidget
from pytestqt.qtbot import QtBot

from newsdesk.core.models import State
from tests.conftest import Newsroom
from tests.ui.conftest import (
    OpenWindow,
    Qt,
    answer_next_dialog,
    press,
    type_text,
    wait_for_preview,
    write_article,
)

BODY = "县委书记到立节镇调研防汛工作。\n\n**时间**：5月1日\n\n- 查看河道\n- 慰问值守人员\n"


def test_four_people_take_an_article_from_draft_to_the_clipboard(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ma = open_window("ma")
    article_id = write_article(ma, "立节镇部署防汛工作", BODY)
    ma.form.co_editors.setText("yan")
    ma.editor.insertPlainText("")  # an edit so the co-editor change is saved with it
    ma.session.dirty = True
    press(ma, "actionSave")
    wait_for_preview(qtbot, ma, "慰问值守人员")
    assert "编辑丨马编辑 严编辑" in ma.preview.html.replace("&nbsp;", " ")
    ma.close()

    yan = open_window("yan")
    yan.open_article(article_id)
    assert not yan.editor.isReadOnly()
    yan.editor.moveCursor(yan.editor.textCursor().MoveOperation.End)
    type_text(yan.editor, "\n严编辑补充：各乡镇要落实值班制度。\n")
    press(yan, "actionSave")
    press(yan, "actionSubmit")
    assert yan.workspace.articles.get(article_id).state is State.AWAITING_AUDIT
    yan.close()

    feng = open_window("feng")
    feng.open_article(article_id)
    answer_next_dialog("第二段数据请核实。")
    press(feng, "actionReturn")
    assert feng.workspace.articles.get(article_id).state is State.DRAFT
    notes = feng.findChild(QListWidget, "notesList")
    assert "第二段数据请核实。" in notes.item(0).text()

    ma = open_window("ma")
    ma.open_article(article_id)
    press(ma, "actionSubmit")
    ma.close()

    feng.session = None
    feng.open_article(article_id)
    press(feng, "actionApprove")
    approve = feng.findChild(QAction, "actionApprove")
    assert not approve.isEnabled()
    feng.close()

    sang = open_window("sang")
    sang.open_article(article_id)
    press(sang, "actionSign")
    press(sang, "actionCopyForWeChat")
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasHtml() and mime.hasText()
    html = mime.html().replace("&nbsp;", " ")
    assert "编辑丨马编辑 严编辑  审核丨冯审核  出品丨桑出品" in html
    assert "严编辑补充：各乡镇要落实值班制度。" in html
    assert "编辑丨马编辑 严编辑" in mime.text().replace("\xa0", " ")
    assert "Copied" in sang.statusBar().currentMessage()

    page = tmp_path / "立节镇.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(page), ""))
    sang.export_html()
    written = page.read_text(encoding="utf-8").replace("&nbsp;", " ")
    assert written.startswith("<!DOCTYPE html>") and "出品丨桑出品" in written


def test_refused_actions_are_disabled_with_the_reason(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    ma = open_window("ma")
    article_id = write_article(ma, "标题", "正文。")
    press(ma, "actionSubmit")
    approve = ma.findChild(QAction, "actionApprove")
    assert not approve.isEnabled()
    assert approve.toolTip()  # the core's reason, e.g. the auditor role is needed
    copy = ma.findChild(QAction, "actionCopyForWeChat")
    assert not copy.isEnabled() and copy.toolTip()
    assert ma.editor.isReadOnly()  # an editor cannot edit during audit
    assert ma.workspace.articles.get(article_id).state is State.AWAITING_AUDIT


def test_someone_else_editing_opens_read_only_with_their_name(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    ma = open_window("ma")
    article_id = write_article(ma, "标题", "正文。")
    li = open_window("li")
    li.open_article(article_id)
    assert li.editor.isReadOnly()
    banner = li.lock_banner
    assert banner.isVisibleTo(li) and "马编辑" in banner.text()


def test_unsaved_text_survives_a_crash_and_is_offered_again(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    ma = open_window("ma")
    article_id = write_article(ma, "标题", "已保存的正文。")
    ma._autosave.stop()
    type_text(ma.editor, "还没保存的一句话。")
    ma.save_recovery_copy()  # what the crash hook does
    ma.session.dirty = False  # the crash: nothing more is saved
    ma.session.close()
    ma.session = None
    again = open_window("ma")
    again.open_article(article_id)
    assert again.recovery_bar.isVisibleTo(again)
    again.restore_recovery()
    assert "还没保存的一句话。" in again.editor.toPlainText()
    press(again, "actionSave")
    assert "还没保存的一句话。" in again.workspace.articles.get(article_id).content.body


def test_the_auditor_sees_the_changes_since_they_signed(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    ma = open_window("ma")
    article_id = write_article(ma, "标题", "第一段。\n\n第二段。")
    press(ma, "actionSubmit")
    ma.close()
    feng = open_window("feng")
    feng.open_article(article_id)
    press(feng, "actionApprove")
    feng.close()
    sang = open_window("sang")
    sang.open_article(article_id)
    sang.editor.moveCursor(sang.editor.textCursor().MoveOperation.End)
    type_text(sang.editor, "出品补充。")
    press(sang, "actionSave")  # the producer's edit sends it back to audit
    sang.close()
    feng = open_window("feng")
    feng.open_article(article_id)
    dialog = feng.show_changes()
    assert dialog is not None
    signed = feng.workspace.articles.baseline(feng.user, article_id)
    assert signed is not None and dialog.choice.currentData() == signed.id
    assert "出品补充" not in signed.content.body
    assert "出品补充" in dialog.view.toPlainText()
    dialog.close()


def test_a_cover_is_chosen_cropped_and_saved(qtbot: QtBot, open_window: OpenWindow) -> None:
    from pathlib import Path

    picture = Path(__file__).resolve().parents[2] / "src/newsdesk/resources/demo/images/meeting.jpg"
    ma = open_window("ma")
    article_id = write_article(ma, "封面稿", "正文。")
    ma.set_cover(picture.read_bytes())
    assert ma.form.cover.pixmap() is not None and not ma.form.cover.pixmap().isNull()
    press(ma, "actionSave")
    cover = ma.workspace.articles.get(article_id).content.cover
    assert cover.startswith("media/") and set(ma.workspace.media.cover_crops(cover)) == {
        "2.35x1",
        "1x1",
    }


def test_a_stale_save_keeps_both_texts_and_shows_them(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    from newsdesk.core.models import ArticleContent

    ma = open_window("ma")
    article_id = write_article(ma, "标题", "原来的正文。")
    arts = ma.workspace.articles
    # Elsewhere (another PC, say) the article moves on while this window still edits v1.
    newer = arts.save(
        ma.user, article_id, ArticleContent("标题", "别处保存的新正文。"), ma.session.version
    )
    ma._autosave.stop()
    type_text(ma.editor, "这里写的文字。")
    assert not ma.save()
    assert ma.conflict_bar.isVisibleTo(ma)
    assert ma.editor.toPlainText() == "别处保存的新正文。"
    assert ma.session.version == newer.version
    dialog = ma.show_changes(ma.conflict_revision)
    assert (
        "这里写的文字。" in dialog.view.toPlainText()
        and "别处保存的新正文。" in dialog.view.toPlainText()
    )
    dialog.close()


def test_pasted_word_html_and_pictures_become_markdown(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    from pathlib import Path

    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QImage

    ma = open_window("ma")
    write_article(ma, "粘贴", "")
    rich = QMimeData()
    rich.setHtml(
        '<p class="MsoNormal">\u3000\u3000县<b>政</b><b>府</b>召开会议<script>x()</script></p>'
    )
    rich.setText("县政府召开会议")
    ma.editor.insertFromMimeData(rich)
    assert ma.editor.toPlainText().startswith("县**政府**召开会议")
    picture = QMimeData()
    image = QImage(
        str(Path(__file__).resolve().parents[2] / "src/newsdesk/resources/demo/images/meeting.jpg")
    )
    picture.setImageData(image)
    ma.editor.insertFromMimeData(picture)
    assert "](media/" in ma.editor.toPlainText()


def test_an_unexpected_error_keeps_the_text_and_says_so_calmly(
    qtbot: QtBot, open_window: OpenWindow, monkeypatch
) -> None:
    from pathlib import Path

    from PySide6.QtWidgets import QMessageBox

    from newsdesk.ui import app, paths

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    ma = open_window("ma")
    article_id = write_article(ma, "标题", "已保存。")
    ma._autosave.stop()
    type_text(ma.editor, "崩溃前的一句。")
    try:
        raise RuntimeError("boom")
    except RuntimeError as error:
        app._excepthook(RuntimeError, error, error.__traceback__)
    assert shown and "kept" in shown[0]
    copies = list(paths.recovery_dir().glob(f"*-ma-{article_id}.json"))
    assert copies and "崩溃前的一句。" in copies[0].read_text(encoding="utf-8")
    import logging

    files = [
        h.baseFilename for h in logging.getLogger("newsdesk").handlers if hasattr(h, "baseFilename")
    ]
    assert files and "boom" in Path(files[0]).read_text(encoding="utf-8")


def test_a_five_megabyte_article_opens_edits_and_previews_in_the_app(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    from newsdesk.core.models import ArticleContent

    paragraph = "县委召开常委会议，研究部署乡村振兴、安全生产和民生保障等重点工作。" * 10
    body = "\n\n".join(f"## 第{n}部分\n\n{paragraph}" for n in range(5000))
    assert len(body.encode()) > 5_000_000
    ma = open_window("ma")
    article_id = ma.workspace.articles.create(ma.user, ArticleContent("超长稿件", body))
    ma.open_article(article_id)
    assert ma.editor.toPlainText() == body
    ma.editor.moveCursor(ma.editor.textCursor().MoveOperation.End)
    type_text(ma.editor, "补充一句。")
    press(ma, "actionSave")
    assert ma.workspace.articles.get(article_id).content.body.endswith("补充一句。")
    qtbot.waitUntil(lambda: "补充一句。" in ma.preview.html, timeout=60_000)


def test_search_finds_a_one_character_term_and_opens_the_hit(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    ma = open_window("ma")
    first = write_article(ma, "立节镇部署防汛工作", BODY)
    write_article(ma, "另一篇稿件", "与此无关的正文。")
    search = ma.findChild(QLineEdit, "searchEdit")
    type_text(search, "汛")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    queue = ma.findChild(QListWidget, "queueView")
    assert queue.count() == 1 and "立节镇部署防汛工作" in queue.item(0).text()
    queue.itemClicked.emit(queue.item(0))
    assert ma.session.article_id == first
    assert "县委书记到立节镇调研防汛工作" in ma.editor.toPlainText()


def test_another_account_chosen_on_a_file_is_stored_at_once(
    qtbot: QtBot, open_window: OpenWindow, newsroom: Newsroom
) -> None:
    newsroom.ws.accounts.add(newsroom.admin, "xiangcun", "乡村振兴在线")
    ma = open_window("ma")
    article_id = write_article(ma, "换一个公众号", "正文。")
    other = next(a.id for a in ma.workspace.accounts.list() if a.name == "xiangcun")
    ma.form.account_chosen.emit(other)  # a file on this PC answers before this returns
    assert ma.session.account_id == other
    assert ma.workspace.articles.get(article_id).account_id == other
