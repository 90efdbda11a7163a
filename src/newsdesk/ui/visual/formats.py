"""The visual editor's formats: how each construct looks, and the properties that say what a
piece of rich text is in Markdown (which block of the source, a picture's alt text, a piece of
Markdown shown but not edited)."""

from __future__ import annotations

from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QGuiApplication,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextFormat,
    QTextLength,
)

_USER = int(QTextFormat.Property.UserProperty)
BLOCK_ID = _USER + 1  # block or table format: the index of the source block it shows
KIND = _USER + 2  # block format: "quote", "picture", "caption", "rule", "locked"
RAW = _USER + 3  # char format: Markdown written back as it is (a footnote reference)
CODE = _USER + 4  # char format: inline code
ALT = _USER + 5  # image format: the picture's alt text as the source has it
TITLE = _USER + 6  # image format: its title
ALIGNS = _USER + 7  # table format: each column's alignment, comma-separated
RAW_ID = (
    _USER + 9
)  # char format: a number of its own per raw piece, so that two alike side by side stay two
SRC = _USER + 8  # image format: the picture's address as the source has it

HEADING_SIZES = {1: 8, 2: 6, 3: 4, 4: 2, 5: 1, 6: 0}  # points above the body text


def shade() -> QColor:
    """Behind quotes, code and locked blocks: the palette's, so dark mode stays readable (the
    colours are taken when an article is shown)."""
    return QGuiApplication.palette().color(QPalette.ColorRole.AlternateBase)


def quiet() -> QColor:
    """Captions and locked Markdown: the palette's placeholder grey."""
    return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)


def link() -> QColor:
    return QGuiApplication.palette().color(QPalette.ColorRole.Link)


def kind_of(block_format: QTextBlockFormat) -> str:
    value = block_format.property(KIND)
    return value if isinstance(value, str) else ""


def block_id(fmt: QTextFormat) -> int | None:
    value = fmt.property(BLOCK_ID)
    return value if isinstance(value, int) and fmt.hasProperty(BLOCK_ID) else None


def paragraph_format(kind: str = "", ident: int | None = None) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setTopMargin(4)
    fmt.setBottomMargin(8)
    if kind:
        fmt.setProperty(KIND, kind)
    if ident is not None:
        fmt.setProperty(BLOCK_ID, ident)
    if kind == "quote":
        fmt.setProperty(QTextFormat.Property.BlockQuoteLevel, 1)
        fmt.setLeftMargin(24)
        fmt.setBackground(QBrush(shade()))
    elif kind in ("picture", "caption"):
        from PySide6.QtCore import Qt

        fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        if kind == "picture":
            fmt.setBottomMargin(2)
    elif kind == "rule":
        fmt.setProperty(
            QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
            QTextLength(QTextLength.Type.PercentageLength, 100),
        )
    elif kind == "locked":
        fmt.setBackground(QBrush(shade()))
        fmt.setNonBreakableLines(False)
    return fmt


def heading_format(level: int, ident: int | None = None) -> QTextBlockFormat:
    fmt = paragraph_format("", ident)
    fmt.setHeadingLevel(level)
    fmt.setTopMargin(12)
    return fmt


def base_char_format(kind: str = "", level: int = 0) -> QTextCharFormat:
    """The format text of a block starts from (a heading is large and bold by itself)."""
    fmt = QTextCharFormat()
    if level:
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, 0)
        fmt.setFontPointSize(12 + HEADING_SIZES.get(level, 0))
    elif kind == "caption":
        fmt.setForeground(QBrush(quiet()))
        fmt.setFontPointSize(10)
    elif kind == "locked":
        fmt.setFontFamilies(["Noto Sans Mono CJK SC", "Consolas", "monospace"])
        fmt.setForeground(QBrush(quiet()))
    return fmt


def clean_char_format(fmt: QTextCharFormat) -> QTextCharFormat:
    """`fmt` without what must not spread to typed text (a raw piece of Markdown, code)."""
    out = QTextCharFormat(fmt)
    for prop in (RAW, RAW_ID, CODE):
        out.clearProperty(prop)
    if fmt.hasProperty(RAW):
        out.clearBackground()
    return out
