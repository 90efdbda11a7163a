"""Choosing a backend from `--db` / NEWSDESK_DB, and saying where a workspace is."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypeGuard

from newsdesk.core.errors import NewsdeskError, StoreError
from newsdesk.core.repository import Location, Repository

APP_NAME = "newsdesk"
SERVER_PREFIXES = ("postgresql://", "postgres://")
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_PASSWORD = re.compile(r"://([^:/@]+):[^@]*@")


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


def server_location(url: str) -> Location:
    """A server as messages may name it: never a password; options after `?` (a password file,
    timeouts) are not for messages either."""
    return Location(_PASSWORD.sub(r"://\1:***@", url).split("?", 1)[0], address=url)


def open_repository(target: str | None, *, create: bool = False) -> Repository:
    """Open the store named by `target`: a postgresql:// URL (team mode) or a file path; None
    means the per-user default file. Where it is: the repository's `location`."""
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
    from newsdesk.store.sqlite_store import SqliteStore

    return SqliteStore(path, create=create)
