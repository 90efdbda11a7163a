"""Which API bases the client may talk to.

The AppSecret travels in the body of `stable_token`, so a base that is not encrypted must not
leave this PC: `https` anywhere (WeChat itself, or an office's relay host with a fixed IP),
plain `http` only to loopback (a stand-in, or a local tunnel to the relay).
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from newsdesk.core.wechat_api import WeChatRefused


def check_api_base(url: str) -> str:
    """`url` without a trailing slash if the client may use it; `WeChatRefused` (code 0) why not."""
    text = url.strip()
    parts = urlsplit(text)
    host = parts.hostname or ""
    if parts.scheme not in ("https", "http") or not host:
        raise WeChatRefused(
            0,
            f"API 地址 {text!r} 不是网址：应为 https://api.weixin.qq.com 或中转主机的 https 地址。",
            f"The API base {text!r} is not a web address: use https://api.weixin.qq.com or the "
            "https address of a relay host.",
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise WeChatRefused(
            0,
            f"API 地址 {text!r} 不能带查询参数、#片段或用户名密码。",
            f"The API base {text!r} must not carry a query, a #fragment or a user name.",
        )
    if parts.scheme == "http" and not _loopback(host):
        raise WeChatRefused(
            0,
            f"API 地址 {text!r} 用的是不加密的 http：AppSecret 会明文经过网络。"
            "只有本机地址（127.0.0.1、localhost）可以用 http，其他地址请用 https。",
            f"The API base {text!r} is plain http: the AppSecret would cross the network "
            "unencrypted. Plain http is allowed only to this PC (127.0.0.1, localhost); use https.",
        )
    return text.rstrip("/")


def _loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
