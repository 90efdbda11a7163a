"""Pictures decoded after the article is shown: it opens (and takes typing) at once, each
picture a grey box of its size until its pixels are ready (a phone photo takes tens of
milliseconds to decode), one picture per turn of the event loop so that keys go in between.

On the GUI thread on purpose: decoding in a worker thread deadlocked now and then against the
GUI thread inside Qt's image plugins (a worker's QImageReader waiting on a lock the GUI thread
held while it waited for Python's), and a signal emitted from a worker on an editor deleted
meanwhile crashed the process.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtGui import QTextDocument

from newsdesk.ui.visual.loader import Pending, decoded


class PictureDecoder(QObject):
    """Decodes the pending pictures of the document last given and puts them in; those of a
    document since replaced are dropped."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)
        self._pending: list[Pending] = []
        self._document: QTextDocument | None = None
        self.shown = 0  # pictures put in, for tests

    def decode(self, document: QTextDocument, pending: list[Pending]) -> None:
        self._document = document
        self._pending = list(pending)
        if self._pending:
            self._timer.start()
        else:
            self._timer.stop()

    def _next(self) -> None:
        document = self._document
        if not self._pending or document is None:
            self._timer.stop()
            return
        name, data = self._pending.pop(0)
        image = decoded(data)
        if not image.isNull():
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
            self.shown += 1
        viewport = getattr(self.parent(), "viewport", None)
        if viewport is not None:
            viewport().update()
        if not self._pending:
            self._timer.stop()
