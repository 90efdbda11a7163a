"""Lists as WeChat keeps them (rules 10-12).

The editor rewrites `ul/ol/li`: it resets item styles, doubles or renumbers markers and flattens
deep nesting. So every item becomes one paragraph with a literal marker ("• ", "3. ", "☑ ") and
its depth shown by padding; nothing is left for the editor to renumber. Paragraphs inside an
item are joined with line breaks, and blocks inside an item (code, quotes, tables) follow it
indented, without breaking the numbering.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from newsdesk.content.dom import BLOCK, add_style, element
from newsdesk.content.themes import Theme

_TASK = re.compile(r"^\s*\[([ xX])\][ \t\xa0]+")
_LISTS = ("ul", "ol")


_HANG = 1.2


def _hang(marker: str) -> float:
    """Roughly the marker's width: "• " and "1. " are about 1.2em, "12. " wider."""
    return _HANG if len(marker) <= 3 else round(0.55 * len(marker), 1)


def _indent(depth: int) -> float:
    return round(0.4 + 1.6 * depth, 1)


class _Flattener:
    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.out: list[HtmlElement] = []
        own = theme.style("li").strip().rstrip(";")
        self.item_style = f"{own};" if own else ""

    def item_block(self, depth: int, hang: float = 0.0) -> HtmlElement:
        """One item's paragraph. `hang`: the marker hangs in the padding, so wrapped lines
        line up with the item's text rather than with its marker."""
        padding = round(_indent(depth) + (hang or _HANG), 1)
        indent = f";text-indent:-{hang}em" if hang else ""
        block = element("p", f"{self.item_style}padding-left:{padding}em{indent}")
        self.out.append(block)
        return block

    def add_inline(self, block: HtmlElement, text: str | None, nodes: list[HtmlElement]) -> None:
        if text:
            if len(block):
                last = block[-1]
                last.tail = (last.tail or "") + text
            else:
                block.text = (block.text or "") + text
        for node in nodes:
            block.append(node)  # lxml moves the node's tail along with it

    def flatten(self, lst: HtmlElement, depth: int) -> None:
        ordered = lst.tag == "ol"
        try:
            number = int(lst.get("start") or 1)
        except ValueError:
            number = 1
        for li in list(lst):
            if li.tag in _LISTS:  # a list directly inside a list (raw HTML): one level deeper
                self.flatten(li, depth + 1)
                continue
            self.item(li, depth, f"{number}. " if ordered else "• ", ordered)
            number += 1

    def item(self, li: HtmlElement, depth: int, marker: str, ordered: bool) -> None:
        first = self.item_block(depth, _hang(marker))
        marker_span = element("span", self.theme.style("li-marker"), marker)
        first.append(marker_span)
        block: HtmlElement | None = first
        paragraphs = 0
        text = li.text if li.tag == "li" else None
        self.add_inline(first, text, [])
        children = list(li) if li.tag == "li" else [li]
        for child in children:
            if child.tag in _LISTS:
                self.flatten(child, depth + 1)
                block = None
            elif child.tag == "p":
                if block is None:
                    block = self.item_block(depth)
                elif paragraphs:
                    block.append(element("br"))
                paragraphs += 1
                self.add_inline(block, child.text, list(child))
                child.tail = None
            elif child.tag in BLOCK:
                tail, child.tail = child.tail, None
                add_style(child, f"margin-left:{_indent(depth) + 1}em", first=False)
                self.out.append(child)
                block = None
                if tail and tail.strip():
                    block = self.item_block(depth)
                    self.add_inline(block, tail, [])
            else:
                if block is None:
                    block = self.item_block(depth)
                self.add_inline(block, None, [child])
        self._mark_task(marker_span, marker, ordered)
        if not (marker_span.tail or "").strip() and len(first) == 1 and first in self.out:
            self.out.remove(first)  # an empty item: a bullet with nothing after it

    def _mark_task(self, marker_span: HtmlElement, marker: str, ordered: bool) -> None:
        tail = (marker_span.tail or "").lstrip(" \t\r\n")
        marker_span.tail = tail or None
        match = _TASK.match(tail)
        if not match:
            return
        box = "☑ " if match.group(1) in "xX" else "☐ "
        marker_span.text = f"{marker}{box}" if ordered else box
        marker_span.tail = tail[match.end() :]


def _wrap_strays(root: HtmlElement) -> None:
    """Raw HTML can leave an item outside any list: give it one."""
    for stray in list(root.iter("li")):
        if not any(True for _ in stray.iterancestors(*_LISTS)):
            wrapper = element("ul")
            stray.addprevious(wrapper)
            wrapper.tail, stray.tail = stray.tail, None
            wrapper.append(stray)


def flatten_lists(root: HtmlElement, theme: Theme) -> None:
    # Rounds, because a block lifted out of an item (a table, say) can carry lists of its own.
    while True:
        _wrap_strays(root)
        outermost = [
            lst for lst in root.iter(*_LISTS) if not any(True for _ in lst.iterancestors(*_LISTS))
        ]
        if not outermost:
            return
        for lst in outermost:
            _flatten_one(lst, theme)


def _flatten_one(lst: HtmlElement, theme: Theme) -> None:
    parent = lst.getparent()
    flattener = _Flattener(theme)
    flattener.flatten(lst, 0)
    if not flattener.out:
        lst.drop_tree()
        return
    for block in flattener.out:
        lst.addprevious(block)
    flattener.out[-1].tail = lst.tail
    parent.remove(lst)
