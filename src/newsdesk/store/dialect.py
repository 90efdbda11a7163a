"""What differs between the two engines under the one SQL store (`sql_store.SqlStore`).

The store's SQL is written once, with `?` placeholders, in a form SQLite and PostgreSQL both
accept (upserts as `INSERT … ON CONFLICT (key) DO UPDATE`, ignores as `ON CONFLICT DO NOTHING`).
A dialect runs it: it renders the placeholders its driver wants (once per statement, cached),
returns a new row's id, keeps the full-text index, runs transactions, and checks, backs up and
restores what it can. `sqlite_dialect.SqliteDialect` and `pg_dialect.PgDialect` are the two.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

from newsdesk.core.models import ArticleContent
from newsdesk.core.repository import Location

# A result row, readable by column name and by position (sqlite3.Row, or pg_dialect.Row).
Row = Any


class Dialect(Protocol):
    location: Location

    # --- statements ------------------------------------------------------------------------
    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None: ...
    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...
    def run(self, sql: str, params: Sequence[Any] = ()) -> None:
        """A write whose result is not needed."""
        ...

    def insert(self, sql: str, params: Sequence[Any] = ()) -> int:
        """An INSERT into a table with an `id` key; returns the new row's id."""
        ...

    def many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """One statement for many rows."""
        ...

    def batches(self, sql: str, size: int) -> Iterator[list[Row]]:
        """A whole table's worth of rows, `size` at a time."""
        ...

    def stream(self, sql: str) -> Iterator[Row]:
        """Rows one by one, never all in memory (a years-long audit log)."""
        ...

    def among(self, column: str, values: Sequence[int]) -> tuple[str, list[Any]]:
        """`column` is one of `values`, as SQL and its parameters."""
        ...

    # --- transactions and the connection ---------------------------------------------------
    def transaction(self) -> AbstractContextManager[None]: ...
    @property
    def in_transaction(self) -> bool: ...
    def unhurried(self) -> AbstractContextManager[None]: ...
    def try_again(self) -> None: ...
    def close(self) -> None: ...
    def probe(self) -> int:
        """Read a real table (the users' count): a damaged file may fail only there."""
        ...

    # --- full-text search ------------------------------------------------------------------
    def index(self, article_id: int, content: ArticleContent) -> None: ...
    def reindex(self, article_id: int, old: ArticleContent, new: ArticleContent) -> None: ...
    def search_candidates(self, query: str) -> set[int]:
        """Ids of the newest articles whose body, and of those whose title, match `query`."""
        ...

    def matches(self, title: str, body: str, query: str) -> bool:
        """Whether a candidate really holds `query` (an index of tokens may over-match)."""
        ...

    # --- maintenance -----------------------------------------------------------------------
    @property
    def anchor_file(self) -> Path | None:
        """Where the audit anchor is kept beside the database, if anywhere."""
        ...

    def integrity_problems(self) -> list[str]: ...
    def backup_to(self, destination: Path) -> None: ...
    def restore_from(self, source: Path, safety_copy: Path) -> None: ...
