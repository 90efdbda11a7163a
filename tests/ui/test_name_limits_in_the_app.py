"""The app's name fields stop at the core's limits (setMaxLength), and the core refuses the
rest: a pasted 5,000-character account title cannot get in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from newsdesk.core.limits import ACCOUNT_TITLE_MAX, TOPIC_TITLE_MAX
from newsdesk.core.workspace import Workspace
from newsdesk.store.sqlite_store import SqliteStore
from newsdesk.ui.dialogs import FirstRunDialog
from newsdesk.ui.topic_dialogs import ProposeDialog
from tests.ui.conftest import OpenWindow


def test_name_fields_stop_at_the_core_limits(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path
) -> None:
    admin = open_window("admin")
    dialog = admin.administer()
    for name in ("accountName", "newAccountTitle"):
        field = dialog.findChild(QLineEdit, name)
        assert field is not None and field.maxLength() == ACCOUNT_TITLE_MAX, name
    field = dialog.findChild(QLineEdit, "newAccountTitle")
    field.setText("号" * 5000)
    assert len(field.text()) == ACCOUNT_TITLE_MAX
    dialog.close()

    propose = ProposeDialog(admin.workspace, admin.user, None)
    qtbot.addWidget(propose)
    assert propose.title.maxLength() == TOPIC_TITLE_MAX

    store = SqliteStore(tmp_path / "fresh.db", create=True)
    first = FirstRunDialog(Workspace(store))
    qtbot.addWidget(first)
    account = first.findChild(QLineEdit, "firstAccountName")
    assert account is not None and account.maxLength() == ACCOUNT_TITLE_MAX
    first.close()
    store.close()
