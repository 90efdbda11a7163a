"""The interface speaks Simplified Chinese on a Chinese system and English otherwise."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import OpenWindow


def _texts(window) -> dict[str, str]:
    names = (
        "actionSubmit",
        "actionApprove",
        "actionSign",
        "actionCopyForWeChat",
        "actionExportHtml",
        "actionVisualEditing",
    )
    return {name: window.findChild(QAction, name).text() for name in names}


def test_chinese_interface(
    qtbot: QtBot, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSDESK_LANG", "zh")
    window = open_window("ma")
    assert _texts(window) == {
        "actionSubmit": "提交审核",
        "actionApprove": "审核通过",
        "actionSign": "签发",
        "actionCopyForWeChat": "复制到公众号",
        "actionExportHtml": "导出 HTML…",
        "actionVisualEditing": "所见即所得",
    }
    categories = window.findChild(QListWidget, "categoryList")
    labels = [categories.item(i).text().split("  ")[0] for i in range(categories.count())]
    assert labels == ["我的待办", "编辑中", "待审核", "待出品", "已签发", "已发布", "已作废"]
    assert window.side.tabText(0) == "预览"
    window.new_article()
    qtbot.waitUntil(lambda: window.words.text() != "", timeout=10_000)
    assert window.words.text().startswith("字数 0")


def test_english_interface(
    qtbot: QtBot, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSDESK_LANG", "en")
    window = open_window("ma")
    assert _texts(window)["actionSign"] == "Sign off"
    assert window.side.tabText(0) == "Preview"


def test_light_and_dark_follow_the_system_unless_chosen(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    window = open_window("ma")
    window.findChild(QAction, "actionScheme_dark").trigger()
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 80
    assert QSettings().value("ui/colorScheme") == "dark"
    window.findChild(QAction, "actionScheme_light").trigger()
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 180
    window.findChild(QAction, "actionScheme_system").trigger()
    assert QSettings().value("ui/colorScheme") == "system"
