"""The SQLite dialect: one database file on this PC.

The store's SQL runs as written (`?` placeholders, `ON CONFLICT` upserts); a new row's id is the
cursor's lastrowid; search is two contentless FTS5 tables of character bigrams (`fts`); writers
queue on BEGIN IMMEDIATE; backups and restores use SQLite's online backup API.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsdesk.core.errors import StoreError
from newsdesk.core.models import ArticleContent
from newsdesk.core.repository import Location
from newsdesk.store import fts
from newsdesk.store.sqlite_open import open_connection, translate

Row = sqlite3.Row


class SqliteDialect:
    def __init__(self, path: Path, *, create: bool = False) -> None:
        self.path = path
        self.location = Location(str(path), path, address=str(path))
        self.conn = open_connection(path, create=create)
        self.conn.row_factory = sqlite3.Row

    # --- statements ------------------------------------------------------------------------

    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        try:
            row: Row | None = self.conn.execute(sql, params).fetchone()
        except sqlite3.Error as error:
            raise translate(error, self.location.shown) from None
        return row

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise translate(error, self.location.shown) from None

    def _write(self, sql: str, params: Sequence[Any]) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params)
        except sqlite3.IntegrityError as error:
            raise StoreError(str(error)) from None
        except sqlite3.Error as error:
            raise translate(error, self.location.shown) from None

    def run(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._write(sql, params)

    def insert(self, sql: str, params: Sequence[Any] = ()) -> int:
        return self._write(sql, params).lastrowid or 0

    def many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            self.conn.executemany(sql, rows)
        except sqlite3.IntegrityError as error:
            raise StoreError(str(error)) from None
        except sqlite3.Error as error:
            raise translate(error, self.location.shown) from None

    def batches(self, sql: str, size: int) -> Iterator[list[Row]]:
        try:
            cursor = self.conn.execute(sql)
            while batch := cursor.fetchmany(size):
                yield batch
        except sqlite3.Error as error:
            raise translate(error, self.location.shown) from None

    def stream(self, sql: str) -> Iterator[Row]:
        try:
            yield from self.conn.execute(sql)
        except sqlite3.Error as error:
            raise translate(error, self.location.shown) from None

    def among(self, column: str, values: Sequence[int]) -> tuple[str, list[Any]]:
        return f"{column} IN ({', '.join('?' for _ in values)})", list(values)

    # --- transactions and the connection ---------------------------------------------------

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE takes the write lock up front, so two writers queue on the busy
        timeout instead of one failing half-way with SQLITE_BUSY."""
        if self.conn.in_transaction:
            yield  # nested: the outer transaction decides
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise translate(error, self.location.shown) from None
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as error:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise translate(error, self.location.shown) from None

    @contextmanager
    def unhurried(self) -> Iterator[None]:
        yield  # a file on this PC has no server timeouts to lift

    def try_again(self) -> None:
        pass  # nothing to forget: a file does not fall silent

    def close(self) -> None:
        self.conn.close()

    def probe(self) -> int:
        try:
            return int(self.conn.execute("SELECT count(*) FROM users").fetchone()[0])
        except sqlite3.Error as error:
            raise translate(error, self.location.shown) from None

    # --- full-text search ------------------------------------------------------------------

    def index(self, article_id: int, content: ArticleContent) -> None:
        title = fts.index_text(content.title)
        self.run(
            "INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)",
            (article_id, title, fts.index_text(content.body)),
        )
        self.run("INSERT INTO title_fts (rowid, title) VALUES (?, ?)", (article_id, title))

    def reindex(self, article_id: int, old: ArticleContent, new: ArticleContent) -> None:
        # A contentless table forgets a row only when told exactly which tokens it held.
        title = fts.index_text(old.title)
        self.run(
            "INSERT INTO article_fts (article_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)",
            (article_id, title, fts.index_text(old.body)),
        )
        self.run(
            "INSERT INTO title_fts (title_fts, rowid, title) VALUES ('delete', ?, ?)",
            (article_id, title),
        )
        self.index(article_id, new)

    def search_candidates(self, query: str) -> set[int]:
        expression = fts.match_expression(query)
        if expression is None:
            return set()
        candidates = {
            row[0]
            for row in self.all(
                "SELECT rowid FROM article_fts WHERE article_fts MATCH ?"
                " ORDER BY rowid DESC LIMIT ?",
                (expression, fts.BODY_WINDOW),
            )
        }
        candidates |= {
            row[0]
            for row in self.all(
                "SELECT rowid FROM title_fts WHERE title_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
                (expression, fts.TITLE_WINDOW),
            )
        }
        return candidates

    def matches(self, title: str, body: str, query: str) -> bool:
        return True  # FTS5's phrase match is already exact

    # --- maintenance -----------------------------------------------------------------------

    @property
    def anchor_file(self) -> Path:
        return self.path.with_name(self.path.name + ".audit-anchor")

    def integrity_problems(self) -> list[str]:
        problems = [r[0] for r in self.all("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [
            f"foreign key: {r[0]} row {r[1]} -> {r[2]}"
            for r in self.all("PRAGMA foreign_key_check")
        ]
        return problems

    def backup_to(self, destination: Path) -> None:
        """A consistent copy made with SQLite's online backup API, safe while others write."""
        if destination.exists():
            raise StoreError(f"{destination} already exists; choose a new file name")
        partial = destination.with_name(destination.name + ".partial")
        try:
            target = sqlite3.connect(str(partial))
            with target:
                self.conn.backup(target)
            target.close()
            partial.replace(destination)
        except (sqlite3.Error, OSError) as error:
            partial.unlink(missing_ok=True)
            raise StoreError(f"backup to {destination} failed: {error}") from None

    def restore_from(self, source: Path, safety_copy: Path) -> None:
        """Through the online backup API: other connections see the change at their next
        read. What was here is first copied to `safety_copy`."""
        candidate = SqliteDialect(source)  # refuses foreign, damaged-header or newer files
        try:
            problems = candidate.integrity_problems()
            if problems:
                raise StoreError(f"{source} is damaged: {problems[0]}")
            self.backup_to(safety_copy)
            candidate.conn.backup(self.conn)
        except sqlite3.Error as error:
            raise StoreError(f"restore from {source} failed: {error}") from None
        finally:
            candidate.close()
