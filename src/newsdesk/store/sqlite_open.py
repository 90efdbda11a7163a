"""Opening a SQLite file safely: refuse what is not ours before writing a single byte."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from newsdesk.core.errors import (
    DatabaseBusy,
    DatabaseMissing,
    NewerDatabase,
    NotADatabase,
    StoreError,
    WorkspaceBeingCreated,
)
from newsdesk.store.schema import APPLICATION_ID, KNOWN_MIGRATIONS, SCHEMA_VERSION, migrations
from newsdesk.store.sqlite_access import culprit, prepare_for_writing, read_only_folder

_HEADER = b"SQLite format 3\x00"
_NOT_SQLITE = ("不是 SQLite 数据库文件", "not an SQLite file")
_FOREIGN = ("它属于其他程序", "it belongs to another program")
_CORRUPT = ("文件已损坏", "the file is damaged")


def busy_timeout_ms() -> int:
    """How long to wait for another writer before saying the database is busy."""
    try:
        return max(0, int(os.environ.get("NEWSDESK_BUSY_TIMEOUT_MS", "10000")))
    except ValueError:
        return 10000


def translate(error: sqlite3.Error, path: str) -> StoreError:
    """Word a driver error for a person."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return DatabaseBusy(path)
    if "not a database" in text:
        return NotADatabase(path, _NOT_SQLITE)
    if "malformed" in text or "corrupt" in text:
        return NotADatabase(path, _CORRUPT)
    if "readonly" in text or "read-only" in text:
        return culprit(Path(path))
    if "unable to open" in text:
        return StoreError(f"cannot open {path}")
    return StoreError(str(error))


def open_connection(path: Path, *, create: bool) -> sqlite3.Connection:
    """Open (and if allowed, create) a Newsdesk database, migrated to the current schema."""
    shown = str(path)
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise DatabaseMissing(shown)
    if path.is_dir():
        raise NotADatabase(shown, ("这是一个文件夹", "it is a folder"))
    if exists:
        try:
            with path.open("rb") as handle:
                header = handle.read(len(_HEADER))
        except OSError as error:
            raise StoreError(f"cannot read {shown}: {error.strerror}") from None
        if header != _HEADER:
            raise NotADatabase(shown, _NOT_SQLITE)
        prepare_for_writing(path)
    elif not path.parent.is_dir():
        raise StoreError(f"the folder {path.parent} does not exist")
    elif not os.access(path.parent, os.W_OK | os.X_OK):
        raise read_only_folder(path.parent)
    try:
        conn = sqlite3.connect(
            shown,
            isolation_level=None,
            timeout=busy_timeout_ms() / 1000,
            check_same_thread=False,
        )
    except sqlite3.Error as error:
        raise translate(error, shown) from None
    try:
        applied = _refuse_foreign_or_newer(conn, shown) if exists else set()
        conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        conn.execute("PRAGMA foreign_keys = ON")
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        # FULL: an acknowledged save survives a power cut, not only a crash.
        conn.execute("PRAGMA synchronous = FULL")
        if not applied >= KNOWN_MIGRATIONS:  # else sqlite-utils is not needed
            _migrate(conn, shown)
    except StoreError:
        conn.close()
        raise
    except sqlite3.Error as error:
        conn.close()
        raise translate(error, shown) from None
    return conn


def _migrate(conn: sqlite3.Connection, shown: str) -> None:
    """Create or upgrade the schema as one transaction under the write lock: a program that
    opens the file meanwhile waits, then finds it whole, never half-made."""
    from sqlite_utils import Database

    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        if isinstance(translate(error, shown), DatabaseBusy):
            raise WorkspaceBeingCreated(shown) from None
        raise
    try:
        # Again, holding the lock: another program may have made it while we waited.
        if not _refuse_foreign_or_newer(conn, shown) >= KNOWN_MIGRATIONS:
            migrations().apply(Database(conn, execute_plugins=False))  # savepoints inside ours
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _refuse_foreign_or_newer(conn: sqlite3.Connection, shown: str) -> set[str]:
    """The migrations applied to a database of ours (none to an empty file)."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id != APPLICATION_ID:
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id != 0 or tables:
            raise NotADatabase(shown, _FOREIGN)
        return set()
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    applied = {
        row[0]
        for row in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = 'newsdesk'"
        )
    }
    unknown = applied - KNOWN_MIGRATIONS
    if version > SCHEMA_VERSION or unknown:
        raise NewerDatabase(shown, max(version, len(applied)), SCHEMA_VERSION)
    return applied
