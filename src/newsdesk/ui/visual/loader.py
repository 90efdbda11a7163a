"""Nodes into rich text: each block of the article as the writer will see it, marked with the
index of its source block so that what comes back unchanged keeps its bytes."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QImageReader,
    QPainter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextList,
    QTextListFormat,
    QTextTableFormat,
)

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
)
from newsdesk.ui.visual import formats as f

MediaLookup = Callable[[str], bytes | None]
Pending = tuple[str, bytes]  # a picture shown before it is decoded: its resource name, bytes
PICTURE_WIDTH = 560  # pixels at most: about the phone preview's width, doubled
_RAW_IDS = itertools.count(1)
BULLETS = (
    QTextListFormat.Style.ListDisc,
    QTextListFormat.Style.ListCircle,
    QTextListFormat.Style.ListSquare,
)


class Loader:
    """Writes blocks at a cursor: the first into the block the cursor is in if it is empty,
    each next one into a new block."""

    def __init__(self, cursor: QTextCursor, media: MediaLookup) -> None:
        self.cursor = cursor
        self.document: QTextDocument = cursor.document()
        self.media = media
        self.fresh = cursor.block().length() == 1 and cursor.currentTable() is None
        self.pending: list[Pending] | None = None  # a list: pictures decoded after opening

    # --- blocks -----------------------------------------------------------------------------

    def _block(self, block_format: QTextBlockFormat, char_format: QTextCharFormat) -> None:
        if self.fresh:
            self.cursor.setBlockFormat(block_format)
            self.cursor.setBlockCharFormat(char_format)
            self.fresh = False
        else:
            self.cursor.insertBlock(block_format, char_format)
        self.cursor.setCharFormat(char_format)

    def node(self, node: Node, ident: int | None = None) -> None:
        if isinstance(node, Paragraph):
            self._block(f.paragraph_format("", ident), f.base_char_format())
            self.spans(node.spans, f.base_char_format())
        elif isinstance(node, Heading):
            base = f.base_char_format(level=node.level)
            self._block(f.heading_format(node.level, ident), base)
            self.spans(node.spans, base)
        elif isinstance(node, Quote):
            for spans in node.paragraphs or ((),):
                self._block(f.paragraph_format("quote", ident), f.base_char_format())
                self.spans(spans, f.base_char_format())
        elif isinstance(node, BulletList):
            self.items(node.items, ident)
        elif isinstance(node, Table):
            self.table(node, ident)
        elif isinstance(node, Picture):
            self.picture(node, ident)
        elif isinstance(node, Rule):
            self._block(f.paragraph_format("rule", ident), f.base_char_format())

    def locked(self, source: str, ident: int) -> None:
        """A block shown as its Markdown, grey, not editable: written back exactly."""
        base = f.base_char_format("locked")
        self._block(f.paragraph_format("locked", ident), base)
        self.cursor.insertText(source.replace("\r\n", "\n").replace("\n", HARD_BREAK), base)

    def items(self, items: Sequence[ListItem], ident: int | None) -> None:
        lists: list[QTextList] = []
        for item in items:
            depth = min(item.depth, len(lists))
            del lists[depth + 1 :]
            if depth < len(lists) and _ordered(lists[depth]) != item.ordered:
                del lists[depth:]
            self._block(f.paragraph_format("", ident), f.base_char_format())
            if depth < len(lists) and item.start == 1:
                lists[depth].add(self.cursor.block())
            else:
                del lists[depth:]
                fmt = QTextListFormat()
                fmt.setIndent(depth + 1)
                if item.ordered:
                    fmt.setStyle(QTextListFormat.Style.ListDecimal)
                    fmt.setStart(item.start)
                else:
                    fmt.setStyle(BULLETS[depth % len(BULLETS)])
                lists.append(self.cursor.createList(fmt))
            self.spans(item.spans, f.base_char_format())

    def table(self, node: Table, ident: int | None) -> None:
        rows, columns = len(node.rows), max((len(r) for r in node.rows), default=1)
        self._block(f.paragraph_format("", None), f.base_char_format())
        fmt = table_format(node.aligns, columns)
        if ident is not None:
            fmt.setProperty(f.BLOCK_ID, ident)
        table = self.cursor.insertTable(max(rows, 1), max(columns, 1), fmt)
        for r, row in enumerate(node.rows):
            for c, spans in enumerate(row):
                cursor = table.cellAt(r, c).firstCursorPosition()
                base = f.base_char_format()
                if r == 0:
                    base.setFontWeight(QFont.Weight.Bold)
                Loader(cursor, self.media).spans(spans, base)
        # The table took the empty block it was put in; the block after it is the next one's.
        self.cursor.setPosition(table.lastPosition() + 1)
        self.fresh = self.cursor.block().length() == 1

    def picture(self, node: Picture, ident: int | None) -> None:
        self._block(f.paragraph_format("picture", ident), f.base_char_format())
        self.cursor.insertImage(image_format(self.document, node, self.media, self.pending))
        caption = f.base_char_format("caption")
        self._block(f.paragraph_format("caption", ident), caption)
        self.cursor.insertText(node.caption, caption)

    # --- text ----------------------------------------------------------------------------------

    def spans(self, spans: Sequence[Span], base: QTextCharFormat) -> None:
        for span in spans:
            self.cursor.insertText(span.text, char_format(span, base))
        self.cursor.setCharFormat(base)


def char_format(span: Span, base: QTextCharFormat) -> QTextCharFormat:
    fmt = QTextCharFormat(base)
    if span.bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if span.italic:
        fmt.setFontItalic(True)
    if span.strike:
        fmt.setFontStrikeOut(True)
    if span.href is not None:
        fmt.setAnchor(True)
        fmt.setAnchorHref(span.href)
        fmt.setForeground(QBrush(f.link()))
        fmt.setFontUnderline(True)
    if span.code:
        fmt.setProperty(f.CODE, True)
        fmt.setFontFamilies(["Noto Sans Mono CJK SC", "Consolas", "monospace"])
        fmt.setBackground(QBrush(f.shade()))
    if span.raw is not None:
        fmt.setProperty(f.RAW, span.raw)
        fmt.setProperty(f.RAW_ID, next(_RAW_IDS))
        fmt.setForeground(QBrush(f.link()))
        fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
    return fmt


def table_format(aligns: Sequence[str], columns: int) -> QTextTableFormat:
    fmt = QTextTableFormat()
    fmt.setBorder(1)
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setCellPadding(4)
    fmt.setCellSpacing(0)
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    padded = [*aligns[:columns], *[""] * (columns - len(aligns))]
    fmt.setProperty(f.ALIGNS, ",".join(padded))
    return fmt


def image_format(
    document: QTextDocument, node: Picture, media: MediaLookup, later: list[Pending] | None = None
) -> QTextImageFormat:
    """The picture's format, its image a resource of the document. With `later`, a picture is
    only measured now (its header) and shown as a grey box of its size until a PictureDecoder
    has them: opening an article waits for no picture."""
    name = node.src
    data = media(name)
    size = _size(data) if data else QSize()
    image: QImage | None = None
    if not size.isValid():
        image = _missing(name)
        name = f"missing:{name}"
        size = image.size()
    width = min(size.width(), PICTURE_WIDTH)
    height = size.height() * width / max(size.width(), 1)
    if image is None and data is not None:
        if later is None:
            image = decoded(data)
        else:
            image = QImage(1, 1, QImage.Format.Format_RGB32)
            image.fill(QColor("#e0e3e6"))
            later.append((name, data))
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    fmt = QTextImageFormat()
    fmt.setName(name)
    fmt.setProperty(f.ALT, node.alt)
    fmt.setProperty(f.TITLE, node.title)
    fmt.setProperty(f.SRC, node.src)
    fmt.setWidth(width)
    fmt.setHeight(height)
    return fmt


def _reader(data: bytes) -> tuple[QImageReader, QBuffer]:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return QImageReader(buffer), buffer


def _size(data: bytes) -> QSize:
    reader, buffer = _reader(data)
    size = reader.size()
    buffer.close()
    return size


def decoded(data: bytes) -> QImage:
    """The picture at the width it is shown (a phone photo is 4,000 pixels wide)."""
    reader, buffer = _reader(data)
    size = reader.size()
    if size.isValid() and size.width() > PICTURE_WIDTH:
        reader.setScaledSize(
            size.scaled(PICTURE_WIDTH, 10 * PICTURE_WIDTH, Qt.AspectRatioMode.KeepAspectRatio)
        )
    image = reader.read()
    buffer.close()
    return image


def _missing(name: str) -> QImage:
    """A grey box in place of a picture the article names but the store does not have."""
    image = QImage(320, 120, QImage.Format.Format_RGB32)
    image.fill(QColor("#e0e3e6"))
    painter = QPainter(image)
    painter.setPen(QColor("#5a6b7b"))
    painter.drawText(image.rect(), 0x84, f"〔图片缺失〕\n{name[-40:]}")  # centred, word-wrapped
    painter.end()
    return image


def _ordered(text_list: QTextList) -> bool:
    return text_list.format().style() in (
        QTextListFormat.Style.ListDecimal,
        QTextListFormat.Style.ListLowerAlpha,
        QTextListFormat.Style.ListUpperAlpha,
        QTextListFormat.Style.ListLowerRoman,
        QTextListFormat.Style.ListUpperRoman,
    )


def is_ordered(text_list: QTextList) -> bool:
    return _ordered(text_list)
