"""The PostgreSQL dialect (psycopg 3), for newsrooms whose staff sit at several PCs.

The store's `?` placeholders become psycopg's `%s` once per statement (cached); a new row's id
comes back through `RETURNING id`; an id list travels as one array; search is a tsvector index
(`pg_search`); health is checked by queries rather than PRAGMAs; backups are the server's
(pg_dump), so nothing is copied to this PC.

Writers serialise on one transaction-scoped advisory lock, the way SQLite's BEGIN IMMEDIATE
makes them queue: the chain's checks and the audit log's hash chain both read-then-write, and a
newsroom's write rate is far below what one lock allows. Liveness (deadlines, a silent server,
a lost answer) is `pg_liveness`'s.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import psycopg
from psycopg.rows import RowMaker

from newsdesk.core.errors import (
    AnswerLost,
    DatabaseBusy,
    NewerDatabase,
    NoWorkspace,
    ServerSilent,
    ServerSlow,
    ServerUnreachable,
    StoreError,
    plural,
)
from newsdesk.core.models import ArticleContent
from newsdesk.store import pg_liveness, pg_schema, pg_search
from newsdesk.store.schema import article_numbers, name_keys
from newsdesk.store.target import server_location

WRITE_LOCK = 0x4E44534B  # "NDSK": the advisory lock every write transaction takes


class Row:
    """A row readable by column name and by position, like sqlite3.Row."""

    __slots__ = ("_index", "_values")

    def __init__(self, index: dict[str, int], values: Sequence[Any]) -> None:
        self._index, self._values = index, values

    def __getitem__(self, key: int | str) -> Any:
        if isinstance(key, int):
            return self._values[key]
        return self._values[self._index[key]]

    def keys(self) -> list[str]:
        return list(self._index)


def _rows(cursor: psycopg.Cursor[Any]) -> RowMaker[Row]:
    index = {column.name: i for i, column in enumerate(cursor.description or [])}
    return lambda values: Row(index, values)


@lru_cache(maxsize=1024)
def render(sql: str) -> str:
    """The store's SQL (`?` placeholders) as psycopg takes it; each statement once."""
    return sql.replace("%", "%%").replace("?", "%s")


class PgDialect:
    def __init__(self, url: str, *, create: bool = False) -> None:
        self.url = url
        self.location = server_location(url)
        self._depth = 0
        self._committing = False  # a transaction's COMMIT is on its way: its answer may be lost
        self._silent: tuple[float, float] | None = None  # (until when, seconds waited)
        self._pg = self._connect()
        try:
            self._prepare(create)
        except BaseException:
            self._pg.close()  # a workspace that cannot be used holds no connection either
            raise

    @property
    def _shown(self) -> str:
        return self.location.shown

    def _connect(self) -> pg_liveness.WatchedConnection[Row]:
        # A dead server is known in seconds, not minutes: see pg_liveness for the layers.
        started = time.monotonic()
        try:
            connection = pg_liveness.WatchedConnection.connect(
                pg_liveness.conninfo(self.url), autocommit=True, row_factory=_rows
            )
            connection.answer_within = pg_liveness.answer_seconds()
        except psycopg.errors.ConnectionTimeout:
            waited = round(time.monotonic() - started)
            self._fell_silent(waited)
            raise ServerSilent(self._shown, waited) from None
        except psycopg.Error as error:
            raise ServerUnreachable(self._shown, _short(error)) from None
        # No server-side prepared statements: their generic plans ignore the values, and a task
        # list with "LIMIT $1" ran four times slower than planned afresh (planning is ~0.1 ms).
        connection.prepare_threshold = None
        self._silent = None
        return connection

    def _live(self) -> pg_liveness.WatchedConnection[Row]:
        """The connection, made again if the server dropped it since the last call: a restarted
        server or a network blip costs the one call that met it, not the session."""
        if self._pg.closed or self._pg.broken:
            self._pg.close()
            if self._silent is not None and time.monotonic() < self._silent[0]:
                # The server did not answer a moment ago: say so at once rather than make
                # every call (a window's checks at each keystroke) wait the deadline again.
                self._fell_silent(self._silent[1])
                raise ServerSilent(self._shown, self._silent[1])
            self._pg = self._connect()
        return self._pg

    def _fell_silent(self, waited: float) -> None:
        """Calls fail at once until the store has been left alone for two deadlines, or until
        `try_again` (the app calls it when its probe from another thread got an answer)."""
        self._silent = (time.monotonic() + 2 * pg_liveness.answer_seconds(), waited)

    def try_again(self) -> None:
        self._silent = None

    def close(self) -> None:
        self._pg.close()

    @contextmanager
    def unhurried(self) -> Iterator[None]:
        """A long job (a migration, a year of statistics, a benchmark): no answer deadline and
        no statement timeout inside, the ordinary ones again after."""
        connection = self._live()
        lifted = pg_liveness.patient_settings()
        with self._errors():
            for name, value in lifted.items():
                connection.execute(f"SET {name} = {int(value)}")
        connection.answer_within = None
        try:
            yield
        finally:
            connection.answer_within = pg_liveness.answer_seconds()
            if not (connection.closed or connection.broken):
                with self._errors():  # back to the session's own: ours or the URL's
                    for name in lifted:
                        connection.execute(f"RESET {name}")

    # --- the workspace's schema --------------------------------------------------------------

    def _prepare(self, create: bool) -> None:
        exists = self.one("SELECT to_regclass('newsdesk_schema') IS NOT NULL")
        if exists is not None and exists[0]:
            found = self._schema_version()
            if found > pg_schema.SCHEMA_VERSION:
                raise NewerDatabase(self._shown, found, pg_schema.SCHEMA_VERSION)
            if found < pg_schema.SCHEMA_VERSION:
                self._upgrade()
            return
        if not create:
            raise NoWorkspace(self._shown)
        with self.transaction():  # under the advisory write lock: one creator at a time
            if self.one("SELECT to_regclass('newsdesk_schema') IS NOT NULL")[0]:  # type: ignore[index]
                return self._prepare(create)  # another program made it while we waited
            for statement in pg_schema.SCHEMA:
                self.run(statement)
            self.run(
                "INSERT INTO newsdesk_schema (version) VALUES (?)", (pg_schema.SCHEMA_VERSION,)
            )

    def _schema_version(self) -> int:
        row = self.one("SELECT max(version) FROM newsdesk_schema")
        return int(row[0]) if row and row[0] is not None else 0

    def _upgrade(self) -> None:
        """The steps this workspace lacks, under the write lock: the first PC to start after
        an update takes them, the others find them done."""
        try:
            with self.transaction():
                found = self._schema_version()
                for version in sorted(v for v in pg_schema.UPGRADES if v > found):
                    for statement in pg_schema.UPGRADES[version]:
                        self.run(statement)
                    if version == 6:
                        self._backfill_article_numbers()
                    if version == 8:
                        rows = self.all("SELECT id, username, display_name FROM users ORDER BY id")
                        self.many(
                            "UPDATE users SET username_key = ?, display_key = ? WHERE id = ?",
                            name_keys([(r[0], r[1], r[2]) for r in rows]),
                        )
                    self.run("INSERT INTO newsdesk_schema (version) VALUES (?)", (version,))
        except ServerUnreachable:
            raise
        except StoreError as error:
            raise StoreError(
                f"{self._shown} needs a one-time upgrade to schema {pg_schema.SCHEMA_VERSION},"
                f" which only the database's owner may make ({error.fields['detail']}): run"
                " `newsdesk --db postgresql://OWNER@SERVER/DATABASE verify` once as the owner"
            ) from None

    def _backfill_article_numbers(self) -> None:
        after = 0
        while batch := self.all(
            "SELECT a.id, r.meta, r.body FROM articles a JOIN revisions r ON r.id = a.revision_id"
            " WHERE a.id > ? ORDER BY a.id LIMIT 1000",
            (after,),
        ):
            after = int(batch[-1][0])
            self.many(
                "UPDATE articles SET characters = ?, original = ? WHERE id = ?",
                article_numbers([(r[0], r[1], r[2]) for r in batch]),
            )

    # --- transactions and statements ---------------------------------------------------------

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        connection = self._live()
        try:
            with self._errors(), connection.transaction():
                self._depth = 1
                connection.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                yield
                self._committing = True
        finally:
            self._depth, self._committing = 0, False

    @contextmanager
    def _errors(self, *, write: bool = False) -> Iterator[None]:
        """psycopg's errors as the store's: the server gone, busy, or a refused statement.
        `write`: a change sent on its own (no transaction), whose answer may be lost like a
        COMMIT's."""
        try:
            yield
        except psycopg.errors.LockNotAvailable:
            raise DatabaseBusy(self._shown) from None
        except psycopg.errors.QueryCanceled:  # our statement_timeout: the server is there
            raise ServerSlow(self._shown) from None
        except psycopg.OperationalError as error:
            if isinstance(error, pg_liveness.AnswerTimeout):
                self._fell_silent(error.seconds)
            if self._committing or write:
                reason = _lost_reason(error)
                raise AnswerLost(self._shown, reason) from None
            if isinstance(error, pg_liveness.AnswerTimeout):
                raise ServerSilent(self._shown, error.seconds) from None
            raise ServerUnreachable(self._shown, _short(error)) from None
        except psycopg.Error as error:
            raise StoreError(_short(error)) from None

    def _connection(self) -> psycopg.Connection[Row]:
        # Inside a transaction the connection must stay the one the transaction is on.
        return self._pg if self._depth else self._live()

    def execute(self, sql: str, params: Sequence[Any], *, write: bool) -> psycopg.Cursor[Row]:
        connection = self._connection()
        with self._errors(write=write and not self._depth):
            return connection.execute(render(sql), params)

    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        return self.execute(sql, params, write=False).fetchone()

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self.execute(sql, params, write=False).fetchall()

    def run(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.execute(sql, params, write=True)

    def insert(self, sql: str, params: Sequence[Any] = ()) -> int:
        row = self.execute(sql + " RETURNING id", params, write=True).fetchone()
        return int(row[0]) if row else 0

    def many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """One statement for many rows, pipelined: no round trip per row."""
        if not rows:
            return
        connection = self._connection()
        with self._errors(), connection.cursor() as cursor:
            cursor.executemany(render(sql), rows)

    def batches(self, sql: str, size: int) -> Iterator[list[Row]]:
        cursor = self.execute(sql, (), write=False)
        while batch := cursor.fetchmany(size):
            yield batch

    def stream(self, sql: str) -> Iterator[Row]:
        # A server-side cursor (which needs a transaction): a years-long log streams.
        if self._depth:
            yield from self._walk(sql)
            return
        with self._live().transaction():
            yield from self._walk(sql)

    def _walk(self, sql: str) -> Iterator[Row]:
        with self._pg.cursor(name="stream") as cursor:
            cursor.execute(render(sql))
            yield from cursor

    def among(self, column: str, values: Sequence[int]) -> tuple[str, list[Any]]:
        # One array parameter: a list of hundreds of placeholders costs more to plan.
        return f"{column} = ANY(?)", [list(values)]

    def probe(self) -> int:
        row = self.one("SELECT count(*) FROM users")
        return int(row[0]) if row else 0

    # --- full-text search ----------------------------------------------------------------------

    def index(self, article_id: int, content: ArticleContent) -> None:
        self.index_many([(article_id, content)])

    def index_many(self, articles: Sequence[tuple[int, ArticleContent]]) -> None:
        self.many(
            pg_search.INDEX,
            [(i, pg_search.tokens(c.body), pg_search.tokens(c.title)) for i, c in articles],
        )

    def reindex(self, article_id: int, old: ArticleContent, new: ArticleContent) -> None:
        self.index(article_id, new)  # the upsert replaces the row

    def search_candidates(self, query: str) -> set[int]:
        expression = pg_search.tsquery(query)
        if expression is None:
            return set()
        found: set[int] = set()
        for column, window in pg_search.windows():
            rows = self.all(pg_search.CANDIDATES[column], (expression, window))
            found |= {int(r[0]) for r in rows}
        return found

    def matches(self, title: str, body: str, query: str) -> bool:
        return pg_search.holds(title, body, query)

    # --- maintenance -----------------------------------------------------------------------

    @property
    def anchor_file(self) -> None:
        # The mark alone: the staff role cannot cut the log nor move the mark back; the owner
        # could drop the triggers, and then the mark still shows what was cut.
        return None

    def integrity_problems(self) -> list[str]:
        problems = []
        orphan = self.one(
            "SELECT count(*) FROM articles a LEFT JOIN revisions r ON r.id = a.revision_id"
            " WHERE r.id IS NULL"
        )
        if orphan and orphan[0]:
            problems.append(
                f"{plural(orphan[0], 'article', 'articles')} without their current revision"
            )
        return problems

    def backup_to(self, destination: Path) -> None:
        raise StoreError(
            "a PostgreSQL workspace is backed up on the server with pg_dump (see the README)"
        )

    def restore_from(self, source: Path, safety_copy: Path) -> None:
        raise StoreError(
            "a PostgreSQL workspace is restored on the server with pg_restore (see the README)"
        )


def _lost_reason(error: psycopg.OperationalError) -> tuple[str, str]:
    if isinstance(error, pg_liveness.AnswerTimeout):
        return (f"已等 {error.seconds:g} 秒", f"waited {error.seconds:g} s")
    return (_short(error), _short(error))


def _short(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
