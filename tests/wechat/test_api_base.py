"""Plain http never carries the AppSecret off this PC: checked before any request is made."""

from __future__ import annotations

import httpx
import pytest

from newsdesk.core.wechat_api import DEFAULT_API_BASE, WeChatRefused
from newsdesk.wechat import WeChatClient, check_api_base


def _no_request(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"a request was made: {request.method}")


@pytest.mark.parametrize(
    "base",
    [
        "http://api.weixin.qq.com",
        "http://10.0.0.5:8080",
        "http://relay.example.cn",
        "http://127.0.0.1.example.cn",
        "ftp://127.0.0.1",
        "api.weixin.qq.com",
        "https://relay.example.cn/?x=1",
        "",
    ],
)
def test_a_base_that_would_expose_the_secret_is_refused_before_any_request(base: str) -> None:
    asked: list[str] = []

    def secret() -> str:
        asked.append("secret")
        return "s3cret"

    http = httpx.Client(transport=httpx.MockTransport(_no_request))
    with pytest.raises(WeChatRefused) as refused:
        WeChatClient("wx1234", secret, api_base=base, http=http).check()
    assert refused.value.code == 0 and asked == []
    assert "s3cret" not in str(refused.value)


def test_plain_http_to_a_relay_says_why() -> None:
    with pytest.raises(WeChatRefused) as refused:
        check_api_base("http://relay.example.cn")
    assert "https" in refused.value.message("en") and "unencrypted" in refused.value.message("en")
    assert "不加密" in refused.value.message("zh")


@pytest.mark.parametrize(
    ("base", "kept"),
    [
        (DEFAULT_API_BASE, DEFAULT_API_BASE),
        ("https://relay.example.cn/wechat/", "https://relay.example.cn/wechat"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("http://127.8.9.10", "http://127.8.9.10"),
        ("http://localhost:9000/", "http://localhost:9000"),
        ("http://[::1]:9000", "http://[::1]:9000"),
    ],
)
def test_https_anywhere_and_http_to_loopback_are_allowed(base: str, kept: str) -> None:
    assert check_api_base(base) == kept


def test_a_relay_base_keeps_its_path() -> None:
    seen: list[str] = []

    def relay(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return httpx.Response(200, json={"access_token": "t", "expires_in": 7200})

    http = httpx.Client(transport=httpx.MockTransport(relay))
    WeChatClient("wx1234", lambda: "s", api_base="https://relay.example.cn/wx", http=http).check()
    assert seen == ["/wx/cgi-bin/stable_token"]
