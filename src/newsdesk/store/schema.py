"""The SQLite schema, as versioned sqlite-utils migrations made from the declaration.

Each migration (store/history.py) runs its declared tables and columns (store/tables.py), fills
what a new column needs from the rows there are, builds its declared indexes, then its plain SQL
and SQLite's own statements below. SCHEMA_VERSION is the count, kept in `PRAGMA user_version`
so an older program can refuse a newer database before touching it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from newsdesk.store.history import MIGRATIONS, REUSED_ID, SCHEMA_VERSION, Migration

if TYPE_CHECKING:
    from sqlite_utils import Migrations

__all__ = [
    "APPLICATION_ID",
    "KNOWN_MIGRATIONS",
    "SCHEMA_VERSION",
    "SQLITE_ONLY",
    "article_numbers",
    "migrations",
    "name_keys",
]

APPLICATION_ID = 0x4E44534B  # "NDSK": marks the file as ours, so a foreign database is refused

_APPEND_ONLY = "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"

# SQLite's own statements, by version: full-text search and the triggers that keep the audit
# log append-only and its mark moving forward (PostgreSQL has its own, in pg_schema.py).
SQLITE_ONLY: dict[int, tuple[str, ...]] = {
    1: (
        f"CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log {_APPEND_ONLY}",
        f"CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log {_APPEND_ONLY}",
        # Contentless: the index keeps tokens only; the text lives once, in revisions.
        """CREATE VIRTUAL TABLE article_fts USING fts5(
            title, body, content='', tokenize='unicode61 remove_diacritics 2'
        )""",
        # Titles alone, small enough to scan whole: an old article whose title matches is
        # found even when thousands of newer articles mention the term in their bodies.
        """CREATE VIRTUAL TABLE title_fts USING fts5(
            title, content='', tokenize='unicode61 remove_diacritics 2'
        )""",
    ),
    8: (
        f"""CREATE TRIGGER audit_log_never_reused BEFORE INSERT ON audit_log
           WHEN NEW.id <= (SELECT last_id FROM audit_mark)
           BEGIN SELECT RAISE(ABORT, '{REUSED_ID}'); END""",
        """CREATE TRIGGER audit_log_moves_mark AFTER INSERT ON audit_log
           BEGIN UPDATE audit_mark SET last_id = NEW.id, last_hash = NEW.hash; END""",
        """CREATE TRIGGER audit_mark_forward BEFORE UPDATE ON audit_mark
           WHEN NEW.last_id <= OLD.last_id
           BEGIN SELECT RAISE(ABORT, 'the audit mark never moves backwards'); END""",
        """CREATE TRIGGER audit_mark_no_delete BEFORE DELETE ON audit_mark
           BEGIN SELECT RAISE(ABORT, 'the audit mark is kept for good'); END""",
    ),
}


def article_numbers(rows: Any) -> list[tuple[int, int, int]]:
    """(字数, original, id) of articles from before schema 6, from rows of (id, meta JSON,
    compressed body): the UPDATE's parameters."""
    import json
    import zlib

    from newsdesk.content.text_stats import word_count

    return [
        (
            word_count(zlib.decompress(bytes(body)).decode("utf-8")),
            int(bool(json.loads(meta).get("original"))),
            int(article_id),
        )
        for article_id, meta, body in rows
    ]


def name_keys(rows: Any) -> list[tuple[str | None, str | None, int]]:
    """(username_key, display_key, id) for rows of (id, username, display_name) in id order:
    the first holder of a name keeps its key, a later clashing one gets None."""
    from newsdesk.core.names import name_key

    taken: tuple[set[str], set[str]] = (set(), set())
    keys: list[tuple[str | None, str | None, int]] = []
    for user_id, username, display_name in rows:
        pair: list[str | None] = []
        for seen, name in zip(taken, (username, display_name), strict=True):
            key = name_key(name)
            pair.append(None if key in seen else key)
            seen.add(key)
        keys.append((pair[0], pair[1], int(user_id)))
    return keys


def _fill_article_numbers(db: Any) -> None:
    rows = db.execute(
        "SELECT a.id, r.meta, r.body FROM articles a JOIN revisions r ON r.id = a.revision_id"
    ).fetchall()
    db.conn.executemany(
        "UPDATE articles SET characters = ?, original = ? WHERE id = ?", article_numbers(rows)
    )


def _fill_name_keys(db: Any) -> None:
    rows = db.execute("SELECT id, username, display_name FROM users ORDER BY id").fetchall()
    db.conn.executemany(
        "UPDATE users SET username_key = ?, display_key = ? WHERE id = ?", name_keys(rows)
    )


# What a version's new columns need from the rows already there, before its indexes are built.
_FILLS: dict[int, Callable[[Any], None]] = {6: _fill_article_numbers, 8: _fill_name_keys}


def _step(migration: Migration) -> Callable[[Any], None]:
    def run(db: Any) -> None:
        tables, indexes = migration.changes("sqlite")
        for statement in tables:
            db.execute(statement)
        if fill := _FILLS.get(migration.version):
            fill(db)
        for statement in (*indexes, *migration.data, *SQLITE_ONLY.get(migration.version, ())):
            db.execute(statement)

    return run


@cache
def migrations() -> Migrations:
    """The steps as sqlite-utils migrations. sqlite-utils (with click, dateutil and pluggy) is
    loaded only when a database needs a step: opening an up-to-date one does without it."""
    from sqlite_utils import Migrations

    made = Migrations("newsdesk")
    for migration in MIGRATIONS:
        made(name=migration.name)(_step(migration))
    return made


KNOWN_MIGRATIONS = frozenset(m.name for m in MIGRATIONS)
