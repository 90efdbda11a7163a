"""Choosing a backend from `--db` / NEWSDESK_DB."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypeGuard

from newsdesk.core.errors import NewsdeskError, StoreError
from newsdesk.store.sqlite_store import SqliteStore

APP_NAME = "newsdesk"
SERVER_PREFIXES = ("postgresql://", "postgres://")
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


class UnknownTarget(StoreError):
    zh = "不认识的数据库地址 {target}：请给出 SQLite 数据库文件的路径，或 postgresql:// 地址（团队模式）。"
    en = (
        "Newsdesk does not understand the database address {target}: give a SQLite file path"
        " or a postgresql:// URL (team mode)."
    )

    def __init__(self, target: str) -> None:
        NewsdeskError.__init__(self, target=target)


def is_server(target: str | None) -> TypeGuard[str]:
    """Whether `target` names a team server (PostgreSQL) rather than a database file."""
    return target is not None and target.startswith(SERVER_PREFIXES)


def default_database_path() -> Path:
    import platformdirs  # only without --db: not part of every command's start

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "newsdesk.db"


def open_repository(target: str | None, *, create: bool = False) -> SqliteStore:
    # PgStore is a SqliteStore with another engine under it, so one return type serves both.
    """Open the store named by `target` (a file path); None means the per-user default."""
    if target and is_server(target):
        from newsdesk.store.pg_store import PgStore  # psycopg only for team mode

        return PgStore(target, create=create)
    if target and _URL.match(target):  # mysql://, sqlite:///…: not a file path either
        raise UnknownTarget(target)
    if target:
        path = Path(target).expanduser()
    else:
        path = default_database_path()
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
    return SqliteStore(path, create=create)
