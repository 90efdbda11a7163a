"""A network that can fail on demand, between the app (or the CLI) and the real local PostgreSQL.

`FaultyLink` listens on 127.0.0.1 (only) and forwards each connection to the server's Unix
socket, so the server needs no TCP listener. Its modes stand for what an office network does:

- `pass_through()`: bytes flow both ways (and `restore()` comes back to this);
- `black_hole()`: a dead switch. Connections held and new ones accepted, what the client sends
  is read and dropped, nothing comes back, no FIN, no RST. The upstream side stays open too, so
  the server is as unaware as a server behind a dead switch is;
- `refuse()`: the listening socket is closed, so connects are refused (a server PC turned off
  in an office where the router answers for it);
- `stop_server()`: the server stopped or is restarting: every connection is closed at once (as
  a shutdown ends its sessions) and new ones are refused until `restore()`; `stop_server_on`
  does it at a marker, as `black_hole_on` below;
- `black_hole_on(marker)`: passes until the client sends a message containing `marker` (say
  b"COMMIT"), then turns black-hole either before that message reaches the server or just
  after it, which makes a lost answer to a write on demand;
- `delay` (seconds, each way): what passes arrives that much later, as over an office
  network (10 ms each way makes every statement a 20 ms round trip).

Through a user-space proxy the kernel still acknowledges every segment, so TCP keepalives and
tcp_user_timeout never fire here: what these tests exercise is the app's own deadline for an
answer, which is what also catches a hung server or a middlebox that keeps the TCP link alive.

Every link stops by itself after `lifetime` seconds at the latest (a test that forgets to stop
it leaves no thread behind for long), and `with FaultyLink(...) as link:` stops it on exit.
"""

from __future__ import annotations

import collections
import contextlib
import enum
import selectors
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import pytest

PG_SOCKET = Path("/var/run/postgresql/.s.PGSQL.5432")


class Mode(enum.Enum):
    PASS = "pass"
    BLACK_HOLE = "black hole"
    REFUSE = "refuse"
    STOPPED = "stopped"


class _Pair:
    """One client connection and its upstream."""

    def __init__(self, client: socket.socket, upstream: socket.socket) -> None:
        self.client, self.upstream = client, upstream
        self.dead = False  # this pair met the black hole: nothing flows on it again

    def close(self) -> None:
        for sock in (self.client, self.upstream):
            with contextlib.suppress(OSError):
                sock.close()


class FaultyLink:
    def __init__(
        self,
        upstream: Path = PG_SOCKET,
        *,
        port: int = 0,
        lifetime: float = 300.0,
        delay: float = 0.0,
    ) -> None:
        self.upstream = upstream
        self.delay = delay
        self._due: collections.deque[tuple[float, socket.socket, bytes, _Pair]] = (
            collections.deque()
        )
        self._port = port
        self._deadline = time.monotonic() + lifetime
        self._lock = threading.Lock()
        self._mode = Mode.PASS
        self._marker: bytes | None = None
        self._marker_reaches_server = False
        self._marker_stops = False
        self._armed_by: bytes | None = None
        self._pairs: list[_Pair] = []
        self._listener: socket.socket | None = None
        self._stop = threading.Event()
        self._applied = threading.Event()
        self._selector = selectors.DefaultSelector()
        self._wake_r, self._wake_w = socket.socketpair()
        self._selector.register(self._wake_r, selectors.EVENT_READ, None)
        self._listen()
        self._thread = threading.Thread(target=self._run, name="netfault", daemon=True)
        self._thread.start()
        self.accepted = 0  # connections accepted, for tests that count reconnects

    # --- what tests call --------------------------------------------------------------------

    @property
    def port(self) -> int:
        return self._port

    @property
    def mode(self) -> Mode:
        return self._mode

    def url(self, database: str, **params: object) -> str:
        query = "&".join(f"{k}={v}" for k, v in params.items())
        return f"postgresql://127.0.0.1:{self.port}/{database}" + (f"?{query}" if query else "")

    def pass_through(self) -> None:
        self._set(Mode.PASS)

    restore = pass_through

    def black_hole(self) -> None:
        self._set(Mode.BLACK_HOLE)

    def refuse(self) -> None:
        self._set(Mode.REFUSE)

    def stop_server(self) -> None:
        self._set(Mode.STOPPED)

    def black_hole_on(
        self, marker: bytes, *, reaches_server: bool, after: bytes | None = None
    ) -> None:
        """Black-hole at the first client message holding `marker` (once a message holding
        `after` has gone by, if given: the COMMIT of one particular change); that message
        reaches the server first when `reaches_server` (its answer is what gets lost)."""
        with self._lock:
            self._marker, self._marker_reaches_server = marker, reaches_server
            self._armed_by, self._marker_stops = after, False

    def stop_server_on(
        self, marker: bytes, *, reaches_server: bool, after: bytes | None = None
    ) -> None:
        """As `black_hole_on`, but the server stops there (`stop_server`) instead."""
        self.black_hole_on(marker, reaches_server=reaches_server, after=after)
        with self._lock:
            self._marker_stops = True

    def stop(self) -> None:
        self._stop.set()
        self._wake()
        self._thread.join(timeout=5)

    def __enter__(self) -> FaultyLink:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # --- the proxy thread ---------------------------------------------------------------------

    def _set(self, mode: Mode) -> None:
        self._applied.clear()
        with self._lock:
            self._mode = mode
            self._marker = self._armed_by = None
        self._wake()
        self._applied.wait(timeout=5)  # a refused port is refused when this returns

    def _wake(self) -> None:
        with contextlib.suppress(OSError):
            self._wake_w.send(b"x")

    def _listen(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self._port))  # loopback only, never another interface
        listener.listen(16)
        listener.setblocking(False)
        self._port = listener.getsockname()[1]  # the same port again after `refuse`
        self._listener = listener
        self._selector.register(listener, selectors.EVENT_READ, None)

    def _unlisten(self) -> None:
        if self._listener is not None:
            self._selector.unregister(self._listener)
            self._listener.close()
            self._listener = None

    def _apply_mode(self) -> None:
        with self._lock:
            mode = self._mode
        if mode in (Mode.REFUSE, Mode.STOPPED):
            self._unlisten()
        elif self._listener is None:
            self._listen()
        if mode is Mode.STOPPED:
            for pair in list(self._pairs):
                self._drop(pair)
        if mode is Mode.PASS:
            # The network is back: connections that met the black hole are long given up on
            # by their client; the server learns they are gone, as it would from its keepalive.
            for pair in [p for p in self._pairs if p.dead]:
                self._drop(pair)
        self._applied.set()

    def _drop(self, pair: _Pair) -> None:
        for sock in (pair.client, pair.upstream):
            with contextlib.suppress(KeyError, ValueError, OSError):
                self._selector.unregister(sock)
        pair.close()
        self._pairs.remove(pair)

    def _accept(self) -> None:
        assert self._listener is not None
        try:
            client, _ = self._listener.accept()
        except BlockingIOError:
            return
        upstream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            upstream.connect(str(self.upstream))
        except OSError:
            client.close()
            upstream.close()
            return
        self.accepted += 1
        pair = _Pair(client, upstream)
        with self._lock:
            pair.dead = self._mode is Mode.BLACK_HOLE
        self._pairs.append(pair)
        for sock in (client, upstream):
            sock.setblocking(False)
            self._selector.register(sock, selectors.EVENT_READ, pair)

    def _forward(self, sock: socket.socket, pair: _Pair) -> None:
        try:
            data = sock.recv(65536)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        stopping = False
        with self._lock:
            black = self._mode is Mode.BLACK_HOLE
            marker, reaches = self._marker, self._marker_reaches_server
            if sock is pair.client and self._armed_by is not None and self._armed_by in data:
                self._armed_by = None
            elif sock is pair.client and marker and self._armed_by is None and marker in data:
                self._mode, self._marker, black = Mode.BLACK_HOLE, None, True
                for other in self._pairs:
                    other.dead = True
                if reaches:
                    with contextlib.suppress(OSError):
                        pair.upstream.sendall(data)
                if self._marker_stops:
                    self._mode, stopping = Mode.STOPPED, True
        if stopping:
            self._apply_mode()  # every connection closed, this one too
            return
        if black:
            pair.dead = True
        if pair.dead:
            if not data:
                # One side gave up: a dead switch would not pass its FIN on either.
                with contextlib.suppress(KeyError, ValueError):
                    self._selector.unregister(sock)
            return  # read and dropped
        if not data:
            self._drop(pair)
            return
        other = pair.upstream if sock is pair.client else pair.client
        if self.delay > 0:
            self._due.append((time.monotonic() + self.delay, other, data, pair))
        else:
            self._send(other, data, pair)

    def _send(self, other: socket.socket, data: bytes, pair: _Pair) -> None:
        try:
            other.setblocking(True)
            other.sendall(data)
            other.setblocking(False)
        except OSError:
            self._drop(pair)

    def _send_due(self) -> float:
        """Send what has waited its delay; returns how long until the next is due."""
        while self._due:
            due, other, data, pair = self._due[0]
            wait = due - time.monotonic()
            if wait > 0:
                return min(wait, 0.2)
            self._due.popleft()
            if pair in self._pairs and not pair.dead:
                self._send(other, data, pair)
        return 0.2

    def _run(self) -> None:
        try:
            while not self._stop.is_set() and time.monotonic() < self._deadline:
                for key, _ in self._selector.select(timeout=self._send_due()):
                    if key.fileobj is self._wake_r:
                        self._wake_r.recv(4096)
                        self._apply_mode()
                    elif key.fileobj is self._listener:
                        self._accept()
                    else:
                        assert isinstance(key.fileobj, socket.socket)
                        if any(key.data is p for p in self._pairs):
                            self._forward(key.fileobj, key.data)
                self._send_due()
        finally:
            for pair in list(self._pairs):
                pair.close()
            self._pairs.clear()
            self._unlisten()
            self._selector.close()
            self._wake_r.close()
            self._wake_w.close()


@pytest.fixture
def link() -> Iterator[FaultyLink]:
    """A link to the test server that a test may cut, for three minutes at most."""
    with FaultyLink(lifetime=180) as faulty:
        yield faulty
