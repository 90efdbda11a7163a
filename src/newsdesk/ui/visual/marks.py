"""三校 in visual mode: findings, given as offsets into the Markdown, underlined where their
words are shown, jumped to and replaced. Underlines are extra selections, drawn over the text
without changing the document (so they reach no block and rewrite nothing)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from newsdesk.ui.editor import Mark, underline


@dataclass(frozen=True)
class Place:
    """A block of the Markdown (offsets into it) and the document range that shows it."""

    start: int
    end: int
    first: int
    last: int


def _utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def locate(
    document: QTextDocument, places: Sequence[Place], markdown: str, start: int, end: int
) -> tuple[int, int] | None:
    """The document range showing markdown[start:end]: its words searched for in the block
    that holds them, the occurrence nearest to where they stand in the Markdown."""
    wanted = markdown[start:end]
    place = next((p for p in places if p.start <= start < max(p.end, p.start + 1)), None)
    if place is None or not wanted.strip():
        return None
    # Block by block (a table's cells are blocks; a selection across cells is a rectangle).
    found: list[tuple[int, int, int]] = []  # (index in the blocks' joined text, start, end)
    seen = 0
    block = document.findBlock(place.first)
    while block.isValid() and block.position() <= place.last:
        shown = block.text()
        at = shown.find(wanted)
        while at >= 0:
            first = block.position() + _utf16(shown, at)
            found.append((seen + at, first, first + _utf16(wanted, len(wanted))))
            at = shown.find(wanted, at + 1)
        seen += len(shown) + 1
        block = block.next()
    if not found:
        return None
    share = (start - place.start) / max(place.end - place.start, 1)
    _, first, last = min(found, key=lambda hit: abs(hit[0] / max(seen, 1) - share))
    return first, last


def selections(
    editor: QTextEdit, places: Sequence[Place], markdown: str, marks: Sequence[Mark]
) -> list[QTextEdit.ExtraSelection]:
    out = []
    for mark in marks:
        span = locate(editor.document(), places, markdown, mark.start, mark.end)
        if span is None:
            continue
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(editor.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        underline(fmt, mark)
        selection.format = fmt
        out.append(selection)
    return out
