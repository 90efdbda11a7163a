"""Choosing a backend from `--db` / NEWSDESK_DB."""

from __future__ import annotations

from pathlib import Path
from typing import TypeGuard

import platformdirs

from newsdesk.store.sqlite_store import SqliteStore

APP_NAME = "newsdesk"
SERVER_PREFIXES = ("postgresql://", "postgres://")


def is_server(target: str | None) -> TypeGuard[str]:
    """Whether `target` names a team server (PostgreSQL) rather than a database file."""
    return target is not None and target.startswith(SERVER_PREFIXES)


def default_database_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "newsdesk.db"


def open_repository(target: str | None, *, create: bool = False) -> SqliteStore:
    # PgStore is a SqliteStore with another engine under it, so one return type serves both.
    """Open the store named by `target` (a file path); None means the per-user default."""
    if target and is_server(target):
        from newsdesk.store.pg_store import PgStore  # psycopg only for team mode

        return PgStore(target, create=create)
    if target:
        path = Path(target).expanduser()
    else:
        path = default_database_path()
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
    return SqliteStore(path, create=create)
