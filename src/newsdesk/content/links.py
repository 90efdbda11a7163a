"""Links and footnotes (rules 6-9).

WeChat keeps only links to published WeChat articles clickable. Every other link becomes its
text plus a superscript number, and a references block lists the URLs as plain text; Markdown
footnotes share that numbering and that block. In-page anchors go (the editor refuses to save
them), and so do footnote back-references.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml.html import HtmlElement

from newsdesk.content.dom import element, remove, text_of, unwrap
from newsdesk.content.markdown_html import join_lines
from newsdesk.content.themes import Theme

WECHAT_ARTICLE = re.compile(r"^https://mp\.weixin\.qq\.com/", re.IGNORECASE)
# On the number that follows a link made of a picture alone: the picture's caption takes it,
# so that it does not stand alone in a paragraph after the figure (figures.py removes it).
AFTER_PICTURE = "data-after-picture"
_EXTERNAL = re.compile(r"^(https?|ftp)://\S+$|^mailto:\S+$", re.IGNORECASE)


@dataclass(frozen=True)
class Footnote:
    """One entry of the references block: a link's URL or a Markdown footnote's text."""

    number: int
    text: str
    url: str = ""

    def line(self) -> str:
        if not self.url:
            return f"[{self.number}] {self.text}"
        return (
            f"[{self.number}] {self.text}: {self.url}"
            if self.text
            else f"[{self.number}] {self.url}"
        )


def _has_class(el: HtmlElement, name: str) -> bool:
    return name in (el.get("class") or "").split()


def _visible_text(el: HtmlElement) -> str:
    """The link's text, a picture in it counting as its alt text (as a screen reader reads it)."""
    parts = [el.text or ""]
    for child in el:
        parts.append(
            join_lines(child.get("alt") or "") if child.tag == "img" else _visible_text(child)
        )
        parts.append(child.tail or "")
    return "".join(parts)


def _picture_only(el: HtmlElement) -> bool:
    return (
        len(el) == 1
        and el[0].tag == "img"
        and not (el.text or "").strip()
        and not (el[0].tail or "").strip()
    )


def footnote_texts(root: HtmlElement) -> dict[str, str]:
    """Collect the footnote definitions markdown-it wrote at the end, and remove that block."""
    texts: dict[str, str] = {}
    for section in list(root.iter("section")):
        if not _has_class(section, "footnotes") or section.getparent() is None:
            continue
        for item in section.iter("li"):
            for anchor in list(item.iter("a")):
                href = anchor.get("href") or ""
                if _has_class(anchor, "footnote-backref") or href.startswith("#"):
                    remove(anchor)
                elif _EXTERNAL.match(href) and text_of(anchor).strip() != href:
                    anchor.tail = f" ({href}){anchor.tail or ''}"
                    unwrap(anchor)
            texts[item.get("id") or ""] = " ".join(text_of(item).split())
        remove(section)
    for hr in list(root.iter("hr")):
        if _has_class(hr, "footnotes-sep"):
            remove(hr)
    return texts


NumberFor = Callable[[str, str, str], str]  # (key, text, url) -> the mark's text, "[n]"


def convert_links(root: HtmlElement, theme: Theme) -> list[Footnote]:
    """Rewrite links and footnote references in document order; return the references."""
    definitions = footnote_texts(root)
    numbers: dict[str, int] = {}
    notes: list[Footnote] = []

    def number_for(key: str, text: str, url: str) -> str:
        if key not in numbers:
            numbers[key] = len(numbers) + 1
            notes.append(Footnote(numbers[key], text, url))
        return f"[{numbers[key]}]"

    def footnote(href: str) -> tuple[str, str] | None:
        key = href.lstrip("#")
        return ("fn:" + key, definitions[key]) if key in definitions else None

    rewrite_links(root, footnote, number_for)
    return notes


def rewrite_links(
    root: HtmlElement, footnote: Callable[[str], tuple[str, str] | None], number_for: NumberFor
) -> None:
    """Links and footnote references in document order: WeChat links kept, others numbered.
    `footnote(href)` is a footnote reference's key and text (None: no such footnote)."""

    def add_mark(after: HtmlElement, text: str) -> HtmlElement:
        mark = element("sup", "", text)  # styled with every other sup
        mark.tail, after.tail = after.tail, None
        after.addnext(mark)
        return mark

    for el in list(root.iter("a", "sup")):
        if el.getparent() is None:
            continue  # inside a footnote reference already rewritten
        if el.tag == "sup":
            if _has_class(el, "footnote-ref"):
                anchor = el.find("a")
                found = footnote((anchor.get("href") or "") if anchor is not None else "")
                for child in list(el):
                    el.remove(child)
                el.attrib.pop("class", None)
                if found is not None:
                    el.text = number_for(found[0], found[1], "")
                else:
                    remove(el)
            continue
        href = (el.get("href") or "").strip()
        if WECHAT_ARTICLE.match(href):
            el.attrib.clear()
            el.set("href", href)  # styled with the other markup afterwards
            continue
        pictured = el.find(".//img") is not None
        label = " ".join((_visible_text(el) if pictured else text_of(el)).split())
        bare = href.removeprefix("mailto:")
        if _EXTERNAL.match(href) and label not in {href, bare}:
            mark = add_mark(el, number_for("url:" + href, label, href))
            if pictured and _picture_only(el):
                mark.set(AFTER_PICTURE, "")
        unwrap(el)


def references_block(notes: list[Footnote], theme: Theme, title: str) -> HtmlElement:
    block = element("section", theme.style("references"))
    block.append(element("p", theme.style("references-title"), title))
    for note in notes:
        block.append(element("p", theme.style("references-item"), note.line()))
    return block
