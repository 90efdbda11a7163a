"""Pictures decoded off the GUI thread: an article opens (and takes typing) at once, each
picture shown as a grey box of its size until its pixels are ready (a phone photo takes
tens of milliseconds to decode).

The worker is a plain Python thread that only turns bytes into QImages (a value type any
thread may make); the editor polls for the result. No QObject is ever reached from the
worker: one deleted meanwhile (an editor closed while its photos decode) would crash it.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtGui import QImage, QTextDocument

from newsdesk.ui.visual.loader import Pending, decoded

_WORKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="visual-pictures")
Decoded = list[tuple[str, QImage]]


def _decode(pending: list[Pending]) -> Decoded:
    return [(name, decoded(data)) for name, data in pending]


class PictureDecoder(QObject):
    """Decodes the pending pictures of the document last given and puts them in; those of a
    document since replaced are dropped."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(15)
        self._timer.timeout.connect(self._poll)
        self._future: Future[Decoded] | None = None
        self._document: QTextDocument | None = None
        self.shown = 0  # pictures put in, for tests

    def decode(self, document: QTextDocument, pending: list[Pending]) -> None:
        self._document = document
        self._future = _WORKER.submit(_decode, list(pending)) if pending else None
        if self._future is None:
            self._timer.stop()
        else:
            self._timer.start()

    def _poll(self) -> None:
        future, document = self._future, self._document
        if future is None or document is None:
            self._timer.stop()
            return
        if not future.done():
            return
        self._timer.stop()
        self._future = None
        for name, image in future.result():
            if not image.isNull():
                document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
                self.shown += 1
        viewport = getattr(self.parent(), "viewport", None)
        if viewport is not None:
            viewport().update()
