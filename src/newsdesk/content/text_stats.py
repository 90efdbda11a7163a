"""Counting what a reader sees, the way WeChat and Chinese editors count it."""

from __future__ import annotations

import re
from functools import lru_cache

_LATIN_WORD = re.compile(r"[A-Za-z0-9]+(?:[-'.][A-Za-z0-9]+)*")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=4)
def visible_text(markdown: str) -> str:
    """The body's text without Markdown or HTML markup. The last few are kept: the preview's
    字数 and the length check ask for the same text one after the other."""
    # The renderer loads with the first count, not with the store: a command that only reads
    # settings (`proofread`) never needs it.
    from lxml import html as lxml_html

    from newsdesk.content import markdown_html

    html = markdown_html.to_html(markdown)
    if not html.strip():
        return ""
    return str(lxml_html.fragment_fromstring(html, create_parent="div").text_content())


def visible_length(markdown: str) -> int:
    """Characters a reader sees, whitespace excluded (what WeChat's counter shows)."""
    return sum(1 for ch in visible_text(markdown) if not ch.isspace())


def word_count(markdown: str) -> int:
    """字数: each Chinese character counts one, each Latin word or number one."""
    text = visible_text(markdown)
    return len(_HAN.findall(text)) + len(_LATIN_WORD.findall(text))
