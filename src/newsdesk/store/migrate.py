"""Moving a single-PC workspace (SQLite) up to a team server (PostgreSQL), history and audit
chain intact, and proving the copy: same rows, same hashes, a verifying chain."""

from __future__ import annotations

from dataclasses import dataclass

from newsdesk.core.audit import verify_chain
from newsdesk.core.errors import StoreError
from newsdesk.store.pg_store import PgStore
from newsdesk.store.sqlite_store import SqliteStore

# Parents before children; locks are not copied (nobody is editing during a move).
TABLES = [
    ("users", "id"),
    ("articles", "id"),
    ("revisions", "id"),
    ("article_editors", None),
    ("sign_offs", "id"),
    ("notes", "id"),
    ("audit_log", None),
    ("media", None),
    ("settings", None),
]
_COLUMNS = {
    "users": "id, username, display_name, roles, password_hash, disabled, created_at,"
    " failed_attempts, last_failed_at",
    "articles": "id, state, version, revision_id, creator_id, title, author, column_name,"
    " created_at, updated_at, published_url, published_at",
    "revisions": "id, article_id, version, user_id, created_at, kind, content_hash, title, meta,"
    " body",
    "article_editors": "article_id, user_id, position",
    "sign_offs": "id, article_id, level, user_id, content_hash, signed_at, voided_at, void_reason",
    "notes": "id, article_id, kind, user_id, reason, from_state, created_at",
    "audit_log": "id, at, actor_id, action, article_id, detail, prev_hash, hash",
    "media": "hash, mime, size, width, height, data, created_at, original",
    "settings": "key, value",
}


@dataclass(frozen=True)
class MigrationReport:
    rows: dict[str, int]
    audit_entries: int

    def total(self) -> int:
        return sum(self.rows.values())


def _count(store: SqliteStore, table: str) -> int:
    row = store._one(f"SELECT count(*) FROM {table}")
    return int(row[0]) if row else 0


def copy_workspace(source: SqliteStore, target: PgStore) -> MigrationReport:
    """Copy everything in one transaction on the server, then verify the copy."""
    if target.count_users():
        raise StoreError(
            f"{target.target} already holds a workspace; migrate into an empty database"
        )
    source_chain = verify_chain(source.iter_audit())
    if not source_chain.intact:
        raise StoreError(
            f"the audit log of {source.target} is broken at entry {source_chain.first_broken};"
            " run `newsdesk verify` and restore a good backup first"
        )
    rows: dict[str, int] = {}
    with target.transaction():
        for table, _ in TABLES:
            columns = _COLUMNS[table]
            marks = ", ".join("?" for _ in columns.split(","))
            copied = 0
            for row in source._all(f"SELECT {columns} FROM {table}"):
                values = [bytes(v) if isinstance(v, memoryview) else v for v in row]
                target._execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", values)
                copied += 1
            rows[table] = copied
        for table, key in TABLES:
            if key:  # identities continue after the copied ids
                target._execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', '{key}'),"
                    f" COALESCE((SELECT max({key}) FROM {table}), 0) + 1, false)",
                    (),
                )
        for (article_id,) in [(r[0],) for r in target._all("SELECT id FROM articles")]:
            article = target.get_article(int(article_id))
            if article is not None:
                target._index(article.id, article.content)
    report = MigrationReport(rows, source_chain.entries)
    _verify(source, target, report)
    return report


def _verify(source: SqliteStore, target: PgStore, report: MigrationReport) -> None:
    for table, _ in TABLES:
        if (
            _count(target, table) != report.rows[table]
            or _count(source, table) != report.rows[table]
        ):
            raise StoreError(
                f"the copy of {table} does not match: the migration is not trustworthy"
            )
    chain = verify_chain(target.iter_audit())
    if not chain.intact or chain.entries != report.audit_entries:
        raise StoreError("the copied audit log does not verify")
    theirs = {e.id: e.hash for e in source.iter_audit()}
    ours = {e.id: e.hash for e in target.iter_audit()}
    if theirs != ours:
        raise StoreError("the copied audit log differs from the original")
    for row in source._all("SELECT id FROM articles"):
        a, b = source.get_article(int(row[0])), target.get_article(int(row[0]))
        if a is None or b is None or a.content_hash != b.content_hash or a.state != b.state:
            raise StoreError(f"article {row[0]} differs after the copy")
