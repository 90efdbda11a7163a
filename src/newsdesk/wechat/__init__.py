"""The 公众号 API adapter: `WeChatApi` (newsdesk.core.wechat_api) implemented with httpx, and
the AppSecret kept on this PC. Beside `store/`, like it: no Qt, and the core never imports it;
the CLI and the app build a client and hand it to the core's services.
"""

from __future__ import annotations

from newsdesk.core.wechat_api import DEFAULT_API_BASE
from newsdesk.wechat.api_base import check_api_base
from newsdesk.wechat.client import WeChatClient
from newsdesk.wechat.secrets import (
    SecretNotSet,
    forget_secret,
    load_secret,
    store_secret,
    where,
)
from newsdesk.wechat.tokens import forget_tokens

__all__ = [
    "SecretNotSet",
    "WeChatClient",
    "check_api_base",
    "forget_secret",
    "forget_tokens",
    "load_secret",
    "open_client",
    "store_secret",
    "where",
]


def open_client(appid: str, api_base: str = DEFAULT_API_BASE) -> WeChatClient:
    """A client for one account whose AppSecret is read from this PC when a token is needed
    (so `SecretNotSet` comes from the first call, worded for the person at it)."""
    return WeChatClient(appid, lambda: load_secret(appid), api_base=api_base)
