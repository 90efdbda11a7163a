"""所见即所得 in the main window (issue 23): the visual editor in the source editor's place,
switched by actionVisualEditing, the Markdown the record either way."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from newsdesk.ui import editor_modes
from newsdesk.ui.main_window import MainWindow
from tests.ui.conftest import OpenWindow, press, type_text, write_article
from tests.ui.test_visual_editor import jpeg

# Kept apart from canonical Markdown on purpose: a rewrite would show (`*` bullets, `__`, a
# setext heading, two blank lines, a trailing space before the break).
BODY = "会议纪要\n====\n\n> 引用一句\n\n*  第一项  \n*  第二项\n\n\n__全县__ 召开会议。\n"


def visual_action(window: MainWindow) -> QAction:
    action = window.findChild(QAction, "actionVisualEditing")
    assert action is not None and action.isCheckable()
    return action


def test_switching_without_typing_changes_nothing(qtbot: QtBot, open_window: OpenWindow) -> None:
    ma = open_window("ma")
    article_id = write_article(ma, "纪要", BODY)
    assert ma.modes.stack.currentWidget() is ma.editor
    version = ma.session.version
    for _ in range(2):
        visual_action(ma).setChecked(True)
        assert ma.modes.stack.currentWidget() is ma.visual and ma.visual.isVisibleTo(ma)
        assert "第一项" in ma.visual.toPlainText() and "*" not in ma.visual.toPlainText()
        assert ma.editor_markdown() == BODY
        visual_action(ma).setChecked(False)
        assert ma.editor.toPlainText() == BODY and ma.editor_markdown() == BODY
    assert not ma.session.dirty
    press(ma, "actionSave")
    assert ma.session.version == version
    assert ma.workspace.articles.get(article_id).content.body == BODY


def test_typing_in_visual_mode_is_saved_as_markdown(qtbot: QtBot, open_window: OpenWindow) -> None:
    ma = open_window("ma")
    article_id = write_article(ma, "纪要", BODY)
    visual_action(ma).setChecked(True)
    ma.visual.move_to_end()
    ma.visual.type_text("\n补充一句。")
    # Only the new paragraph is new: every block not touched keeps its bytes.
    assert ma.editor_markdown().rstrip("\n") == BODY + "\n补充一句。"
    assert ma.session.dirty  # the same edited → autosave → preview path as the source editor
    qtbot.waitUntil(
        lambda: "补充一句" in ma.workspace.articles.get(article_id).content.body, timeout=10_000
    )
    assert ma.workspace.articles.get(article_id).content.body == ma.editor_markdown()
    qtbot.waitUntil(lambda: "补充一句" in ma.preview.html, timeout=10_000)
    # Back in source mode the Markdown is there, and one Ctrl+Z takes back the visual edits.
    visual_action(ma).setChecked(False)
    assert ma.editor.toPlainText() == ma.workspace.articles.get(article_id).content.body
    ma.editor.undo()
    assert ma.editor.toPlainText() == BODY


def test_the_mode_is_remembered_per_user(qtbot: QtBot, open_window: OpenWindow) -> None:
    ma = open_window("ma")
    visual_action(ma).setChecked(True)
    ma.close()
    assert visual_action(open_window("ma")).isChecked()
    yan = open_window("yan")
    assert not visual_action(yan).isChecked()  # another user's choice is not hers
    assert yan.modes.stack.currentWidget() is yan.editor


def test_a_new_user_starts_in_visual_mode(
    qtbot: QtBot, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(editor_modes, "VISUAL_FOR_NEW_USERS", True)  # the app's own default
    ma = open_window("ma")
    assert visual_action(ma).isChecked() and ma.modes.stack.currentWidget() is ma.visual
    view = next(m for m in ma.menuBar().actions() if m.menu() and "View" in m.text())
    assert visual_action(ma) in view.menu().actions()
    visual_action(ma).setChecked(False)
    ma.close()
    assert not visual_action(open_window("ma")).isChecked()  # her choice, once made, stays


def test_an_article_the_user_may_not_edit_is_read_only_in_visual_mode(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    ma = open_window("ma")
    write_article(ma, "纪要", BODY)
    visual_action(ma).setChecked(True)
    assert not ma.visual.isReadOnly()
    press(ma, "actionSubmit")  # in audit now: an editor may not edit it
    qtbot.waitUntil(lambda: ma.visual.isReadOnly(), timeout=10_000)
    ma.visual.move_to_end()
    ma.visual.type_text("改一下")
    assert ma.editor_markdown() == BODY and not ma.session.dirty


def test_a_finding_is_underlined_in_visual_mode_and_chosen_selects_it(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    ma = open_window("ma")
    write_article(ma, "春耕生产会议", "全县召开会议，布署春耕生产工作。\n")
    visual_action(ma).setChecked(True)

    def underlined() -> list[str]:
        return [
            s.cursor.selectedText()
            for s in ma.visual.extraSelections()
            if s.format.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline
        ]

    qtbot.waitUntil(lambda: underlined() == ["布署"], timeout=10_000)
    ma.findings.list.setCurrentRow(0)
    ma.findings.list.itemActivated.emit(ma.findings.list.item(0))
    QApplication.processEvents()
    assert ma.visual.textCursor().selectedText() == "布署"
    ma.findings.apply_button.click()  # 采纳建议 in visual mode
    assert "部署春耕" in ma.editor_markdown()


def test_an_article_opened_in_visual_mode_shows_its_stored_pictures(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    ma = open_window("ma")
    ref = ma.workspace.media.add(jpeg()).ref
    article_id = write_article(ma, "图片", f"一段。\n\n![现场]({ref})\n")
    yan = open_window("yan")  # another PC: none of the pictures fetched yet
    visual_action(yan).setChecked(True)
    yan.open_article(article_id)
    qtbot.waitUntil(lambda: "现场" in yan.visual.toPlainText(), timeout=10_000)
    assert shown_pictures(yan) == [ref]  # not a "missing picture" box
    qtbot.waitUntil(lambda: yan.visual._pictures.shown == 1, timeout=10_000)


def shown_pictures(window: MainWindow) -> list[str]:
    names = []
    block = window.visual.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(fmt.toImageFormat().name())
            it += 1
        block = block.next()
    return names


def test_dark_mode_chosen_recolours_the_visual_editor_without_an_edit(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    ma = open_window("ma")
    write_article(ma, "纪要", BODY)
    visual_action(ma).setChecked(True)

    def quote_shade() -> str:
        block = ma.visual.document().begin()
        while "引用一句" not in block.text():
            block = block.next()
        return block.blockFormat().background().color().name()

    light = quote_shade()
    try:
        press(ma, "actionScheme_dark")
        assert quote_shade() != light
        assert quote_shade() == QApplication.palette().alternateBase().color().name()
    finally:
        press(ma, "actionScheme_system")
    assert ma.editor_markdown() == BODY and not ma.session.dirty


def test_undo_in_visual_mode_goes_on_into_what_was_typed_in_source_mode(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    ma = open_window("ma")
    write_article(ma, "纪要", BODY)
    ma.editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(ma.editor, "\n源码里加的一句。\n")
    typed = ma.editor.toPlainText()
    visual_action(ma).setChecked(True)
    ma.visual.move_to_end()
    ma.visual.type_text("再加")
    with_visual = ma.editor_markdown()
    assert with_visual != typed
    undo, redo = QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo
    while ma.visual.document().isUndoAvailable():
        press_keys(ma.visual, undo)
    assert ma.editor_markdown() == typed  # the visual edits undone, byte for byte
    press_keys(ma.visual, undo)  # on into the source editor's history
    assert ma.editor_markdown() == BODY and ma.modes.visual_on
    assert "源码里加的一句" not in ma.visual.toPlainText()
    press_keys(ma.visual, redo)
    assert ma.editor_markdown() == typed
    visual_action(ma).setChecked(False)
    assert ma.editor.toPlainText() == typed
    qtbot.waitUntil(
        lambda: ma.workspace.articles.get(ma.session.article_id).content.body == typed,
        timeout=10_000,
    )


def press_keys(widget: QWidget, keys: QKeySequence.StandardKey) -> None:
    combo = QKeySequence(keys)[0]
    qtbot_keys = (combo.key(), combo.keyboardModifiers())
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, *qtbot_keys))
