"""The allow-list every rendered fragment passes through before the WeChat tree pass.

Raw HTML in the Markdown source is never trusted: whatever the allow-list does not name is
dropped (tags unwrapped, attributes removed; scripts, styles, frames and forms with their
content). The only classes and ids kept are the ones our own Markdown renderer writes, which the
tree pass reads and then removes; the only inline style kept is text alignment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import nh3
from markdown_it.common.utils import MD_TRIM_RE, mdTrim, unescapeAll
from markdown_it.token import Token

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


# URLs the allow-list keeps as they are: no scheme (relative, an anchor), or an http(s) address
# whose host and port any URL parser accepts, mailto and data. Others may be dropped (an unknown
# scheme, a host with a space, a port past 65535, an invalid xn-- label): the sanitiser decides.
# A host's last label starts with a letter: one of digits (or 0x...) makes it an IPv4 address,
# which fails past 255.
_LABEL = r"(?![Xx][Nn]--)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_PLAIN_URL = re.compile(
    rf"[^:]*|https?://(?:{_LABEL}\.)*(?=[A-Za-z]){_LABEL}(?::[0-9]{{1,4}})?(?:[/?#]\S*)?"
    r"|(?:mailto|data):\S*"
)
_MARKUP = re.compile("[<&]")
_LINKS = {"link_open": "href", "image": "src"}


def needs_cleaning(tokens: Iterable[Token]) -> bool:
    """Whether the allow-list could change markdown-it's HTML of these tokens in a way the tree
    passes see. Without raw HTML, markdown-it writes only allowed tags, and the classes the
    passes remove; what remains is a URL with an unsafe or unparsable scheme, a code block's
    language class and a link inside a link (an autolink in a link's text), which the HTML
    parser would split."""
    for token in tokens:
        if token.type in ("html_block", "html_inline") and _MARKUP.search(token.content):
            return True
        if token.type == "fence" and token.info:
            info = mdTrim(unescapeAll(token.info))  # as markdown-it names the language
            if info and not _OUR_CLASS.match("language-" + MD_TRIM_RE.split(info, maxsplit=1)[0]):
                return True
        if token.children and _inline_needs_cleaning(token.children):
            return True
    return False


def _inline_needs_cleaning(children: list[Token]) -> bool:
    depth = 0
    for child in children:
        kind = child.type
        if kind == "html_inline" and _MARKUP.search(child.content):
            return True
        if kind in _LINKS:
            url = child.attrGet(_LINKS[kind])
            if not _PLAIN_URL.fullmatch(str(url or "")):
                return True
            if kind == "link_open":
                depth += 1
                if depth > 1:
                    return True
        elif kind == "link_close":
            depth -= 1
        if child.children and _inline_needs_cleaning(child.children):
            return True  # an image's alt text
    return False


def sanitise(html: str, tokens: Iterable[Token] | None = None) -> str:
    """The allow-listed `html`. Given the markdown-it tokens it was rendered from, the
    allow-list runs only when `needs_cleaning` says it could change something."""
    if tokens is not None and not needs_cleaning(tokens):
        return html
    return str(_cleaner().clean(html))
