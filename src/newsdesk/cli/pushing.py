"""The 公众号 on the command line: accounts, their API connection, and pushing signed
articles into the draft box (and publishing them)."""

from __future__ import annotations

import getpass
import os
import sys
import time
from typing import Any

from newsdesk.cli import output
from newsdesk.cli.session import Session
from newsdesk.core.accounts import check_app_secret
from newsdesk.core.errors import InvalidInput, Words
from newsdesk.core.models import Account
from newsdesk.core.pushing import PUBLISH_OUTCOMES
from newsdesk.core.wechat_api import DEFAULT_API_BASE
from newsdesk.wechat.client import WeChatClient
from newsdesk.wechat.secrets import load_secret, store_secret, where

POLL_SECONDS = 3.0


def account_json(account: Account) -> dict[str, Any]:
    return {
        "name": account.name,
        "title": account.title,
        "appid": account.appid,
        "api_base": account.api_base or (DEFAULT_API_BASE if account.appid else ""),
    }


def account_add(s: Session) -> int:
    ws = s.workspace()
    account = ws.accounts.add(s.actor(), s.args.name, s.args.title)
    print(account.name)
    return 0


def account_list(s: Session) -> int:
    accounts = s.workspace().accounts.list()
    if s.args.json:
        output.emit_json([account_json(a) for a in accounts])
        return 0
    for account in accounts:
        connected = account.appid or s.t("（未设置接口）", "(no API connection)")
        print(f"{account.name}\t{account.title}\t{connected}")
    return 0


def client_for(account: Account) -> WeChatClient:
    """How every command and the app reach an account's API: the AppSecret from this PC."""
    return WeChatClient(
        account.appid,
        lambda: load_secret(account.appid),
        api_base=account.api_base or DEFAULT_API_BASE,
    )


def _secret(s: Session) -> str:
    value = os.environ.get("NEWSDESK_WECHAT_SECRET")
    if value is None and sys.stdin is not None and sys.stdin.isatty():
        value = getpass.getpass(s.t("AppSecret（不会显示）：", "AppSecret (not shown): "))
    if not value or not value.strip():
        raise InvalidInput(
            "需要 AppSecret：请设置环境变量 NEWSDESK_WECHAT_SECRET，或在终端中输入",
            "an AppSecret is needed: set NEWSDESK_WECHAT_SECRET or type it at a terminal",
        )
    return check_app_secret(value)


def wechat_setup(s: Session) -> int:
    ws = s.workspace()
    actor = s.actor()
    secret = _secret(s)  # asked for before anything is written
    account = ws.accounts.connect(actor, s.args.account, s.args.appid, s.args.api_base or "")
    store_secret(account.appid, secret)
    print(
        s.t(
            f"已设置公众号“{account.title}”的接口：AppID {account.appid}，"
            f"接口地址 {account.api_base}；AppSecret 只保存在本机（{where(account.appid, s.lang)}）。",
            f"The API connection of {account.title} is set: AppID {account.appid}, API base"
            f" {account.api_base}; the AppSecret is kept on this PC only ({where(account.appid, s.lang)}).",
        )
    )
    return 0


def wechat_test(s: Session) -> int:
    ws = s.workspace()
    account = ws.accounts.get(s.args.account)
    ws.pushes.test(account)
    print(
        s.t(
            f"连接正常：公众号“{account.title}”（{account.appid}）可以通过 {account.api_base} 调用接口。",
            f"Connected: {account.title} ({account.appid}) answers through {account.api_base}.",
        )
    )
    return 0


def push(s: Session) -> int:
    ws = s.workspace()
    actor = s.actor()

    def progress(what: Words, done: int, total: int) -> None:
        print(f"newsdesk: {s.t(*what)}", file=sys.stderr)

    result = ws.pushes.push(actor, s.args.ids, s.args.account, progress)
    print(result.push.draft_media_id)
    for url in result.preview_urls:
        print(s.t(f"预览：{url}", f"preview: {url}"), file=sys.stderr)
    if not s.args.publish:
        return 0
    record = ws.pushes.publish(actor, result.push.id)
    deadline = time.monotonic() + s.args.wait
    while True:
        record, state = ws.pushes.follow(actor, record.id)
        if state.done or time.monotonic() >= deadline:
            break
        time.sleep(min(POLL_SECONDS, max(0.0, deadline - time.monotonic())))
    if not state.done:
        print(
            s.t(
                f"正在发布（publish_id {record.publish_id}），稍后可在公众平台查看。",
                f"still publishing (publish_id {record.publish_id}); check the 公众平台 later.",
            ),
            file=sys.stderr,
        )
        return 0
    if state.status != 0:
        zh, en = PUBLISH_OUTCOMES.get(state.status, ("发布失败", "publishing failed"))
        raise InvalidInput(
            f"发布未成功：{zh}；草稿仍在草稿箱中",
            f"not published: {en}; the draft stays in the box",
        )
    for url in state.article_urls:
        print(url)
    return 0
