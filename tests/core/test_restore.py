"""Restoring a backup: admins only, verified, undoable, logged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsdesk.core.errors import AdminRequired, InvalidInput, StoreError
from newsdesk.core.models import ArticleContent
from tests.conftest import Newsroom


def test_a_backup_restores_and_the_replaced_data_is_kept(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    arts = newsroom.ws.articles
    kept = arts.create(newsroom.ma, ArticleContent("备份前的稿件", "正文"))
    newsroom.store.backup_to(tmp_path / "backup.db")
    later = arts.create(newsroom.ma, ArticleContent("备份后的稿件", "正文"))
    report = newsroom.ws.restore(newsroom.admin, tmp_path / "backup.db", tmp_path / "safety.db")
    assert report.ok
    assert arts.get(kept).content.title == "备份前的稿件"
    assert later not in [s.id for s in arts.queue()]
    assert [e.action for e in newsroom.ws.repo.iter_audit()][-1] == "restore"
    safety = sqlite3.connect(tmp_path / "safety.db")
    assert (
        safety.execute("SELECT count(*) FROM articles WHERE title = '备份后的稿件'").fetchone()[0]
        == 1
    )
    safety.close()


def test_only_admins_restore_and_bad_backups_change_nothing(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    newsroom.store.backup_to(tmp_path / "backup.db")
    with pytest.raises(AdminRequired):
        newsroom.ws.restore(newsroom.ma, tmp_path / "backup.db", tmp_path / "s1.db")
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError):
        newsroom.ws.restore(newsroom.admin, tmp_path / "junk.db", tmp_path / "s2.db")
    tampered = sqlite3.connect(tmp_path / "backup.db")
    tampered.execute("DROP TRIGGER audit_log_no_update")
    tampered.execute("UPDATE audit_log SET detail = '{}' WHERE id = 1")
    tampered.commit()
    tampered.close()
    article = newsroom.ws.articles.create(newsroom.ma, ArticleContent("现有稿件", "正文"))
    with pytest.raises(InvalidInput, match="does not verify"):
        newsroom.ws.restore(newsroom.admin, tmp_path / "backup.db", tmp_path / "s3.db")
    assert newsroom.ws.articles.get(article).content.title == "现有稿件"
    assert newsroom.ws.verify().ok
