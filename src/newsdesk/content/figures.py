"""Images (rules 15-16): embedded, never stretched, captioned, each in its own figure.

A local image (relative path or `file://`) is looked up through the caller's resolver (the
article's folder, or the store's media) and embedded as a data URI; a missing or unreadable one
leaves a visible placeholder in the preview and a warning that names it.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from urllib.parse import unquote, urlparse

from lxml.html import HtmlElement

from newsdesk.content.dom import PARSER, element, lift_out, remove
from newsdesk.content.links import AFTER_PICTURE
from newsdesk.content.markdown_html import join_lines
from newsdesk.content.themes import Theme

ImageResolver = Callable[[str], bytes | None]
_DATA_IMAGE = re.compile(r"^data:image/(png|jpeg|jpg|gif|webp);base64,[A-Za-z0-9+/=\s]+$", re.I)
_REMOTE = re.compile(r"^https?://", re.IGNORECASE)
_PIXELS = re.compile(r"^\s*(\d{1,5})(?:px)?\s*$")
_CONTAINERS = {"section", "blockquote", "div", "td", "th", "figure"}


def sniff_mime(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def data_uri(data: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def local_path(src: str) -> str:
    """The path an image reference names, without `file://` and percent-escapes."""
    if src.lower().startswith("file:"):
        return unquote(urlparse(src).path)
    return unquote(src)


class ImagePass:
    def __init__(self, theme: Theme, resolve: ImageResolver | None, warn: Callable[..., None]):
        self.theme = theme
        self.resolve = resolve
        self.warn = warn
        self.cache: dict[str, str | None] = {}

    def run(self, root: HtmlElement) -> None:
        for img in list(root.iter("img")):
            if img.getparent() is not None:
                self.place(img)
        for mark in root.iter("sup"):
            mark.attrib.pop(AFTER_PICTURE, None)  # a picture that could not take its number

    def _source(self, src: str) -> str | None:
        """A source WeChat can show, or None after warning why not."""
        if _REMOTE.match(src):
            return src
        if src.lower().startswith("data:"):
            if _DATA_IMAGE.match(src):
                return src
            self.warn(
                "image-bad-data",
                "图片数据不是可用的图片格式，已忽略",
                "an inline image is not a usable picture and was left out",
            )
            return None
        if src not in self.cache:
            path = local_path(src)
            data = self.resolve(path) if self.resolve else None
            mime = sniff_mime(data) if data else None
            if data is None:
                self.warn("image-missing", f"找不到图片：{path}", f"image not found: {path}", path)
            elif mime is None:
                self.warn(
                    "image-not-picture",
                    f"不是图片文件：{path}",
                    f"not a picture (jpg, png, gif, webp): {path}",
                    path,
                )
            self.cache[src] = data_uri(data, mime) if data and mime else None
        return self.cache[src]

    def place(self, img: HtmlElement) -> None:
        src = (img.get("src") or "").strip()
        # Hard-wrapping editors (and pandoc) break long alt texts and titles over lines.
        alt = " ".join(join_lines(img.get("alt") or "").split())
        title = " ".join(join_lines(img.get("title") or "").split())
        width = _PIXELS.match(img.get("width") or "")
        usable = self._source(src) if src else None
        if not src:
            self.warn(
                "image-no-source",
                "图片地址为空或不安全，已移除",
                "an image had no safe address and was left out",
            )
        if usable is None:
            if src and not src.lower().startswith("data:"):
                label = f"〔图片缺失：{local_path(src)}〕"
                placeholder = element("p", self.theme.style("missing-image"), label)
                placeholder.tail, img.tail = img.tail, None
                img.addnext(placeholder)
                self._lift(placeholder)
            remove(img)
            return
        img.attrib.clear()
        img.set("src", usable)
        if alt:
            img.set("alt", alt)
        style = self.theme.style("img")
        if width:
            style = f"{style};width:{width.group(1)}px"
        img.set("style", style)
        caption = title or alt
        link = _link_around(img)
        mark = _mark_after(img)
        figure = element("figure", self.theme.style("figure"))
        img.addprevious(figure)
        figure.tail, img.tail = img.tail, None
        if link is None:
            figure.append(img)
        else:  # a picture linking to a WeChat article stays a link once out of its paragraph
            anchor = PARSER.makeelement("a", dict(link.attrib))
            figure.append(anchor)
            anchor.append(img)
        if caption or mark is not None:
            figcaption = element("figcaption", self.theme.style("figcaption"), caption)
            if mark is not None:
                figcaption.append(mark)
            figure.append(figcaption)
        self._lift(figure)

    def _lift(self, block: HtmlElement) -> None:
        lift_out(block, _CONTAINERS)


def _link_around(img: HtmlElement) -> HtmlElement | None:
    for ancestor in img.iterancestors():
        if ancestor.tag in _CONTAINERS:
            return None
        if ancestor.tag == "a":
            return ancestor
    return None


def _mark_after(img: HtmlElement) -> HtmlElement | None:
    """The reference number of the link this picture alone made, taken out of the text."""
    mark = img.getnext()
    if mark is None or AFTER_PICTURE not in mark.attrib or (img.tail or "").strip():
        return None
    del mark.attrib[AFTER_PICTURE]
    img.tail = (img.tail or "") + (mark.tail or "")
    mark.tail = None  # the caption it moves into takes the element alone
    return mark
