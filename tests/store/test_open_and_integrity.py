"""Opening files safely, atomic writes, and the append-only, hash-chained audit log."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from newsdesk.core.errors import DatabaseMissing, NewerDatabase, NotADatabase, StoreError
from newsdesk.core.models import ArticleContent
from newsdesk.store.sqlite_store import SqliteStore
from tests.conftest import Newsroom


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_database_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "n.db", create=True)
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    store.close()


def test_a_missing_database_is_not_created_unless_asked(tmp_path: Path) -> None:
    with pytest.raises(DatabaseMissing):
        SqliteStore(tmp_path / "absent.db")
    assert not (tmp_path / "absent.db").exists()


def test_a_text_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("这不是数据库" * 100, encoding="utf-8")
    before = digest(path)
    with pytest.raises(NotADatabase):
        SqliteStore(path, create=True)
    assert digest(path) == before


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotADatabase) as caught:
        SqliteStore(path, create=True)
    assert "another program" in caught.value.message("en")
    assert digest(path) == before
    assert not path.with_name("other.db-wal").exists()


def test_a_database_from_a_newer_version_is_refused(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(NewerDatabase) as caught:
        SqliteStore(db_path)
    assert "upgrade" in caught.value.message("en").lower()


def test_a_failed_transaction_leaves_no_half_record(newsroom: Newsroom) -> None:
    n = newsroom
    counts_before = _counts(n)
    with pytest.raises(RuntimeError), n.store.transaction():
        n.store.create_article(
            ArticleContent("半条", "记录"), n.ma.id, [n.ma.id], n.clock(), characters=2
        )
        raise RuntimeError("crash in the middle")
    assert _counts(n) == counts_before


def _counts(n: Newsroom) -> tuple[int, ...]:
    tables = ("articles", "revisions", "article_editors", "audit_log")
    return tuple(n.store._conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)


def test_the_audit_log_refuses_update_and_delete(newsroom: Newsroom) -> None:
    conn = newsroom.store._conn
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE audit_log SET action = 'nothing' WHERE id = 1")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit_log WHERE id = 1")


def test_verify_names_the_first_entry_edited_behind_the_apps_back(newsroom: Newsroom) -> None:
    n = newsroom
    n.ws.articles.create(n.ma, ArticleContent("标题", "正文"))
    assert n.ws.verify().ok
    conn = n.store._conn
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute('UPDATE audit_log SET detail = \'{"username": "someone"}\' WHERE id = 3')
    report = n.ws.verify()
    assert not report.ok and report.audit.first_broken == 3


def test_verify_notices_a_deleted_entry(newsroom: Newsroom) -> None:
    conn = newsroom.store._conn
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.execute("DELETE FROM audit_log WHERE id = 2")
    assert newsroom.ws.verify().audit.first_broken == 3


def test_backup_is_a_consistent_database(newsroom: Newsroom, tmp_path: Path) -> None:
    n = newsroom
    article_id = n.ws.articles.create(n.ma, ArticleContent("备份", "备份测试"))
    dest = tmp_path / "backup.db"
    n.store.backup_to(dest)
    copy = SqliteStore(dest)
    assert copy.get_article(article_id) is not None
    copy.close()
    with pytest.raises(StoreError):
        n.store.backup_to(dest)  # never overwrite an existing file


def test_media_is_addressed_by_content_hash(newsroom: Newsroom) -> None:
    data = b"\x89PNG fake image bytes"
    key = hashlib.sha256(data).hexdigest()
    with newsroom.store.transaction():
        newsroom.store.put_media(key, data, "image/png", 10, 20, newsroom.clock())
        newsroom.store.put_media(key, data, "image/png", 10, 20, newsroom.clock())
    media, stored = newsroom.store.get_media(key)  # type: ignore[misc]
    assert stored == data and (media.width, media.height) == (10, 20)


def test_entries_cut_off_the_end_of_the_audit_log_are_detected(newsroom) -> None:
    import sqlite3

    from newsdesk.core.models import ArticleContent

    for n in range(3):
        newsroom.ws.articles.create(newsroom.ma, ArticleContent(f"稿件{n}", "正文"))
    assert newsroom.ws.verify().ok
    raw = sqlite3.connect(newsroom.path)
    raw.execute("DROP TRIGGER audit_log_no_delete")
    raw.execute("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")
    raw.commit()
    raw.close()
    report = newsroom.ws.verify()
    assert report.audit.intact  # the chain alone cannot tell
    assert not report.ok and any("cut off the end" in p for p in report.database_problems)
