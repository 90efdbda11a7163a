"""Export HTML asks before it replaces files: the page and its cover crops, in one question."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import OpenWindow
from tests.ui.test_push_in_the_app import signed


def test_export_asks_before_replacing_the_page_or_a_crop(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sang = open_window("sang")
    article_id = signed(sang.workspace, "覆盖测试", "red")
    sang.open_article(article_id)
    page = tmp_path / "page.html"
    crop = tmp_path / "page-cover-1x1.jpg"
    crop.write_bytes(b"mine")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(page), ""))
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def question(parent: object, title: str, text: str, *args: object) -> object:
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    sang.export_html()
    assert len(asked) == 1 and str(crop) in asked[0] and str(page) not in asked[0]
    assert not page.exists() and crop.read_bytes() == b"mine"

    answer[0] = QMessageBox.StandardButton.Yes
    sang.export_html()
    assert len(asked) == 2 and str(crop) in asked[1]
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert crop.read_bytes()[:2] == b"\xff\xd8"

    asked.clear()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "new.html"), ""))  # fmt: skip
    sang.export_html()
    assert asked == [] and (tmp_path / "new.html").exists()
