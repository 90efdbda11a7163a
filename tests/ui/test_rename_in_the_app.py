"""Renaming someone in 管理 → 人员 obeys the rule a new user does: one display name, one person."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import OpenWindow


def test_an_admin_renames_staff_but_not_onto_a_name_taken(
    qtbot: QtBot, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(
        "newsdesk.ui.admin_dialog.QMessageBox.warning", lambda _p, _t, text: warned.append(text)
    )
    window = open_window("admin")
    dialog = window.administer()
    rows = {dialog.staff.item(r, 0).text(): r for r in range(dialog.staff.rowCount())}
    dialog.staff.item(rows["feng"], 1).setText("马编辑")  # the editor's name, for an auditor
    dialog.apply_staff()
    assert len(warned) == 1 and "马编辑" in warned[0]
    assert window.workspace.users.get("feng").display_name == "冯审核"
    dialog.staff.item(rows["feng"], 1).setText("冯主任")
    dialog.apply_staff()
    assert window.workspace.users.get("feng").display_name == "冯主任"
    assert len(warned) == 1
    dialog.close()
