"""所见即所得: the article as rich text, its Markdown still the record.

`set_markdown` shows each top-level block of the Markdown (block_model) as rich text marked
with the block's index; `markdown()` gives back every block whose content reads back as it was
loaded in its exact source bytes, and writes only the others in canonical Markdown. So a mode
switch without typing changes nothing, and an edit changes only the blocks it touched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QTextEdit, QWidget

from newsdesk.content.block_markdown import HARD_BREAK, Span
from newsdesk.content.block_model import Article, Piece, compose_at, split_article
from newsdesk.content.block_nodes import (
    BulletList,
    Node,
    Paragraph,
    Picture,
    read_article,
    to_markdown,
)
from newsdesk.ui.clipboard import picture_files
from newsdesk.ui.editor import Mark
from newsdesk.ui.visual import commands, guard, paste
from newsdesk.ui.visual import formats as f
from newsdesk.ui.visual.loader import Loader, image_format
from newsdesk.ui.visual.marks import Place, locate, selections
from newsdesk.ui.visual.pictures import PictureDecoder
from newsdesk.ui.visual.reader import Group, groups, ident_of, nodes, shown_as

_EMPTY_PICTURE = re.compile(r"^!\[[^\]]*\]\(\s*\)$")
Media = Mapping[str, bytes] | Callable[[str], bytes | None]
COMMANDS = (
    "bold", "italic", "heading", "quote", "bullet_list", "numbered_list", "table", "rule",
    "add_row", "remove_row", "add_column", "remove_column",
)  # fmt: skip


def _shown_locked(source: str) -> str:
    """A locked block's text as the loader shows it (one block, lines kept apart)."""
    return source.replace("\r\n", "\n").replace("\n", HARD_BREAK)


def _nothing(name: str) -> bytes | None:
    return None


class VisualEditor(QTextEdit):
    """Signals: changed() whenever the writer changes the text (not while an input method is
    still composing, and not on `set_markdown`)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visualEditor")
        self._loading = False
        self._composing = False
        self._dirty: set[int] = set()  # source blocks some change reached since loading
        self._document = self._new_document()
        self.setDocument(self._document)
        self.store_picture: paste.StorePicture | None = None
        font = QFont()
        font.setFamilies(["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "sans-serif"])
        font.setPointSize(12)
        self.setFont(font)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(False)
        self._article: Article = split_article("")
        self._snapshot: dict[int, list[Node]] = {}
        self._media: dict[str, bytes] = {}  # pictures pasted or inserted here
        self._given: Callable[[str], bytes | None] = _nothing
        self._pictures = PictureDecoder(self)
        self.places: list[Place] = []  # where each block of the last markdown() is shown

    def _new_document(self) -> QTextDocument:
        """A document of Python's own, not the widget's child: Python's wrappers of its tables
        and frames refer to it and are freed by the garbage collector, maybe after the widget
        is gone; the document must outlive them (else a crash in a later widget's focus-in)."""
        document = QTextDocument()
        document.setDocumentMargin(14)
        document.contentsChanged.connect(self._contents_changed)
        document.contentsChange.connect(self._reached)
        return document

    # --- the Markdown -------------------------------------------------------------------------

    def set_markdown(self, text: str, media: Media | None = None) -> None:
        """Show `text`; `media` gives a picture's bytes by the name the Markdown uses
        (`media/<hash>.jpg`): a mapping, or a function answering None when there is none."""
        if media is None:
            self._given = _nothing
        elif callable(media):
            self._given = media
        else:
            self._given = media.get
        article, read = read_article(text)
        # Built apart and then shown: a shown document lays itself out after every insertion
        # (four times the time on a long article).
        document = self._new_document()
        document.setDefaultFont(self.font())
        self._loading = True
        try:
            document.setUndoRedoEnabled(False)
            loader = Loader(QTextCursor(document), self._lookup)
            loader.pending = []
            for item in read:
                block = article.blocks[item.index]
                if item.node is None or item.node == BulletList(()):
                    loader.locked(block.text, item.index)  # nothing it could show: locked
                else:
                    loader.node(item.node, item.index)
            document.setUndoRedoEnabled(True)
            document.setModified(False)
            self._document = document
            self.setDocument(document)
        finally:
            self._loading = False
        self._article = article
        # What each block reads back as, untouched: the content an edit is compared with (so
        # that undoing it gives the source bytes back). Blocks no edit reached are not read.
        self._snapshot = {item.index: shown_as(item.node) for item in read if item.node}
        self._dirty = set()
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._pictures.decode(document, loader.pending)

    def _lookup(self, name: str) -> bytes | None:
        return self._media.get(name) or self._given(name)

    def markdown(self) -> str:
        blocks = self._article.blocks
        pieces: list[Piece] = []
        places: list[tuple[int, int]] = []  # per piece: the document range showing it
        seen: set[int] = set()
        for group in groups(self.document()):
            first, last = group.blocks[0], group.blocks[-1]
            place = (first.position(), last.position() + last.length() - 1)
            made = len(pieces)
            ident = group.ident
            if ident is None or ident in seen or ident >= len(blocks):
                pieces.extend(Piece(to_markdown(n)) for n in nodes(group))
            else:
                seen.add(ident)
                pieces.extend(self._pieces_of(group, ident))
            places.extend([place] * (len(pieces) - made))
        text, starts = compose_at(pieces, self._article.lead)
        self.places = [
            Place(start, start + len(piece.text), *place)
            for start, piece, place in zip(starts, pieces, places, strict=True)
            if start >= 0
        ]
        return text

    def _pieces_of(self, group: Group, ident: int) -> list[Piece]:
        source = self._article.blocks[ident]
        original = [Piece(source.text, source.end, ident)]
        if group.locked:
            shown = HARD_BREAK.join(b.text() for b in group.blocks)
            if shown == _shown_locked(source.text):
                return original
            # Typed over (a selection taking it whole, then text): the text is the writer's.
            return [Piece(to_markdown(n)) for n in nodes(group)]
        if ident not in self._dirty:
            return original
        now = nodes(group)
        if now == self._snapshot.get(ident):
            return original
        if len(now) == 1:
            return [Piece(to_markdown(now[0]), source.end, ident)]
        return [Piece(to_markdown(n)) for n in now]

    def touched(self) -> list[int]:
        """The source blocks an edit changed or removed (by index), for tests and the diff."""
        present: dict[int, Group] = {}
        for group in groups(self.document()):
            if group.ident is not None:
                present.setdefault(group.ident, group)
        out = []
        for index in range(len(self._article.blocks)):
            shown = present.get(index)
            if shown is None or (
                index in self._dirty
                and not shown.locked
                and nodes(shown) != self._snapshot.get(index)
            ):
                out.append(index)
        return out

    def _reached(self, position: int, removed: int, added: int) -> None:
        """Note which source blocks a change touched (text or formatting, Qt says either)."""
        if self._loading:
            return
        document = self.document()
        block = document.findBlock(position)
        while block.isValid() and block.position() <= position + added:
            ident = ident_of(document, block)
            if ident is not None:
                self._dirty.add(ident)
            block = block.next()

    def _contents_changed(self) -> None:
        if not self._loading and not self._composing:
            self.changed.emit()

    # --- for tests and scripting --------------------------------------------------------------

    def type_text(self, text: str) -> None:
        """Type `text` at the cursor as key presses ("\\n" is Enter), through the same paths as
        a keyboard."""
        self.setFocus()
        for ch in text:
            key = Qt.Key.Key_Return if ch == "\n" else Qt.Key.Key_unknown
            typed = "\r" if ch == "\n" else ch
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, typed)
                QApplication.sendEvent(self, event)

    def move_to_end(self) -> None:
        self.moveCursor(QTextCursor.MoveOperation.End)

    def paste(self, mime: QMimeData | None = None) -> None:
        """Paste `mime` (else the clipboard's content) at the cursor."""
        if mime is None:
            mime = QGuiApplication.clipboard().mimeData()
        if mime is not None and self.canInsertFromMimeData(mime):
            self.insertFromMimeData(mime)

    def apply(self, command: str) -> None:
        """One of COMMANDS on the selection or the cursor's block, as one undo step."""
        if command not in COMMANDS:
            raise ValueError(f"unknown command: {command}")
        cursor = self.textCursor()
        if not guard.typing_allowed(cursor) and command not in ("table", "rule"):
            QApplication.beep()
            return
        cursor.beginEditBlock()
        try:
            if command in ("bold", "italic"):
                typing = commands.toggle_char(cursor, self.currentCharFormat(), command == "bold")
                if not cursor.hasSelection():
                    self.setCurrentCharFormat(typing)
            elif command == "heading":
                commands.heading(cursor)
            elif command == "quote":
                commands.quote(cursor)
            elif command in ("bullet_list", "numbered_list"):
                commands.make_list(cursor, command == "numbered_list")
            elif command == "table":
                commands.insert_table(cursor, [self.tr("Column"), self.tr("Column")])
                self.setTextCursor(cursor)
            elif command == "rule":
                commands.insert_rule(cursor)
                self.setTextCursor(cursor)
            elif commands.table_edit(cursor, command):
                self.setTextCursor(cursor)
        finally:
            cursor.endEditBlock()

    def insert_picture(self, data: bytes, caption: str = "") -> bool:
        """Store the picture and show it after the cursor's block, its caption under it."""
        if self.store_picture is None:
            return False
        ref = self.store_picture(data)
        if ref is None:
            return False
        self._media[ref] = data
        self._insert_nodes([Picture(ref, caption)])
        return True

    def replace_picture(self, data: bytes) -> bool:
        """The picture the cursor is on (or under, in its caption) replaced by another, its
        caption kept."""
        block = self.textCursor().block()
        if f.kind_of(block.blockFormat()) == "caption":
            block = block.previous()
        if f.kind_of(block.blockFormat()) != "picture" or self.store_picture is None:
            return False
        ref = self.store_picture(data)
        if ref is None:
            return False
        self._media[ref] = data
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        old = cursor.charFormat().toImageFormat()
        alt, title = str(old.property(f.ALT) or ""), str(old.property(f.TITLE) or "")
        cursor.insertImage(image_format(self.document(), Picture(ref, alt, title), self._lookup))
        return True

    # --- 三校 ---------------------------------------------------------------------------------

    def mark(self, marks: Sequence[Mark]) -> None:
        """Underline findings (offsets into `markdown()`, as the source editor takes them)."""
        text = self.markdown()
        self.setExtraSelections(selections(self, self.places, text, marks))

    def select_span(self, start: int, end: int) -> bool:
        """Select the words at markdown()[start:end] (the findings panel jumps there)."""
        span = locate(self.document(), self.places, self.markdown(), start, end)
        if span is None:
            return False
        cursor = self.textCursor()
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return True

    def replace_span(self, start: int, end: int, expected: str, replacement: str) -> bool:
        """采纳建议: replace the words at markdown()[start:end] if they are still `expected`;
        one undo step, and only their block is rewritten."""
        text = self.markdown()
        if text[start:end] != expected:
            return False
        span = locate(self.document(), self.places, text, start, end)
        if span is None:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replacement)
        self.setTextCursor(cursor)
        return True

    # --- typing ----------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        for keys, command in (
            (QKeySequence.StandardKey.Bold, "bold"),
            (QKeySequence.StandardKey.Italic, "italic"),
        ):
            if event.matches(keys):  # Ctrl+B, Ctrl+I as in Word
                self.apply(command)
                return
        cursor = self.textCursor()
        key = event.key()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and cursor.currentTable() is not None:
            moved = commands.next_cell(cursor, key == Qt.Key.Key_Backtab)
            if moved is not None:
                self.setTextCursor(moved)
            return
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and cursor.currentList() is not None:
            cursor.beginEditBlock()
            commands.indent_item(cursor, key == Qt.Key.Key_Tab)
            cursor.endEditBlock()
            return
        if not guard.is_edit(event):
            super().keyPressEvent(event)
            return
        whole = guard.whole_block_to_delete(cursor, Qt.Key(key))
        if whole is not None:
            whole.removeSelectedText()
            return
        if not guard.key_allowed(cursor, event):
            QApplication.beep()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._leave_list(cursor):
            return
        if event.text() and event.text().isprintable():
            self._clear_protected()
        self.setCurrentCharFormat(self._typing_format())
        super().keyPressEvent(event)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._after_return()

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        if event.commitString() and not guard.typing_allowed(self.textCursor()):
            QApplication.beep()
            event.accept()
            return
        if event.commitString():
            self._clear_protected()
            self.setCurrentCharFormat(self._typing_format())
        # Qt lays the pre-edit out as a change of the document: nobody is told until the
        # composition ends (a re-render meanwhile would break it, see VISUAL-EDITING.md).
        self._composing = bool(event.preeditString())
        super().inputMethodEvent(event)

    def _clear_protected(self) -> None:
        """Text typed or pasted over a selection that takes a locked block, a rule or a
        picture whole: the selection goes first, and what is left is a plain paragraph (the
        text is the writer's, not the locked Markdown's)."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return
        if not any(guard.kind(b) in guard.WHOLE for b in commands.selected_blocks(cursor)):
            return
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        if guard.kind(cursor.block()) in guard.WHOLE or guard.kind(cursor.block()) == "caption":
            cursor.setBlockFormat(f.paragraph_format())
            cursor.setBlockCharFormat(f.base_char_format())
            cursor.setCharFormat(f.base_char_format())
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.setCurrentCharFormat(f.base_char_format())

    def _typing_format(self) -> QTextCharFormat:
        """What typed text takes: not a footnote reference's or code's format, and not a
        link's at the link's end (Word does not extend a link either)."""
        fmt = f.clean_char_format(self.currentCharFormat())
        cursor = self.textCursor()
        if fmt.isAnchor() and not cursor.hasSelection():
            after = QTextCursor(cursor)
            moved = after.movePosition(QTextCursor.MoveOperation.NextCharacter)
            if (
                not moved
                or after.block() != cursor.block()
                or (after.charFormat().anchorHref() != fmt.anchorHref())
            ):
                plain = f.base_char_format()
                plain.setFontWeight(fmt.fontWeight())
                plain.setFontItalic(fmt.fontItalic())
                fmt = plain
        return fmt

    def _leave_list(self, cursor: QTextCursor) -> bool:
        """Enter on an empty list item ends the list there, as in Word."""
        text_list = cursor.currentList()
        if text_list is None or cursor.block().length() > 1:
            return False
        block = cursor.block()
        text_list.remove(block)
        fmt = cursor.blockFormat()
        fmt.setIndent(0)
        fmt.clearProperty(f.BLOCK_ID)
        cursor.setBlockFormat(fmt)
        return True

    def _after_return(self) -> None:
        """The new block of an Enter is a plain paragraph of its own (after a heading, a
        caption, a picture) unless it continues a list or a quote; the block it came from keeps
        its source bytes if Enter was pressed at its end."""
        cursor = self.textCursor()
        block = cursor.block()
        previous = block.previous()
        if block.length() == 1:
            target = block
        elif previous.isValid() and previous.length() == 1:
            target = previous
        else:
            return
        if target.textList() is not None or f.kind_of(target.blockFormat()) == "quote":
            return
        edit = QTextCursor(target)
        edit.setBlockFormat(f.paragraph_format())
        edit.setBlockCharFormat(f.base_char_format())
        if target == block:
            self.setCurrentCharFormat(f.base_char_format())

    # --- paste and drop --------------------------------------------------------------------------

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasImage() or source.hasUrls() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if not guard.typing_allowed(self.textCursor()):
            QApplication.beep()
            return
        self._clear_protected()
        if source.hasHtml():
            markdown = paste.html_markdown(source.html(), self.store_picture, self._media)
            if markdown.strip():
                self._insert_markdown(markdown)
                return
        if source.hasImage() and self.store_picture is not None:
            data = paste.image_bytes(source)
            if data is not None:
                self.insert_picture(data)
            return
        if source.hasUrls() and self.store_picture is not None:
            pictures = picture_files(source)
            for name in pictures:
                try:
                    data = Path(name).read_bytes()
                except OSError as error:
                    QMessageBox.warning(self, self.tr("Not possible"), f"{name}: {error}")
                    continue
                self.insert_picture(data)
            if pictures:
                return
        if source.hasText():
            self.textCursor().insertText(source.text())

    def _insert_markdown(self, markdown: str) -> None:
        article, read = read_article(markdown)
        new: list[Node] = []
        for item in read:
            text = article.blocks[item.index].text
            if item.node is not None:
                new.append(item.node)
            elif not _EMPTY_PICTURE.match(text):  # a picture whose address was unsafe: gone
                new.append(Paragraph((Span(text),)))
        if len(new) == 1 and isinstance(new[0], Paragraph):
            cursor = self.textCursor()
            Loader(cursor, self._lookup).spans(
                new[0].spans, f.clean_char_format(cursor.charFormat())
            )
            return
        self._insert_nodes(new)

    def _insert_nodes(self, new: list[Node]) -> None:
        """Blocks after the cursor's (which is split at the cursor if it has text there)."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        try:
            if cursor.hasSelection():
                cursor.removeSelectedText()
            if cursor.block().length() > 1:
                if not cursor.atBlockEnd():
                    cursor.insertBlock()
                    cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
                    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
                cursor.insertBlock(f.paragraph_format(), f.base_char_format())
            loader = Loader(cursor, self._lookup)
            loader.fresh = True
            for node in new:
                loader.node(node)
        finally:
            cursor.endEditBlock()
        self.setTextCursor(cursor)
