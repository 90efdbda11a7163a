"""Moving a single-PC workspace (SQLite) up to a team server (PostgreSQL), history and audit
chain intact, and proving the copy: same rows, same hashes, a verifying chain."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newsdesk.core.audit import verify_chain
from newsdesk.core.audit_anchor import find_cut
from newsdesk.core.errors import StoreError
from newsdesk.core.models import ArticleContent, AuditEntry
from newsdesk.store import tables
from newsdesk.store.ddl import copy_order
from newsdesk.store.pg_store import PgStore
from newsdesk.store.sql_store import SqlStore
from newsdesk.store.sqlite_store import SqliteStore, unpack_content

BATCH = 1000

# Every declared table but those tables.py says are not copied (locks, the audit mark), with
# every column, parents before children; (table, identity column or None).
TABLES = [(t.name, t.identity()) for t in copy_order(tables.TABLES) if t.copied]
_COLUMNS = {t.name: ", ".join(t.column_names()) for t in tables.TABLES if t.copied}


@dataclass(frozen=True)
class MigrationReport:
    rows: dict[str, int]
    audit_entries: int

    def total(self) -> int:
        return sum(self.rows.values())


def _count(store: SqlStore, table: str) -> int:
    row = store._one(f"SELECT count(*) FROM {table}")
    return int(row[0]) if row else 0


def copy_workspace(source: SqliteStore, target: PgStore) -> MigrationReport:
    """Copy everything in one transaction on the server, then verify the copy."""
    if target.count_users():
        raise StoreError(
            f"{target.target} already holds a workspace; migrate into an empty database"
        )
    source_hashes: dict[int, str] = {}
    source_chain = verify_chain(_recording(source.iter_audit(), source_hashes))
    cut = find_cut(source.last_audit_entry(), source.audit_anchor())
    if cut is not None:
        raise StoreError(
            f"the end of the audit log of {source.target} was cut off"
            f" ({cut.words()[1]}); restore a good backup, or record the cut with"
            " `newsdesk verify --accept-cut`, first"
        )
    if not source_chain.intact:
        raise StoreError(
            f"the audit log of {source.target} is broken at entry {source_chain.first_broken};"
            " run `newsdesk verify` and restore a good backup first"
        )
    rows: dict[str, int] = {}
    with target.transaction():
        # A new server workspace starts with a first account; the source brings its own.
        target._execute("DELETE FROM accounts", ())
        for table, _ in TABLES:
            columns = _COLUMNS[table]
            marks = ", ".join("?" for _ in columns.split(","))
            insert = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
            rows[table] = 0
            for chunk in source._batches(f"SELECT {columns} FROM {table}", BATCH):
                values = [[bytes(v) if isinstance(v, memoryview) else v for v in r] for r in chunk]
                target._execute_many(insert, values)
                rows[table] += len(values)
        for table, key in TABLES:
            if key:  # identities continue after the copied ids
                target._execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', '{key}'),"
                    f" COALESCE((SELECT max({key}) FROM {table}), 0) + 1, false)",
                    (),
                )
        # Indexed from the source's text: the same text, as the verification below proves.
        for batch in _current_texts(source):
            target._index_many([(article_id, content) for article_id, _, content in batch])
    report = MigrationReport(rows, source_chain.entries)
    _verify(source, target, report, source_hashes)
    return report


def _verify(
    source: SqliteStore, target: PgStore, report: MigrationReport, source_hashes: dict[int, str]
) -> None:
    for table, _ in TABLES:
        if (
            _count(target, table) != report.rows[table]
            or _count(source, table) != report.rows[table]
        ):
            raise StoreError(
                f"the copy of {table} does not match: the migration is not trustworthy"
            )
    copied_hashes: dict[int, str] = {}
    chain = verify_chain(_recording(target.iter_audit(), copied_hashes))
    if not chain.intact or chain.entries != report.audit_entries:
        raise StoreError("the copied audit log does not verify")
    if copied_hashes != source_hashes:
        raise StoreError("the copied audit log differs from the original")
    # Every current text decoded and hashed again on both sides (counts are equal by now).
    original = (item for batch in _current_texts(source) for item in batch)
    copied = (item for batch in _current_texts(target) for item in batch)
    for (a_id, a_state, a), (b_id, b_state, b) in zip(original, copied, strict=True):
        if (a_id, a_state, a.content_hash()) != (b_id, b_state, b.content_hash()):
            raise StoreError(f"article {a_id} differs after the copy")


def _recording(entries: Iterable[AuditEntry], hashes: dict[int, str]) -> Iterator[AuditEntry]:
    """The entries as they pass, each hash noted: one walk both verifies and compares."""
    for entry in entries:
        hashes[entry.id] = entry.hash
        yield entry


def _current_texts(store: SqlStore) -> Iterator[list[tuple[int, str, ArticleContent]]]:
    """(id, state, current text) of every article in id order, a batch at a time: an archive
    of a hundred thousand articles never sits in memory at once."""
    after = 0
    while True:
        batch = store._all(
            "SELECT a.id, a.state, r.title, r.meta, r.body FROM articles a"
            " JOIN revisions r ON r.id = a.revision_id WHERE a.id > ? ORDER BY a.id LIMIT ?",
            (after, BATCH),
        )
        if not batch:
            return
        yield [(int(r[0]), str(r[1]), unpack_content(r[2], r[3], r[4])) for r in batch]
        after = int(batch[-1][0])
