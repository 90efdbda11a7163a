"""The AppSecret, and the access token, in no message, log record, repr or URL."""

from __future__ import annotations

import logging

import httpx
import pytest

from newsdesk.core.wechat_api import DraftArticle, WeChatRefused
from newsdesk.wechat import WeChatClient
from tests.wechat.conftest import picture
from tests.wechat_standin import WeChatStandIn

UPLOAD = "/cgi-bin/media/uploadimg"
TOKEN = "/cgi-bin/stable_token"


def test_nothing_secret_leaks_through_a_bad_day(
    wechat_server: WeChatStandIn,
    client: WeChatClient,
    http: httpx.Client,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)  # httpx and httpcore included
    errors: list[WeChatRefused] = []

    def attempt(action: object) -> None:
        try:
            action()  # type: ignore[operator]
        except WeChatRefused as error:
            errors.append(error)

    cover = client.add_material("c.jpg", picture(), "image/jpeg")
    attempt(lambda: client.add_draft([DraftArticle("标题", "<p>正文</p>", cover.media_id)]))
    wechat_server.rotate_token()
    attempt(lambda: client.upload_image("a.jpg", picture(), "image/jpeg"))
    wechat_server.fail_next(UPLOAD, 40001, "invalid credential", times=2)
    attempt(lambda: client.upload_image("a.jpg", picture(), "image/jpeg"))
    # WeChat has never been seen to echo a token or secret, but if it did, it would not show
    wechat_server.fail_next(UPLOAD, 61234, f"odd answer for {wechat_server.token}")
    attempt(lambda: client.upload_image("a.jpg", picture(), "image/jpeg"))
    wechat_server.fail_next(TOKEN, 40125, f"invalid appsecret {wechat_server.secret}")
    attempt(client.check)
    wechat_server.drop_next(UPLOAD, times=4)
    attempt(lambda: client.upload_image("a.jpg", picture(), "image/jpeg"))
    wechat_server.slow_next("/cgi-bin/draft/add", 5)
    attempt(lambda: client.add_draft([DraftArticle("标题", "<p>正文</p>", cover.media_id)]))
    wechat_server.refuse_ip = "1.2.3.4"
    attempt(client.check)
    wechat_server.refuse_ip = None
    wrong = WeChatClient(
        wechat_server.appid,
        lambda: "wrong-" + wechat_server.secret,
        api_base=wechat_server.base,
        http=http,
    )
    attempt(wrong.check)
    wechat_server.offline_at(UPLOAD)
    attempt(lambda: client.upload_image("a.jpg", picture(), "image/jpeg"))

    assert len(errors) == 8
    hidden = {wechat_server.secret, "wrong-" + wechat_server.secret, wechat_server.token}
    hidden |= wechat_server.old_tokens
    assert all(hidden)
    shown = [caplog.text, repr(client), repr(wrong)]
    shown += [record.getMessage() for record in caplog.records]
    for error in errors:
        shown += [
            str(error),
            repr(error),
            error.message("zh"),
            error.message("en"),
            repr(error.args),
        ]
    for text in shown:
        for value in hidden:
            assert value not in text
    # httpx did log the calls, with the token masked
    assert any("access_token=***" in record.getMessage() for record in caplog.records)
    # and the secret only ever travelled in the body of stable_token
    for seen in wechat_server.requests:
        assert wechat_server.secret not in seen.path + str(seen.query)
        assert (wechat_server.secret.encode() in seen.raw) == (seen.path == TOKEN)
