"""The allow-list every rendered fragment passes through before the WeChat tree pass.

Raw HTML in the Markdown source is never trusted: whatever the allow-list does not name is
dropped (tags unwrapped, attributes removed; scripts, styles, frames and forms with their
content). The only classes and ids kept are the ones our own Markdown renderer writes, which the
tree pass reads and then removes; the only inline style kept is text alignment.
"""

from __future__ import annotations

import re
from functools import lru_cache

import nh3

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "del", "div", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "mark", "ol", "p", "pre", "q", "s", "samp", "section", "small", "span", "strike",
    "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
DROP_WITH_CONTENT = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript",
    "template", "svg", "math", "select", "textarea", "button", "head", "title", "noembed",
}  # fmt: skip
ATTRIBUTES = {
    "*": {"class", "id", "style", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "th": {"colspan", "rowspan", "align"},
    "td": {"colspan", "rowspan", "align"},
}
_OUR_CLASS = re.compile(
    r"^(footnote-ref|footnotes|footnotes-sep|footnote-item|footnote-backref|language-[\w+#.-]{1,40})$"
)
_OUR_ID = re.compile(r"^fn(ref)?\d+(:\d+)?$")


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "class":
        kept = [c for c in value.split() if _OUR_CLASS.match(c)]
        return " ".join(kept) or None
    if attribute == "id":
        return value if _OUR_ID.match(value) else None
    return value


@lru_cache(maxsize=1)
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=TAGS,
        clean_content_tags=DROP_WITH_CONTENT,
        attributes=ATTRIBUTES,
        attribute_filter=_filter,
        filter_style_properties={"text-align"},
        url_schemes={"http", "https", "mailto", "data", "file"},
        link_rel=None,
        strip_comments=True,
    )


def sanitise(html: str) -> str:
    return str(_cleaner().clean(html))
