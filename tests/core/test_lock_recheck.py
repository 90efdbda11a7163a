"""Locks held before an outage, re-checked when the server answers again (issue 24): still
ours, lapsed but free (ours again), or taken by someone else, each said plainly."""

from __future__ import annotations

import pytest

from newsdesk.core.errors import ServerUnreachable
from newsdesk.core.lock_check import LockStanding
from newsdesk.core.models import ArticleContent
from newsdesk.core.workspace import Workspace
from newsdesk.store.pg_store import PgStore
from tests.conftest import BACKENDS, Newsroom
from tests.netfault import FaultyLink

TEXT = ArticleContent("断线前锁住的稿", "正文。")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_a_short_outage_leaves_the_lock_held_and_renews_it(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = n.ws.articles.create(n.ma, TEXT)
    n.ws.locks.acquire(n.ma, article_id)
    n.clock.advance(minutes=4)  # under the five minutes a lock lives unrenewed
    check = n.ws.locks.recheck(n.ma, article_id)
    assert check.standing is LockStanding.HELD and check.held
    assert check.message("en") == "Your edit lock on this article still holds."
    n.clock.advance(minutes=4)  # renewed by the check: still ours eight minutes on
    assert n.ws.locks.holder(article_id).user_id == n.ma.id  # type: ignore[union-attr]


def test_a_lapsed_lock_nobody_took_is_ours_again_and_said_so(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = n.ws.articles.create(n.ma, TEXT)
    n.ws.locks.acquire(n.ma, article_id)
    n.clock.advance(minutes=15)  # a long outage: nobody renewed it
    assert n.ws.locks.holder(article_id) is None
    check = n.ws.locks.recheck(n.ma, article_id)
    assert check.standing is LockStanding.RETAKEN and check.held
    assert "expired while the server was away" in check.message("en")
    assert "已过期" in check.message("zh") and "重新为您锁定" in check.message("zh")
    assert n.ws.locks.holder(article_id).user_id == n.ma.id  # type: ignore[union-attr]


def test_a_lock_someone_else_took_meanwhile_is_not_taken_back(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = n.ws.articles.create(n.ma, TEXT, ("yan",))
    n.ws.locks.acquire(n.ma, article_id)
    n.clock.advance(minutes=6)
    n.ws.locks.acquire(n.yan, article_id)  # found it free during the outage
    check = n.ws.locks.recheck(n.ma, article_id)
    assert check.standing is LockStanding.TAKEN and not check.held
    assert n.yan.display_name in check.message("en")
    assert "will not be saved over their changes" in check.message("en")
    assert n.yan.display_name in check.message("zh") and "不会覆盖" in check.message("zh")
    assert n.ws.locks.holder(article_id).user_id == n.yan.id  # type: ignore[union-attr]


def test_an_administrators_take_over_is_said_as_taken(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = n.ws.articles.create(n.ma, TEXT)
    n.ws.locks.acquire(n.ma, article_id)
    n.ws.locks.take_over(n.admin, article_id)  # within the lock's life, during the outage
    check = n.ws.locks.recheck(n.ma, article_id)
    assert check.standing is LockStanding.TAKEN and n.admin.display_name in check.message("en")


@pytest.mark.parametrize("backend", ["postgresql"])
def test_rechecked_through_a_real_outage_once_the_link_is_back(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The order the window follows: the link dies with the lock held, the watcher says the
    server is back, the store is told to try again, the lock is re-checked."""
    monkeypatch.setenv("NEWSDESK_PG_ANSWER_SECONDS", "1.5")
    n = newsroom
    article_id = n.ws.articles.create(n.ma, TEXT)
    with FaultyLink(lifetime=60) as link:
        store = PgStore(link.url(str(n.path)))
        try:
            pc = Workspace(store, clock=n.clock)
            pc.locks.acquire(n.ma, article_id)
            link.black_hole()
            with pytest.raises(ServerUnreachable):
                pc.locks.heartbeat(n.ma, article_id)
            n.clock.advance(minutes=10)
            link.restore()
            store.try_again()
            check = pc.locks.recheck(n.ma, article_id)
        finally:
            store.close()
    assert check.standing is LockStanding.RETAKEN
