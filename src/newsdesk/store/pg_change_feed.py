"""The change feed on PostgreSQL: LISTEN on a connection of its own (see change_feed.py)."""

from __future__ import annotations

import re
import time
from typing import Any

import psycopg

from newsdesk.core.errors import ServerSilent, ServerUnreachable
from newsdesk.store import pg_liveness
from newsdesk.store.change_feed import CHANNEL, PING_SECONDS, WATCHED_TABLES


class _Listener(pg_liveness.WatchedConnection[Any]):
    """Waiting for a notification is not waiting for an answer: the deadline (which closes the
    connection when it passes) is for calls, not for `notifies`' own timeout."""

    listening = False

    def wait(self, gen: Any, interval: float = 0.1, timeout: float | None = None) -> Any:
        if self.listening:
            return psycopg.Connection.wait(self, gen, interval=interval, timeout=timeout)
        return super().wait(gen, interval=interval, timeout=timeout)


class PgChangeFeed:
    """A fresh feed knows nothing of what it missed: after a reconnect, everything changed."""

    def __init__(self, url: str) -> None:
        # Never a password in a message; options after `?` are not for messages either.
        self.target = re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url).split("?", 1)[0]
        self._conn = self._connect(url)
        self._heard = time.monotonic()

    def _connect(self, url: str) -> _Listener:
        started = time.monotonic()
        try:
            conn = _Listener.connect(pg_liveness.conninfo(url), autocommit=True)
            conn.answer_within = pg_liveness.answer_seconds()
            conn.execute(f"LISTEN {CHANNEL}")
        except pg_liveness.AnswerTimeout as error:
            raise ServerSilent(self.target, error.seconds) from None
        except psycopg.errors.ConnectionTimeout:
            raise ServerSilent(self.target, round(time.monotonic() - started)) from None
        except psycopg.Error as error:
            raise ServerUnreachable(self.target, _short(error)) from None
        return conn

    def changes(self, timeout: float) -> frozenset[str]:
        conn = self._conn
        if conn.closed or conn.broken:
            raise ServerUnreachable(self.target, "the connection is closed")
        tables: set[str] = set()
        try:
            conn.listening = True
            try:
                for note in conn.notifies(timeout=max(0.0, timeout), stop_after=1):
                    tables.add(note.payload)
                if tables:  # the rest of the same COMMIT's batch, already here
                    tables.update(n.payload for n in conn.notifies(timeout=0.0))
            finally:
                conn.listening = False
            if tables:
                self._heard = time.monotonic()
            elif time.monotonic() - self._heard >= PING_SECONDS:
                # An idle link that died says nothing; a one-row answer under the deadline
                # tells a dead link or a stopped server from a quiet newsroom.
                conn.execute("SELECT 1")
                self._heard = time.monotonic()
        except pg_liveness.AnswerTimeout as error:
            raise ServerSilent(self.target, error.seconds) from None
        except psycopg.Error as error:
            conn.close()
            raise ServerUnreachable(self.target, _short(error)) from None
        return frozenset(t for t in tables if t in WATCHED_TABLES)

    def close(self) -> None:
        self._conn.close()


def _short(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
