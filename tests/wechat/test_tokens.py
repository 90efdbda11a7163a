"""Tokens: stable_token only, cached per API base and AppID, fetched again once when stale."""

from __future__ import annotations

import httpx
import pytest

from newsdesk.core.wechat_api import WeChatRefused
from newsdesk.wechat import WeChatClient
from tests.wechat.conftest import picture
from tests.wechat_standin import WeChatStandIn

TOKEN = "/cgi-bin/stable_token"
UPLOAD = "/cgi-bin/media/uploadimg"


def test_one_token_serves_every_call_and_every_client(
    wechat_server: WeChatStandIn, client: WeChatClient, http: httpx.Client
) -> None:
    for _ in range(3):
        client.upload_image("a.jpg", picture(), "image/jpeg")
    other = WeChatClient(
        wechat_server.appid, lambda: "unused", api_base=wechat_server.base, http=http
    )
    other.upload_image("b.png", picture("PNG"), "image/png")
    assert wechat_server.paths == [TOKEN, UPLOAD, UPLOAD, UPLOAD, UPLOAD]
    assert "/cgi-bin/token" not in wechat_server.paths
    body = wechat_server.calls(TOKEN)[0].json
    assert body == {
        "grant_type": "client_credential",
        "appid": wechat_server.appid,
        "secret": wechat_server.secret,
        "force_refresh": False,
    }
    assert {seen.query["access_token"] for seen in wechat_server.calls(UPLOAD)} == {
        wechat_server.token
    }


def test_a_token_is_renewed_five_minutes_before_it_expires(
    wechat_server: WeChatStandIn, http: httpx.Client
) -> None:
    now = [1000.0]
    client = WeChatClient(
        wechat_server.appid,
        lambda: wechat_server.secret,
        api_base=wechat_server.base,
        http=http,
        clock=lambda: now[0],
    )
    client.upload_image("a.jpg", picture(), "image/jpeg")
    now[0] += 7200 - 301
    client.upload_image("a.jpg", picture(), "image/jpeg")
    assert wechat_server.paths.count(TOKEN) == 1
    now[0] += 2
    client.upload_image("a.jpg", picture(), "image/jpeg")
    assert wechat_server.paths.count(TOKEN) == 2


def test_check_always_asks_wechat(wechat_server: WeChatStandIn, client: WeChatClient) -> None:
    client.check()
    client.check()
    assert wechat_server.paths == [TOKEN, TOKEN]


@pytest.mark.parametrize("stale", ["rotate_token", "expire_token"])
def test_a_token_another_holder_replaced_is_fetched_again_once(
    wechat_server: WeChatStandIn, client: WeChatClient, stale: str
) -> None:
    client.upload_image("a.jpg", picture(), "image/jpeg")
    getattr(wechat_server, stale)()
    url = client.upload_image("a.jpg", picture(), "image/jpeg")
    assert url.startswith("http://mmbiz.qpic.cn/")
    assert wechat_server.paths == [TOKEN, UPLOAD, UPLOAD, TOKEN, UPLOAD]
    refused, retried = wechat_server.calls(UPLOAD)[1:]
    assert refused.answer["errcode"] in (40001, 42001)
    assert retried.query["access_token"] == wechat_server.token != refused.query["access_token"]
    # never forced: that would knock out the other PCs holding this AppID's token
    assert wechat_server.force_refreshes == 0
    assert all(seen.json["force_refresh"] is False for seen in wechat_server.calls(TOKEN))


def test_a_token_refused_twice_names_the_other_program(
    wechat_server: WeChatStandIn, client: WeChatClient, naps: list[float]
) -> None:
    wechat_server.fail_next(UPLOAD, 40001, "invalid credential, access_token is invalid", times=2)
    with pytest.raises(WeChatRefused) as refused:
        client.upload_image("a.jpg", picture(), "image/jpeg")
    assert refused.value.code == 40001
    assert "/cgi-bin/token" in refused.value.message("zh")
    assert "another program may be using the same AppID" in refused.value.message("en")
    assert wechat_server.paths == [TOKEN, UPLOAD, TOKEN, UPLOAD]
    assert naps == []


def test_the_old_token_call_of_another_program_is_ridden_out(
    wechat_server: WeChatStandIn, client: WeChatClient, http: httpx.Client
) -> None:
    client.upload_image("a.jpg", picture(), "image/jpeg")
    # another tool on the same AppID, with the call that invalidates every earlier token
    http.get(
        wechat_server.base + "/cgi-bin/token",
        params={
            "grant_type": "client_credential",
            "appid": wechat_server.appid,
            "secret": wechat_server.secret,
        },
    )
    client.upload_image("a.jpg", picture(), "image/jpeg")
    assert wechat_server.paths[-3:] == [UPLOAD, TOKEN, UPLOAD]


@pytest.mark.parametrize(
    ("appid", "secret", "code"),
    [("wx-someone-else", "x", 40013), (None, "wrong-secret", 40125), (None, "", 41004)],
)
def test_bad_credentials_say_check_the_appid_and_appsecret(
    wechat_server: WeChatStandIn, http: httpx.Client, appid: str | None, secret: str, code: int
) -> None:
    client = WeChatClient(
        appid or wechat_server.appid, lambda: secret, api_base=wechat_server.base, http=http
    )
    with pytest.raises(WeChatRefused) as refused:
        client.check()
    assert refused.value.code == code and not refused.value.retry
    assert "核对 AppID 和 AppSecret" in refused.value.message("zh")
    assert "Check the AppID and AppSecret" in refused.value.message("en")
    assert "newsdesk wechat setup" in refused.value.message("en")
    assert "rid: " in refused.value.message("en")


def test_an_ip_off_the_whitelist_is_named_with_where_to_add_it(
    wechat_server: WeChatStandIn, client: WeChatClient, naps: list[float]
) -> None:
    wechat_server.refuse_ip = "1.2.3.4"
    with pytest.raises(WeChatRefused) as refused:
        client.check()
    zh, en = refused.value.message("zh"), refused.value.message("en")
    assert refused.value.code == 40164
    assert "1.2.3.4" in zh and "设置与开发 → 基本配置 → IP白名单" in zh
    assert "1.2.3.4" in en and "IP whitelist" in en and "relay" in en
    assert "::ffff" not in zh
    assert naps == [] and len(wechat_server.requests) == 1


@pytest.mark.parametrize(
    ("code", "words"),
    [(89503, "管理员确认"), (89506, "24 小时内"), (89507, "1 小时内")],
)
def test_an_ip_the_administrator_must_confirm(
    wechat_server: WeChatStandIn, client: WeChatClient, code: int, words: str
) -> None:
    wechat_server.fail_next(TOKEN, code, "ip need confirm")
    with pytest.raises(WeChatRefused) as refused:
        client.check()
    assert refused.value.code == code and words in refused.value.message("zh")
