"""A stand-in for the 公众号 API (docs/wechat-api.md), served over real HTTP on 127.0.0.1.

It behaves as WeChat does where it matters to a client: errors as HTTP 200 bodies with
`errcode` and a `rid`, success bodies often without `errcode`, tokens from `stable_token` that
another holder can rotate, uploads only as multipart `media`, picture URLs on
`http://mmbiz.qpic.cn`, WeChat's limits on drafts, foreign `<img>` filtered out of drafts, a
draft gone once published or deleted, a publication that stays "publishing" for a while.
It is stricter than WeChat where a client bug would otherwise pass unseen: `\\u`-escaped
characters in a JSON body are refused (WeChat stores them literally) and `data:` pictures too.

Tests steer it (faults on the next matching call, rotation, whitelist, account state) and read
what it received (`requests`, raw bytes included).

    def test_push(wechat_server):
        client = WeChatClient(wechat_server.appid, lambda: wechat_server.secret,
                              api_base=wechat_server.base)
        wechat_server.fail_next("/cgi-bin/draft/add", 45009)
        ...
        assert wechat_server.calls("/cgi-bin/draft/add")[0].json["articles"][0]["title"] == "…"
"""

from __future__ import annotations

import contextlib
import json
import re
import secrets
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

APPID = "wx5e1d0c8a7b6f4e3d"
SECRET = "0f9e8d7c6b5a49382716a5b4c3d2e1f0"  # the shape of an AppSecret, not a real one

BODY_PICTURE_LIMIT = 1024 * 1024
MATERIAL_LIMIT = 10 * 1024 * 1024
IMAGE_HOSTS = ("mmbiz.qpic.cn", "mmbiz.qlogo.cn")
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
# A \uXXXX escape (not an escaped backslash followed by "u") for a non-ASCII character.
_ESCAPE = re.compile(rb"(?<!\\)(?:\\\\)*\\u([0-9a-fA-F]{4})")
_CROP = re.compile(
    r"^(?:0(?:\.\d{1,6})?|1(?:\.0{1,6})?)(?:_(?:0(?:\.\d{1,6})?|1(?:\.0{1,6})?)){3}$"
)


@dataclass
class Upload:
    filename: str
    content_type: str
    data: bytes


@dataclass
class Seen:
    """One request as the stand-in received it."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # names in lower case
    raw: bytes
    json: Any = None
    files: dict[str, Upload] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)
    answer: Any = None  # the JSON answered, or "drop" / "offline" / an HTTP status
    escaped: bool = False  # the raw JSON had \\uXXXX escapes for non-ASCII characters


@dataclass
class Fault:
    path: str  # "*" for any call
    kind: str  # errcode | drop | slow | offline | http
    errcode: int = 0
    errmsg: str = ""
    seconds: float = 0.0
    status: int = 0


@dataclass
class Publication:
    media_id: str
    polls_left: int
    outcome: int
    fail_idx: list[int]
    article_urls: list[str] = field(default_factory=list)


class _Refusal(Exception):
    def __init__(self, errcode: int, errmsg: str) -> None:
        super().__init__(errcode, errmsg)
        self.errcode, self.errmsg = errcode, errmsg


def _rid() -> str:
    return "-".join(secrets.token_hex(4) for _ in range(3))


def _sniff(data: bytes) -> str:
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if data.startswith(b"BM"):
        return "bmp"
    return ""


class WeChatStandIn:
    """One 公众号 with its API. `start()` serves it; `base` is the API base to give a client."""

    def __init__(self, appid: str = APPID, secret: str = SECRET) -> None:
        self.appid, self.secret = appid, secret
        self.lock = threading.RLock()
        self.requests: list[Seen] = []
        self.faults: list[Fault] = []
        # account state, set by tests
        self.refuse_ip: str | None = None  # the IP WeChat sees, when it is not whitelisted
        self.verified = True  # may publish through the API (48001 otherwise)
        self.comments_allowed = True  # need_open_comment permitted (88000 otherwise)
        self.refuse_foreign_images = False  # 45166 instead of WeChat's silent filtering
        self.publish_polls = 1  # freepublish/get answers "publishing" this many times first
        self.publish_outcome = 0  # then: 0 published, 2..6 the failure statuses
        self.publish_fail_idx: list[int] = []  # 1-based, for outcomes 2 and 4
        self.expires_in = 7200
        # what WeChat holds
        self.token = ""
        self.old_tokens: set[str] = set()
        self.expired_tokens: set[str] = set()
        self.tokens_issued = 0
        self.force_refreshes = 0
        self.images: dict[str, Upload] = {}  # body pictures by URL
        self.materials: dict[str, Upload] = {}  # permanent material by media_id
        self.drafts: dict[str, list[dict[str, Any]]] = {}
        self.publications: dict[str, Publication] = {}
        self.filtered_images: list[str] = []  # <img> src WeChat would have dropped silently
        self.escaped_bodies: list[str] = []  # paths whose JSON carried \\u escapes
        self._server: ThreadingHTTPServer | None = None
        self._port = 0
        self._stopping = threading.Event()

    # --- serving --------------------------------------------------------------------------

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    def start(self) -> WeChatStandIn:
        server = ThreadingHTTPServer(("127.0.0.1", self._port), _Handler)
        server.daemon_threads = True
        server.block_on_close = False
        server.standin = self  # type: ignore[attr-defined]
        self._port = server.server_address[1]
        self._server = server
        threading.Thread(
            target=server.serve_forever, args=(0.02,), name="wechat-standin", daemon=True
        ).start()
        return self

    def offline(self) -> None:
        """Stop listening: every connection is refused until `online()`."""
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()

    def online(self) -> None:
        if self._server is None:
            self.start()  # the same port: SO_REUSEADDR is set by HTTPServer

    def stop(self) -> None:
        self._stopping.set()  # releases slow answers
        self.offline()

    # --- steering -------------------------------------------------------------------------

    def fail_next(self, path: str, errcode: int, errmsg: str = "", times: int = 1) -> None:
        """Answer the next `times` calls to `path` with `errcode` (and a rid)."""
        self.faults += [Fault(path, "errcode", errcode, errmsg)] * times

    def drop_next(self, path: str, times: int = 1) -> None:
        """Read the next request to `path`, then close the connection without an answer."""
        self.faults += [Fault(path, "drop")] * times

    def slow_next(self, path: str, seconds: float) -> None:
        """Do the next call to `path`, but answer only after `seconds` (beyond a timeout)."""
        self.faults.append(Fault(path, "slow", seconds=seconds))

    def http_error_next(self, path: str, status: int = 502, times: int = 1) -> None:
        self.faults += [Fault(path, "http", status=status)] * times

    def offline_at(self, path: str) -> None:
        """At the next call to `path`: drop it and stop listening (the network went away)."""
        self.faults.append(Fault(path, "offline"))

    def rotate_token(self) -> None:
        """Another holder got a new token: the current one answers 40001 from now on."""
        with self.lock:
            if self.token:
                self.old_tokens.add(self.token)
            self.token = ""

    def expire_token(self) -> None:
        """The current token outlived `expires_in`: it answers 42001 from now on."""
        with self.lock:
            if self.token:
                self.expired_tokens.add(self.token)
            self.token = ""

    def delete_draft(self, media_id: str) -> None:
        """Someone deleted the draft in the web editor."""
        with self.lock:
            self.drafts.pop(media_id, None)

    def calls(self, path: str) -> list[Seen]:
        with self.lock:
            return [seen for seen in self.requests if seen.path == path]

    @property
    def paths(self) -> list[str]:
        with self.lock:
            return [seen.path for seen in self.requests]

    # --- one request ----------------------------------------------------------------------

    def _fault_for(self, path: str) -> Fault | None:
        with self.lock:
            for index, fault in enumerate(self.faults):
                if fault.path in (path, "*"):
                    return self.faults.pop(index)
        return None

    def _handle(self, handler: _Handler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        parts = urlsplit(handler.path)
        seen = Seen(
            handler.command,
            parts.path,
            dict(parse_qsl(parts.query)),
            {k.lower(): v for k, v in handler.headers.items()},
            raw,
        )
        _parse_body(seen)
        with self.lock:
            self.requests.append(seen)
        fault = self._fault_for(seen.path)
        if fault is not None and fault.kind in ("drop", "offline"):
            seen.answer = fault.kind
            handler.close_connection = True
            if fault.kind == "offline":
                self.offline()  # before the drop: the client's next try must be refused
            _close(handler.connection)
            return
        if fault is not None and fault.kind == "http":
            seen.answer = fault.status
            _send(handler, fault.status, b"<html>Bad Gateway</html>", "text/html")
            return
        if fault is not None and fault.kind == "errcode":
            answer: Any = {
                "errcode": fault.errcode,
                "errmsg": f"{fault.errmsg or 'fault'} rid: {_rid()}",
            }
        else:
            answer = self._answer(seen)
        seen.answer = answer
        if answer is None:
            _send(handler, 404, b"<html>404 Not Found</html>", "text/html")
            return
        if fault is not None and fault.kind == "slow" and self._stopping.wait(fault.seconds):
            return
        body = json.dumps(answer, ensure_ascii=False).encode("utf-8")
        _send(handler, 200, body, "application/json; encoding=utf-8")

    def _answer(self, seen: Seen) -> Any:
        routes = {
            "/cgi-bin/stable_token": self._stable_token,
            "/cgi-bin/token": self._old_token,
            "/cgi-bin/media/uploadimg": self._uploadimg,
            "/cgi-bin/material/add_material": self._add_material,
            "/cgi-bin/draft/add": self._draft_add,
            "/cgi-bin/draft/update": self._draft_update,
            "/cgi-bin/draft/get": self._draft_get,
            "/cgi-bin/draft/delete": self._draft_delete,
            "/cgi-bin/freepublish/submit": self._submit,
            "/cgi-bin/freepublish/get": self._publish_get,
        }
        route = routes.get(seen.path)
        if route is None:
            return None
        try:
            with self.lock:
                if self.refuse_ip is not None:
                    ip = self.refuse_ip
                    raise _Refusal(40164, f"invalid ip {ip} ipv6 ::ffff:{ip}, not in whitelist")
                if seen.path not in ("/cgi-bin/stable_token", "/cgi-bin/token"):
                    self._check_token(seen.query.get("access_token", ""))
                if seen.escaped:
                    self.escaped_bodies.append(seen.path)
                    raise _Refusal(
                        44003, "stand-in: \\u-escaped characters (WeChat stores them as is)"
                    )
                return route(seen)
        except _Refusal as refusal:
            return {"errcode": refusal.errcode, "errmsg": f"{refusal.errmsg} rid: {_rid()}"}

    # --- tokens ---------------------------------------------------------------------------

    def _mint(self) -> str:
        self.token = "standin-" + secrets.token_urlsafe(48)
        self.tokens_issued += 1
        return self.token

    def _stable_token(self, seen: Seen) -> dict[str, Any]:
        body = _json_object(seen)
        if body.get("grant_type") != "client_credential":
            raise _Refusal(40002, "invalid grant_type")
        if not body.get("appid"):
            raise _Refusal(41002, "appid missing")
        if body["appid"] != self.appid:
            raise _Refusal(40013, "invalid appid")
        if not body.get("secret"):
            raise _Refusal(41004, "appsecret missing")
        if body["secret"] != self.secret:
            raise _Refusal(40125, "invalid appsecret, view more at http://t.cn/RAEkdVq")
        if body.get("force_refresh"):
            self.force_refreshes += 1
            self.rotate_token()
        return {"access_token": self.token or self._mint(), "expires_in": self.expires_in}

    def _old_token(self, seen: Seen) -> dict[str, Any]:
        # /cgi-bin/token: each call replaces the token, knocking out every other holder.
        if seen.query.get("appid") != self.appid or seen.query.get("secret") != self.secret:
            raise _Refusal(40125, "invalid appsecret")
        self.rotate_token()
        return {"access_token": self._mint(), "expires_in": self.expires_in}

    def _check_token(self, token: str) -> None:
        if not token:
            raise _Refusal(41001, "access_token missing")
        if token in self.expired_tokens:
            raise _Refusal(42001, "access_token expired")
        if token != self.token:
            raise _Refusal(40001, "invalid credential, access_token is invalid or not latest")

    # --- pictures -------------------------------------------------------------------------

    def _media(self, seen: Seen, kinds: tuple[str, ...], limit: int) -> tuple[Upload, str]:
        upload = seen.files.get("media")
        if upload is None:
            raise _Refusal(41005, "media data missing")
        kind = _sniff(upload.data)
        extension = upload.filename.rsplit(".", 1)[-1].lower() if "." in upload.filename else ""
        if kind not in kinds or extension not in {kind, "jpg" if kind == "jpeg" else kind}:
            raise _Refusal(40005, "invalid file type")
        if len(upload.data) > limit:
            raise _Refusal(40009, "invalid image size")
        return upload, kind

    def _uploadimg(self, seen: Seen) -> dict[str, Any]:
        upload, kind = self._media(seen, ("jpeg", "png"), BODY_PICTURE_LIMIT)
        url = f"http://mmbiz.qpic.cn/mmbiz_{kind[:3]}/{secrets.token_urlsafe(24)}/0"
        self.images[url] = upload
        return {"url": url}

    def _add_material(self, seen: Seen) -> dict[str, Any]:
        if seen.query.get("type") != "image":
            raise _Refusal(40004, "invalid media type")
        upload, kind = self._media(seen, ("jpeg", "png", "gif", "bmp"), MATERIAL_LIMIT)
        media_id = secrets.token_urlsafe(32)
        self.materials[media_id] = upload
        url = f"http://mmbiz.qpic.cn/mmbiz_{kind[:3]}/{secrets.token_urlsafe(24)}/0?wx_fmt={kind}"
        return {"media_id": media_id, "url": url, "item": []}

    # --- drafts ---------------------------------------------------------------------------

    def _article(self, article: Any) -> dict[str, Any]:
        if not isinstance(article, dict):
            raise _Refusal(47001, "data format error hint: article is not an object")
        title, content = str(article.get("title") or ""), str(article.get("content") or "")
        if not title:
            raise _Refusal(44003, "empty news data hint: title")
        if len(title) > 32:
            raise _Refusal(45003, "title size out of limit")
        if len(str(article.get("author") or "")) > 16:
            raise _Refusal(45110, "author size out of limit")
        if len(str(article.get("digest") or "")) > 128:
            raise _Refusal(45004, "description size out of limit")
        if not content:
            raise _Refusal(44003, "empty news data hint: content")
        if len(content) >= 20_000 or len(content.encode("utf-8")) >= 1_000_000:
            raise _Refusal(45002, "content size out of limit")
        if str(article.get("thumb_media_id") or "") not in self.materials:
            raise _Refusal(40007, "invalid media_id")
        if article.get("need_open_comment") and not self.comments_allowed:
            raise _Refusal(88000, "without comment privilege")
        for crop in ("pic_crop_235_1", "pic_crop_1_1"):
            if crop in article and not _CROP.match(str(article[crop])):
                raise _Refusal(47001, f"data format error hint: {crop}")
        return {**article, "content": self._filter_images(content)}

    def _filter_images(self, content: str) -> str:
        def keep(tag: re.Match[str]) -> str:
            found = _SRC.search(tag.group(0))
            src = next((g for g in found.groups() if g is not None), "") if found else ""
            if src.lower().startswith("data:"):
                raise _Refusal(45166, "invalid content hint: data: image")
            if urlsplit(src).hostname in IMAGE_HOSTS:
                return tag.group(0)
            self.filtered_images.append(src)
            if self.refuse_foreign_images:
                raise _Refusal(45166, f"invalid content hint: img {src}")
            return ""  # what WeChat does: the picture silently disappears

        return _IMG.sub(keep, content)

    def _draft_add(self, seen: Seen) -> dict[str, Any]:
        articles = _json_object(seen).get("articles")
        if not isinstance(articles, list) or not articles:
            raise _Refusal(44003, "empty news data")
        if len(articles) > 8:
            raise _Refusal(45008, "article size out of limit")
        stored = [self._article(a) for a in articles]
        media_id = secrets.token_urlsafe(32)
        self.drafts[media_id] = stored
        return {"media_id": media_id}

    def _draft_update(self, seen: Seen) -> dict[str, Any]:
        body = _json_object(seen)
        draft = self.drafts.get(str(body.get("media_id")))
        if draft is None:
            raise _Refusal(40007, "invalid media_id")
        index = body.get("index")
        if not isinstance(index, int) or not 0 <= index < len(draft):
            raise _Refusal(47001, "data format error hint: index")
        draft[index] = self._article(body.get("articles"))
        return {"errcode": 0, "errmsg": "ok"}

    def _draft_get(self, seen: Seen) -> dict[str, Any]:
        draft = self.drafts.get(str(_json_object(seen).get("media_id")))
        if draft is None:
            raise _Refusal(40007, "invalid media_id")
        items = [
            {
                **article,
                "url": f"https://mp.weixin.qq.com/s?__biz=MzA&tempkey={secrets.token_urlsafe(16)}",
            }
            for article in draft
        ]
        return {"news_item": items, "create_time": 1742263200, "update_time": 1742263200}

    def _draft_delete(self, seen: Seen) -> dict[str, Any]:
        if self.drafts.pop(str(_json_object(seen).get("media_id")), None) is None:
            raise _Refusal(40007, "invalid media_id")
        return {"errcode": 0, "errmsg": "ok"}

    # --- publishing -----------------------------------------------------------------------

    def _submit(self, seen: Seen) -> dict[str, Any]:
        media_id = str(_json_object(seen).get("media_id"))
        if not self.verified:
            raise _Refusal(48001, "api unauthorized")
        if media_id not in self.drafts:
            raise _Refusal(40007, "invalid media_id")
        publish_id = str(2247483000 + len(self.publications) + 1)
        self.publications[publish_id] = Publication(
            media_id, self.publish_polls, self.publish_outcome, list(self.publish_fail_idx)
        )
        return {"errcode": 0, "errmsg": "ok", "publish_id": publish_id, "msg_data_id": 2247483001}

    def _publish_get(self, seen: Seen) -> dict[str, Any]:
        publish_id = str(_json_object(seen).get("publish_id"))
        publication = self.publications.get(publish_id)
        if publication is None:
            raise _Refusal(40007, "invalid publish_id")
        if publication.polls_left > 0:
            publication.polls_left -= 1
            return {"publish_id": publish_id, "publish_status": 1}
        answer: dict[str, Any] = {"publish_id": publish_id, "publish_status": publication.outcome}
        if publication.outcome == 0:
            if not publication.article_urls:
                count = len(self.drafts.pop(publication.media_id, []))  # gone from the box
                publication.article_urls = [
                    f"https://mp.weixin.qq.com/s/{secrets.token_urlsafe(16)}" for _ in range(count)
                ]
            answer["article_id"] = "a" + publish_id
            answer["article_detail"] = {
                "count": len(publication.article_urls),
                "item": [
                    {"idx": i + 1, "article_url": url}
                    for i, url in enumerate(publication.article_urls)
                ],
            }
        answer["fail_idx"] = publication.fail_idx if publication.outcome in (2, 4) else []
        return answer


def _json_object(seen: Seen) -> dict[str, Any]:
    if not isinstance(seen.json, dict):
        raise _Refusal(47001, "data format error")
    return seen.json


def _parse_body(seen: Seen) -> None:
    kind = seen.headers.get("content-type", "")
    if kind.startswith("multipart/form-data"):
        message = BytesParser(policy=policy.HTTP).parsebytes(
            b"Content-Type: " + kind.encode("latin-1") + b"\r\n\r\n" + seen.raw
        )
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            if not isinstance(name, str) or not isinstance(payload, bytes):
                continue
            filename = part.get_filename()
            if filename is None:
                seen.fields[name] = payload.decode("utf-8", "replace")
            else:
                seen.files[name] = Upload(filename, part.get_content_type(), payload)
        return
    if not seen.raw:
        return
    seen.escaped = any(int(e.group(1), 16) > 0x7F for e in _ESCAPE.finditer(seen.raw))
    try:
        seen.json = json.loads(seen.raw.decode("utf-8"))
    except ValueError:
        seen.json = None


class _Handler(BaseHTTPRequestHandler):
    server_version = "standin"

    def do_POST(self) -> None:
        standin: WeChatStandIn = self.server.standin  # type: ignore[attr-defined]
        # A client that gave up (a slow answer past its timeout) has closed its end.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            standin._handle(self)

    do_GET = do_POST

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _send(handler: BaseHTTPRequestHandler, status: int, body: bytes, kind: str) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", kind)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def _close(connection: socket.socket) -> None:
    with contextlib.suppress(OSError):
        connection.shutdown(socket.SHUT_RDWR)


@pytest.fixture
def wechat_server() -> Iterator[WeChatStandIn]:
    """A fresh stand-in 公众号 served on a free loopback port; tokens cached by earlier tests for
    a server on the same port are forgotten first."""
    from newsdesk.wechat import forget_tokens

    forget_tokens()
    server = WeChatStandIn().start()
    yield server
    server.stop()
    forget_tokens()
