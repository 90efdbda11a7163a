"""What every WeChat fragment must be (docs/wechat-html.md rules 1-5), as a reusable assertion."""

from __future__ import annotations

import re

from lxml import html as lxml_html
from lxml.html import HtmlElement

BLOCK = {"section", "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table",
         "figure", "figcaption", "hr", "thead", "tbody", "tr", "th", "td"}  # fmt: skip
MUST_BE_STYLED = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "th", "td",
                  "img", "pre", "figcaption"}  # fmt: skip
FORBIDDEN_TAGS = {"script", "style", "link", "iframe", "object", "embed", "form", "input",
                  "button", "textarea", "select", "ul", "ol", "li", "meta"}  # fmt: skip
BLACK = re.compile(r"(?<![-\w])color\s*:\s*(#000\b|#000000\b|black\b)", re.IGNORECASE)


def parse(fragment: str) -> HtmlElement:
    root: HtmlElement = lxml_html.fragment_fromstring(fragment)
    return root


def assert_wechat_ready(fragment: str) -> HtmlElement:
    """Rules 1-5 on any fragment; returns the parsed root for further checks."""
    assert fragment.startswith("<section") and fragment.endswith("</section>"), fragment[:80]
    root = parse(fragment)  # raises if there is more than one root element
    assert root.tag == "section"
    base = root.get("style", "")
    for prop in ("font-size", "line-height", "color", "letter-spacing", "text-align", "word-break"):
        assert prop + ":" in base.replace(" ", ""), prop
    assert not BLACK.search(fragment), BLACK.search(fragment)
    for el in root.iter():
        if not isinstance(el.tag, str):
            raise AssertionError(f"comment or processing instruction: {el!r}")
        assert el.tag not in FORBIDDEN_TAGS, el.tag
        for attribute, value in el.attrib.items():
            assert attribute in {"style", "href", "src", "alt"}, (el.tag, attribute)
            squeezed = "".join(value.split()).lower()
            assert "javascript:" not in squeezed and "vbscript:" not in squeezed, value
            if attribute == "style":
                for bad in ("var(", "@media", "position:fixed", "position:absolute", "url("):
                    assert bad not in squeezed, value
        if el.tag in MUST_BE_STYLED:
            assert el.get("style"), f"<{el.tag}> without style"
        if el.tag == "a":
            assert el.get("href", "").startswith("https://mp.weixin.qq.com/"), el.get("href")
        if el.tag == "img":
            assert el.get("src", "").startswith(("data:image/", "https://", "http://"))
        if el.tag in {"p", "h1", "h2", "h3", "h4", "h5", "h6"}:
            assert (el.text_content() or "").strip() or len(el), "empty paragraph"
        # rule 3: no whitespace-only text next to a block element
        if el.tag in BLOCK and el.tag != "pre":
            if el.text is not None and len(el) and el[0].tag in BLOCK:
                assert el.text.strip(" \n\t\r"), f"whitespace inside <{el.tag}>"
            if el.tail is not None and el.getparent() is not None:
                assert el.tail.strip(" \n\t\r"), f"whitespace after <{el.tag}>"
        if el.text and el.tag != "pre" and not any(a.tag == "pre" for a in el.iterancestors()):
            assert "\n" not in el.text, (el.tag, el.text)
        if el.tail and not any(a.tag == "pre" for a in el.iterancestors()):
            assert "\n" not in el.tail, (el.tag, el.tail)
    return root


def text(fragment: str) -> str:
    return str(parse(fragment).text_content())
