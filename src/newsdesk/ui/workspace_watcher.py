"""One watcher of the workspace for the whole app: what other PCs (and other windows, and the
CLI) changed, and whether the team server is there.

In team mode a thread of its own LISTENs on the server (store/change_feed.py): another PC's
commit reaches `changed` within milliseconds, and the GUI thread never waits on the network.
When the link dies the thread knows within about the answer deadline plus a second (it pings a
quiet link), says `went_offline`, and tries again with a growing pause (RETRY_SECONDS); when the
server answers again it says `came_back` and then `changed` with every table, because what
changed during the outage was never told.

On a SQLite file a timer on the GUI thread asks `PRAGMA data_version` every CHECK_MS: a local
read of microseconds, which moves whenever another connection commits.

Signals: changed(object) a frozenset of table names; went_offline(object) the error (a
ServerUnreachable on a server); came_back().
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance

from newsdesk.core.errors import NewsdeskError, StoreError
from newsdesk.core.repository import Repository
from newsdesk.store import EVERYTHING, ChangeFeed, open_change_feed
from newsdesk.ui.wechat_link import reopen_target

log = logging.getLogger("newsdesk")

CHECK_MS = 250  # SQLite: how often data_version is read (about 10 µs each)
LISTEN_SECONDS = 0.25  # server: how long one wait for a notification lasts (so stop is prompt)
RETRY_SECONDS = (0.5, 1.0, 2.0, 3.0)  # server: pauses between attempts to reconnect


class _Relay(QObject):
    """Carries the listening thread's news to the GUI thread (queued: the relay lives there).
    Each carries the run it came from, so a stopped run's late news is dropped."""

    changed = Signal(int, object)
    went_offline = Signal(int, object)
    came_back = Signal(int)


class WorkspaceWatcher(QObject):
    changed = Signal(object)
    went_offline = Signal(object)
    came_back = Signal()

    def __init__(self, source: Repository | str, parent: QObject | None = None) -> None:
        """`source`: the workspace's store (the watcher opens its own connection to the same
        workspace), or its address (a postgresql:// URL with its password, or a file path)."""
        super().__init__(parent)
        self.target = source if isinstance(source, str) else reopen_target(source)
        self.server = self.target.startswith(("postgresql://", "postgres://"))
        self._offline = False
        self._run = 0  # which start() the news belongs to
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._feed: ChangeFeed | None = None  # SQLite's, read on the GUI thread
        self._timer = QTimer(self, interval=CHECK_MS)
        self._timer.timeout.connect(self._check_file)
        self._relay = _Relay(self)
        self._relay.changed.connect(self._told)
        self._relay.went_offline.connect(self._lost)
        self._relay.came_back.connect(self._back)

    @property
    def offline(self) -> bool:
        """The server (or the file) stopped answering and has not answered since."""
        return self._offline

    def start(self) -> None:
        if self._thread is not None or self._timer.isActive():
            return
        self._run += 1
        if not self.server:
            self._timer.start()
            self._check_file()  # the file's version now is the one changes are told from
            return
        self._stop = threading.Event()
        stop, run, relay = self._stop, self._run, self._relay
        self.destroyed.connect(lambda *_: stop.set())  # a window closed without stop()
        self._thread = threading.Thread(
            target=_listen, args=(self.target, stop, run, relay), name="newsdesk-watch", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stops at once; the thread lets go of its connection within LISTEN_SECONDS (or, if
        it is asking a dead link, when the deadline passes)."""
        self._run += 1  # whatever the old run still says is dropped
        self._timer.stop()
        if self._feed is not None:
            self._feed.close()
            self._feed = None
        if self._thread is not None:
            self._stop.set()
            self._thread.join(timeout=2 * LISTEN_SECONDS)
            self._thread = None

    # --- SQLite -----------------------------------------------------------------------------

    def _check_file(self) -> None:
        try:
            if self._feed is None:
                self._feed = open_change_feed(self.target)
                if self._offline:  # the file is back (a drive plugged in again)
                    self._back(self._run)
                    self._told(self._run, EVERYTHING)
                return
            told = self._feed.changes(0.0)
        except StoreError as error:
            if self._feed is not None:
                self._feed.close()
                self._feed = None
            self._lost(self._run, error)
            return
        if told:
            self._told(self._run, told)

    # --- news, on the GUI thread ---------------------------------------------------------------

    def _told(self, run: int, tables: object) -> None:
        if run == self._run:
            self.changed.emit(tables)

    def _lost(self, run: int, error: object) -> None:
        if run != self._run:
            return
        first = not self._offline
        self._offline = True
        if first:
            self.went_offline.emit(error)

    def _back(self, run: int) -> None:
        if run == self._run and self._offline:
            self._offline = False
            self.came_back.emit()


def _listen(target: str, stop: threading.Event, run: int, relay: _Relay) -> None:
    """The server's side, on a thread of its own: LISTEN, and reconnect after an outage."""
    feed: ChangeFeed | None = None
    lost = False
    attempt = 0
    try:
        while not stop.is_set():
            try:
                if feed is None:
                    feed = open_change_feed(target)
                    attempt = 0
                    if lost:
                        lost = False
                        _say(stop, relay.came_back, run)
                        _say(stop, relay.changed, run, EVERYTHING)  # what was missed: unknown
                    continue
                told = feed.changes(LISTEN_SECONDS)
                if told and not stop.is_set():
                    _say(stop, relay.changed, run, told)
            except Exception as error:  # a defect goes to the log; the watch goes on
                if not isinstance(error, NewsdeskError):
                    log.exception("workspace watcher")
                if feed is not None:
                    feed.close()
                    feed = None
                if not lost:
                    lost = True
                    _say(stop, relay.went_offline, run, error)
                stop.wait(RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)])
                attempt += 1
    finally:
        if feed is not None:
            feed.close()


def _say(stop: threading.Event, signal: SignalInstance, *args: object) -> None:
    try:
        signal.emit(*args)
    except RuntimeError:  # the watcher was deleted with its window: nobody left to tell
        stop.set()
