"""Work that waits on the network (the 公众号 API) runs off the GUI thread, on a workspace of
its own: a store connection belongs to the thread that opened it.

`Background.start(job)` runs `job(workspace, progress)` on a worker with a fresh connection to
the same database and reports back through Qt signals on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from newsdesk.core.errors import NewsdeskError
from newsdesk.core.pushing import Connect
from newsdesk.core.workspace import Workspace
from newsdesk.store import open_repository

Progress = Callable[[str, int, int], None]
Job = Callable[[Workspace, Progress], Any]


class _Signals(QObject):
    progressed = Signal(str, int, int)
    finished = Signal(object)
    failed = Signal(object)  # a NewsdeskError; anything else is a defect and goes to the log


class _Run(QRunnable):
    def __init__(self, target: str, connect: Connect, job: Job, signals: _Signals) -> None:
        super().__init__()
        self.target, self.connect, self.job, self.signals = target, connect, job, signals

    def run(self) -> None:
        try:
            store = open_repository(self.target)
        except NewsdeskError as error:
            self.signals.failed.emit(error)
            return
        try:
            workspace = Workspace(store, connect=self.connect)
            result = self.job(workspace, self.signals.progressed.emit)
        except NewsdeskError as error:
            self.signals.failed.emit(error)
        except Exception as error:  # a defect: the window says so calmly, the log has it
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)
        finally:
            store.close()


class Background(QObject):
    """Signals: progressed(str, int, int), finished(object), failed(Exception)."""

    progressed = Signal(str, int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, target: str, connect: Connect, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.target, self._api = target, connect
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.progressed.connect(self.progressed)
        self._signals.finished.connect(self._finished)
        self._signals.failed.connect(self._failed)
        # Counted on the GUI thread: the worker is still closing its store when its last
        # signal arrives, so the pool would still call it busy.
        self._running = 0

    def start(self, job: Job) -> None:
        self._running += 1
        self._pool.start(_Run(self.target, self._api, job, self._signals))

    def _finished(self, result: object) -> None:
        self._running -= 1
        self.finished.emit(result)

    def _failed(self, error: object) -> None:
        self._running -= 1
        self.failed.emit(error)

    def busy(self) -> bool:
        return self._running > 0

    def wait(self, timeout_ms: int = 30_000) -> bool:
        return self._pool.waitForDone(timeout_ms)
