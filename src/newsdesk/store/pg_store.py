"""The PostgreSQL store (psycopg 3), for newsrooms whose staff sit at several PCs.

It is the SQLite store with another engine under it: the same SQL where the two agree (written
once, in SqliteStore, with `?` placeholders translated here), its own connection, transactions,
schema, search index and health checks where they differ.

Writers serialise on one transaction-scoped advisory lock, the way SQLite's BEGIN IMMEDIATE
makes them queue: the chain's checks and the audit log's hash chain both read-then-write, and a
newsroom's write rate is far below what one lock allows.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
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
from newsdesk.store import fts, pg_liveness, pg_schema, tables
from newsdesk.store.schema import article_numbers, name_keys
from newsdesk.store.sqlite_store import SqliteStore

WRITE_LOCK = 0x4E44534B  # "NDSK": the advisory lock every write transaction takes
_WITH_ID = re.compile(rf"^\s*INSERT INTO ({'|'.join(sorted(tables.WITH_ID))})\b", re.I)
_READ = re.compile(r"\s*(SELECT|WITH|SHOW|SET)\b", re.I)
_UPSERT_KEYS = {t.name: ", ".join(t.key()) for t in tables.TABLES}


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


def _translate(sql: str) -> str:
    """SQLite dialect (as written in SqliteStore) to PostgreSQL."""
    sql = sql.replace("%", "%%").replace("?", "%s")
    upsert = re.match(r"\s*INSERT OR REPLACE INTO (\w+) \(([^)]*)\)", sql)
    if upsert:
        table, columns = upsert.group(1), [c.strip() for c in upsert.group(2).split(",")]
        key = _UPSERT_KEYS[table]
        updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns if c != key)
        sql = sql.replace("INSERT OR REPLACE INTO", "INSERT INTO", 1)
        sql += f" ON CONFLICT ({key}) DO UPDATE SET {updates}"
    elif re.match(r"\s*INSERT OR IGNORE INTO", sql):
        sql = sql.replace("INSERT OR IGNORE INTO", "INSERT INTO", 1) + " ON CONFLICT DO NOTHING"
    return sql


def _lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def _tsquery(query: str) -> str | None:
    """Every token of every term must be present (AND); a lone last Han character is a prefix.
    Positions are not used, so long articles do not hit PostgreSQL's position limit; the exact
    phrase is checked on the candidates afterwards."""
    parts: list[str] = []
    for term in query.split():
        pieces = fts._PIECES.findall(term)
        for index, (han, word) in enumerate(pieces):
            last = index == len(pieces) - 1
            if not han:
                parts.append(_lexeme(word.lower()))
            elif len(han) == 1:
                parts.append(_lexeme(han) + (":*" if last else ""))
            else:
                parts.extend(_lexeme(han[i : i + 2]) for i in range(len(han) - 1))
    return " & ".join(parts) if parts else None


class PgStore(SqliteStore):
    local_file = False  # backed up on the server (pg_dump); nothing of it lives on this PC

    def __init__(self, url: str, *, create: bool = False) -> None:
        self.path = Path("postgresql")  # no file: backups and anchors work differently here
        self.url = url
        self._anchor_next = None
        self._depth = 0
        self._committing = False  # a transaction's COMMIT is on its way: its answer may be lost
        self._silent: tuple[float, float] | None = None  # (until when, seconds waited)
        self._pg = self._connect()
        try:
            self._prepare(create)
        except BaseException:
            self._pg.close()  # a workspace that cannot be used holds no connection either
            raise

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
            raise ServerSilent(self.target, waited) from None
        except psycopg.Error as error:
            raise ServerUnreachable(self.target, _short(error)) from None
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
                raise ServerSilent(self.target, self._silent[1])
            self._pg = self._connect()
        return self._pg

    def _fell_silent(self, waited: float) -> None:
        """Calls fail at once until the store has been left alone for two deadlines, or until
        `try_again` (the app calls it when its probe from another thread got an answer)."""
        self._silent = (time.monotonic() + 2 * pg_liveness.answer_seconds(), waited)

    def try_again(self) -> None:
        self._silent = None

    @property
    def target(self) -> str:
        # Never a password; options after `?` (a password file, timeouts) are not for messages.
        return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", self.url).split("?", 1)[0]

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

    def _prepare(self, create: bool) -> None:
        exists = self._one("SELECT to_regclass('newsdesk_schema') IS NOT NULL")
        if exists is not None and exists[0]:
            found = self._schema_version()
            if found > pg_schema.SCHEMA_VERSION:
                raise NewerDatabase(self.target, found, pg_schema.SCHEMA_VERSION)
            if found < pg_schema.SCHEMA_VERSION:
                self._upgrade()
            return
        if not create:
            raise NoWorkspace(self.target)
        with self.transaction():  # under the advisory write lock: one creator at a time
            if self._one("SELECT to_regclass('newsdesk_schema') IS NOT NULL")[0]:  # type: ignore[index]
                return self._prepare(create)  # another program made it while we waited
            for statement in pg_schema.SCHEMA:
                self._run(statement)
            self._run(
                "INSERT INTO newsdesk_schema (version) VALUES (?)", (pg_schema.SCHEMA_VERSION,)
            )

    def _schema_version(self) -> int:
        row = self._one("SELECT max(version) FROM newsdesk_schema")
        return int(row[0]) if row and row[0] is not None else 0

    def _upgrade(self) -> None:
        """The steps this workspace lacks, under the write lock: the first PC to start after
        an update takes them, the others find them done."""
        try:
            with self.transaction():
                found = self._schema_version()
                for version in sorted(v for v in pg_schema.UPGRADES if v > found):
                    for statement in pg_schema.UPGRADES[version]:
                        self._run(statement)
                    if version == 6:
                        self._backfill_article_numbers()
                    if version == 8:
                        rows = self._all("SELECT id, username, display_name FROM users ORDER BY id")
                        self._execute_many(
                            "UPDATE users SET username_key = ?, display_key = ? WHERE id = ?",
                            name_keys([(r[0], r[1], r[2]) for r in rows]),
                        )
                    self._run("INSERT INTO newsdesk_schema (version) VALUES (?)", (version,))
        except ServerUnreachable:
            raise
        except StoreError as error:
            raise StoreError(
                f"{self.target} needs a one-time upgrade to schema {pg_schema.SCHEMA_VERSION},"
                f" which only the database's owner may make ({error.fields['detail']}): run"
                " `newsdesk --db postgresql://OWNER@SERVER/DATABASE verify` once as the owner"
            ) from None

    def _backfill_article_numbers(self) -> None:
        after = 0
        while batch := self._all(
            "SELECT a.id, r.meta, r.body FROM articles a JOIN revisions r ON r.id = a.revision_id"
            " WHERE a.id > ? ORDER BY a.id LIMIT 1000",
            (after,),
        ):
            after = int(batch[-1][0])
            self._execute_many(
                "UPDATE articles SET characters = ?, original = ? WHERE id = ?",
                article_numbers([(r[0], r[1], r[2]) for r in batch]),
            )

    # --- plumbing ------------------------------------------------------------------------------

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
            raise DatabaseBusy(self.target) from None
        except psycopg.errors.QueryCanceled:  # our statement_timeout: the server is there
            raise ServerSlow(self.target) from None
        except psycopg.OperationalError as error:
            if isinstance(error, pg_liveness.AnswerTimeout):
                self._fell_silent(error.seconds)
            if self._committing or write:
                reason = _lost_reason(error)
                raise AnswerLost(self.target, reason) from None
            if isinstance(error, pg_liveness.AnswerTimeout):
                raise ServerSilent(self.target, error.seconds) from None
            raise ServerUnreachable(self.target, _short(error)) from None
        except psycopg.Error as error:
            raise StoreError(_short(error)) from None

    def _connection(self) -> psycopg.Connection[Row]:
        # Inside a transaction the connection must stay the one the transaction is on.
        return self._pg if self._depth else self._live()

    def _execute(self, sql: str, params: Sequence[Any]) -> psycopg.Cursor[Row]:
        connection = self._connection()
        with self._errors(write=not self._depth and not _READ.match(sql)):
            return connection.execute(_translate(sql), params)

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:  # type: ignore[override]
        return self._execute(sql, params).fetchone()

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:  # type: ignore[override]
        return self._execute(sql, params).fetchall()

    def _run(self, sql: str, params: Sequence[Any] = ()) -> int:
        returning = bool(_WITH_ID.match(sql))
        cursor = self._execute(sql + (" RETURNING id" if returning else ""), params)
        if returning:
            row = cursor.fetchone()
            return int(row[0]) if row else 0
        return 0

    # --- what differs ----------------------------------------------------------------------------

    def _among(self, column: str, values: Sequence[int]) -> tuple[str, list[Any]]:
        # One array parameter: a list of hundreds of placeholders costs more to plan.
        return f"{column} = ANY(?)", [list(values)]

    def users_count_probe(self) -> int:
        return self.count_users()

    def _index(self, article_id: int, content: ArticleContent) -> None:
        self._index_many([(article_id, content)])

    def _index_many(self, articles: Sequence[tuple[int, ArticleContent]]) -> None:
        # Tokens travel as one space-separated string (they hold no spaces): adapting a
        # Python list to text[] cost more than building the index.
        self._execute_many(
            "INSERT INTO article_search (article_id, body_tokens, title_tokens)"
            " VALUES (?, array_to_tsvector(string_to_array(?, ' ')),"
            " array_to_tsvector(string_to_array(?, ' ')))"
            " ON CONFLICT (article_id) DO UPDATE SET body_tokens = EXCLUDED.body_tokens,"
            " title_tokens = EXCLUDED.title_tokens",
            [(i, _tokens(c.body), _tokens(c.title)) for i, c in articles],
        )

    def _execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """One statement for many rows, pipelined: no round trip per row."""
        if not rows:
            return
        connection = self._connection()
        with self._errors(), connection.cursor() as cursor:
            cursor.executemany(_translate(sql), rows)

    def _unindex(self, article_id: int, content: ArticleContent) -> None:
        pass  # _index replaces the row

    def _search_candidates(self, query: str) -> set[int]:
        expression = _tsquery(query)
        if expression is None:
            return set()
        found: set[int] = set()
        for column, window in (
            ("body_tokens", fts.BODY_WINDOW),
            ("title_tokens", fts.TITLE_WINDOW),
        ):
            found |= {
                int(r[0])
                for r in self._all(
                    f"SELECT article_id FROM article_search WHERE {column} @@ ?::tsquery"
                    " ORDER BY article_id DESC LIMIT ?",
                    (expression, window),
                )
            }
        return found

    def _matches(self, title: str, body: str, query: str) -> bool:
        # The index matched tokens, not positions: keep only articles holding every term.
        terms = [t.lower() for t in query.split()]
        return _holds(title, terms) or _holds(body, terms)

    def iter_audit(self) -> Iterator[Any]:
        # A server-side cursor (which needs a transaction): a years-long log streams.
        if self._depth:
            yield from self._walk_audit()
            return
        with self._live().transaction():
            yield from self._walk_audit()

    def _walk_audit(self) -> Iterator[Any]:
        with self._pg.cursor(name="audit_walk") as cursor:
            cursor.execute("SELECT * FROM audit_log ORDER BY id")
            for row in cursor:
                yield self._audit(row)  # type: ignore[arg-type]  # Row reads like sqlite3.Row

    def integrity_problems(self) -> list[str]:
        problems = []
        orphan = self._one(
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

    def audit_anchor(self) -> tuple[int, str] | None:
        # The mark alone: the staff role cannot cut the log nor move the mark back; the owner
        # could drop the triggers, and then the mark still shows what was cut.
        return self._audit_mark()

    def _write_anchor(self, entry_id: int, digest: str, *, restored: bool = False) -> None:
        pass


def _tokens(text: str) -> str:
    return " ".join(sorted(set(fts.index_text(text).split())))


def _holds(text: str, terms: list[str]) -> bool:
    folded = text.lower()
    return all(term in folded for term in terms)


def _lost_reason(error: psycopg.OperationalError) -> tuple[str, str]:
    if isinstance(error, pg_liveness.AnswerTimeout):
        return (f"已等 {error.seconds:g} 秒", f"waited {error.seconds:g} s")
    return (_short(error), _short(error))


def _short(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
