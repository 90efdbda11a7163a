"""Small lxml helpers the WeChat tree passes share."""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html
from lxml.html import HtmlElement

BLOCK = frozenset(
    [
        "section",
        "div",
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "ul",
        "ol",
        "li",
        "figure",
        "figcaption",
        "hr",
        "caption",
    ]
)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _fast_parser() -> etree.HTMLParser:
    # lxml.html picks each element's class in Python (form, input, label... classes that the
    # sanitised fragment never holds): one class for all, chosen in C, parses and walks faster.
    parser = etree.HTMLParser()
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(element=HtmlElement))
    return parser


PARSER = _fast_parser()


def parse_fragment(html: str) -> HtmlElement:
    """The fragment under one <section>, as lxml.html's fragment_fromstring gives it (whose
    parent would come from lxml.html's own parser, and with it the lookup in Python)."""
    parts = lxml_html.fragments_fromstring(html, parser=PARSER, no_leading_text=False)
    root: HtmlElement = PARSER.makeelement("section")
    if parts and isinstance(parts[0], str):
        root.text = parts.pop(0)
    root.extend(parts)
    return root


def xml_safe(text: str) -> str:
    """Without the control characters lxml (and the WeChat editor) cannot hold."""
    return _NOT_XML.sub("", text)


def element(tag: str, style: str = "", text: str | None = None) -> HtmlElement:
    el: HtmlElement = PARSER.makeelement(tag, {"style": style} if style else None)
    if text:
        el.text = xml_safe(text)
    return el


def add_style(el: HtmlElement, style: str, *, first: bool = True) -> None:
    """Combine `style` with what the element already carries (`first`: theme goes first, so the
    element's own declarations such as a cell's alignment win)."""
    own = (el.get("style") or "").strip().rstrip(";")
    if not style:
        return
    parts = [style, own] if first else [own, style]
    el.attrib["style"] = ";".join(p for p in parts if p)  # HtmlElement.set is a Python wrapper


def unwrap(el: HtmlElement) -> None:
    """Remove the tag, keep its text and children in place."""
    el.drop_tag()


def remove(el: HtmlElement) -> None:
    """Remove the element and its content, keep the text that follows it."""
    el.drop_tree()


def has_content(el: HtmlElement) -> bool:
    """Visible text or an element other than a line break."""
    if (el.text or "").strip():
        return True
    return any(child.tag != "br" or (child.tail or "").strip() for child in el)


def text_of(el: HtmlElement) -> str:
    return str(el.text_content())


def lift_out(block: HtmlElement, containers: set[str] | frozenset[str]) -> None:
    """Move a block out of paragraphs, headings and inline markup, splitting each around it
    (a figure or paragraph inside a <p> or <h2> is invalid HTML and WeChat mangles it)."""
    parent = block.getparent()
    while parent is not None and parent.tag not in containers:
        grandparent = parent.getparent()
        if grandparent is None:
            return
        after = element(parent.tag)
        for name, value in parent.attrib.items():
            after.set(name, value)
        after.text, block.tail = block.tail, None
        for sibling in list(block.itersiblings()):
            after.append(sibling)
        parent.addnext(block)
        block.addnext(after)
        after.tail, parent.tail = parent.tail, None
        if not has_content(after):
            remove(after)
        if not has_content(parent):  # the block was all it held: no empty <a>, <p> or <strong>
            remove(parent)
        parent = grandparent
