"""Rich text back into nodes: the blocks of the document grouped by the source block they show
(tables by table), each group read as the nodes it now holds."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any, cast

from PySide6.QtGui import QFont, QTextBlock, QTextDocument, QTextFragment, QTextTable

from newsdesk.content.block_markdown import HARD_BREAK, ListItem, Span
from newsdesk.content.block_nodes import (
    BulletList,
    Heading,
    Node,
    Paragraph,
    Picture,
    Quote,
    Rule,
    Table,
    merge,
)
from newsdesk.ui.visual import formats as f
from newsdesk.ui.visual.loader import is_ordered


@dataclass
class Group:
    """Neighbouring blocks showing one source block (`ident`), or new ones (None)."""

    ident: int | None
    blocks: list[QTextBlock]
    table: QTextTable | None = None
    locked: bool = False


def groups(document: QTextDocument) -> Iterator[Group]:
    current: Group | None = None
    key: object = None
    block = document.begin()
    while block.isValid():
        cursor_table = _table_of(document, block)
        if cursor_table is not None:
            this_key: object = ("table", cursor_table.firstPosition())
            ident = f.block_id(cursor_table.format())
        else:
            fmt = block.blockFormat()
            ident = f.block_id(fmt)
            this_key = ("block", ident)
        if current is None or this_key != key:
            if current is not None:
                yield current
            current = Group(ident, [], cursor_table, f.kind_of(block.blockFormat()) == "locked")
            key = this_key
        current.blocks.append(block)
        block = block.next()
    if current is not None:
        yield current


def ident_of(document: QTextDocument, block: QTextBlock) -> int | None:
    """The source block a block of the document shows (a cell: its table's)."""
    table = _table_of(document, block)
    return f.block_id(table.format() if table is not None else block.blockFormat())


def shown_as(node: Node) -> list[Node]:
    """The nodes a block reads back as right after it is shown: a heading's and a header
    row's bold are theirs, not the writer's."""
    if isinstance(node, Heading):
        return [Heading(node.level, merge([_unbold(s) for s in node.spans]))]
    if isinstance(node, Quote) and not node.paragraphs:
        return [Quote(((),))]  # an empty quote is shown as one empty line of quote
    if isinstance(node, Table) and node.rows:
        header = tuple(merge([_unbold(s) for s in cell]) for cell in node.rows[0])
        return [Table((header, *node.rows[1:]), node.aligns)]
    return [node]


def _table_of(document: QTextDocument, block: QTextBlock) -> QTextTable | None:
    frame = document.frameAt(block.position())
    return frame if isinstance(frame, QTextTable) else None


def fragments(block: QTextBlock) -> Iterator[QTextFragment]:
    """The block's runs of one format (PySide iterates a block as fragment iterators)."""
    for it in cast("Iterable[Any]", block):
        yield it.fragment()


def spans(block: QTextBlock, *, heading: bool = False) -> tuple[Span, ...]:
    out: list[Span] = []
    for fragment in fragments(block):
        if not fragment.isValid():
            continue
        fmt = fragment.charFormat()
        if fmt.isImageFormat():
            continue
        text = fragment.text().replace("\ufffc", "")
        raw = fmt.property(f.RAW) if fmt.hasProperty(f.RAW) else None
        if raw is not None:
            out.append(Span(text, raw=str(raw)))
            continue
        out.append(
            Span(
                text,
                bold=not heading and fmt.fontWeight() >= QFont.Weight.DemiBold,
                italic=fmt.fontItalic(),
                strike=fmt.fontStrikeOut(),
                code=bool(fmt.property(f.CODE)),
                href=fmt.anchorHref() if fmt.isAnchor() and fmt.anchorHref() else None,
            )
        )
    return merge(out)


def table_node(table: QTextTable) -> Table:
    aligns = str(table.format().property(f.ALIGNS) or "").split(",")
    document = table.document()
    rows = []
    for r in range(table.rows()):
        row = []
        for c in range(table.columns()):
            cell = table.cellAt(r, c)
            cell_spans: list[Span] = []
            block = document.findBlock(cell.firstPosition())
            while block.isValid() and block.position() <= cell.lastPosition():
                if cell_spans:
                    cell_spans.append(Span(HARD_BREAK))
                cell_spans.extend(spans(block))
                block = block.next()
            cell_text = merge(cell_spans)
            row.append(tuple(_unbold(s) for s in cell_text) if r == 0 else cell_text)
        rows.append(tuple(row))
    columns = table.columns()
    aligns = [*aligns[:columns], *[""] * (columns - len(aligns))]
    return Table(tuple(rows), tuple(aligns))


def nodes(group: Group) -> list[Node]:
    """What a group of blocks holds now, as nodes (empty paragraphs are no blocks)."""
    if group.table is not None:
        return [table_node(group.table)]
    out: list[Node] = []
    items: list[ListItem] = []
    quote: list[tuple[Span, ...]] = []
    pending_picture: Picture | None = None

    def flush() -> None:
        nonlocal pending_picture
        if items:
            out.append(BulletList(tuple(items)))
            items.clear()
        if quote:
            out.append(Quote(tuple(quote)))
            quote.clear()
        if pending_picture is not None:
            out.append(pending_picture)
            pending_picture = None

    for block in group.blocks:
        fmt = block.blockFormat()
        kind = f.kind_of(fmt)
        text_list = block.textList()
        if kind == "caption" and pending_picture is not None:
            pending_picture = _captioned(pending_picture, block.text())
            flush()
            continue
        if text_list is not None:
            if quote or pending_picture:
                flush()
            depth = max(text_list.format().indent() - 1, 0)
            number = text_list.itemNumber(block)
            start = text_list.format().start() if number == 0 else 1
            items.append(ListItem(depth, is_ordered(text_list), spans(block), start))
            continue
        if kind == "quote":
            if items or pending_picture:
                flush()
            quote.append(spans(block))
            continue
        flush()
        picture = _picture_in(block)
        if picture is not None:
            pending_picture = picture
            if block.text().replace("\ufffc", "").strip():  # text typed beside it: kept
                flush()
                out.append(Paragraph(spans(block)))
        elif kind == "rule":
            out.append(Rule())
            if block.text().strip():
                out.append(Paragraph(spans(block)))
        elif fmt.headingLevel() > 0:
            out.append(Heading(fmt.headingLevel(), spans(block, heading=True)))
        else:
            paragraph = spans(block)
            if any(s.text.strip(" " + HARD_BREAK) or s.raw for s in paragraph):
                out.append(Paragraph(paragraph))
    flush()
    return out


def _unbold(span: Span) -> Span:
    """A header cell is bold as it is: the writer's bold there is the header's own."""
    return replace(span, bold=False)


def _picture_in(block: QTextBlock) -> Picture | None:
    for fragment in fragments(block):
        fmt = fragment.charFormat()
        if fmt.isImageFormat():
            image = fmt.toImageFormat()
            src = str(image.property(f.SRC) or image.name())
            return Picture(
                src, str(image.property(f.ALT) or ""), str(image.property(f.TITLE) or "")
            )
    return None


def _captioned(picture: Picture, caption: str) -> Picture:
    caption = " ".join(caption.split())
    if caption == picture.caption:
        return picture
    if picture.title:
        alt = caption if picture.alt == picture.title else picture.alt
        return Picture(picture.src, alt, caption)
    return Picture(picture.src, caption, "")
