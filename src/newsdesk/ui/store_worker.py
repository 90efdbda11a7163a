"""The open article's store work, on one thread that owns a store connection of its own
(SQLite connections belong to their thread; a PostgreSQL call may wait on the network).

`submit(job, done, failed, key=...)` queues `job(workspace)` and hands its result (or its
NewsdeskError) to `done` (or `failed`) on the GUI thread. A job queued under a key is replaced
by a newer one under the same key that comes before it started: the newest autosave wins, as
the newest render does in the preview. `call(job)` is for what the user asked for and waits on
(opening, Ctrl+S, a signature): it runs after the jobs already queued and returns the result,
with theirs handed over first, in order.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from newsdesk.core.errors import ServerUnreachable
from newsdesk.core.workspace import Workspace

log = logging.getLogger("newsdesk")

Job = Callable[[Workspace], Any]
Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


@dataclass
class _Task:
    job: Job
    done: Done | None
    failed: Failed | None
    key: str | None = None
    waited: threading.Event | None = None  # set for `call`: the caller takes the result
    result: Any = None
    error: Exception | None = None
    handed: bool = field(default=False)


class StoreWorker(QObject):
    """Signals: answered() when a job got an answer from the store (anything but a server
    that is not there)."""

    answered = Signal()
    _ready = Signal()

    def __init__(self, open_workspace: Callable[[], Workspace], parent: QObject | None = None):
        super().__init__(parent)
        self._open = open_workspace
        self.workspace: Workspace | None = None  # the worker's own; only its thread uses it
        self._lock = threading.Condition()
        self._queue: deque[_Task] = deque()
        self._finished: deque[_Task] = deque()
        self._running: _Task | None = None
        self._started = 0.0
        self._stopping = False
        self._ready.connect(self._hand_over)  # queued: the signal comes from the worker thread
        self._thread = threading.Thread(target=self._loop, name="newsdesk-store", daemon=True)
        self._thread.start()

    # --- the GUI thread's side ----------------------------------------------------------------

    def submit(
        self, job: Job, done: Done | None = None, failed: Failed | None = None, *, key: str = ""
    ) -> None:
        with self._lock:
            if key:
                self._queue = deque(t for t in self._queue if t.key != key)
            self._queue.append(_Task(job, done, failed, key or None))
            self._lock.notify_all()

    def cancel(self, key: str) -> None:
        """Drop a queued job that has not started."""
        with self._lock:
            self._queue = deque(t for t in self._queue if t.key != key)

    def call(self, job: Job) -> Any:
        """Run `job` after what is queued and return its result (or raise its error)."""
        task = _Task(job, None, None, waited=threading.Event())
        with self._lock:
            self._queue.append(task)
            self._lock.notify_all()
        task.waited.wait()  # type: ignore[union-attr]
        self._hand_over()
        if task.error is not None:
            raise task.error
        return task.result

    def pending(self, key: str) -> bool:
        """A job under `key` is queued or running."""
        with self._lock:
            running = self._running is not None and self._running.key == key
            return running or any(t.key == key for t in self._queue)

    def busy_for(self) -> float:
        """How long the job under way has been running (0 with none)."""
        with self._lock:
            return time.monotonic() - self._started if self._running is not None else 0.0

    def idle(self, timeout_s: float = 30.0) -> bool:
        """Wait until nothing is queued or running; hand the results over."""
        with self._lock:
            quiet = self._lock.wait_for(
                lambda: not self._queue and self._running is None, timeout_s
            )
        self._hand_over()
        return quiet

    def stop(self, timeout_s: float = 10.0) -> None:
        """Finish the job under way, drop the rest, close the worker's store."""
        with self._lock:
            self._stopping = True
            self._queue.clear()
            self._lock.notify_all()
        self._thread.join(timeout_s)

    def _hand_over(self) -> None:
        while True:
            with self._lock:
                if not self._finished:
                    return
                task = self._finished.popleft()
            if not isinstance(task.error, ServerUnreachable):
                self.answered.emit()
            if task.waited is not None:
                continue  # its caller has it
            if task.error is not None:
                if task.failed is not None:
                    task.failed(task.error)
                else:
                    log.error("store job failed", exc_info=task.error)
            elif task.done is not None:
                task.done(task.result)

    # --- the worker thread ----------------------------------------------------------------------

    def _loop(self) -> None:
        while True:
            with self._lock:
                self._lock.wait_for(lambda: self._queue or self._stopping)
                if self._stopping:
                    break
                task = self._running = self._queue.popleft()
                self._started = time.monotonic()
            try:
                if self.workspace is None:
                    self.workspace = self._open()
                task.result = task.job(self.workspace)
            except Exception as error:  # handed to the GUI thread, which decides
                task.error = error
            with self._lock:
                self._finished.append(task)
                self._running = None
                self._lock.notify_all()
            if task.waited is not None:
                task.waited.set()
            else:
                with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                    self._ready.emit()
        if self.workspace is not None:
            self.workspace.repo.close()
