"""The 公众号 API adapter: `WeChatApi` (newsdesk.core.wechat_api) implemented with httpx.
Beside `store/`, like it: no Qt, and the core never imports it; the CLI and the app build a
client and hand it to the core's services.
"""

from __future__ import annotations

from newsdesk.wechat.api_base import check_api_base
from newsdesk.wechat.client import WeChatClient
from newsdesk.wechat.tokens import forget_tokens

__all__ = ["WeChatClient", "check_api_base", "forget_tokens"]
