"""What every area of the SQL store stands on: its dialect's statements, under short names."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsdesk.store.dialect import Dialect, Row


def upsert(table: str, columns: Sequence[str], key: Sequence[str]) -> str:
    """An insert that replaces the row with the same `key`, in SQL both engines accept."""
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in key)
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
        f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates}"
    )


class SqlArea:
    _dialect: Dialect

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        return self._dialect.one(sql, params)

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self._dialect.all(sql, params)

    def _run(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._dialect.run(sql, params)

    def _insert(self, sql: str, params: Sequence[Any] = ()) -> int:
        return self._dialect.insert(sql, params)

    def _among(self, column: str, values: Sequence[int]) -> tuple[str, list[Any]]:
        return self._dialect.among(column, values)
