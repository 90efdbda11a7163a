"""What an edit may touch: a locked block (Markdown the visual editor does not edit), a rule
and a picture are changed only whole, so that none is ever half-deleted or typed into."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextBlock, QTextCursor

from newsdesk.ui.visual import formats as f

WHOLE = frozenset({"locked", "rule", "picture"})  # changed only whole
_EDGE = WHOLE | {"caption"}  # nothing merges into or out of these
_DELETING = {Qt.Key.Key_Backspace, Qt.Key.Key_Delete}


def kind(block: QTextBlock) -> str:
    return f.kind_of(block.blockFormat()) if block.isValid() else ""


def is_edit(event: QKeyEvent) -> bool:
    """Whether the key changes the text (typing, deleting, a new line, cut or paste)."""
    if event.key() in (*_DELETING, Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return True
    if event.matches(QKeySequence.StandardKey.Cut) or event.matches(QKeySequence.StandardKey.Paste):
        return True
    text = event.text()
    return bool(text) and text.isprintable()


def selection_allowed(cursor: QTextCursor) -> bool:
    """A selection may be replaced unless it takes part of a protected block along with text
    outside it."""
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    document = cursor.document()
    block = document.findBlock(start)
    while block.isValid() and block.position() <= end:
        first, last = block.position(), block.position() + block.length() - 1
        inside = first <= start and end <= last
        whole = start <= first and end >= last
        if kind(block) in WHOLE and not whole:
            return False
        if kind(block) == "caption" and not (inside or whole):
            return False
        block = block.next()
    return True


def whole_block_to_delete(cursor: QTextCursor, key: Qt.Key) -> QTextCursor | None:
    """Backspace or Delete in a locked block, a rule or a picture selects it whole (a
    picture with its caption): Word deletes a picture that way."""
    if key not in _DELETING or cursor.hasSelection():
        return None
    block = cursor.block()
    if kind(block) not in WHOLE:
        return None
    last = block
    if kind(block) == "picture" and kind(block.next()) == "caption":
        last = block.next()
    whole = QTextCursor(cursor.document())
    start = block.position()
    end = last.position() + last.length() - 1
    # Take the line break on one side too, so that no empty block is left behind.
    if last.next().isValid():
        end += 1
    elif block.previous().isValid():
        start -= 1
    whole.setPosition(start)
    whole.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return whole


def key_allowed(cursor: QTextCursor, event: QKeyEvent) -> bool:
    if cursor.hasSelection():
        return selection_allowed(cursor)
    block, key = cursor.block(), event.key()
    here = kind(block)
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return here not in WHOLE or cursor.atBlockStart() or cursor.atBlockEnd()
    if key == Qt.Key.Key_Backspace and cursor.atBlockStart():
        return block.length() == 1 or (kind(block.previous()) not in _EDGE and here != "caption")
    if key == Qt.Key.Key_Delete and cursor.atBlockEnd():
        return block.length() == 1 or (kind(block.next()) not in _EDGE and here != "caption")
    return here not in WHOLE


def typing_allowed(cursor: QTextCursor) -> bool:
    """Text from an input method or a paste may go here."""
    if cursor.hasSelection():
        return selection_allowed(cursor)
    return kind(cursor.block()) not in WHOLE
