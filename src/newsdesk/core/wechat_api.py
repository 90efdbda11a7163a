"""What the core needs of the 公众号 API (docs/wechat-api.md), as a protocol.

`newsdesk.wechat` implements it with httpx, the way `newsdesk.store` implements the repository:
the core never imports it, and tests run the real client against a stand-in server. Token
handling, retries and the wording of WeChat's error codes live in the client; the core sees
results, or a `WeChatRefused` that says in one plain sentence what went wrong.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urlsplit

from newsdesk.core.errors import NewsdeskError

DEFAULT_API_BASE = "https://api.weixin.qq.com"


class WeChatRefused(NewsdeskError):
    """WeChat (or the way to it) said no. `code` is WeChat's errcode (0 for no answer at all:
    a refused connection, a timeout); the words are for people, never the AppSecret."""

    zh = "{what_zh}"
    en = "{what_en}"

    def __init__(self, code: int, what_zh: str, what_en: str, *, retry: bool = False) -> None:
        super().__init__(what_zh=what_zh, what_en=what_en)
        self.code = code
        self.retry = retry  # worth trying again later (quota, rate, busy, no connection)


# Which API bases a client may talk to. The AppSecret travels in the body of `stable_token`, so
# a base that is not encrypted must not leave this PC: `https` anywhere (WeChat itself, or an
# office's relay host with a fixed IP), plain `http` only to loopback (a stand-in, a tunnel).
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


class DraftGone(WeChatRefused):
    """The draft a push made last time is no longer in the draft box (published or deleted)."""


@dataclass(frozen=True)
class Material:
    """A picture kept as permanent material (a cover): its id for drafts, and its URL."""

    media_id: str
    url: str


@dataclass(frozen=True)
class DraftArticle:
    """One article of a draft, as `draft/add` takes it (docs/wechat-api.md). Crops are
    `X1_Y1_X2_Y2` fractions of the cover picture."""

    title: str
    content: str
    thumb_media_id: str
    author: str = ""
    digest: str = ""
    content_source_url: str = ""
    need_open_comment: int = 0
    only_fans_can_comment: int = 0
    pic_crop_235_1: str = ""
    pic_crop_1_1: str = ""


@dataclass(frozen=True)
class PublishState:
    """`freepublish/get`: 0 published, 1 publishing, 2 originality check failed, 3 failed,
    4 refused by review, 5 deleted, 6 banned."""

    status: int
    article_urls: Sequence[str] = field(default_factory=tuple)  # by position, once published
    failed_positions: Sequence[int] = field(default_factory=tuple)

    @property
    def done(self) -> bool:
        return self.status != 1


class WeChatApi(Protocol):
    """One 公众号's API, signed in with its AppID and AppSecret."""

    def check(self) -> None:
        """Fetch a token: proves the AppID, AppSecret and IP whitelist, or raises why not."""
        ...

    def upload_image(self, name: str, data: bytes, mime: str) -> str:
        """A body picture (jpg/png under 1 MB) via `media/uploadimg`; its URL on WeChat's
        image host."""
        ...

    def add_material(self, name: str, data: bytes, mime: str) -> Material:
        """A picture as permanent material (`material/add_material?type=image`): a cover."""
        ...

    def add_draft(self, articles: Sequence[DraftArticle]) -> str:
        """`draft/add`; the new draft's media_id."""
        ...

    def update_draft(self, media_id: str, index: int, article: DraftArticle) -> None:
        """`draft/update` of one article of a draft; `DraftGone` if it is not there any more."""
        ...

    def draft_urls(self, media_id: str) -> list[str]:
        """`draft/get`: each article's temporary preview link; `DraftGone` if not there."""
        ...

    def submit_publish(self, media_id: str) -> str:
        """`freepublish/submit`; the publish_id to follow."""
        ...

    def publish_state(self, publish_id: str) -> PublishState:
        """`freepublish/get`."""
        ...
