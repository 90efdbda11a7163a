"""The SQLite schema, as versioned sqlite-utils migrations.

Append new migrations at the end; never edit an applied one. SCHEMA_VERSION is the count, kept
in `PRAGMA user_version` so an older program can refuse a newer database before touching it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Migrations

APPLICATION_ID = 0x4E44534B  # "NDSK": marks the file as ours, so a foreign database is refused

_STEPS: list[tuple[str, Callable[[Any], None]]] = []


def _migration(name: str) -> Callable[[Callable[[Any], None]], Callable[[Any], None]]:
    def register(step: Callable[[Any], None]) -> Callable[[Any], None]:
        _STEPS.append((name, step))
        return step

    return register


@cache
def migrations() -> Migrations:
    """The steps as sqlite-utils migrations. sqlite-utils (with click, dateutil and pluggy) is
    loaded only when a database needs a step: opening an up-to-date one does without it."""
    from sqlite_utils import Migrations

    made = Migrations("newsdesk")
    for name, step in _STEPS:
        made(name=name)(step)
    return made


_V1 = [
    """CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        roles TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        last_failed_at TEXT
    )""",
    """CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        state TEXT NOT NULL,
        version INTEGER NOT NULL,
        revision_id INTEGER REFERENCES revisions(id),
        creator_id INTEGER NOT NULL REFERENCES users(id),
        title TEXT NOT NULL,
        author TEXT NOT NULL DEFAULT '',
        column_name TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        published_url TEXT NOT NULL DEFAULT '',
        published_at TEXT
    )""",
    "CREATE INDEX articles_state_updated ON articles(state, updated_at DESC, id DESC)",
    "CREATE INDEX articles_updated ON articles(updated_at DESC, id DESC)",
    # The body is zlib-compressed: revisions are an archive, and Chinese text halves.
    """CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        version INTEGER NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        kind TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        title TEXT NOT NULL,
        meta TEXT NOT NULL,
        body BLOB NOT NULL
    )""",
    "CREATE INDEX revisions_article ON revisions(article_id, id)",
    """CREATE TABLE article_editors (
        article_id INTEGER NOT NULL REFERENCES articles(id),
        user_id INTEGER NOT NULL REFERENCES users(id),
        position INTEGER NOT NULL,
        PRIMARY KEY (article_id, user_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE sign_offs (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        level TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        content_hash TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        voided_at TEXT,
        void_reason TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX sign_offs_article ON sign_offs(article_id, id)",
    """CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        kind TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        reason TEXT NOT NULL,
        from_state TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX notes_article ON notes(article_id, id)",
    """CREATE TABLE locks (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id),
        user_id INTEGER NOT NULL REFERENCES users(id),
        machine TEXT NOT NULL,
        acquired_at TEXT NOT NULL,
        heartbeat_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
    )""",
    """CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id INTEGER,
        action TEXT NOT NULL,
        article_id INTEGER,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    )""",
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TABLE media (
        hash TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        width INTEGER,
        height INTEGER,
        data BLOB NOT NULL,
        created_at TEXT NOT NULL
    )""",
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # Contentless: the index keeps tokens only; the text lives once, in revisions.
    """CREATE VIRTUAL TABLE article_fts USING fts5(
        title, body, content='', tokenize='unicode61 remove_diacritics 2'
    )""",
    # Titles alone, small enough to scan whole: an old article whose title matches is found
    # even when thousands of newer articles mention the term in their bodies.
    """CREATE VIRTUAL TABLE title_fts USING fts5(
        title, content='', tokenize='unicode61 remove_diacritics 2'
    )""",
]


@_migration("0001_initial")
def _initial(db: Any) -> None:
    for statement in _V1:
        db.execute(statement)


@_migration("0002_media_original")
def _media_original(db: Any) -> None:
    # A recompressed image remembers the original it was made from (kept, never thrown away).
    db.execute("ALTER TABLE media ADD COLUMN original TEXT REFERENCES media(hash)")


@_migration("0003_editor_lookup")
def _editor_lookup(db: Any) -> None:
    # 我的待办 asks "which drafts does this person edit" on every refresh of every PC.
    db.execute("CREATE INDEX article_editors_user ON article_editors(user_id, article_id)")


PROOFREADING = [
    # A dismissal is a decision on record: who let which words stand, on which text, and why.
    """CREATE TABLE proof_dismissals (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        key TEXT NOT NULL,
        category TEXT NOT NULL,
        field TEXT NOT NULL,
        text TEXT NOT NULL,
        context TEXT NOT NULL,
        reason TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        content_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (article_id, key)
    )""",
    # What each level's stage showed, so its sign-off can say how many were fixed.
    """CREATE TABLE proof_seen (
        article_id INTEGER NOT NULL REFERENCES articles(id),
        level TEXT NOT NULL,
        key TEXT NOT NULL,
        category TEXT NOT NULL,
        severity TEXT NOT NULL,
        PRIMARY KEY (article_id, level, key)
    )""",
    "ALTER TABLE sign_offs ADD COLUMN proof_found INTEGER",
    "ALTER TABLE sign_offs ADD COLUMN proof_fixed INTEGER",
    "ALTER TABLE sign_offs ADD COLUMN proof_dismissed INTEGER",
]


@_migration("0004_proofreading")
def _proofreading(db: Any) -> None:
    for statement in PROOFREADING:
        db.execute(statement)


# Several 公众号 per workspace (schema 5). The first account takes over the settings a
# workspace had: its name becomes the account's title, its notices and theme move under it
# (the word lists stay the workspace's), every article so far belongs to it. The same SQL runs
# on PostgreSQL (pg_schema), which is why it is plain SQL.
ACCOUNTS = [
    """CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        appid TEXT NOT NULL DEFAULT '',
        api_base TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    )""",
    "ALTER TABLE articles ADD COLUMN account_id INTEGER REFERENCES accounts(id)",
    # Each picture goes up once per account; every PC knows its WeChat URL from here.
    """CREATE TABLE wechat_media (
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        hash TEXT NOT NULL,
        kind TEXT NOT NULL,
        url TEXT NOT NULL,
        media_id TEXT NOT NULL DEFAULT '',
        uploaded_at TEXT NOT NULL,
        PRIMARY KEY (account_id, hash, kind)
    )""",
    """CREATE TABLE wechat_pushes (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        article_ids TEXT NOT NULL,
        draft_media_id TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        pushed_at TEXT NOT NULL,
        publish_id TEXT NOT NULL DEFAULT '',
        publish_status TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX wechat_pushes_articles ON wechat_pushes(account_id, article_ids, id)",
    """CREATE TABLE article_wechat (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id),
        push_id INTEGER NOT NULL REFERENCES wechat_pushes(id),
        position INTEGER NOT NULL,
        pushed_hash TEXT NOT NULL
    )""",
]
FIRST_ACCOUNT = [
    "INSERT INTO accounts (id, name, title, created_at) SELECT 1, 'default',"
    " COALESCE((SELECT value FROM settings WHERE key = 'account.name'), '本县融媒'),"
    " '2026-01-01T00:00:00+00:00' WHERE NOT EXISTS (SELECT 1 FROM accounts)",
    "UPDATE settings SET key = 'account.1.' || substr(key, 9) WHERE key IN"
    " ('account.reprint_notice', 'account.closing_line', 'account.default_theme',"
    " 'account.previous_count')",
    "DELETE FROM settings WHERE key = 'account.name'",
    "UPDATE articles SET account_id = 1 WHERE account_id IS NULL",
]


@_migration("0005_accounts")
def _accounts(db: Any) -> None:
    for statement in (*ACCOUNTS, *FIRST_ACCOUNT):
        db.execute(statement)


# 选题 and 排期, and what statistics count (schema 6). `characters` (字数) and `original` of an
# article's current text are kept beside it so a year of statistics is read, not recomputed.
PLANNING = [
    """CREATE TABLE topics (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        brief TEXT NOT NULL DEFAULT '',
        column_name TEXT NOT NULL DEFAULT '',
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        proposed_by INTEGER NOT NULL REFERENCES users(id),
        state TEXT NOT NULL,
        due_date TEXT NOT NULL DEFAULT '',
        slot_date TEXT NOT NULL DEFAULT '',
        slot_position INTEGER,
        article_id INTEGER REFERENCES articles(id),
        drop_reason TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX topics_state ON topics(state, updated_at)",
    "CREATE INDEX topics_slot ON topics(slot_date, account_id)",
    """CREATE TABLE topic_assignees (
        topic_id INTEGER NOT NULL REFERENCES topics(id),
        user_id INTEGER NOT NULL REFERENCES users(id),
        PRIMARY KEY (topic_id, user_id)
    )""",
    "ALTER TABLE articles ADD COLUMN characters INTEGER",
    "ALTER TABLE articles ADD COLUMN original INTEGER",
    "CREATE INDEX articles_published ON articles(published_at)",
    "CREATE INDEX audit_log_action_at ON audit_log(action, at)",
]


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


@_migration("0006_planning")
def _planning(db: Any) -> None:
    for statement in PLANNING:
        db.execute(statement)
    rows = db.execute(
        "SELECT a.id, r.meta, r.body FROM articles a JOIN revisions r ON r.id = a.revision_id"
    ).fetchall()
    db.conn.executemany(
        "UPDATE articles SET characters = ?, original = ? WHERE id = ?", article_numbers(rows)
    )


# Statistics over a year of a busy workspace are counted from indexes alone (schema 7): each
# holds the columns its count reads, so half a million audit entries are not visited one by one.
STATS_INDEXES = [
    "DROP INDEX audit_log_action_at",
    "CREATE INDEX audit_log_action_at ON audit_log(action, at, actor_id)",
    "DROP INDEX articles_published",
    "CREATE INDEX articles_published ON articles(published_at, state, column_name, account_id,"
    " characters, original)",
    "CREATE INDEX articles_created ON articles(created_at, creator_id)",
    "CREATE INDEX sign_offs_signed ON sign_offs(signed_at, user_id, proof_fixed)",
]


@_migration("0007_stats_indexes")
def _stats_indexes(db: Any) -> None:
    for statement in STATS_INDEXES:
        db.execute(statement)


# Unique names and the audit mark (schema 8). Each user's username and display name get a key
# (core/names.py) under a unique index; a workspace that already holds two users whose names
# clash keeps them, the later one without a key (NULL never clashes), and `verify` names them
# until an administrator renames one. The audit mark is the newest entry's id and hash, moved
# forward by the database on every append and never back: ids are never reused, and a log cut
# short (see core/audit_anchor.py) is refused on write and reported by `verify`.
NAME_KEYS = [
    "ALTER TABLE users ADD COLUMN username_key TEXT",
    "ALTER TABLE users ADD COLUMN display_key TEXT",
]
NAME_INDEXES = [
    "CREATE UNIQUE INDEX users_username_fold ON users(username_key)",
    "CREATE UNIQUE INDEX users_display_fold ON users(display_key)",
]
AUDIT_MARK_TABLE = """CREATE TABLE audit_mark (
        only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
    )"""
AUDIT_MARK_START = (
    "INSERT INTO audit_mark (only_row, last_id, last_hash) SELECT 1, COALESCE(max(id), 0),"
    " COALESCE((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') FROM audit_log"
)
REUSED_ID = "audit log ids are never reused: entries were cut off the end of the log"
AUDIT_MARK = [
    AUDIT_MARK_TABLE,
    AUDIT_MARK_START,
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


@_migration("0008_unique_names_audit_mark")
def _unique_names_audit_mark(db: Any) -> None:
    for statement in NAME_KEYS:
        db.execute(statement)
    rows = db.execute("SELECT id, username, display_name FROM users ORDER BY id").fetchall()
    db.conn.executemany(
        "UPDATE users SET username_key = ?, display_key = ? WHERE id = ?", name_keys(rows)
    )
    for statement in [*NAME_INDEXES, *AUDIT_MARK]:
        db.execute(statement)


# Changes told to every PC (schema 9): PostgreSQL's triggers (pg_schema.CHANGE_FEED) notify
# the PCs listening; a SQLite file has its own signal, `PRAGMA data_version`, and needs nothing.
# The step exists so both stores are at the same schema version.
@_migration("0009_change_feed")
def _change_feed(db: Any) -> None:
    pass


SCHEMA_VERSION = 9
KNOWN_MIGRATIONS = frozenset(
    {
        "0009_change_feed",
        "0008_unique_names_audit_mark",
        "0007_stats_indexes",
        "0001_initial",
        "0002_media_original",
        "0003_editor_lookup",
        "0004_proofreading",
        "0005_accounts",
        "0006_planning",
    }
)
