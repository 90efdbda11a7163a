"""HTML (from Word via mammoth, or pasted from a web page) to the Markdown a person would write.

markdownify does the conversion; the tree pass before it removes what Word and web pages add
and a writer never would: empty paragraphs, runs of bold split by formatting changes, the
two full-width spaces Chinese documents indent paragraphs with, paragraphs inside table cells,
captions as separate paragraphs.
"""

from __future__ import annotations

import re

import nh3
from lxml import html as lxml_html
from lxml.html import HtmlElement
from markdownify import MarkdownConverter

from newsdesk.content.dom import has_content, xml_safe
from newsdesk.content.markdown_html import CJK

_INDENT = re.compile(r"^[\u3000\xa0 \t]+")
_INLINE_MERGE = ("strong", "b", "em", "i", "u", "s", "del")
_PASTE_TAGS = {
    "a", "b", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "img", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table", "tbody", "td",
    "th", "thead", "tr", "u", "ul", "div", "span", "figure", "figcaption",
}  # fmt: skip


class _Converter(MarkdownConverter):
    """markdownify with images that keep a caption as their title."""

    def convert_img(self, el: object, text: str, parent_tags: set[str]) -> str:
        get = el.get  # type: ignore[attr-defined]
        alt = (get("alt") or "").replace("]", "")
        src = get("src") or ""
        title = (get("title") or "").replace('"', "”")
        if " " in src:
            src = f"<{src}>"
        return f'![{alt}]({src} "{title}")' if title else f"![{alt}]({src})"


def _merge_adjacent(root: HtmlElement) -> None:
    """`<b>县</b><b>政府</b>` -> `<b>县政府</b>` (Word splits runs at every formatting change)."""
    for el in list(root.iter(*_INLINE_MERGE)):
        if el.getparent() is None:
            continue
        nxt = el.getnext()
        while nxt is not None and nxt.tag == el.tag and not el.tail:
            if len(el):
                el[-1].tail = (el[-1].tail or "") + (nxt.text or "")
            else:
                el.text = (el.text or "") + (nxt.text or "")
            for child in list(nxt):
                el.append(child)
            el.tail = nxt.tail
            el.getparent().remove(nxt)
            nxt = el.getnext()
        if not (el.text_content() or "").strip() and not len(el.findall(".//img")):
            # Bold spaces: markdownify would write `** **`; between Chinese characters the
            # space itself is noise too.
            after = (el.tail or "")[:1]
            if CJK.match(after) or CJK.match(_char_before(el)):
                for child in el:
                    child.tail = None
                el.text = None
            el.drop_tag()


def _char_before(el: HtmlElement) -> str:
    previous = el.getprevious()
    text = (previous.tail if previous is not None else el.getparent().text) or ""
    return text[-1:]


def _trim_inline_edges(root: HtmlElement) -> None:
    """`县<b>政府 </b>召开` -> `县**政府**召开`: an edge space inside bold next to Chinese."""
    for el in root.iter(*_INLINE_MERGE):
        if len(el) or not el.text:
            continue
        if el.text[-1:].isspace() and CJK.match((el.tail or "")[:1]):
            el.text = el.text.rstrip()
        if el.text[:1].isspace() and CJK.match(_char_before(el)):
            el.text = el.text.lstrip()


def _captions(root: HtmlElement) -> None:
    """A caption paragraph next to a picture becomes the picture's title."""
    for caption in list(root.xpath("//p[contains(concat(' ', @class, ' '), ' caption ')]")):
        text = " ".join(caption.text_content().split())
        target = None
        for neighbour in (caption.getprevious(), caption.getnext()):
            if neighbour is not None and neighbour.tag == "p":
                images = neighbour.findall(".//img")
                if len(images) == 1 and not neighbour.text_content().strip():
                    target = images[0]
                    break
        if target is not None and text:
            target.set("title", text)
            caption.drop_tree()
        else:
            caption.attrib.pop("class", None)


def _tidy(root: HtmlElement) -> None:
    for cell in root.iter("td", "th"):
        paragraphs = cell.findall("p")
        for i, p in enumerate(paragraphs):
            if i:
                p.addprevious(lxml_html.Element("br"))
            p.drop_tag()
    for p in root.iter("p", "h1", "h2", "h3", "h4", "h5", "h6", "li"):
        if p.text:
            p.text = _INDENT.sub("", p.text)
    for p in list(root.iter("p")):
        if p.getparent() is not None and not has_content(p):
            p.drop_tree()
    for span in list(root.iter("span", "div", "section", "font")):
        if span is not root:
            span.drop_tag()


def _tables_with_headers(root: HtmlElement) -> None:
    """Word tables have no header row; Markdown tables need one: the first row is it."""
    for table in root.iter("table"):
        if table.find(".//th") is not None:
            continue
        first = table.find(".//tr")
        if first is not None:
            for cell in first.findall("td"):
                cell.tag = "th"


def html_to_markdown(html: str, *, sanitise: bool = False) -> str:
    """Clean Markdown from HTML; `sanitise` for HTML from outside (the clipboard)."""
    if sanitise:
        html = nh3.clean(
            html,
            tags=_PASTE_TAGS,
            attributes={"a": {"href", "title"}, "img": {"src", "alt", "title"}, "p": {"class"}},
            link_rel=None,
        )
    html = xml_safe(html)
    if not html.strip():
        return ""
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    _captions(root)
    _tidy(root)
    _merge_adjacent(root)
    _trim_inline_edges(root)
    _tables_with_headers(root)
    markdown = _Converter(
        heading_style="ATX",
        bullets="-",
        strong_em_symbol="*",
        escape_underscores=False,
        escape_misc=False,
        newline_style="BACKSLASH",
    ).convert(lxml_html.tostring(root, encoding="unicode"))
    lines = [line.rstrip() for line in str(markdown).splitlines()]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text + "\n" if text else ""
