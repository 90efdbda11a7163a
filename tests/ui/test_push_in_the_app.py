"""Pushing to the 公众号 from the app: an administrator connects the account and tests it (the
whitelist explained), a producer pushes signed articles in the order dragged, sees the upload
progress and the draft's preview link, and publishes; the network runs off the GUI thread."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from newsdesk.core.models import ArticleContent, State
from newsdesk.core.workspace import Workspace
from newsdesk.ui.main_window import MainWindow
from tests.conftest import PASSWORD
from tests.core.test_pushing import picture
from tests.ui.conftest import OpenWindow
from tests.wechat_standin import WeChatStandIn


@pytest.fixture(autouse=True)
def _secret_in_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSDESK_SECRET_STORE", "file")


def connect_account(qtbot: QtBot, admin: MainWindow, server: WeChatStandIn) -> None:
    dialog = admin.administer()
    tab = dialog.accounts
    tab.appid.setText(server.appid)
    tab.secret.setText(server.secret)
    tab.api_base.setText(server.base)
    assert tab.save()
    assert tab.secret.text() == ""  # not kept on screen either
    server.refuse_ip = "203.0.113.7"
    tab.test()
    qtbot.waitUntil(lambda: "203.0.113.7" in tab.result.text(), timeout=15_000)
    assert "IP白名单" in tab.result.text() or "whitelist" in tab.result.text()
    server.refuse_ip = None
    tab.test()
    qtbot.waitUntil(lambda: tab.test_button.isEnabled() and "203" not in tab.result.text(),
                    timeout=15_000)  # fmt: skip
    assert "Connected" in tab.result.text() or "连接" in tab.result.text()
    dialog.close()


def signed(ws: Workspace, title: str, colour: str) -> int:
    ma, feng, sang = (ws.users.sign_in(u, PASSWORD) for u in ("ma", "feng", "sang"))
    body = f"正文一段。\n\n![现场]({ws.media.add(picture(colour)).ref})\n"
    content = replace(ArticleContent(title, body), cover=ws.media.cover_ref(picture("green")))
    article_id = ws.articles.create(ma, content)
    ws.articles.submit(ma, article_id)
    ws.articles.approve(feng, article_id)
    ws.articles.sign(sang, article_id)
    return article_id


def test_a_producer_pushes_in_the_order_dragged_and_publishes(
    qtbot: QtBot, open_window: OpenWindow, wechat_server: WeChatStandIn
) -> None:
    connect_account(qtbot, open_window("admin"), wechat_server)
    sang = open_window("sang")
    first = signed(sang.workspace, "第一篇：次条", "red")
    lead = signed(sang.workspace, "第二篇：头条", "blue")
    sang.open_article(first)
    push = sang.findChild(QAction, "actionPush")
    assert push.isEnabled()
    dialog = sang.push()
    assert dialog is not None
    titles = [dialog.articles.item(i).text() for i in range(dialog.articles.count())]
    assert titles[0] == "第一篇：次条"  # the open article comes first, ticked
    # Drag the other one to the top and tick it: it becomes the 头条.
    item = dialog.articles.takeItem(titles.index("第二篇：头条"))
    dialog.articles.insertItem(0, item)
    item.setCheckState(Qt.CheckState.Checked)
    assert dialog.chosen() == [lead, first]
    assert dialog.go.isEnabled() and "第二篇：头条" in dialog.checks.text()
    assert dialog.crop_wide.pixmap() is not None
    dialog.publish.setChecked(True)
    wechat_server.publish_polls = 1
    said: list[str] = []
    dialog.background.progressed.connect(lambda what, done, total: said.append(what))
    dialog.start()
    assert dialog.progress.isVisible()  # the GUI thread is free while it uploads
    qtbot.waitUntil(lambda: dialog.pushed is not None, timeout=30_000)
    # What is happening, in the interface's language (English here), never a bare "0/2".
    assert said[0] == "preparing article 1 of 2: 第二篇：头条", said
    assert "putting it into the draft box" in said, said
    [added] = wechat_server.calls("/cgi-bin/draft/add")
    assert [a["title"] for a in added.json["articles"]] == ["第二篇：头条", "第一篇：次条"]
    assert dialog.pushed.push.draft_media_id in dialog.status.text()
    assert "href=" in dialog.status.text()  # the draft's preview link
    # Each article is marked published in a transaction of its own: wait for both.
    qtbot.waitUntil(
        lambda: all(sang.workspace.articles.get(a).state is State.PUBLISHED for a in (lead, first)),
        timeout=30_000,
    )
    assert sang.workspace.articles.get(first).published_url.startswith("https://mp.weixin.qq.com")
    dialog.close()


def test_a_refusal_is_said_in_the_dialog_and_nothing_is_marked(
    qtbot: QtBot, open_window: OpenWindow, wechat_server: WeChatStandIn
) -> None:
    connect_account(qtbot, open_window("admin"), wechat_server)
    sang = open_window("sang")
    article_id = signed(sang.workspace, "额度用完", "red")
    dialog = sang.push()
    assert dialog is not None
    dialog.articles.item(0).setCheckState(Qt.CheckState.Checked)
    wechat_server.fail_next("/cgi-bin/draft/add", 45009)
    dialog.start()
    qtbot.waitUntil(lambda: "⚠" in dialog.status.text(), timeout=30_000)
    assert sang.workspace.articles.details(article_id).pushed is None
    assert dialog.go.isEnabled()  # try again later
    dialog.close()
