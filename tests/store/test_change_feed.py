"""The change feed: another connection (another PC) commits, the feed says so at once, without
polling the workspace's tables. PostgreSQL through migration 0009's triggers and LISTEN,
SQLite through `PRAGMA data_version`."""

from __future__ import annotations

import time
from collections.abc import Iterator

import psycopg
import pytest

from newsdesk.core.errors import ServerUnreachable
from newsdesk.core.models import ArticleContent, Role
from newsdesk.core.workspace import Workspace
from newsdesk.store import open_repository
from newsdesk.store.change_feed import (
    EVERYTHING,
    TOLD_BY_STATEMENT,
    WATCHED_TABLES,
    ChangeFeed,
    open_change_feed,
)
from tests.conftest import BACKENDS, PASSWORD, Newsroom, ServerRoles, pg_url
from tests.netfault import FaultyLink

TOLD_WITHIN = 1.0  # the issue: another PC sees a save within a second


def _target(newsroom: Newsroom, backend: str) -> str:
    return pg_url(str(newsroom.path)) if backend == "postgresql" else str(newsroom.path)


@pytest.fixture
def feed(newsroom: Newsroom, backend: str) -> Iterator[ChangeFeed]:
    made = open_change_feed(_target(newsroom, backend))
    yield made
    made.close()


def _heard(feed: ChangeFeed, within: float) -> tuple[frozenset[str], float]:
    """What the feed reports within `within` seconds, and how long the first report took."""
    started = time.monotonic()
    while (waited := time.monotonic() - started) < within:
        told = feed.changes(min(0.2, within - waited))
        if told:
            return told, time.monotonic() - started
    return frozenset(), within


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_a_save_on_another_pc_is_told_within_a_second(
    newsroom: Newsroom, backend: str, feed: ChangeFeed
) -> None:
    assert _heard(feed, 0.3)[0] == frozenset()  # a quiet workspace says nothing
    other = open_repository(_target(newsroom, backend))  # the other PC's own connection
    try:
        ws = Workspace(other, clock=newsroom.clock)
        ma = ws.users.sign_in("ma", PASSWORD)
        _heard(feed, 0.3)  # signing in records a login: not what this test listens for
        started = time.monotonic()
        ws.articles.create(ma, ArticleContent("另一台电脑写的稿", "正文。"))
        told, took = _heard(feed, 2 * TOLD_WITHIN)
    finally:
        other.close()
    assert {"articles", "revisions"} <= told, told
    assert time.monotonic() - started < 2 * TOLD_WITHIN and took < TOLD_WITHIN, took
    if backend == "sqlite":
        assert told == EVERYTHING  # data_version cannot say which table
    assert _heard(feed, 0.3)[0] == frozenset()  # told once


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_every_table_the_app_shows_tells_and_nothing_else_does(newsroom: Newsroom) -> None:
    with psycopg.connect(pg_url(str(newsroom.path))) as direct:
        rows = direct.execute(
            "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
            " JOIN pg_proc p ON p.oid = t.tgfoid WHERE p.proname = 'newsdesk_tell_change'"
        ).fetchall()
    assert {r[0] for r in rows} == WATCHED_TABLES == {*TOLD_BY_STATEMENT, "locks"}


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_lock_tells_when_taken_and_let_go_not_at_each_heartbeat(
    newsroom: Newsroom, feed: ChangeFeed
) -> None:
    ws, ma = newsroom.ws, newsroom.ma
    article_id = ws.articles.create(ma, ArticleContent("锁", "正文。"))
    _heard(feed, 0.3)
    ws.locks.acquire(ma, article_id)
    assert _heard(feed, TOLD_WITHIN)[0] == {"locks"}
    newsroom.clock.advance(seconds=60)
    assert ws.locks.heartbeat(ma, article_id)
    assert _heard(feed, 0.5)[0] == frozenset()  # every minute from every open article: quiet
    ws.locks.release(ma, article_id)
    assert _heard(feed, TOLD_WITHIN)[0] == {"locks"}


def test_the_staff_role_fires_the_triggers_and_listens(readme_server: ServerRoles) -> None:
    staff_url = readme_server.url(readme_server.staff)
    feed = open_change_feed(staff_url)
    staff = open_repository(staff_url)
    try:
        ws = Workspace(staff)
        admin = ws.users.sign_in("admin", "admin-pass-1")
        _heard(feed, 0.3)
        ws.users.add(admin, "liu", "刘编辑", frozenset({Role.EDITOR}), PASSWORD)
        assert "users" in _heard(feed, TOLD_WITHIN)[0]
    finally:
        staff.close()
        feed.close()


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_dead_link_is_noticed_by_an_idle_feed(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSDESK_PG_ANSWER_SECONDS", "1.5")
    with FaultyLink(lifetime=60) as link:
        feed = open_change_feed(link.url(str(newsroom.path)))
        try:
            assert _heard(feed, 1.2)[0] == frozenset()  # it pinged: the link is fine
            link.black_hole()
            started = time.monotonic()
            with pytest.raises(ServerUnreachable) as raised:
                _heard(feed, 10)
            # A ping after a second of silence, then the 1.5 s deadline (and a busy machine).
            assert time.monotonic() - started < 1.0 + 1.5 + 1.5
            assert "127.0.0.1" in raised.value.message("en")
        finally:
            feed.close()


def test_a_server_that_refuses_is_said_at_once() -> None:
    started = time.monotonic()
    with pytest.raises(ServerUnreachable, match="Connection refused"):
        open_change_feed("postgresql://newsdesk:secret@127.0.0.1:1/newsdesk")
    assert time.monotonic() - started < 2
