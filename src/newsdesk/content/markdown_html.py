"""Markdown to raw HTML with markdown-it-py (CommonMark plus tables, strikethrough, footnotes).

CommonMark rather than Python-Markdown because reporters' files nest lists by two or three
spaces (Typora, doocs/md, the samples) and put code blocks inside list items; CommonMark
parses both as written. Two render rules carry WeChat decisions: a soft line break between
two Chinese characters disappears instead of becoming a space (rule 20), and a hard break is a
bare `<br>` with no newline after it (rule 3).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

# Han, kana, full-width forms, CJK punctuation and the general punctuation Chinese text uses
# (“ ” — …): no space is ever wanted between these across a line break.
CJK = re.compile(
    r"[\u2010-\u2027\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)


def _edge_char(children: Sequence[Token], idx: int, step: int) -> str:
    i = idx + step
    while 0 <= i < len(children):
        token = children[i]
        if token.type in {"text", "code_inline"} and token.content:
            return token.content[-1] if step < 0 else token.content[0]
        if token.type in {"softbreak", "hardbreak", "image", "html_inline"}:
            return ""
        i += step
    return ""


def _softbreak(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    before, after = _edge_char(tokens, idx, -1), _edge_char(tokens, idx, 1)
    if before and after and CJK.match(before) and CJK.match(after):
        return ""
    return " "


def _hardbreak(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return "<br>"


def _any_link(url: str) -> bool:
    return True


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "typographer": False})
    md.enable(["table", "strikethrough"])
    # Let every URL through to the sanitiser, which drops unsafe schemes, so a `javascript:`
    # link loses its URL instead of being printed back as literal Markdown text.
    md.validateLink = _any_link  # type: ignore[method-assign]
    md.use(footnote_plugin)
    md.add_render_rule("softbreak", _softbreak)
    md.add_render_rule("hardbreak", _hardbreak)
    return md


def to_html(markdown: str) -> str:
    return str(parser().render(markdown))
