"""What the visual editor edits of each block, read from markdown-it's tokens, and written back.

A node is the editable content of one top-level block: a paragraph's spans, a heading's level,
a list's items by depth, a table's cells. The visual editor builds its rich text from nodes and
reads nodes back from it; a block whose node comes back equal keeps its source bytes, one that
differs is written by `to_markdown` (block_markdown's canonical forms). A block holding what
the visual editor does not edit (a code block inside a list, a nested quote, an inline
footnote) gets no node: it is shown locked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from newsdesk.content import block_markdown as write
from newsdesk.content.block_markdown import HARD_BREAK, ListItem, Span
from newsdesk.content.block_model import Article, parse_article
from newsdesk.content.markdown_html import CJK, INLINE_MARKUP, parser

Spans = tuple[Span, ...]


@dataclass(frozen=True)
class Paragraph:
    spans: Spans


@dataclass(frozen=True)
class Heading:
    level: int
    spans: Spans


@dataclass(frozen=True)
class Quote:
    paragraphs: tuple[Spans, ...]


@dataclass(frozen=True)
class BulletList:
    items: tuple[ListItem, ...]


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[Spans, ...], ...]
    aligns: tuple[str, ...]


@dataclass(frozen=True)
class Picture:
    src: str
    alt: str = ""
    title: str = ""

    @property
    def caption(self) -> str:
        return self.title or self.alt


@dataclass(frozen=True)
class Rule:
    pass


Node = Paragraph | Heading | Quote | BulletList | Table | Picture | Rule


def to_markdown(node: Node) -> str:
    if isinstance(node, Paragraph):
        return write.paragraph(node.spans)
    if isinstance(node, Heading):
        return write.heading(node.level, node.spans)
    if isinstance(node, Quote):
        return write.quote(node.paragraphs)
    if isinstance(node, BulletList):
        return write.bullet_list(node.items)
    if isinstance(node, Table):
        return write.table(node.rows, node.aligns)
    if isinstance(node, Picture):
        return write.picture(node.src, node.alt, node.title)
    return write.rule()


# --- reading ------------------------------------------------------------------------------------


class _Unreadable(Exception):
    """Something in the block the visual editor does not edit: it is shown locked."""


_MARKS = {"strong": "bold", "em": "italic", "s": "strike"}


def spans_of(children: Sequence[Token]) -> Spans:
    """An inline token stream as spans. Footnote references and inline HTML become raw spans,
    written back as they were; an inline footnote or an inline picture inside text makes the
    block locked."""
    if len(children) == 1 and children[0].type == "text":  # most paragraphs of copy
        return (Span(children[0].content),) if children[0].content else ()
    spans: list[Span] = []
    style = {"bold": 0, "italic": 0, "strike": 0}
    href: list[str] = []

    def add(text: str, **extra: Any) -> None:
        spans.append(
            Span(
                text,
                bold=style["bold"] > 0,
                italic=style["italic"] > 0,
                strike=style["strike"] > 0,
                href=href[-1] if href else None,
                **extra,
            )
        )

    for i, token in enumerate(children):
        kind = token.type
        if kind in ("text", "text_special"):  # text_special: an escaped character
            add(token.content)
        elif kind == "softbreak":
            before = children[i - 1].content[-1:] if i else ""
            after = children[i + 1].content[:1] if i + 1 < len(children) else ""
            add("" if CJK.match(before) and CJK.match(after) else " ")
        elif kind == "hardbreak":
            add(HARD_BREAK)
        elif kind.endswith(("_open", "_close")) and kind.rsplit("_", 1)[0] in _MARKS:
            name = _MARKS[kind.rsplit("_", 1)[0]]
            style[name] += 1 if kind.endswith("_open") else -1
        elif kind == "link_open":
            href.append(str(token.attrGet("href") or ""))
        elif kind == "link_close":
            href.pop()
        elif kind == "code_inline":
            add(token.content, code=True)
        elif kind == "html_inline":
            spans.append(Span(token.content, raw=token.content))
        elif kind == "footnote_ref" and "label" in token.meta:
            label = token.meta["label"]
            spans.append(Span(f"[{label}]", raw=f"[^{label}]"))
        else:
            raise _Unreadable(kind)
    return merge(spans)


def merge(spans: Sequence[Span]) -> Spans:
    """Neighbouring spans of one style as one (text tokens split at every line and escape)."""
    out: list[Span] = []
    for span in spans:
        if not (span.text or span.raw):
            continue
        if out and span.raw is None and out[-1].raw is None and not span.code and not out[-1].code:
            last = out[-1]
            if replace(last, text="") == replace(span, text=""):
                out[-1] = replace(last, text=last.text + span.text)
                continue
        out.append(span)
    return tuple(out)


def _inline(tokens: Sequence[Token], at: int) -> Spans:
    return spans_of(tokens[at].children or ())


def _picture(tokens: Sequence[Token]) -> Picture | None:
    children = [
        c for c in tokens[1].children or () if not (c.type == "text" and not c.content.strip())
    ]
    if len(children) != 1 or children[0].type != "image":
        return None
    image = children[0]
    return Picture(
        str(image.attrGet("src") or ""), image.content, str(image.attrGet("title") or "")
    )


def node_of(kind: str, tokens: Sequence[Token]) -> Node | None:
    """The node of one top-level block from its tokens (level 0 open to close), or None."""
    try:
        return _node(kind, tokens)
    except _Unreadable:
        return None


def _node(kind: str, tokens: Sequence[Token]) -> Node | None:
    first = tokens[0].type
    if kind == "picture":
        return _picture(tokens)
    if first == "paragraph_open":
        return Paragraph(_inline(tokens, 1))
    if first == "heading_open":
        return Heading(int(tokens[0].tag[1:]), _inline(tokens, 1))
    if first == "hr":
        return Rule()
    if first == "blockquote_open":
        paragraphs = []
        for token in tokens[1:-1]:
            if token.type == "inline":
                paragraphs.append(spans_of(token.children or ()))
            elif token.type not in ("paragraph_open", "paragraph_close"):
                return None  # a list, a heading, a nested quote inside: locked
        return Quote(tuple(paragraphs))
    if first in ("bullet_list_open", "ordered_list_open"):
        return _list(tokens)
    if first == "table_open":
        return _table(tokens)
    return None


def _list(tokens: Sequence[Token]) -> BulletList | None:
    items: list[ListItem] = []
    kinds: list[tuple[bool, int]] = []  # per open list: ordered, its first number
    paragraphs = 0  # paragraphs in the open item: a second one the visual editor cannot show
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            if kinds and not paragraphs:
                return None  # an item that opens with a list (`- - 项`): shown locked
            ordered = kind == "ordered_list_open"
            kinds.append((ordered, int(token.attrGet("start") or 1) if ordered else 1))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            kinds.pop()
        elif kind == "list_item_open":
            paragraphs = 0
        elif kind == "inline" or (kind == "list_item_close" and not paragraphs):
            paragraphs += 1  # an item with no text (`- ` alone) is an empty item
            if paragraphs > 1:
                return None
            ordered, start = kinds[-1]
            siblings = [i for i in items if i.depth == len(kinds) - 1]
            first_of_list = not items or items[-1].depth < len(kinds) - 1 or not siblings
            children = token.children or () if kind == "inline" else ()
            items.append(
                ListItem(len(kinds) - 1, ordered, spans_of(children), start if first_of_list else 1)
            )
        elif kind not in ("list_item_close", "paragraph_open", "paragraph_close"):
            return None
    return BulletList(tuple(items))


def _table(tokens: Sequence[Token]) -> Table:
    rows: list[tuple[Spans, ...]] = []
    aligns: list[str] = []
    row: list[Spans] = []
    for token in tokens:
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            rows.append(tuple(row))
        elif token.type in ("th_open", "td_open"):
            style = str(token.attrGet("style") or "")
            if token.type == "th_open":
                aligns.append(style.removeprefix("text-align:") if style else "")
        elif token.type == "inline":
            row.append(spans_of(token.children or ()))
    return Table(tuple(rows), tuple(aligns))


def _inline_tokens(md: MarkdownIt, content: str, env: dict[str, Any]) -> list[Token]:
    """As markdown-it's inline rule gives them; text without any markup character (most
    paragraphs of Chinese copy) is one text token without a parse, as the renderer does."""
    if content and not INLINE_MARKUP.search(content):
        text = Token("text", "", 0)
        text.content = content
        return [text]
    children: list[Token] = []
    md.inline.parse(content, md, env, children)
    return children


@dataclass(frozen=True)
class ReadBlock:
    index: int  # in the article's blocks
    kind: str
    node: Node | None  # None: shown locked


def read_article(text: str) -> tuple[Article, list[ReadBlock]]:
    """The article's blocks and what the visual editor makes of each, from one parse of the
    whole body (link and footnote definitions anywhere count, as in the preview)."""
    article, tokens, env = parse_article(text)
    md = parser()
    by_line: dict[int, list[Token]] = {}
    current: list[Token] = []
    for token in tokens:
        if token.level == 0 and token.nesting >= 0 and token.map is not None:
            current = by_line.setdefault(token.map[0], [])
        current.append(token)
    read = []
    for index, block in enumerate(article.blocks):
        node = None
        if block.editable and block.first_line in by_line:
            found = by_line[block.first_line]
            for token in found:
                if token.type == "inline" and not token.children:
                    token.children = _inline_tokens(md, token.content, env)
            node = node_of(block.kind, found)
        read.append(ReadBlock(index, block.kind, node))
    return article, read
