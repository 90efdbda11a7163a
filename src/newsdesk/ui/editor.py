"""The Markdown editor: highlighting, formatting commands, pasted and dropped pictures and rich
text (Word, web pages) turned into clean Markdown."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QUrl
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

from newsdesk.content.html_markdown import html_to_markdown

# picture bytes -> the `media/...` reference to write, or None if it was refused (and said why)
PICTURE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp")  # what may be inserted
StorePicture = Callable[[bytes], str | None]


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


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._RULES = _rules()
        self._FENCE = _format("#5a6b7b")
        self._MARK = _format("#b04040", bold=True)
        self.marks: list[tuple[int, int]] = []  # (start, end) offsets of findings in the text

    def highlightBlock(self, text: str) -> None:
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
        for begin, end in self.marks:
            if begin < start + len(text) and end > start:
                mark = QTextCharFormat(self._MARK)
                mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                mark.setUnderlineColor(QColor("#d32f2f"))
                a = max(begin - start, 0)
                self.setFormat(a, min(end - start, len(text)) - a, mark)


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
            files = [
                u.toLocalFile() for u in source.urls() if isinstance(u, QUrl) and u.isLocalFile()
            ]
            pictures = [f for f in files if f.lower().endswith(PICTURE_SUFFIXES)]
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
            markdown = html_to_markdown(source.html(), sanitise=True)
            if markdown.strip():
                self.textCursor().insertText(markdown)
                return
        super().insertFromMimeData(source)

    def mark(self, spans: list[tuple[int, int]]) -> None:
        """Underline check findings (offsets into the body)."""
        if spans != self.highlighter.marks:
            self.highlighter.marks = spans
            self.highlighter.rehighlight()
