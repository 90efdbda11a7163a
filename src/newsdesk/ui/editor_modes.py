"""One article, two ways to edit it in one place: the source editor (源码) and the visual editor
(所见即所得), one shown at a time. The Markdown stays the record either way.

The source editor's document is the article while the visual editor is hidden; switching to
visual shows its text, switching back puts the visual editor's Markdown into it only if it
differs, as one undoable replacement (so a switch without typing changes nothing, and Ctrl+Z
in source mode takes back what was typed in visual mode). Which mode a user works in is
remembered per user on this PC.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QSettings, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from newsdesk.ui.editor import Mark, MarkdownEditor
from newsdesk.ui.visual import VisualEditor
from newsdesk.ui.visual.widget import COMMANDS

SETTING = "editor/visual/{user}"
# Issue 23: the writers this app is for learned Word, not Markdown; new users start visual.
VISUAL_FOR_NEW_USERS = True


def visual_remembered(username: str) -> bool:
    value = QSettings().value(SETTING.format(user=username))
    if value is None:
        return VISUAL_FOR_NEW_USERS
    return str(value).lower() in ("true", "1")


class EditorModes(QObject):
    """Signals: changed() when the writer changes the article's text, in either editor."""

    changed = Signal()

    def __init__(
        self,
        source: MarkdownEditor,
        username: str,
        media: Callable[[str], bytes | None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.source, self.username, self._media = source, username, media
        self.visual = VisualEditor()
        self.stack = QStackedWidget()
        self.stack.setObjectName("editorStack")
        self.stack.addWidget(source)
        self.stack.addWidget(self.visual)
        self._marks: list[Mark] = []
        source.textChanged.connect(self.changed)
        self.visual.changed.connect(self.changed)
        self.visual.installEventFilter(self)

    @property
    def visual_on(self) -> bool:
        return self.stack.currentWidget() is self.visual

    def current(self) -> MarkdownEditor | VisualEditor:
        return self.visual if self.visual_on else self.source

    def markdown(self) -> str:
        return self.visual.markdown() if self.visual_on else self.source.toPlainText()

    def show_text(self, text: str) -> None:
        """An article opened (or none): shown as stored, nothing edited, a new undo history."""
        self.source.blockSignals(True)
        self.source.setPlainText(text)
        self.source.blockSignals(False)
        if self.visual_on:
            self.visual.set_markdown(text, self._media)

    def replace_text(self, text: str) -> None:
        """The text replaced as if typed (a recovery copy restored): marks the article edited."""
        if self.visual_on:
            self.visual.set_markdown(text, self._media)
        self.source.setPlainText(text)

    def set_visual(self, on: bool, *, remember: bool = True) -> None:
        if remember:
            QSettings().setValue(SETTING.format(user=self.username), on)
        if on == self.visual_on:
            return
        if on:
            self.visual.set_markdown(self.source.toPlainText(), self._media)
            self.stack.setCurrentWidget(self.visual)
        else:
            text = self.visual.markdown()
            if text != self.source.toPlainText():
                self.visual_to_source(text)
            self.stack.setCurrentWidget(self.source)
        self.mark(self._marks)

    def restyle(self) -> None:
        """Light or dark changed: the visual editor takes its quotes', code's and captions'
        colours from the palette when it shows a text, so it shows its text again (the same
        Markdown, the cursor where it was; nothing edited)."""
        if not self.visual_on:
            return
        position = self.visual.textCursor().position()
        self.visual.set_markdown(self.visual.markdown(), self._media)
        cursor = self.visual.textCursor()
        cursor.setPosition(min(position, self.visual.document().characterCount() - 1))
        self.visual.setTextCursor(cursor)
        self.mark(self._marks)

    # --- undo across a switch ---------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Z in the visual editor with nothing left to undo there goes on into the
        source editor's history (what was typed before the switch); Ctrl+Y alike."""
        if watched is self.visual and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.matches(QKeySequence.StandardKey.Undo):
                return self._through(undo=True)
            if event.matches(QKeySequence.StandardKey.Redo):
                return self._through(undo=False)
        return super().eventFilter(watched, event)

    def _through(self, *, undo: bool) -> bool:
        """Undo (redo) a step of the source editor's history and show the result, if the
        visual editor has none of its own left; False to let the visual editor have the key."""
        own = self.visual.document()
        source = self.source.document()
        if (own.isUndoAvailable() if undo else own.isRedoAvailable()) or self.source.isReadOnly():
            return False
        if not (source.isUndoAvailable() if undo else source.isRedoAvailable()):
            return False
        text = self.visual.markdown()
        if text != self.source.toPlainText():  # shown again since the switch (light/dark)
            self.visual_to_source(text)
        self.source.undo() if undo else self.source.redo()
        self.visual.set_markdown(self.source.toPlainText(), self._media)
        self.mark(self._marks)
        return True

    def visual_to_source(self, text: str) -> None:
        """The visual editor's Markdown into the source editor, as one step of its history."""
        cursor = QTextCursor(self.source.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)

    # --- what both editors do, done by the one shown -------------------------------------------

    def set_read_only(self, read_only: bool) -> None:
        self.source.setReadOnly(read_only)
        self.visual.setReadOnly(read_only)

    def isReadOnly(self) -> bool:  # the editors' own names: Proofing calls either
        return self.source.isReadOnly()

    def set_enabled(self, enabled: bool) -> None:
        self.source.setEnabled(enabled)
        self.visual.setEnabled(enabled)

    def setFocus(self) -> None:
        self.current().setFocus()

    def mark(self, marks: Sequence[Mark]) -> None:
        """Underline findings (offsets into the Markdown) in the editor shown."""
        self._marks = list(marks)
        self.current().mark(self._marks)

    def select_span(self, start: int, end: int) -> None:
        self.current().select_span(start, end)

    def replace_span(self, start: int, end: int, expected: str, replacement: str) -> bool:
        return self.current().replace_span(start, end, expected, replacement)

    def format(self, command: str) -> None:
        """A formatting button: the visual editor's command, or the source editor's method."""
        if not self.visual_on:
            getattr(self.source, command)()
        elif command in COMMANDS:
            self.visual.apply(command)
        else:
            QApplication.beep()  # no such command in visual mode (a link: type it in source)

    def insert_picture(self, data: bytes) -> None:
        if self.visual_on:
            self.visual.insert_picture(data)
        else:
            self.source.insert_picture(data)
