"""The Markdown editor: highlighting, formatting commands, pasted and dropped pictures and rich
text (Word, web pages) turned into clean Markdown."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit, QWidget

from newsdesk.ui.clipboard import picture_files

# picture bytes -> the `media/...` reference to write, or None if it was refused (and said why)
StorePicture = Callable[[bytes], str | None]


@dataclass(frozen=True)
class Mark:
    """An underline: offsets into the body (Python characters), its colour, and how loud."""

    start: int
    end: int
    colour: str = "#d32f2f"
    error: bool = True  # a wave for errors, dots for warnings
    dismissed: bool = False  # let stand: a faint line, so it is still findable
    hint: bool = False  # a quiet note: the faintest line, dots in a pale tint of the colour


def underline(fmt: QTextCharFormat, mark: Mark) -> None:
    """How a finding looks under its text, in the source and the visual editor alike: an error
    wavy on a tint, a warning dotted, a hint paler, a dismissed one grey."""
    if mark.dismissed:
        colour = QColor("#b0b0b0")
    elif mark.hint:
        colour = QColor(mark.colour).lighter(165)
    else:
        colour = QColor(mark.colour)
    fmt.setUnderlineColor(colour)
    fmt.setUnderlineStyle(
        QTextCharFormat.UnderlineStyle.DotLine
        if mark.dismissed or not mark.error
        else QTextCharFormat.UnderlineStyle.WaveUnderline
    )
    if mark.error and not mark.dismissed:
        fmt.setBackground(QColor(mark.colour).lighter(190))


def utf16_positions(text: str) -> Callable[[int], int]:
    """Python offsets to the editor's positions, which count UTF-16 units: an emoji before a
    finding shifts everything after it by one."""
    astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
    if not astral:
        return lambda index: index
    return lambda index: index + bisect_left(astral, index)


def _format(color: str, *, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    return fmt


def _rules() -> list[tuple[re.Pattern[str], QTextCharFormat]]:
    return [
        (re.compile(r"^#{1,6} .*$"), _format("#8a2b22", bold=True)),
        (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s"), _format("#b3261e", bold=True)),
        (re.compile(r"^>.*$"), _format("#6b7b8c", italic=True)),
        (re.compile(r"\*\*[^*\n]+\*\*"), _format("#222222", bold=True)),
        (re.compile(r"(?<!\*)\*[^*\n]+\*(?!\*)"), _format("#444444", italic=True)),
        (re.compile(r"`[^`\n]+`"), _format("#c7254e")),
        (re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)"), _format("#1f6fb2")),
        (re.compile(r"\[\^[^\]\n]+\]"), _format("#1f6fb2")),
    ]


_LONGEST_MARK = 200  # characters: no finding is longer (a list of leaders is the longest)


def _relative(mark: Mark, offset: int) -> Mark:
    return replace(mark, start=mark.start - offset, end=mark.end - offset)


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._RULES = _rules()
        self._FENCE = _format("#5a6b7b")
        self.marks: list[Mark] = []  # in the document's positions, by start
        self._starts: list[int] = []
        # What each block was last drawn with (block-relative), so a new set of marks redraws
        # only the blocks whose underlines changed: on a long article a full redraw per
        # keystroke-pause costs tens of milliseconds.
        self.drawn: dict[int, tuple[Mark, ...]] = {}

    def set_marks(self, marks: Sequence[Mark]) -> None:
        document = self.document()
        self.marks = sorted(marks, key=lambda m: m.start)
        self._starts = [m.start for m in self.marks]
        wanted: dict[int, list[Mark]] = {}
        for mark in self.marks:
            block = document.findBlock(mark.start)
            while block.isValid() and block.position() < mark.end:
                wanted.setdefault(block.blockNumber(), []).append(_relative(mark, block.position()))
                block = block.next()
        for number in sorted(set(wanted) | set(self.drawn)):
            if tuple(wanted.get(number, ())) != self.drawn.get(number, ()):
                block = document.findBlockByNumber(number)
                if block.isValid():
                    self.rehighlightBlock(block)
                else:
                    self.drawn.pop(number, None)

    def _marks_in(self, start: int, end: int) -> list[Mark]:
        first = bisect_left(self._starts, start - _LONGEST_MARK)
        last = bisect_left(self._starts, end)
        return [m for m in self.marks[first:last] if m.end > start]

    def highlightBlock(self, text: str) -> None:
        self.drawn.pop(self.currentBlock().blockNumber(), None)
        in_fence = self.previousBlockState() == 1
        if text.lstrip().startswith(("```", "~~~")):
            self.setFormat(0, len(text), self._FENCE)
            self.setCurrentBlockState(0 if in_fence else 1)
            return
        if in_fence:
            self.setFormat(0, len(text), self._FENCE)
            self.setCurrentBlockState(1)
            return
        self.setCurrentBlockState(0)
        for pattern, fmt in self._RULES:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), fmt)
        start = self.currentBlock().position()
        length = self.currentBlock().length()
        placed = [_relative(mark, start) for mark in self._marks_in(start, start + length)]
        if placed:
            self.drawn[self.currentBlock().blockNumber()] = tuple(placed)
        for mark in placed:
            a, b = max(mark.start, 0), min(mark.end, length)
            fmt = self.format(a)  # keep the Markdown colouring under the line
            underline(fmt, mark)
            self.setFormat(a, b - a, fmt)


class MarkdownEditor(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editor")
        self.store_picture: StorePicture | None = None
        self.highlighter = MarkdownHighlighter(self.document())
        font = QFont()
        font.setFamilies(["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "sans-serif"])
        font.setPointSize(12)
        self.setFont(font)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(False)
        self.document().setDocumentMargin(14)

    # --- formatting commands (toolbar and shortcuts) ------------------------------------------

    def wrap_selection(self, before: str, after: str, placeholder: str) -> None:
        cursor = self.textCursor()
        text = cursor.selectedText() or placeholder
        cursor.insertText(f"{before}{text}{after}")
        if not self.textCursor().hasSelection():
            cursor.movePosition(QTextCursor.MoveOperation.Left, n=len(after))
            cursor.movePosition(
                QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, len(text)
            )
            self.setTextCursor(cursor)

    def prefix_lines(self, prefix: str | Callable[[int], str]) -> None:
        """Put `prefix` before every selected line (or the current one)."""
        cursor = self.textCursor()
        document = self.document()
        first = document.findBlock(min(cursor.selectionStart(), cursor.selectionEnd()))
        last = document.findBlock(max(cursor.selectionStart(), cursor.selectionEnd()))
        edit = QTextCursor(document)
        edit.beginEditBlock()
        block, index = first, 0
        while block.isValid() and block.blockNumber() <= last.blockNumber():
            edit.setPosition(block.position())
            edit.insertText(prefix(index) if callable(prefix) else prefix)
            block, index = block.next(), index + 1
        edit.endEditBlock()

    def insert_block(self, text: str) -> None:
        cursor = self.textCursor()
        lead = "" if cursor.atBlockStart() else "\n\n"
        cursor.insertText(f"{lead}{text}\n")
        self.setTextCursor(cursor)

    def bold(self) -> None:
        self.wrap_selection("**", "**", self.tr("bold text"))

    def heading(self) -> None:
        self.prefix_lines("## ")

    def quote(self) -> None:
        self.prefix_lines("> ")

    def bullet_list(self) -> None:
        self.prefix_lines("- ")

    def numbered_list(self) -> None:
        self.prefix_lines(lambda i: f"{i + 1}. ")

    def link(self) -> None:
        self.wrap_selection("[", "](https://)", self.tr("link text"))

    def table(self) -> None:
        self.insert_block(self.tr("| Column | Column |") + "\n| --- | --- |\n| | |")

    def insert_picture(self, data: bytes, caption: str = "") -> None:
        if self.store_picture is None:
            return
        ref = self.store_picture(data)
        if ref is None:
            return
        self.insert_block(f"![{caption}]({ref})")

    # --- paste and drop ---------------------------------------------------------------------------

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasImage() or source.hasUrls() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasImage() and self.store_picture is not None:
            image = QImage(source.imageData())
            buffer = QBuffer()
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs miss QIODevice
            self.insert_picture(bytes(QByteArray(buffer.data()).data()))
            return
        if source.hasUrls() and self.store_picture is not None:
            pictures = picture_files(source)
            if pictures:
                for name in pictures:
                    try:
                        data = Path(name).read_bytes()
                    except OSError as error:
                        QMessageBox.warning(self, self.tr("Not possible"), f"{name}: {error}")
                        continue
                    self.insert_picture(data)
                return
        if source.hasHtml():
            # The HTML converter (markdownify, BeautifulSoup) loads with the first paste of HTML.
            from newsdesk.content.html_markdown import html_to_markdown

            markdown = html_to_markdown(source.html(), sanitise=True)
            if markdown.strip():
                self.textCursor().insertText(markdown)
                return
        super().insertFromMimeData(source)

    def mark(self, marks: Sequence[Mark]) -> None:
        """Underline findings (offsets into the body as Python counts them)."""
        at = utf16_positions(self.toPlainText())
        self.highlighter.set_marks([replace(m, start=at(m.start), end=at(m.end)) for m in marks])

    def select_span(self, start: int, end: int) -> None:
        at = utf16_positions(self.toPlainText())
        cursor = self.textCursor()
        cursor.setPosition(at(start))
        cursor.setPosition(at(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def replace_span(self, start: int, end: int, expected: str, replacement: str) -> bool:
        """Replace the words at [start, end) if they are still `expected`; one undo step."""
        text = self.toPlainText()
        if text[start:end] != expected:
            return False
        at = utf16_positions(text)
        cursor = QTextCursor(self.document())
        cursor.setPosition(at(start))
        cursor.setPosition(at(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replacement)
        self.setTextCursor(cursor)
        return True
