"""Whether the database server answers. Store work that meets it silent says so (`lost`); then
a probe with a connection of its own asks again every few seconds, so a link still dead costs
the window nothing and holds up no queue, and `answered` says when it does."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from newsdesk.core.errors import ServerUnreachable
from newsdesk.ui import wechat_link
from newsdesk.ui.background import Background

log = logging.getLogger("newsdesk")
RETRY_MS = 5_000


class ServerWatch(QObject):
    """Signals: lost(ServerUnreachable), the newest reason each time; answered()."""

    lost = Signal(object)
    answered = Signal()

    def __init__(self, target: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.target = target
        self.offline = False
        self.retry_timer = QTimer(self, interval=RETRY_MS)
        self.retry_timer.timeout.connect(self._probe_server)
        self._probe: Background | None = None

    def went_away(self, error: ServerUnreachable) -> None:
        if not self.offline:
            log.warning("%s", error.message("en"))
        self.offline = True
        self.lost.emit(error)
        self.retry_timer.start()

    def is_back(self) -> None:
        self.offline = False
        self.retry_timer.stop()

    def _probe_server(self) -> None:
        if self._probe is None:
            self._probe = Background(self.target, wechat_link.connect, self)
            self._probe.finished.connect(lambda _marker: self.answered.emit())
            self._probe.failed.connect(self._probe_failed)
        if not self._probe.busy():
            self._probe.start(lambda workspace, _progress: workspace.repo.change_marker())

    def _probe_failed(self, error: object) -> None:
        if isinstance(error, ServerUnreachable) and self.offline:
            self.lost.emit(error)  # the newest reason, on hover

    def stop(self) -> None:
        self.retry_timer.stop()
        if self._probe is not None:
            self._probe.wait(3000)
