"""Both engines hold the same tables with the same columns, and `newsdesk migrate` moves every
column of every table: nothing dropped on the way up to a team server."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import psycopg

from newsdesk.store.pg_store import PgStore
from newsdesk.store.sqlite_store import SqliteStore
from newsdesk.store.tables import BY_NAME, TABLES
from tests.cli.conftest import Run

# Each engine's own tables, not in the declaration (store/tables.py), and why.
SQLITE_ONLY = {
    "article_fts": "FTS5 search index (PostgreSQL: article_search)",
    "title_fts": "FTS5 title index (PostgreSQL: article_search)",
    "_sqlite_migrations": "sqlite-utils' record of the steps taken (PostgreSQL: newsdesk_schema)",
}
PG_ONLY = {
    "article_search": "tsvector search index (SQLite: article_fts, title_fts)",
    "newsdesk_schema": "the versions taken (SQLite: user_version and _sqlite_migrations)",
}
NOT_COPIED = {"locks": "nobody is editing during a move"}
_FAMILY = {
    "integer": "integer",
    "bigint": "integer",
    "text": "text",
    "blob": "blob",
    "bytea": "blob",
}


def _sqlite_columns(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(path)
    names = [
        row[0]
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not any(row[0].startswith(f"{own}_") for own in ("article_fts", "title_fts"))
    ]
    columns = {}
    for table in names:
        info = conn.execute(f"PRAGMA table_info({table})").fetchall()
        columns[table] = [
            (name, _FAMILY.get(kind.lower(), kind), bool(not_null or key), default)
            for _, name, kind, not_null, default, key in info
        ]
    conn.close()
    return columns


def _pg_columns(url: str) -> dict[str, list[tuple[Any, ...]]]:
    columns: dict[str, list[tuple[Any, ...]]] = {}
    with psycopg.connect(url) as conn:
        for table, name, kind, nullable, default in conn.execute(
            "SELECT table_name, column_name, data_type, is_nullable, column_default"
            " FROM information_schema.columns WHERE table_schema = 'public'"
            " ORDER BY table_name, ordinal_position"
        ):
            if default is not None:
                default = re.sub(r"::\w+$", "", default)  # '' as text, as SQLite says ''
            family = _FAMILY.get(kind, kind)
            columns.setdefault(table, []).append((name, family, nullable == "NO", default))
    return columns


def test_both_engines_have_every_declared_table_with_the_same_columns(
    tmp_path: Path, empty_pg: str
) -> None:
    SqliteStore(tmp_path / "fresh.db", create=True).close()
    PgStore(empty_pg, create=True).close()
    lite, pg = _sqlite_columns(tmp_path / "fresh.db"), _pg_columns(empty_pg)

    declared = {t.name for t in TABLES}
    assert set(lite) - declared == set(SQLITE_ONLY)
    assert set(pg) - declared == set(PG_ONLY)
    for table in TABLES:
        assert lite[table.name] == pg[table.name], table.name
        assert [c[0] for c in lite[table.name]] == table.column_names()


def _telling(conn: sqlite3.Connection, table: str, column: str) -> int:
    """Rows whose value in the column is neither NULL nor the column's default: a column
    that migrate forgot would come out NULL or default, and the comparison would see it."""
    default = BY_NAME[table].column(column).default
    unlike = f" AND {column} IS NOT {default}" if default is not None else ""
    return int(
        conn.execute(f"SELECT count(*) FROM {table} WHERE {column} IS NOT NULL{unlike}").fetchone()[
            0
        ]
    )


def _fill_what_the_demo_leaves_empty(path: Path) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.executescript(
            """
            INSERT INTO proof_dismissals (article_id, key, category, field, text, context, reason,
                user_id, content_hash, created_at)
                SELECT id, 'typo:1', 'typo', 'body', '其它', '……其它……', '引语原文', creator_id,
                    'h1', '2026-03-01T08:00:00+00:00' FROM articles ORDER BY id LIMIT 1;
            INSERT INTO media (hash, mime, size, width, height, data, created_at, original)
                SELECT 'smaller-' || hash, mime, size, width, height, data, created_at, hash
                FROM media LIMIT 1;
            INSERT INTO wechat_media (account_id, hash, kind, url, media_id, uploaded_at)
                SELECT 1, hash, 'image', 'https://mmbiz.qpic.cn/x', 'media-1',
                    '2026-03-01T08:00:00+00:00' FROM media LIMIT 1;
            INSERT INTO wechat_pushes (account_id, article_ids, draft_media_id, user_id, pushed_at,
                publish_id, publish_status)
                SELECT 1, '[' || id || ']', 'draft-1', creator_id, '2026-03-01T09:00:00+00:00',
                    'publish-1', 'published' FROM articles ORDER BY id LIMIT 1;
            INSERT INTO article_wechat (article_id, push_id, position, pushed_hash)
                SELECT id, 1, 0, 'h2' FROM articles ORDER BY id LIMIT 1;
            INSERT INTO locks (article_id, user_id, machine, acquired_at, heartbeat_at, expires_at)
                SELECT id, creator_id, 'pc-1', 'a', 'b', 'c' FROM articles ORDER BY id LIMIT 1;
            UPDATE accounts SET appid = 'wx123', api_base = 'https://api.example.cn';
            UPDATE users SET last_failed_at = '2026-03-01T07:00:00+00:00', failed_attempts = 2,
                disabled = 1 WHERE id = (SELECT max(id) FROM users);
            """
        )
    conn.close()


def _rows(fetch: Any, table: str) -> list[tuple[Any, ...]]:
    declared = BY_NAME[table]
    columns = ", ".join(declared.column_names())
    order = ", ".join(declared.key())
    return [
        tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)
        for row in fetch(f"SELECT {columns} FROM {table} ORDER BY {order}")
    ]


def test_migrate_copies_every_column_of_every_table(
    tmp_path: Path, empty_pg: str, cli: Run
) -> None:
    source = tmp_path / "single-pc.db"
    made = cli("--db", str(source), "demo")
    assert made.returncode == 0, made.stderr
    _fill_what_the_demo_leaves_empty(source)
    conn = sqlite3.connect(source)
    for table in TABLES:
        for column in table.column_names():
            assert _telling(conn, table.name, column), f"{table.name}.{column} tells nothing"

    moved = cli("migrate", "--from", str(source), "--to", empty_pg)
    assert moved.returncode == 0, moved.stderr

    with psycopg.connect(empty_pg) as server:
        for table in TABLES:
            copied = _rows(lambda sql: server.execute(sql).fetchall(), table.name)
            if table.name in NOT_COPIED:
                assert copied == [], table.name
                continue
            assert copied == _rows(lambda sql: conn.execute(sql).fetchall(), table.name), table.name
    conn.close()


def test_migrate_reports_the_tables_in_the_order_it_always_did() -> None:
    from newsdesk.store.migrate import TABLES as COPIED

    assert [name for name, _ in COPIED] == [
        "users", "accounts", "articles", "revisions", "article_editors", "sign_offs", "notes",
        "audit_log", "media", "settings", "proof_dismissals", "proof_seen", "wechat_media",
        "wechat_pushes", "article_wechat", "topics", "topic_assignees",
    ]  # fmt: skip
    assert {name for name, key in COPIED if key} == {
        "users", "accounts", "articles", "revisions", "sign_offs", "notes", "proof_dismissals",
        "wechat_pushes", "topics",
    }  # identities continue after the copied ids  # fmt: skip
