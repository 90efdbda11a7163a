"""Pictures decoded off the GUI thread: an article opens (and takes typing) at once, each
picture shown as a grey box of its size until its pixels are ready (a phone photo takes
tens of milliseconds to decode)."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QUrl, Signal
from PySide6.QtGui import QImage, QTextDocument

from newsdesk.ui.visual.loader import Pending, decoded


class _Signals(QObject):
    done = Signal(int, object)  # the ticket, [(resource name, QImage)]


class _Decode(QRunnable):
    """Only bytes in and images out: no Qt object of the GUI thread is touched here."""

    def __init__(self, ticket: int, pending: list[Pending], signals: _Signals):
        super().__init__()
        self.ticket, self.pending, self.signals = ticket, list(pending), signals

    def run(self) -> None:
        images = [(name, decoded(data)) for name, data in self.pending]
        with contextlib.suppress(RuntimeError):  # the editor is gone: nobody to show them
            self.signals.done.emit(self.ticket, images)


class PictureDecoder(QObject):
    """Decodes the pending pictures of the document last given, on the global thread pool,
    and puts them in; pictures of a document since replaced are dropped."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._signals = _Signals(self)
        self._signals.done.connect(self._show)
        self._ticket = 0
        self._document: QTextDocument | None = None
        self.shown = 0  # pictures put in, for tests

    def decode(self, document: QTextDocument, pending: list[Pending]) -> None:
        self._ticket += 1
        self._document = document
        if pending:
            QThreadPool.globalInstance().start(_Decode(self._ticket, pending, self._signals))

    def _show(self, ticket: int, images: list[tuple[str, QImage]]) -> None:
        document = self._document
        if ticket != self._ticket or document is None:
            return
        for name, image in images:
            if not image.isNull():
                document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
                self.shown += 1
        viewport = getattr(self.parent(), "viewport", None)
        if viewport is not None:
            viewport().update()
