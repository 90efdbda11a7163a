"""The store on a SQLite file: the one SQL store (`sql_store.SqlStore`) on the SQLite dialect."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsdesk.store.records import unpack_content
from newsdesk.store.sql_store import SqlStore
from newsdesk.store.sqlite_dialect import SqliteDialect

__all__ = ["SqliteStore", "unpack_content"]


class SqliteStore(SqlStore):
    """One SQLite file. Thread use: one store per thread (it holds one connection)."""

    _dialect: SqliteDialect

    def __init__(self, path: Path, *, create: bool = False) -> None:
        super().__init__(SqliteDialect(path, create=create))

    @property
    def path(self) -> Path:
        return self._dialect.path

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._dialect.conn
