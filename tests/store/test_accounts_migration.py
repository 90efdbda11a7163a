"""Schemas 5 and 6 on SQLite: a workspace from before several 公众号 keeps its settings and
articles, now under its first account, and gets its articles' 字数 for statistics."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsdesk.core.models import ArticleContent
from newsdesk.core.workspace import Workspace
from newsdesk.store.sqlite_store import SqliteStore
from tests.conftest import PASSWORD


def _as_schema_4(path: Path) -> None:
    """Undo migration 0005 by hand, with the settings a schema-4 workspace kept."""
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        DROP INDEX articles_created; DROP INDEX sign_offs_signed;
        DELETE FROM _sqlite_migrations WHERE name = '0007_stats_indexes';
        DROP TABLE topic_assignees; DROP TABLE topics;
        DROP INDEX articles_published; DROP INDEX audit_log_action_at;
        ALTER TABLE articles DROP COLUMN characters; ALTER TABLE articles DROP COLUMN original;
        DELETE FROM _sqlite_migrations WHERE name = '0006_planning';
        DROP TABLE article_wechat; DROP TABLE wechat_pushes; DROP TABLE wechat_media;
        ALTER TABLE articles DROP COLUMN account_id;
        DROP TABLE accounts;
        DELETE FROM _sqlite_migrations WHERE name = '0005_accounts';
        PRAGMA user_version = 4;
        INSERT INTO settings (key, value) VALUES ('account.name', '舟曲发布'),
            ('account.closing_line', '欢迎关注舟曲发布'), ('account.previous_count', '5'),
            ('account.banned_words', '内部资料');
        """
    )
    conn.commit()
    conn.close()


def test_an_older_workspace_moves_its_settings_and_articles_to_the_first_account(
    db_path: Path,
) -> None:
    store = SqliteStore(db_path)
    ws = Workspace(store)
    ma = ws.users.sign_in("ma", PASSWORD)
    article_id = ws.articles.create(ma, ArticleContent("标题", "正文。"))
    store.close()
    _as_schema_4(db_path)

    store = SqliteStore(db_path)  # migrates on open
    ws = Workspace(store)
    [account] = ws.accounts.list()
    assert (account.id, account.name, account.title) == (1, "default", "舟曲发布")
    settings = ws.settings.account()
    assert (settings.name, settings.closing_line, settings.previous_count) == (
        "舟曲发布", "欢迎关注舟曲发布", 5,
    )  # fmt: skip
    assert settings.banned_words == "内部资料"  # the word lists stay the workspace's
    assert ws.articles.get(article_id).account_id == 1
    row = store._one("SELECT characters, original FROM articles WHERE id = ?", (article_id,))
    assert row is not None and (row[0], row[1]) == (2, 0)  # 字数 backfilled by schema 6
    assert store.get_setting("account.name") is None
    assert ws.verify().ok
    store.close()
