"""Code blocks the way WeChat keeps them (rule 13): Pygments colours as inline `color` on spans,
tabs as four spaces, every space `&nbsp;`, every line break `<br>`, and no bare whitespace
between spans (WeChat turns it into gaps or eats it)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from lxml.html import HtmlElement

from newsdesk.content.dom import element
from newsdesk.content.themes import Theme

if TYPE_CHECKING:  # Pygments itself loads with the first code block
    from pygments.lexer import Lexer
    from pygments.style import StyleMeta
    from pygments.token import _TokenType

NBSP = "\xa0"


@lru_cache(maxsize=64)
def _lexer(language: str) -> Lexer:
    from pygments.lexers import get_lexer_by_name
    from pygments.lexers.special import TextLexer
    from pygments.util import ClassNotFound

    if language:
        try:
            return get_lexer_by_name(language, stripnl=False, ensurenl=False)
        except ClassNotFound:
            pass
    return TextLexer(stripnl=False, ensurenl=False)


@lru_cache(maxsize=8)
def _style(name: str) -> StyleMeta:
    from pygments.styles import get_style_by_name
    from pygments.util import ClassNotFound

    try:
        return get_style_by_name(name)
    except ClassNotFound:
        return get_style_by_name("friendly")


@lru_cache(maxsize=2048)
def _css(style_name: str, ttype: _TokenType) -> str:
    spec = _style(style_name).style_for_token(ttype)
    parts = []
    color = spec.get("color")
    if color and color.lower() not in {"000000", "000"}:  # pure black is dropped by WeChat
        parts.append(f"color:#{color}")
    if spec.get("bold"):
        parts.append("font-weight:bold")
    if spec.get("italic"):
        parts.append("font-style:italic")
    return ";".join(parts)


def _language(code: HtmlElement | None) -> str:
    if code is None:
        return ""
    for cls in (code.get("class") or "").split():
        if cls.startswith("language-"):
            return cls.removeprefix("language-").lower()
    return ""


def highlight(pre: HtmlElement, theme: Theme) -> None:
    """Rebuild `pre` in place as styled spans and line breaks."""
    code = pre.find("code")
    source = str(pre.text_content()).replace("\r\n", "\n").replace("\t", "    ").rstrip("\n")
    language = _language(code)
    out = element("code", theme.style("pre code"))
    last: HtmlElement | None = None  # the span the next text may join, None at line start
    pending = ""  # leading spaces of a line, joined to the first real token of the line
    for ttype, value in _lexer(language).get_tokens(source):
        for i, segment in enumerate(value.split("\n")):
            if i:
                if pending and last is None:
                    out.append(element("span", "", pending))  # a line of spaces only
                out.append(element("br"))
                last, pending = None, ""
            if not segment:
                continue
            text = segment.replace(" ", NBSP)
            css = _css(theme.code_style, ttype)
            if not segment.strip():
                if last is None:
                    pending += text
                else:
                    last.text = (last.text or "") + text
                continue
            if last is not None and last.get("style", "") == css:
                last.text = (last.text or "") + text
            else:
                last = element("span", css, pending + text)
                out.append(last)
            pending = ""
    if pending:
        out.append(element("span", "", pending))
    for child in list(pre):
        pre.remove(child)
    pre.text = None
    pre.attrib.clear()
    pre.set("style", theme.style("pre"))
    pre.append(out)
