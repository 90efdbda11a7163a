"""Automatic rotating backups beside the database, and finding the newest good one.

The app makes one at start (unless one is less than an hour old) and one a day while it runs,
keeping the newest ten, each a consistent copy through SQLite's online backup API. When the
database cannot be opened, the newest backup that opens, passes SQLite's integrity check and
whose audit chain verifies is offered instead.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from newsdesk.core.audit import verify_chain
from newsdesk.core.errors import StoreError
from newsdesk.core.repository import Repository
from newsdesk.store.sqlite_store import SqliteStore

KEEP = 10
_STAMP = "%Y%m%d-%H%M%S"


def backup_folder(db: Path) -> Path:
    return db.parent / "newsdesk-backups"


def backups(db: Path) -> list[Path]:
    """Automatic backups of `db`, newest first."""
    folder = backup_folder(db)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{db.stem}-*.db"), reverse=True)


def rotate(
    store: Repository, now: datetime, *, min_age: timedelta, keep: int = KEEP
) -> Path | None:
    """Make a backup of a file's store unless the newest is younger than `min_age`; keep the
    newest `keep`."""
    db = store.location.path
    if db is None:
        raise StoreError("a server's workspace is backed up on the server (pg_dump)")
    existing = backups(db)
    if existing:
        stamp = existing[0].stem.removeprefix(f"{db.stem}-")
        try:
            newest = datetime.strptime(stamp, _STAMP).replace(tzinfo=now.tzinfo)
        except ValueError:
            newest = None
        if newest is not None and now - newest < min_age:
            return None
    folder = backup_folder(db)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{db.stem}-{now.strftime(_STAMP)}.db"
    store.backup_to(target)
    for old in backups(db)[keep:]:
        old.unlink(missing_ok=True)
    return target


def is_good(candidate: Path) -> bool:
    try:
        store = SqliteStore(candidate)
    except (StoreError, sqlite3.Error):
        return False
    try:
        return not store.integrity_problems() and verify_chain(store.iter_audit()).intact
    except (StoreError, sqlite3.Error):
        return False
    finally:
        store.close()


def newest_good(db: Path) -> Path | None:
    return next((b for b in backups(db) if is_good(b)), None)


def replace_with(db: Path, backup: Path, now: datetime) -> Path:
    """Put a backup in place of a database that cannot be used; the damaged file is kept."""
    damaged = db.with_name(f"{db.stem}.damaged-{now.strftime(_STAMP)}{db.suffix}")
    # The anchor goes with the damaged file: the backup's own mark says where its log ends.
    for suffix in ("", "-wal", "-shm", ".audit-anchor"):
        side = Path(f"{db}{suffix}")
        if side.exists():
            side.replace(Path(f"{damaged}{suffix}"))
    shutil.copy2(backup, db)
    return damaged
