"""The account settings keep only what can be a WeChat AppSecret, and write nothing otherwise."""

from __future__ import annotations

import pytest

from newsdesk.wechat.secrets import load_secret
from tests.ui.conftest import OpenWindow

APPID = "wx0123456789abcdef"


@pytest.fixture(autouse=True)
def _secret_in_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSDESK_SECRET_STORE", "file")


def test_a_two_line_app_secret_is_refused_in_the_account_settings(
    open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = open_window("admin")
    warned: list[str] = []
    monkeypatch.setattr(
        "newsdesk.ui.accounts_tab.QMessageBox.warning", lambda _p, _t, text: warned.append(text)
    )
    dialog = admin.administer()
    tab = dialog.accounts
    tab.appid.setText(APPID)
    tab.secret.setText("0f9e8d7c6b5a4938\n2716a5b4c3d2e1f0")
    assert not tab.save()
    assert len(warned) == 1 and "32" in warned[0]
    assert admin.workspace.accounts.get(None).appid == ""  # nothing written
    tab.secret.setText("0f9e8d7c6b5a49382716a5b4c3d2e1f0")
    assert tab.save()
    assert load_secret(APPID) == "0f9e8d7c6b5a49382716a5b4c3d2e1f0"
    dialog.close()
