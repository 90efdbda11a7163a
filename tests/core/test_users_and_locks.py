"""Sign-in, user management, edit locks and concurrent saves, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.core.errors import (
    AccountDisabled,
    AdminRequired,
    BadCredentials,
    FirstUserMustBeAdmin,
    InvalidInput,
    LockHeld,
    LockLost,
    StaleSave,
    TooManyAttempts,
    UsernameTaken,
)
from newsdesk.core.models import ArticleContent, RevisionKind, Role
from newsdesk.core.workspace import Workspace
from newsdesk.store.sqlite_store import SqliteStore
from tests.conftest import BACKENDS, PASSWORD, Newsroom


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


TEXT = ArticleContent("标题", "正文第一稿。")


def test_the_first_user_must_be_admin_and_later_ones_need_an_admin(tmp_path: Path) -> None:
    ws = Workspace(SqliteStore(tmp_path / "new.db", create=True))
    with pytest.raises(FirstUserMustBeAdmin):
        ws.users.add(None, "ma", "马编辑", frozenset({Role.EDITOR}), PASSWORD)
    admin = ws.users.add(None, "boss", "管理员", frozenset({Role.ADMIN}), PASSWORD)
    with pytest.raises(AdminRequired):
        ws.users.add(None, "ma", "马编辑", frozenset({Role.EDITOR}), PASSWORD)
    editor = ws.users.add(admin, "ma", "马编辑", frozenset({Role.EDITOR}), PASSWORD)
    with pytest.raises(AdminRequired):
        ws.users.add(editor, "yan", "严编辑", frozenset({Role.EDITOR}), PASSWORD)
    with pytest.raises(UsernameTaken):
        ws.users.add(admin, "ma", "另一个马", frozenset({Role.EDITOR}), PASSWORD)


def test_passwords_are_stored_only_as_scrypt_hashes(newsroom: Newsroom, backend: str) -> None:
    if backend == "sqlite":  # every byte of the file, not only what the store shows
        raw = newsroom.path.read_bytes() + newsroom.path.with_name("newsdesk.db-wal").read_bytes()
    else:
        rows = [*newsroom.store._all("SELECT * FROM users"), *newsroom.store.iter_audit()]
        raw = repr([tuple(r) if not hasattr(r, "detail") else r for r in rows]).encode()
    assert PASSWORD.encode() not in raw
    creds = newsroom.store.get_credentials("ma")
    assert creds is not None and creds.password_hash.startswith("scrypt$")


def test_sign_in_checks_the_password_and_logs_failures(newsroom: Newsroom) -> None:
    n = newsroom
    assert n.ws.users.sign_in("ma", PASSWORD).username == "ma"
    with pytest.raises(BadCredentials):
        n.ws.users.sign_in("ma", "wrong")
    with pytest.raises(BadCredentials):
        n.ws.users.sign_in("nobody", PASSWORD)
    actions = [(e.action, e.detail.get("username")) for e in n.store.iter_audit()]
    assert ("sign_in", "ma") in actions
    assert actions[-2:] == [("sign_in_failed", "ma"), ("sign_in_failed", "nobody")]
    assert all(PASSWORD not in str(e.detail) for e in n.store.iter_audit())


def test_repeated_failures_slow_sign_in_down(newsroom: Newsroom) -> None:
    n = newsroom
    for _ in range(3):
        with pytest.raises(BadCredentials):
            n.ws.users.sign_in("ma", "wrong")
    with pytest.raises(TooManyAttempts) as caught:
        n.ws.users.sign_in("ma", PASSWORD)  # even the right password waits its turn
    assert caught.value.fields["seconds"] >= 1
    n.clock.advance(seconds=3)
    assert n.ws.users.sign_in("ma", PASSWORD).username == "ma"


def test_disabled_users_cannot_sign_in_and_are_never_deleted(newsroom: Newsroom) -> None:
    n = newsroom
    n.ws.users.update(n.admin, "feng", disabled=True)
    with pytest.raises(AccountDisabled):
        n.ws.users.sign_in("feng", PASSWORD)
    assert "feng" in [u.username for u in n.ws.users.list()]
    with pytest.raises(AdminRequired):
        n.ws.users.update(n.ma, "feng", disabled=False)
    with pytest.raises(InvalidInput):
        n.ws.users.update(n.admin, "admin", disabled=True)  # the last admin stays


def test_the_edit_lock_is_exclusive_expires_and_can_be_taken_over(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = n.ws.articles.create(n.ma, TEXT, ("yan",))
    n.ws.locks.acquire(n.ma, article_id)
    with pytest.raises(LockHeld) as caught:
        n.ws.locks.acquire(n.yan, article_id)
    assert "马编辑" in caught.value.message("zh")
    assert n.ws.locks.heartbeat(n.ma, article_id)
    n.clock.advance(minutes=6)
    assert n.ws.locks.holder(article_id) is None
    n.ws.locks.acquire(n.yan, article_id)  # expired: free to take
    assert not n.ws.locks.heartbeat(n.ma, article_id)
    n.ws.locks.take_over(n.admin, article_id)
    assert n.ws.locks.holder(article_id).user_id == n.admin.id  # type: ignore[union-attr]
    takeovers = [e for e in n.store.iter_audit() if e.action == "lock_takeover"]
    assert takeovers[0].detail["previous_holder"] == n.yan.id
    with pytest.raises(AdminRequired):
        n.ws.locks.take_over(n.ma, article_id)


def test_a_stale_save_is_refused_and_the_losers_text_kept(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = n.ws.articles.create(n.ma, TEXT, ("yan",))
    mine = ArticleContent("标题", "马的修改。")
    theirs = ArticleContent("标题", "严的修改。")
    assert n.ws.articles.save(n.ma, article_id, mine, 1).version == 2
    with pytest.raises(StaleSave) as caught:
        n.ws.articles.save(n.yan, article_id, theirs, 1)
    assert n.ws.articles.get(article_id).content == mine  # nothing overwritten
    kept = n.ws.articles.revision(caught.value.fields["revision_id"])  # type: ignore[arg-type]
    assert kept.kind is RevisionKind.CONFLICT and kept.content == theirs


def test_a_save_after_losing_the_lock_keeps_the_text_apart(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = n.ws.articles.create(n.ma, TEXT, ("yan",))
    n.ws.locks.acquire(n.yan, article_id)
    lost = ArticleContent("标题", "没抢到锁的文字。")
    with pytest.raises(LockLost) as caught:
        n.ws.articles.save(n.ma, article_id, lost, 1)
    assert n.ws.articles.get(article_id).content == TEXT
    kept = n.ws.articles.revision(caught.value.fields["revision_id"])  # type: ignore[arg-type]
    assert kept.content == lost


def test_every_save_is_a_revision_and_unchanged_saves_are_not(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = n.ws.articles.create(n.ma, TEXT)
    assert not n.ws.articles.save(n.ma, article_id, TEXT, 1).changed
    n.ws.articles.save(n.ma, article_id, ArticleContent("标题", "二稿"), 1)
    n.ws.articles.save(n.ma, article_id, ArticleContent("标题", "三稿"), 2)
    revisions = n.ws.articles.details(article_id).revisions
    assert [r.version for r in revisions] == [1, 2, 3]
    assert n.ws.articles.revision(revisions[0].id).content == TEXT
