"""The schema's versions, in order: each migration's name and the plain SQL both engines run
after its declared changes (store/tables.py). An engine's own statements for a version are in
its module (schema.py for SQLite, pg_schema.py for PostgreSQL).

Append new migrations at the end; never edit an applied one. The version is the position.
Adding version N: declare its tables, columns and indexes in tables.py with `since=N` (an index
rebuilt in a new shape: `until=N` on the old one); append `Migration(N, "000N_what", data)`
here; an engine's own statements go in `schema.SQLITE_ONLY[N]` or `pg_schema.PG_ONLY[N]` (a step
one engine does not need is empty there, and its version still counts); a new column filled
from the rows there are gets a fill in `schema._FILLS` and in the pg store's upgrade; then
`python -m tests.store.schema_shape` checks in version N's shape for the tests.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from newsdesk.store.ddl import Dialect


class Migration(NamedTuple):
    version: int
    name: str  # as sqlite-utils records it in _sqlite_migrations
    data: tuple[str, ...] = ()  # plain SQL for both engines, after the declared changes

    def changes(self, dialect: Dialect) -> tuple[list[str], list[str]]:
        """This version's declared (tables and columns, indexes) in the dialect's words. The
        declaration is read only here: opening an up-to-date SQLite file does without it."""
        from newsdesk.store import ddl
        from newsdesk.store.tables import INDEXES, TABLES

        return ddl.changes(TABLES, INDEXES, self.version, dialect)


# Several 公众号 per workspace (schema 5). The first account takes over the settings a
# workspace had: its name becomes the account's title, its notices and theme move under it
# (the word lists stay the workspace's), every article so far belongs to it.
FIRST_ACCOUNT = (
    "INSERT INTO accounts (id, name, title, created_at) SELECT 1, 'default',"
    " COALESCE((SELECT value FROM settings WHERE key = 'account.name'), '本县融媒'),"
    " '2026-01-01T00:00:00+00:00' WHERE NOT EXISTS (SELECT 1 FROM accounts)",
    "UPDATE settings SET key = 'account.1.' || substr(key, 9) WHERE key IN"
    " ('account.reprint_notice', 'account.closing_line', 'account.default_theme',"
    " 'account.previous_count')",
    "DELETE FROM settings WHERE key = 'account.name'",
    "UPDATE articles SET account_id = 1 WHERE account_id IS NULL",
)

# Unique names and the audit mark (schema 8). A workspace that already holds two users whose
# names clash keeps them, the later one without a key (NULL never clashes), and `verify` names
# them until an administrator renames one. The mark starts at the log's newest entry.
AUDIT_MARK_START = (
    "INSERT INTO audit_mark (only_row, last_id, last_hash) SELECT 1, COALESCE(max(id), 0),"
    " COALESCE((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') FROM audit_log"
)
REUSED_ID = "audit log ids are never reused: entries were cut off the end of the log"

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "0001_initial"),
    Migration(2, "0002_media_original"),
    Migration(3, "0003_editor_lookup"),
    Migration(4, "0004_proofreading"),
    Migration(5, "0005_accounts", FIRST_ACCOUNT),
    # 选题 and 排期; each store fills 字数 and the original flag of older articles.
    Migration(6, "0006_planning"),
    Migration(7, "0007_stats_indexes"),
    # Each store fills the name keys (core/names.py) of the users there are.
    Migration(8, "0008_unique_names_audit_mark", (AUDIT_MARK_START,)),
    # Changes told to the PCs listening: PostgreSQL's triggers only (store/change_feed.py); a
    # SQLite file has PRAGMA data_version and needs nothing, its version still counts.
    Migration(9, "0009_change_feed"),
)
SCHEMA_VERSION = len(MIGRATIONS)
