"""How long team mode waits for the database server, and how a dead link is noticed in seconds.

A server that vanishes without a word (a pulled cable, a dead switch, a sleeping PC) sends no
reset: without limits a call waits until the operating system gives up on TCP, many minutes.
Four layers, each for a case the others miss (the README's team-mode section has the numbers):

- connect_timeout: a connect that gets no answer;
- tcp_user_timeout: data sent and never acknowledged (keepalives do not fire while unacknowledged
  data is in flight, so they alone would leave a sent query waiting for minutes);
- keepalives: an idle connection whose server is gone is known broken before the next call;
- the answer deadline: a call that waits longer than ANSWER_SECONDS for the server's answer
  is abandoned and its connection closed, whatever TCP thinks. This also covers a hung server
  and a middlebox (VPN, NAT, proxy) that keeps the TCP link alive while the server is gone.

On the server side, statement_timeout stops ordinary statements a little before the client
stops waiting (so a slow but living server says so instead of looking dead), and
idle_in_transaction_session_timeout ends a transaction whose PC went silent in the middle of it,
so its write lock does not block the whole newsroom until the server's keepalive (two hours).

Long jobs (moving a workspace to the server, a year of statistics, benchmarks) run under
`PgStore.unhurried()`, which lifts the deadline and the statement timeout for their duration.

NEWSDESK_PG_ANSWER_SECONDS changes the answer deadline (the tests use 1.5 s; an office on a slow
VPN may want more); the other numbers follow from it. A connection string's own parameters
(`?connect_timeout=20`, `options=-c statement_timeout=…`) win over these defaults.
"""

from __future__ import annotations

import math
import os
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from psycopg.rows import Row

ANSWER_SECONDS = 5.0


def answer_seconds() -> float:
    value = os.environ.get("NEWSDESK_PG_ANSWER_SECONDS", "")
    try:
        seconds = float(value)
    except ValueError:
        return ANSWER_SECONDS
    return seconds if seconds > 0 else ANSWER_SECONDS


def _server_settings(answer: float) -> dict[str, int]:
    """Session settings, in milliseconds, sent in the startup packet (no extra round trip)."""
    return {
        "statement_timeout": max(500, int(answer * 800)),
        "idle_in_transaction_session_timeout": max(2000, int(answer * 2000)),
    }


def patient_settings() -> dict[str, int]:
    """What a long job sets for its duration: no server-side limits (0 is none)."""
    return dict.fromkeys(_server_settings(ANSWER_SECONDS), 0)


def conninfo(url: str) -> str:
    """`url` with our liveness defaults added where the administrator gave none."""
    answer = answer_seconds()
    whole = max(1, math.ceil(answer))
    defaults: dict[str, Any] = {
        "connect_timeout": max(2, whole),  # libpq's own minimum is 2 s
        "keepalives": 1,
        "keepalives_idle": whole,
        "keepalives_interval": max(1, whole // 3),
        "keepalives_count": 2,
        "tcp_user_timeout": int(answer * 1000),
    }
    given = conninfo_to_dict(url)
    extra = {k: v for k, v in defaults.items() if k not in given}
    options = str(given.get("options") or "")
    ours = [f"-c {k}={v}" for k, v in _server_settings(answer).items() if k not in options]
    if ours:
        extra["options"] = " ".join([options, *ours]).strip()
    return make_conninfo(url, **extra)


class AnswerTimeout(psycopg.OperationalError):
    """The server did not answer a call within the deadline; the connection is closed."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"no answer within {seconds:g} s")
        self.seconds = seconds


class WatchedConnection(psycopg.Connection[Row]):
    """A connection whose every wait for the server ends after `answer_within` seconds.

    psycopg runs every round trip (a statement, a COMMIT, a batch, a cursor's next rows) through
    `wait`, whose own timeout leaves the protocol midway: the connection cannot be used again, so
    it is closed and the store makes a new one at its next call."""

    answer_within: float | None = ANSWER_SECONDS

    def wait(self, gen: Any, interval: float = 0.1, timeout: float | None = None) -> Any:
        limit = timeout if timeout is not None else self.answer_within
        try:
            return super().wait(gen, interval=interval, timeout=limit)
        except psycopg.OperationalError as error:
            # psycopg's private _WaitTimeout: the deadline passed with no answer.
            if limit is None or type(error).__name__ != "_WaitTimeout":
                raise
            self.close()
            raise AnswerTimeout(limit) from None
