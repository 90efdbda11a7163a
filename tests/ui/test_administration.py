"""Administration from the app: staff, account settings, word lists, backup."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from newsdesk.core.models import Role
from newsdesk.core.workspace import Workspace
from newsdesk.store.sqlite_store import SqliteStore
from tests.ui.conftest import OpenWindow, type_text


def test_only_admins_see_administration(qtbot: QtBot, open_window: OpenWindow) -> None:
    assert open_window("ma").findChild(QAction, "actionAdmin") is None
    assert open_window("admin").findChild(QAction, "actionAdmin") is not None


def test_an_admin_adds_staff_sets_the_account_and_backs_up(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path
) -> None:
    window = open_window("admin")
    dialog = window.administer()
    type_text(dialog.new_username, "wang")
    type_text(dialog.new_display, "王编辑")
    dialog.new_roles[Role.EDITOR].setChecked(True)
    type_text(dialog.new_password, "pass-5678")
    dialog.add_user()
    ws = window.workspace
    assert ws.users.get("wang").display_name == "王编辑"
    assert ws.users.get("wang").roles == frozenset({Role.EDITOR})

    dialog.account_name.setText("舟曲发布")
    dialog.previous.setValue(5)
    dialog.save_account()
    assert ws.settings.account().name == "舟曲发布" and ws.settings.account().previous_count == 5

    dialog.banned.setPlainText("# 本单位\n内部资料\n")
    dialog.save_words()
    assert ws.settings.account().banned_words.splitlines()[1] == "内部资料"

    target = tmp_path / "backup.db"
    dialog.backup_now(str(target))
    copy = SqliteStore(target)
    assert Workspace(copy).users.get("wang").display_name == "王编辑"
    assert Workspace(copy).verify().ok
    copy.close()
    dialog.close()


def test_an_admin_restores_a_backup_from_the_app(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path
) -> None:
    from newsdesk.core.models import ArticleContent

    window = open_window("admin")
    ws = window.workspace
    ws.repo.backup_to(tmp_path / "before.db")
    ma = ws.users.get("ma")
    ws.articles.create(ma, ArticleContent("备份后写的稿件", "正文"))
    dialog = window.administer()
    dialog.restore_from(str(tmp_path / "before.db"))
    assert [s.title for s in ws.articles.queue()] == []
    assert "before-restore" in dialog.backup_result.text()
    assert window.tasks.queue.count() == 0
    dialog.close()


def test_an_account_setting_that_cannot_work_is_refused_in_the_app(
    qtbot: QtBot, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window("admin")
    dialog = window.administer()
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    before = window.workspace.settings.account()
    dialog.account_name.setText("  ")
    dialog.closing.setText("改过的结束语")
    dialog.save_account()
    assert len(said) == 1 and ("empty" in said[0] or "不能为空" in said[0])
    assert window.workspace.settings.account() == before
    dialog.account_name.setText("舟曲发布")
    dialog.theme.addItem("坏主题", "../../etc/passwd")  # what an older version let through
    dialog.theme.setCurrentIndex(dialog.theme.count() - 1)
    dialog.save_account()
    assert len(said) == 2 and "../../etc/passwd" in said[1]
    assert window.workspace.settings.account() == before  # the name too: nothing half-kept
    dialog.close()
