"""Whether the database server answers. Store work that meets it silent says so (`lost`); then
a probe with a connection of its own asks again every few seconds, so a link still dead costs
the window nothing and holds up no queue, and `answered` says when it does."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from newsdesk.core.errors import ServerSilent, ServerUnreachable
from newsdesk.ui import wechat_link
from newsdesk.ui.background import Background

log = logging.getLogger("newsdesk")
RETRY_MS = 5_000
# A store job this long without an answer: the server is said to be away at once rather than
# when the connection's own deadline (pg_liveness, 5 s) gives up; it is back at the next answer.
SILENT_AFTER_S = 2.0


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
        self._busy_for: Callable[[], float] | None = None
        self._watchdog = QTimer(self, interval=250)
        self._watchdog.timeout.connect(self._look)

    def watch(self, busy_for: Callable[[], float]) -> None:
        """Say the server is away when store work has waited `SILENT_AFTER_S` for it."""
        self._busy_for = busy_for
        self._watchdog.start()

    def _look(self) -> None:
        waited = self._busy_for() if self._busy_for is not None else 0.0
        if waited > SILENT_AFTER_S and not self.offline:
            self.went_away(ServerSilent(self.target, round(waited)))

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
        self._watchdog.stop()
        if self._probe is not None:
            self._probe.wait(3000)
