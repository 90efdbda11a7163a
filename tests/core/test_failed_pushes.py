"""A push that fails is recorded as a failed push (who, which articles, which step, WeChat's
error code), never as an export; a push that succeeds is recorded as a push, not an export."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsdesk.core.errors import NewsdeskError
from newsdesk.core.models import AuditEntry
from newsdesk.core.wechat_api import WeChatRefused
from newsdesk.core.workspace import Workspace
from newsdesk.wechat import WeChatClient
from newsdesk.wechat.secrets import SecretNotSet
from tests.conftest import Newsroom
from tests.core.test_pushing import backend, body_with, picture, signed  # noqa: F401
from tests.core.test_pushing import room as room  # the fixture
from tests.wechat_standin import WeChatStandIn


def _entries(n: Newsroom, *actions: str) -> list[AuditEntry]:
    return [e for e in n.store.iter_audit() if e.action in actions]


def _secret_missing() -> str:
    raise SecretNotSet("wx-of-this-test")


def _with_secret(n: Newsroom, server: WeChatStandIn, loader: Callable[[], str]) -> Workspace:
    """The newsroom's workspace reaching the stand-in with what `loader` says is the secret."""

    def connect(account: object) -> WeChatClient:
        return WeChatClient(server.appid, loader, api_base=server.base, sleep=lambda s: None)

    return Workspace(n.store, clock=n.clock, machine="pc-test", connect=connect)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fault", "step", "code"),
    [
        ("offline", "cover", 0),
        ("40164", "pictures", 40164),
        ("40125", "pictures", 40125),
        ("45009", "draft", 45009),
        ("no-secret", "pictures", 0),
    ],
)
def test_a_failed_push_is_logged_as_a_failed_push(
    newsroom: Newsroom,
    room: Workspace,
    wechat_server: WeChatStandIn,
    fault: str,
    step: str,
    code: int,
) -> None:
    n, ws = newsroom, room
    first = signed(n, ws, "失败的推送", body_with(ws, "red"), picture("green"))
    second = signed(n, ws, "同一次推送", body_with(ws, "blue"), picture("yellow"))
    if fault == "offline":
        wechat_server.offline_at("/cgi-bin/material/add_material")
    elif fault == "40164":
        wechat_server.refuse_ip = "203.0.113.7"
    elif fault == "40125":
        ws = _with_secret(n, wechat_server, lambda: "f" * 32)  # reset on the 公众平台 since
    elif fault == "45009":
        wechat_server.fail_next("/cgi-bin/draft/add", 45009)
    else:
        ws = _with_secret(n, wechat_server, _secret_missing)
    with pytest.raises(NewsdeskError) as failed:
        ws.pushes.push(n.sang, [first, second])
    assert isinstance(failed.value, WeChatRefused) and failed.value.code == code
    assert not _entries(n, "export", "push")
    [entry] = _entries(n, "push_failed")
    assert entry.actor_id == n.sang.id
    assert entry.detail["articles"] == [
        {"id": i, "hash": ws.articles.get(i).content_hash} for i in (first, second)
    ]
    assert (entry.detail["step"], entry.detail["code"], entry.detail["account"]) == (
        step,
        code,
        "default",
    )
    assert wechat_server.secret not in str(entry.detail)


def test_a_push_that_goes_is_a_push_not_an_export(
    newsroom: Newsroom, room: Workspace, wechat_server: WeChatStandIn
) -> None:
    n, ws = newsroom, room
    article_id = signed(n, ws, "成功的推送", body_with(ws, "red"), picture("green"))
    ws.pushes.push(n.sang, [article_id])
    assert [e.action for e in _entries(n, "export", "push", "push_failed")] == ["push"]
    assert ws.verify().ok
