"""Automatic rotating backups, and the newest good one when the database is damaged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from newsdesk.core.models import ArticleContent
from newsdesk.core.workspace import Workspace
from newsdesk.store import backups
from newsdesk.store.sqlite_store import SqliteStore
from tests.conftest import Newsroom

T0 = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


def test_backups_rotate_and_skip_when_recent(newsroom: Newsroom) -> None:
    store = newsroom.store
    first = backups.rotate(store, T0, min_age=timedelta(hours=1))
    assert first is not None and first.exists()
    assert backups.rotate(store, T0 + timedelta(minutes=10), min_age=timedelta(hours=1)) is None
    for day in range(1, 14):
        backups.rotate(store, T0 + timedelta(days=day), min_age=timedelta(hours=1))
    kept = backups.backups(store.path)
    assert len(kept) == backups.KEEP and kept[0].name.endswith("20261207-080000.db")
    assert backups.is_good(kept[0])


def test_the_newest_good_backup_replaces_a_damaged_database(newsroom: Newsroom) -> None:
    arts = newsroom.ws.articles
    article = arts.create(newsroom.ma, ArticleContent("备份里的稿件", "正文"))
    good = backups.rotate(newsroom.store, T0, min_age=timedelta(hours=1))
    bad = backups.rotate(newsroom.store, T0 + timedelta(days=1), min_age=timedelta(hours=1))
    assert good and bad
    bad.write_bytes(bad.read_bytes()[:4096] + b"\x00" * 8192)  # a truncated, damaged copy
    assert backups.newest_good(newsroom.store.path) == good
    newsroom.store.close()
    db: Path = newsroom.path
    db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)  # the live file is ruined
    damaged = backups.replace_with(db, good, T0 + timedelta(days=2))
    assert damaged.exists()
    restored = SqliteStore(db)
    assert Workspace(restored).articles.get(article).content.title == "备份里的稿件"
    restored.close()
