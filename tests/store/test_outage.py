"""Team mode through a network outage, at the store: the real server behind tests/netfault's
link, which can drop everything (a dead switch), refuse connections, or lose one answer.

The answer deadline is 1.5 s here (NEWSDESK_PG_ANSWER_SECONDS) so that each outage costs
seconds; test_cli_outage runs one command at the shipped 5 s.
"""

from __future__ import annotations

import socket
import time
import uuid
from collections.abc import Iterator

import psycopg
import pytest

from newsdesk.core.errors import AnswerLost, ServerSilent, ServerSlow, ServerUnreachable
from newsdesk.store import pg_liveness
from newsdesk.store.pg_store import PgStore
from tests.conftest import Newsroom, pg_url
from tests.netfault import FaultyLink

ANSWER = 1.5
SLACK = 1.0  # scheduling on a shared two-core machine


@pytest.fixture
def backend() -> str:
    return "postgresql"


@pytest.fixture
def link(monkeypatch: pytest.MonkeyPatch) -> Iterator[FaultyLink]:
    monkeypatch.setenv("NEWSDESK_PG_ANSWER_SECONDS", str(ANSWER))
    with FaultyLink(lifetime=120) as faulty:
        yield faulty


@pytest.fixture
def store(link: FaultyLink, newsroom: Newsroom) -> Iterator[PgStore]:
    pg = PgStore(link.url(str(newsroom.path)))
    yield pg
    pg.close()


def _setting(database: str, key: str) -> str | None:
    with psycopg.connect(pg_url(database)) as direct:  # around the link, on the server itself
        row = direct.execute("SELECT value FROM settings WHERE key = %s", (key,)).fetchone()
    return None if row is None else str(row[0])


def _write(store: PgStore, key: str, value: str) -> None:
    with store.transaction():
        store.put_setting(key, value)


def _timed(call: object) -> tuple[BaseException, float]:
    started = time.monotonic()
    with pytest.raises(ServerUnreachable) as raised:
        call()  # type: ignore[operator]
    return raised.value, time.monotonic() - started


def test_the_link_passes_drops_refuses_and_comes_back(link: FaultyLink) -> None:
    url = link.url("postgres", connect_timeout=2)
    with psycopg.connect(url, autocommit=True) as connection:
        assert connection.execute("SELECT 1").fetchone() == (1,)
    link.black_hole()
    started = time.monotonic()
    with pytest.raises(psycopg.errors.ConnectionTimeout):
        psycopg.connect(url)  # accepted, then silence: no refusal, no reset
    assert time.monotonic() - started >= 1.9
    link.refuse()
    with pytest.raises(psycopg.OperationalError, match="refused"):
        psycopg.connect(url)
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", link.port), timeout=1).close()
    link.restore()
    with psycopg.connect(url, autocommit=True) as connection:
        assert connection.execute("SELECT 2").fetchone() == (2,)


def test_a_dead_link_is_known_within_the_deadline_and_nothing_half_written(
    link: FaultyLink, store: PgStore, newsroom: Newsroom
) -> None:
    assert store.count_users() > 0
    link.black_hole()
    error, waited = _timed(store.count_users)
    assert isinstance(error, ServerSilent) and ANSWER <= waited < ANSWER + SLACK
    assert "does not answer (waited 1.5 s); nothing was changed" in error.message("en")
    assert "没有应答（已等 1.5 秒），未做任何改动" in error.message("zh")
    assert "127.0.0.1" in error.message("en") and "?" not in error.message("en")

    # The next calls are told at once, not after another deadline each (a window makes
    # calls at every keystroke); a write in the outage changes nothing.
    error, waited = _timed(lambda: _write(store, "outage.note", "written in the outage"))
    assert isinstance(error, ServerSilent) and waited < 0.1
    # Until the store is asked to try again: then it connects afresh and meets
    # connect_timeout (2 s), the least libpq allows.
    store.try_again()
    error, waited = _timed(store.count_users)
    assert isinstance(error, ServerSilent) and 2 <= waited < 2 + SLACK
    assert "waited 2 s" in error.message("en")

    link.refuse()  # the server PC turned off: said at once, not after a wait
    store.try_again()
    error, waited = _timed(store.count_users)
    assert not isinstance(error, ServerSilent) and "nothing was changed" in error.message("en")
    assert waited < SLACK

    link.restore()
    assert store.count_users() > 0  # the same store goes on, no restart
    assert _setting(str(newsroom.path), "outage.note") is None
    _write(store, "outage.note", "written after")
    assert _setting(str(newsroom.path), "outage.note") == "written after"


@pytest.mark.parametrize("reaches_server", [True, False])
def test_a_lost_answer_to_a_commit_is_called_uncertain(
    link: FaultyLink, store: PgStore, newsroom: Newsroom, reaches_server: bool
) -> None:
    database = str(newsroom.path)
    link.black_hole_on(b"COMMIT", reaches_server=reaches_server)
    error, waited = _timed(lambda: _write(store, "outage.commit", "whole"))
    assert isinstance(error, AnswerLost) and waited < ANSWER + SLACK
    assert "may or may not have been saved" in error.message("en")
    assert "可能已经保存，也可能没有" in error.message("zh")

    # Whatever happened, it happened whole: saved if the COMMIT got there, else not at all.
    # And a PC gone silent inside its transaction does not hold the newsroom's write lock
    # until the server's keepalive: idle_in_transaction_session_timeout (2 × the deadline)
    # lets it go. Until then another PC's save is told the server is busy, and then it goes.
    if not reaches_server:
        started = time.monotonic()
        elsewhere = PgStore(pg_url(database))
        while True:
            try:
                _write(elsewhere, "outage.other", "another PC writes")
                break
            except ServerSlow:
                assert time.monotonic() - started < 2 * ANSWER + SLACK
        elsewhere.close()
        assert _setting(database, "outage.other") == "another PC writes"
    assert _setting(database, "outage.commit") == ("whole" if reaches_server else None)
    link.restore()
    store.try_again()
    assert store.count_users() > 0


def test_the_timeouts_reach_the_socket_and_the_administrator_wins(
    link: FaultyLink, newsroom: Newsroom
) -> None:
    database = str(newsroom.path)
    pg = PgStore(link.url(database))
    sock = socket.socket(fileno=pg._dialect._live().fileno())
    try:
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_USER_TIMEOUT) == 1500
        assert sock.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE) == 1
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE) == 2
    finally:
        sock.detach()  # the descriptor stays the connection's
    assert pg._one("SHOW statement_timeout")[0] == "1200ms"  # type: ignore[index]
    assert pg._one("SHOW idle_in_transaction_session_timeout")[0] == "3s"  # type: ignore[index]
    pg.close()

    own = PgStore(
        link.url(database, tcp_user_timeout=12345, options="-c%20statement_timeout%3D7000")
    )
    sock = socket.socket(fileno=own._dialect._live().fileno())
    try:
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_USER_TIMEOUT) == 12345
    finally:
        sock.detach()
    assert own._one("SHOW statement_timeout")[0] == "7s"  # type: ignore[index]
    assert own._one("SHOW idle_in_transaction_session_timeout")[0] == "3s"  # type: ignore[index]
    with own.unhurried():
        assert own._one("SHOW statement_timeout")[0] == "0"  # type: ignore[index]
    assert own._one("SHOW statement_timeout")[0] == "7s"  # type: ignore[index]
    own.close()


def test_a_silent_store_tries_by_itself_after_two_deadlines_of_quiet(
    link: FaultyLink, store: PgStore
) -> None:
    link.black_hole()
    _timed(store.count_users)
    link.restore()
    error, _ = _timed(store.count_users)  # still within the quiet it waits for
    assert isinstance(error, ServerSilent)
    time.sleep(2 * ANSWER + 0.1)
    assert store.count_users() > 0


def test_a_long_job_runs_unhurried_and_ordinary_work_does_not(store: PgStore) -> None:
    with pytest.raises(ServerSlow) as raised:
        store._one("SELECT pg_sleep(?)", (ANSWER + 0.5,))
    assert "is busy and did not finish this in time" in raised.value.message("en")
    assert "nothing was changed" in raised.value.message("en")
    assert store.count_users() > 0  # the connection is fine after a slow statement
    with store.unhurried():
        assert store._one("SELECT pg_sleep(?), 1", (ANSWER + 0.5,))[1] == 1  # type: ignore[index]
    assert store._one("SHOW statement_timeout")[0] == "1200ms"  # type: ignore[index]
    with pytest.raises(ServerSlow):
        store._one("SELECT pg_sleep(?)", (ANSWER + 0.5,))


def test_the_deadline_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSDESK_PG_ANSWER_SECONDS", raising=False)
    assert pg_liveness.answer_seconds() == 5.0
    shipped = pg_liveness.conninfo("postgresql://staff@192.168.1.10/newsdesk")
    for part in (
        "connect_timeout=5",
        "keepalives_idle=5",
        "keepalives_interval=1",
        "keepalives_count=2",
        "tcp_user_timeout=5000",
        "statement_timeout=4000",
        "idle_in_transaction_session_timeout=10000",
    ):
        assert part in shipped
    monkeypatch.setenv("NEWSDESK_PG_ANSWER_SECONDS", "nonsense")
    assert pg_liveness.answer_seconds() == 5.0
    name = f"x{uuid.uuid4().hex[:4]}"
    assert f"dbname={name}" in pg_liveness.conninfo(f"postgresql:///{name}")
