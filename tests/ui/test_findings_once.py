"""One findings model in the app: a banned word is found once (by the proofreader, which alone
checks the word lists), listed once and underlined once; WeChat's limits stay in the checks."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import OpenWindow, write_article

BODY = "全县召开会议，部署春耕生产工作。\n\n有人在群里推销代开发票业务。\n"


def _items(window: object, name: str) -> list[str]:
    listing = window.findChild(QListWidget, name)  # type: ignore[attr-defined]
    return [listing.item(i).text() for i in range(listing.count())]


def test_a_banned_word_in_the_body_is_reported_once(qtbot: QtBot, open_window: OpenWindow) -> None:
    ma = open_window("ma")
    write_article(ma, "标" * 65, BODY)  # a title over WeChat's 64: the checks' own finding
    qtbot.waitUntil(lambda: any("代开发票" in t for t in _items(ma, "proofList")), timeout=10_000)
    qtbot.waitUntil(lambda: any("64" in t for t in _items(ma, "findingsList")), timeout=10_000)
    shown = [*_items(ma, "proofList"), *_items(ma, "findingsList")]
    assert sum(t.count("代开发票") for t in shown) == 1, shown
    start = BODY.index("代开发票")
    assert [(m.start, m.end, m.error) for m in ma.editor.highlighter.marks] == [
        (start, start + 4, True)
    ]
    submit = ma.findChild(QAction, "actionSubmit")
    assert not submit.isEnabled() and "代开发票" in submit.toolTip()
