"""The store on a PostgreSQL server (team mode): the one SQL store (`sql_store.SqlStore`) on
the PostgreSQL dialect. Importing this module loads psycopg: only team mode does."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import psycopg

from newsdesk.core.models import ArticleContent
from newsdesk.store.pg_dialect import PgDialect, Row
from newsdesk.store.sql_store import SqlStore

__all__ = ["PgStore"]


class PgStore(SqlStore):
    _dialect: PgDialect

    def __init__(self, url: str, *, create: bool = False) -> None:
        super().__init__(PgDialect(url, create=create))

    @property
    def url(self) -> str:
        """The URL as given, password and all: for connecting, never for showing."""
        return self._dialect.url

    # For the move from a file (`migrate.copy_workspace`): statements as written, many rows at
    # once, and the search index built in bulk.
    def _execute(self, sql: str, params: Sequence[Any]) -> psycopg.Cursor[Row]:
        return self._dialect.execute(sql, params, write=True)

    def _index_many(self, articles: Sequence[tuple[int, ArticleContent]]) -> None:
        self._dialect.index_many(articles)
