"""`WeChatApi` over httpx: one 公众号's API, as docs/wechat-api.md describes it.

What the core does not want to know lives here: the token (`stable_token`, cached per API base
and AppID, fetched once more when WeChat says it is stale), JSON sent as unescaped UTF-8,
uploads as multipart `media`, retries with backoff when the network or WeChat is briefly
unwell, and WeChat's codes turned into sentences (refusals.py).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

import httpx

from newsdesk.core.wechat_api import (
    DEFAULT_API_BASE,
    DraftArticle,
    Material,
    PublishState,
    WeChatApi,
    WeChatRefused,
)
from newsdesk.wechat.api_base import check_api_base
from newsdesk.wechat.pictures import prepared
from newsdesk.wechat.redaction import guard_http_logs, redact
from newsdesk.wechat.refusals import RETRIED_CODES, TOKEN_CODES, Call, describe, refusal
from newsdesk.wechat.tokens import CACHE

log = logging.getLogger("newsdesk.wechat")

# Waits between tries: four tries in all, at most seven seconds of waiting. Long enough to ride
# out a dropped Wi-Fi or a busy second at WeChat, short enough that a person at the push dialog
# is told within seconds rather than left watching a spinner.
BACKOFF = (1.0, 2.0, 4.0)
MAX_WAIT = 10.0
TIMEOUT = httpx.Timeout(30.0, connect=10.0)  # a 10 MB cover over a county office's uplink
MAX_ARTICLES = 8

JSON_HEADERS = {"Content-Type": "application/json; charset=utf-8"}


class WeChatClient:
    """One 公众号's API, signed in with its AppID and the AppSecret `secret()` returns.

    `secret` is called only when a token is fetched, and its value is never kept, logged or
    put in a message. `http` lets a caller (or a test) choose timeouts and transport; the
    client closes only the one it made.
    """

    def __init__(
        self,
        appid: str,
        secret: Callable[[], str],
        *,
        api_base: str = DEFAULT_API_BASE,
        http: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.api_base = check_api_base(api_base)
        self.appid = appid.strip()
        if not self.appid:
            raise WeChatRefused(
                0,
                "这个公众号还没有设置 AppID：请运行 newsdesk wechat setup。",
                "This account has no AppID yet: run newsdesk wechat setup.",
            )
        self._secret = secret
        self._own_http = http is None
        # Proxies from the environment are honoured for WeChat and relays, never for loopback.
        local = urlsplit(self.api_base).scheme == "http"
        self._http = http or httpx.Client(timeout=TIMEOUT, trust_env=not local)
        self._sleep = sleep
        self._clock = clock
        guard_http_logs()

    def __repr__(self) -> str:
        return f"WeChatClient(appid={self.appid!r}, api_base={self.api_base!r})"

    def close(self) -> None:
        if self._own_http:
            self._http.close()

    def __enter__(self) -> WeChatClient:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    # --- WeChatApi ------------------------------------------------------------------------

    def check(self) -> None:
        # Always asks WeChat: a cached token would prove nothing about a secret just entered.
        self._token(cached=False)

    def upload_image(self, name: str, data: bytes, mime: str) -> str:
        filename, kind = prepared(name, data, cover=False)
        path = "/cgi-bin/media/uploadimg"
        answer = self._call(path, Call(path, name=name), files={"media": (filename, data, kind)})
        return _text(answer, "url", path, self.api_base)

    def add_material(self, name: str, data: bytes, mime: str) -> Material:
        filename, kind = prepared(name, data, cover=True)
        path = "/cgi-bin/material/add_material"
        answer = self._call(
            path,
            Call(path, name=name),
            params={"type": "image"},
            files={"media": (filename, data, kind)},
        )
        return Material(
            _text(answer, "media_id", path, self.api_base),
            _text(answer, "url", path, self.api_base),
        )

    def add_draft(self, articles: Sequence[DraftArticle]) -> str:
        if not 1 <= len(articles) <= MAX_ARTICLES:
            raise WeChatRefused(
                0,
                f"一篇草稿可含 1 到 {MAX_ARTICLES} 篇文章，这里有 {len(articles)} 篇。",
                f"A draft takes 1 to {MAX_ARTICLES} articles, not {len(articles)}.",
            )
        path = "/cgi-bin/draft/add"
        body = {"articles": [_article(a) for a in articles]}
        # Not idempotent: an answer lost after WeChat made the draft must not make a second.
        answer = self._call(path, Call(path, articles=articles), body=body, idempotent=False)
        return _text(answer, "media_id", path, self.api_base)

    def update_draft(self, media_id: str, index: int, article: DraftArticle) -> None:
        path = "/cgi-bin/draft/update"
        body = {"media_id": media_id, "index": index, "articles": _article(article)}
        self._call(path, Call(path, articles=(article,)), body=body)

    def draft_urls(self, media_id: str) -> list[str]:
        path = "/cgi-bin/draft/get"
        answer = self._call(path, Call(path), body={"media_id": media_id})
        items = answer.get("news_item")
        if not isinstance(items, list):
            raise _not_wechat(self.api_base, path, "news_item")
        return [str(item.get("url", "")) for item in items if isinstance(item, dict)]

    def submit_publish(self, media_id: str) -> str:
        path = "/cgi-bin/freepublish/submit"
        answer = self._call(path, Call(path), body={"media_id": media_id}, idempotent=False)
        return _text(answer, "publish_id", path, self.api_base)

    def publish_state(self, publish_id: str) -> PublishState:
        path = "/cgi-bin/freepublish/get"
        answer = self._call(path, Call(path), body={"publish_id": publish_id})
        try:
            return _publish_state(answer)
        except (KeyError, TypeError, ValueError):
            raise _not_wechat(self.api_base, path, "publish_status") from None

    # --- tokens ---------------------------------------------------------------------------

    def _token(self, *, cached: bool = True) -> str:
        key = (self.api_base, self.appid)
        if cached:
            token = CACHE.get(key, self._clock())
            if token is not None:
                return token
        secret = self._secret()
        path = "/cgi-bin/stable_token"
        # force_refresh stays false, even after a refusal: forcing would invalidate the token
        # every other PC of the newsroom holds for this AppID (and WeChat allows 20 a day).
        body = {
            "grant_type": "client_credential",
            "appid": self.appid,
            "secret": secret,
            "force_refresh": False,
        }
        answer = self._send(path, Call(path), body=body, secret=secret)
        code, errmsg = _errcode(answer), redact(str(answer.get("errmsg", "")), secret)
        if code:
            raise refusal(code, errmsg, Call(path))
        token = answer.get("access_token")
        if not isinstance(token, str) or not token:
            raise _not_wechat(self.api_base, path, "access_token")
        try:
            expires_in = float(answer.get("expires_in", 7200))
        except (TypeError, ValueError):
            expires_in = 7200.0
        CACHE.put(key, token, expires_in, self._clock())
        log.info("new access token for AppID %s at %s", self.appid, self.api_base)
        return token

    # --- one call -------------------------------------------------------------------------

    def _call(
        self,
        path: str,
        call: Call,
        *,
        body: Mapping[str, Any] | None = None,
        params: Mapping[str, str] | None = None,
        files: Mapping[str, tuple[str, bytes, str]] | None = None,
        idempotent: bool = True,
    ) -> dict[str, Any]:
        """POST with the token; a stale token is replaced once and the call made again."""
        token = self._token()
        refetched = False
        while True:
            answer = self._send(
                path,
                call,
                body=body,
                params={**(params or {}), "access_token": token},
                files=files,
                idempotent=idempotent,
                token=token,
            )
            code = _errcode(answer)
            if code == 0:
                log.debug("%s: done", path)
                return answer
            errmsg = redact(str(answer.get("errmsg", "")), token)
            if code in TOKEN_CODES and not refetched:
                # Another holder may have rotated it (stable_token force_refresh, or the old
                # /cgi-bin/token): WeChat's normal mode hands out the current one.
                log.info("%s: WeChat refused the token (%d); fetching the current one", path, code)
                CACHE.drop((self.api_base, self.appid), token)
                token, refetched = self._token(), True
                continue
            log.warning("%s: WeChat refused (%d): %s", path, code, errmsg)
            raise refusal(code, errmsg, call)

    def _send(
        self,
        path: str,
        call: Call,
        *,
        body: Mapping[str, Any] | None = None,
        params: Mapping[str, str] | None = None,
        files: Mapping[str, tuple[str, bytes, str]] | None = None,
        idempotent: bool = True,
        token: str = "",
        secret: str = "",
    ) -> dict[str, Any]:
        """One request, tried again after a pause while the failure is passing; WeChat's answer
        as a dict (errcode included), or `WeChatRefused` once the tries are used up."""
        url = self.api_base + path
        content = None
        if body is not None:
            content = json.dumps(body, ensure_ascii=False).encode("utf-8")
        waited, tries = 0.0, 0
        while True:
            tries += 1
            outcome = self._attempt(url, path, call, content, params, files, idempotent)
            if isinstance(outcome, dict):
                code = _errcode(outcome)
                if code not in RETRIED_CODES:
                    return outcome
                errmsg = redact(str(outcome.get("errmsg", "")), token, secret)
                last: WeChatRefused = refusal(code, errmsg, call)
            else:
                last = outcome
            delay = BACKOFF[tries - 1] if tries <= len(BACKOFF) else None
            if not last.retry or delay is None or waited + delay > MAX_WAIT:
                raise last
            log.info("%s: try %d failed (%s); again in %.0f s", path, tries, last.code, delay)
            self._sleep(delay)
            waited += delay

    def _attempt(
        self,
        url: str,
        path: str,
        call: Call,
        content: bytes | None,
        params: Mapping[str, str] | None,
        files: Mapping[str, tuple[str, bytes, str]] | None,
        idempotent: bool,
    ) -> dict[str, Any] | WeChatRefused:
        """WeChat's answer, or the refusal a failed try would end in (`retry` says whether
        another try may help)."""
        host = urlsplit(url).netloc
        try:
            response = self._http.post(
                url,
                params=params,
                content=content,
                files=files,
                headers=JSON_HEADERS if content is not None else None,
            )
        except (httpx.ConnectError, httpx.ConnectTimeout) as error:
            # The request never left: safe to send again, whatever it was.
            return _no_connection(host, error)
        except httpx.TimeoutException:
            seconds = self._http.timeout.read or 0
            if not idempotent:
                return _answer_lost(
                    call.path, f"{seconds:g} 秒无应答", f"no answer in {seconds:g} s"
                )
            return WeChatRefused(
                0,
                f"{host} 在 {seconds:g} 秒内没有应答，重试几次仍然如此：请检查网络后再试。",
                f"{host} did not answer within {seconds:g} second{'' if seconds == 1 else 's'},"
                " several times: check the "
                "network and try again.",
                retry=True,
            )
        except httpx.TransportError as error:
            reason = _reason(error)
            if not idempotent:
                return _answer_lost(call.path, reason, reason)
            return WeChatRefused(
                0,
                f"与 {host} 的连接中断（{reason}），重试几次仍然如此：请检查网络后再试。",
                f"The connection to {host} broke ({reason}), several times: check the network "
                "and try again.",
                retry=True,
            )
        if response.status_code >= 500:
            if not idempotent:
                status = f"HTTP {response.status_code}"
                return _answer_lost(call.path, status, status)
            return WeChatRefused(
                0,
                f"{host} 出错（HTTP {response.status_code}），重试几次仍然如此：请稍后再试。",
                f"{host} failed (HTTP {response.status_code}), several times: try again later.",
                retry=True,
            )
        if response.status_code != 200:
            raise _not_wechat(self.api_base, path, f"HTTP {response.status_code}")
        try:
            answer = response.json()
        except ValueError:
            raise _not_wechat(self.api_base, path, "not JSON") from None
        if not isinstance(answer, dict):
            raise _not_wechat(self.api_base, path, "not a JSON object")
        return answer


def _article(article: DraftArticle) -> dict[str, Any]:
    fields = asdict(article)
    for crop in ("pic_crop_235_1", "pic_crop_1_1"):
        if not fields[crop]:
            del fields[crop]  # absent: WeChat crops the middle itself
    return fields


def _errcode(answer: Mapping[str, Any]) -> int:
    try:
        return int(answer.get("errcode") or 0)
    except (TypeError, ValueError):
        return 0


def _text(answer: Mapping[str, Any], key: str, path: str, api_base: str) -> str:
    value = answer.get(key)
    if value is None or value == "":
        raise _not_wechat(api_base, path, key)
    return str(value)


def _publish_state(answer: Mapping[str, Any]) -> PublishState:
    status = int(answer["publish_status"])
    detail = answer.get("article_detail") or {}
    items = [i for i in (detail.get("item") or []) if isinstance(i, dict)]
    # WeChat numbers articles from 1 (idx, fail_idx); accept 0-based answers too.
    by_idx = {int(item["idx"]): str(item.get("article_url", "")) for item in items if "idx" in item}
    first = 0 if 0 in by_idx else 1
    urls = [by_idx[i] for i in sorted(by_idx)] if by_idx else []
    if by_idx and sorted(by_idx) != list(range(first, first + len(by_idx))):
        log.warning("freepublish/get: article numbers with gaps: %s", sorted(by_idx))
    failed = [int(i) for i in (answer.get("fail_idx") or [])]
    base = 0 if 0 in failed else 1
    return PublishState(status, tuple(urls), tuple(i - base for i in failed))


def _reason(error: Exception) -> str:
    return redact(str(error)) or type(error).__name__


def _no_connection(host: str, error: Exception) -> WeChatRefused:
    reason = _reason(error)
    return WeChatRefused(
        0,
        f"连不上 {host}（{reason}），重试几次仍然如此：请检查网络和 API 地址后再试。",
        f"Cannot connect to {host} ({reason}), several times: check the network and the API "
        "base, then try again.",
        retry=True,
    )


def _answer_lost(path: str, reason_zh: str, reason_en: str) -> WeChatRefused:
    what_zh, what_en = describe(path)
    # retry=False: trying again blindly could make a second draft or publication.
    return WeChatRefused(
        0,
        f"{what_zh}的请求已发出，但没有收到微信的应答（{reason_zh}）：它可能已经完成。"
        "请先到公众平台的草稿箱和发表记录看一看，再决定是否重推。",
        f"The request for {what_en} was sent but WeChat's answer never came ({reason_en}): it "
        "may have been done. Look at the draft box and publication record on "
        "mp.weixin.qq.com before pushing again.",
    )


def _not_wechat(where: str, path: str, what: str) -> WeChatRefused:
    return WeChatRefused(
        0,
        f"{where} 对 {path} 的应答不像微信接口的应答（{what}）：请检查 API 地址（中转主机）设置。",
        f"The answer of {where} to {path} does not look like WeChat's ({what}): check the API "
        "base (relay host) setting.",
    )


def _implements(client: WeChatClient) -> WeChatApi:
    return client  # mypy checks here that the client keeps to the core's protocol
