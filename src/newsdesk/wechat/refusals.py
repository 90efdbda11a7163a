"""WeChat's error codes as plain sentences, in Chinese and English (docs/wechat-api.md's table).

Each sentence says what happened and what to do; the code (and WeChat's `rid`, which its
support asks for) follow in brackets. Nothing here ever sees the AppSecret or the token: the
client redacts WeChat's `errmsg` before it gets here.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsdesk.core.wechat_api import DraftArticle, DraftGone, WeChatRefused

log = logging.getLogger("newsdesk.wechat")

TOKEN_CODES = frozenset({40001, 40014, 42001})
RETRIED_CODES = frozenset({-1, 45011})  # busy, per-minute rate: worth a few tries with backoff

WHITELIST_ZH = "微信公众平台 → 设置与开发 → 基本配置 → IP白名单"
WHITELIST_EN = (
    "mp.weixin.qq.com → 设置与开发 (Settings and development) → 基本配置 (Basic configuration)"
    " → IP白名单 (IP whitelist)"
)
CREDENTIALS_ZH = "微信公众平台 → 设置与开发 → 基本配置"


@dataclass(frozen=True)
class Call:
    """What the client was doing, for the sentence: the API path, the picture's name for
    uploads, the articles for drafts."""

    path: str
    name: str = ""
    articles: Sequence[DraftArticle] = ()


# (中文, English) descriptions of each call, for sentences about lost answers and unknown codes.
CALLS: dict[str, tuple[str, str]] = {
    "/cgi-bin/stable_token": ("获取访问令牌", "getting an access token"),
    "/cgi-bin/media/uploadimg": ("上传正文图片", "uploading a body picture"),
    "/cgi-bin/material/add_material": ("上传封面素材", "uploading the cover as material"),
    "/cgi-bin/draft/add": ("新建草稿", "adding the draft"),
    "/cgi-bin/draft/update": ("更新草稿", "updating the draft"),
    "/cgi-bin/draft/get": ("读取草稿", "reading the draft"),
    "/cgi-bin/freepublish/submit": ("提交发布", "submitting for publication"),
    "/cgi-bin/freepublish/get": ("查询发布状态", "asking the publication status"),
}


def describe(path: str) -> tuple[str, str]:
    return CALLS.get(path, (path, path))


def rid_of(errmsg: str) -> str:
    found = re.search(r"rid:\s*(\S+)", errmsg)
    return found.group(1) if found else ""


def _ref(code: int, errmsg: str) -> tuple[str, str]:
    rid = rid_of(errmsg)
    tail = f"，rid: {rid}" if rid else ""
    tail_en = f", rid: {rid}" if rid else ""
    return f"（微信错误码 {code}{tail}）", f" (WeChat error {code}{tail_en})"


def _ip_of(errmsg: str) -> str:
    found = re.search(r"invalid ip\s+([0-9A-Fa-f.:]+)", errmsg)
    return found.group(1).rstrip(",") if found else ""


Sentence = tuple[str, str]


def _whitelist(code: int, errmsg: str, call: Call) -> Sentence:
    ip = _ip_of(errmsg)
    zh_ip = f"本机的公网 IP {ip}" if ip else "本机的公网 IP"
    en_ip = f"this PC's public IP {ip}" if ip else "this PC's public IP"
    return (
        f"微信拒绝了来自{zh_ip}的调用：它不在公众号的 IP 白名单里。请公众号管理员在 "
        f"{WHITELIST_ZH} 中加入 {ip or '该 IP'}（或改经有固定 IP 的中转主机调用）。",
        f"WeChat refused the call from {en_ip}: it is not on the account's IP whitelist. An "
        f"administrator of the account must add {ip or 'it'} at {WHITELIST_EN}, or calls must "
        "go through a relay host with a fixed IP.",
    )


_CREDENTIAL_FAULT = {
    40013: ("AppID 无效", "the AppID is not valid"),
    40125: ("AppSecret 无效", "the AppSecret is not valid"),
    41002: ("缺少 AppID", "the AppID is missing"),
    41004: ("缺少 AppSecret", "the AppSecret is missing"),
    40243: ("AppSecret 已被冻结", "the AppSecret is frozen"),
}


def _credentials(code: int, errmsg: str, call: Call) -> Sentence:
    zh, en = _CREDENTIAL_FAULT[code]
    return (
        f"微信不认这个公众号的身份：{zh}。请在 {CREDENTIALS_ZH} 核对 AppID 和 AppSecret"
        "（必要时重置 AppSecret），再运行 newsdesk wechat setup 重新设置。",
        f"WeChat does not accept the account's credentials: {en}. Check the AppID and AppSecret "
        "at mp.weixin.qq.com → 设置与开发 → 基本配置 (reset the AppSecret if need be), then run "
        "newsdesk wechat setup again.",
    )


_ADMIN_IP = {
    89503: (
        "这个 IP 的调用需要公众号管理员确认：管理员会在微信里收到确认请求，确认后再试一次。",
        "Calls from this IP need the account administrator's confirmation: the administrator "
        "gets a request in WeChat; try again once it is confirmed.",
    ),
    89506: (
        "公众号管理员 24 小时内两次拒绝了这个 IP 的调用：24 小时内不能再从这个 IP 调用。",
        "The account administrator refused calls from this IP twice within 24 hours: this IP "
        "cannot call for 24 hours.",
    ),
    89507: (
        "公众号管理员 1 小时内拒绝了这个 IP 的调用：1 小时内不能再从这个 IP 调用。",
        "The account administrator refused calls from this IP within the last hour: this IP "
        "cannot call for an hour.",
    ),
}


def _admin_ip(code: int, errmsg: str, call: Call) -> Sentence:
    return _ADMIN_IP[code]


def _picture(code: int, errmsg: str, call: Call) -> Sentence:
    name = call.name or "?"
    cover = call.path == "/cgi-bin/material/add_material"
    kinds = (
        ("JPG、PNG、GIF 或 BMP", "JPG, PNG, GIF or BMP") if cover else ("JPG 或 PNG", "JPG or PNG")
    )
    limit = "10 MB" if cover else "1 MB"
    if code == 40005:
        return (
            f"微信不接受图片“{name}”的格式：只收 {kinds[0]}。",
            f"WeChat does not accept the format of the picture “{name}”: {kinds[1]} only.",
        )
    if code == 41005:
        log.error("defect: WeChat received no file for %s (%s)", call.path, errmsg)
        return (
            f"微信没有收到图片“{name}”的文件：这是本程序的缺陷，已记入日志，请报告。",
            f"WeChat received no file for the picture “{name}”: a defect of this program, "
            "logged; please report it.",
        )
    return (
        f"图片“{name}”的大小微信不接受：应不超过 {limit}，也不能是空文件。",
        f"WeChat does not accept the size of the picture “{name}”: at most {limit}, not empty.",
    )


def _media_id(code: int, errmsg: str, call: Call) -> Sentence:
    if call.path == "/cgi-bin/draft/add":
        return (
            "微信不认草稿的封面素材（thumb_media_id 无效）：封面可能已从素材库删除，"
            "或不是永久素材。请重新上传封面后再推送。",
            "WeChat does not know the draft's cover material (invalid thumb_media_id): it may "
            "have been deleted from the material library, or is not permanent material. "
            "Upload the cover again and push again.",
        )
    return (
        "微信不认这个 media_id：草稿可能已被发布或删除，需要新建。",
        "WeChat does not know this media_id: the draft may have been published or deleted; "
        "a new one is needed.",
    )


def _defect(code: int, errmsg: str, call: Call) -> Sentence:
    log.error("defect: WeChat found the request to %s empty or malformed: %s", call.path, errmsg)
    return (
        f"微信说{describe(call.path)[0]}的内容为空或格式不对：这是本程序的缺陷，已记入日志，请报告。",
        f"WeChat found the request for {describe(call.path)[1]} empty or malformed: a defect "
        "of this program, logged; please report it.",
    )


def _too_long(
    field: str, limit: int, too_long: Callable[[DraftArticle], bool]
) -> Callable[..., Sentence]:
    names = {"title": ("标题", "title"), "digest": ("摘要", "digest"), "content": ("正文", "body")}

    def sentence(code: int, errmsg: str, call: Call) -> Sentence:
        zh_field, en_field = names[field]
        over = [a.title for a in call.articles if too_long(a)]
        which_zh = f"《{over[0]}》的" if over else ""
        which_en = f" of “{over[0]}”" if over else ""
        if field == "content":
            return (
                f"{which_zh}正文太长：微信要求少于 20,000 字、小于 1 MB。",
                f"The body{which_en} is too long: WeChat takes under 20,000 characters and "
                "under 1 MB.",
            )
        return (
            f"{which_zh}{zh_field}太长：微信要求不超过 {limit} 个字。",
            f"The {en_field}{which_en} is too long: WeChat takes at most {limit} characters.",
        )

    return sentence


def _content_too_long(article: DraftArticle) -> bool:
    return len(article.content) >= 20_000 or len(article.content.encode("utf-8")) >= 1_000_000


def _daily(code: int, errmsg: str, call: Call) -> Sentence:
    return (
        f"今天{describe(call.path)[0]}的次数已到微信的每日上限：请明天再试。",
        f"WeChat's daily limit for {describe(call.path)[1]} is used up: try again tomorrow.",
    )


def _rate(code: int, errmsg: str, call: Call) -> Sentence:
    return (
        "调用太频繁，超过了微信的每分钟上限，重试几次仍未成功：请过几分钟再试。",
        "Calls came too fast for WeChat's per-minute limit, and a few retries did not get "
        "through: try again in a few minutes.",
    )


def _busy(code: int, errmsg: str, call: Call) -> Sentence:
    return (
        "微信系统繁忙，重试几次仍未成功：请稍后再试。",
        "WeChat is busy and a few retries did not get through: try again later.",
    )


def _invalid_content(code: int, errmsg: str, call: Call) -> Sentence:
    hint = re.sub(r"\s*rid:\s*\S+", "", errmsg).strip() or "invalid content"
    return (
        f"微信认为内容无效：通常是正文里有它不接受的链接或标记（外部链接、脚本、表单等）。"
        f"微信的说明是“{hint}”。请改正后再推送，原样重试不会成功。",
        "WeChat found the content invalid: usually a link or markup it does not accept in the "
        f"body (outside links, scripts, forms). WeChat says “{hint}”. Correct it and push again; "
        "retrying as it is will not help.",
    )


def _unauthorised(code: int, errmsg: str, call: Call) -> Sentence:
    if call.path == "/cgi-bin/freepublish/submit":
        return (
            "这个公众号没有用接口发布的权限（通常是因为未认证）：草稿已在草稿箱里，请在公众平台手动发布。",
            "This account may not publish through the API (usually: it is not verified): the "
            "draft is in the draft box; publish it by hand on mp.weixin.qq.com.",
        )
    return (
        f"这个公众号没有{describe(call.path)[0]}的接口权限（通常是因为未认证）。",
        f"This account has no API permission for {describe(call.path)[1]} (usually: it is "
        "not verified).",
    )


def _comments(code: int, errmsg: str, call: Call) -> Sentence:
    return (
        "这个公众号没有留言权限：请去掉“打开留言”后再推送。",
        "This account has no comment permission: turn off “open comments” and push again.",
    )


def _token_persists(code: int, errmsg: str, call: Call) -> Sentence:
    return (
        "微信在重新取得访问令牌后仍然拒绝了它：可能有另一个程序用同一个 AppID 通过 /cgi-bin/token "
        "取令牌，每次都把本机的令牌挤掉。请让那个程序改用 stable_token，或停用它。",
        "WeChat refused the access token even after a fresh one was fetched: another program "
        "may be using the same AppID with /cgi-bin/token, which knocks this PC's token out. "
        "Have it use stable_token, or stop it.",
    )


WORDING: dict[int, Callable[[int, str, Call], Sentence]] = {
    40164: _whitelist,
    **dict.fromkeys(_CREDENTIAL_FAULT, _credentials),
    **dict.fromkeys(_ADMIN_IP, _admin_ip),
    **dict.fromkeys((40005, 40009, 40006, 41005), _picture),
    40007: _media_id,
    **dict.fromkeys((44002, 44003), _defect),
    45002: _too_long("content", 20_000, _content_too_long),
    45003: _too_long("title", 32, lambda a: len(a.title) > 32),
    45004: _too_long("digest", 128, lambda a: len(a.digest) > 128),
    45009: _daily,
    45011: _rate,
    45166: _invalid_content,
    48001: _unauthorised,
    88000: _comments,
    -1: _busy,
    **dict.fromkeys(TOKEN_CODES, _token_persists),
}

DRAFT_CALLS = frozenset({"/cgi-bin/draft/update", "/cgi-bin/draft/get"})


def refusal(code: int, errmsg: str, call: Call) -> WeChatRefused:
    """The exception for WeChat's answer `code`/`errmsg` (already redacted) to `call`."""
    ref_zh, ref_en = _ref(code, errmsg)
    wording = WORDING.get(code)
    if wording is None:
        what_zh, what_en = describe(call.path)
        return WeChatRefused(
            code,
            f"微信拒绝了{what_zh}：错误码 {code}，“{errmsg}”。",
            f"WeChat refused {what_en}: error {code}, “{errmsg}”.",
        )
    zh, en = wording(code, errmsg, call)
    if code == 40007 and call.path in DRAFT_CALLS:
        return DraftGone(code, zh + ref_zh, en + ref_en)
    retry = code in (45009, 45011, -1, 89503)
    return WeChatRefused(code, zh + ref_zh, en + ref_en, retry=retry)
