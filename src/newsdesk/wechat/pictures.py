"""What a picture must be before it is sent: checked here so that a picture WeChat would refuse
costs no request, and named so that the person knows which one.

The client never re-encodes: the core has already made body pictures fit (content/images.py).
"""

from __future__ import annotations

import re
from pathlib import PurePath

from newsdesk.content.figures import sniff_mime
from newsdesk.core.wechat_api import WeChatRefused

BODY_LIMIT = 1_000_000  # WeChat says "1 MB"; the core's recompression aims under this too
COVER_LIMIT = 10 * 1024 * 1024

EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/bmp": ".bmp"}
BODY_TYPES = frozenset({"image/jpeg", "image/png"})
COVER_TYPES = frozenset(EXTENSIONS)


def sniff(data: bytes) -> str:
    """The picture type its first bytes say, whatever its name claims ("" if none we know):
    the content library's, plus BMP, which WeChat takes as a cover."""
    if data.startswith(b"BM"):
        return "image/bmp"
    return sniff_mime(data) or ""


def prepared(name: str, data: bytes, *, cover: bool) -> tuple[str, str]:
    """(file name to send, content type) for a picture WeChat will take, else `WeChatRefused`.

    The file name sent is ASCII with the extension of the real type: WeChat judges the type by
    the extension, and some of its front ends mangle non-ASCII names in multipart headers.
    """
    kind = sniff(data)  # not `mime`: a WEBP named .jpg would only earn 40005 from WeChat
    allowed, limit = (COVER_TYPES, COVER_LIMIT) if cover else (BODY_TYPES, BODY_LIMIT)
    if kind not in allowed:
        kinds = (
            ("JPG、PNG、GIF 或 BMP", "JPG, PNG, GIF or BMP")
            if cover
            else ("JPG 或 PNG", "JPG or PNG")
        )
        raise WeChatRefused(
            0,
            f"图片“{name}”不是微信接受的格式：只收 {kinds[0]}。",
            f"The picture “{name}” is not in a format WeChat takes: {kinds[1]} only.",
        )
    if len(data) > limit:
        shown = "10 MB" if cover else "1 MB"
        raise WeChatRefused(
            0,
            f"图片“{name}”有 {len(data):,} 字节：微信只收不超过 {shown} 的图片。",
            f"The picture “{name}” is {len(data):,} bytes: WeChat takes pictures up to {shown}.",
        )
    stem = re.sub(r"[^A-Za-z0-9_-]+", "", PurePath(name).stem)[:40] or "picture"
    return stem + EXTENSIONS[kind], kind
