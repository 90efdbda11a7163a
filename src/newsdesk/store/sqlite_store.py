"""The SQLite implementation of the core's Repository protocol."""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from newsdesk.content.text_stats import word_count
from newsdesk.core.errors import StoreError
from newsdesk.core.models import (
    Account,
    Article,
    ArticleContent,
    ArticleHead,
    ArticleSummary,
    AuditEntry,
    Credentials,
    Dismissal,
    Level,
    Lock,
    Media,
    Note,
    NoteKind,
    ProofRecord,
    PushedArticle,
    PushRecord,
    Revision,
    RevisionKind,
    Role,
    SearchHit,
    SeenFinding,
    SignOff,
    State,
    Topic,
    TopicState,
    User,
)
from newsdesk.core.names import name_key
from newsdesk.store import fts
from newsdesk.store.sqlite_open import open_connection, translate
from newsdesk.store.stats_queries import StatsQueries

Row = sqlite3.Row


def _ts(value: datetime) -> str:
    return value.isoformat()


def _span(start: datetime, end: datetime) -> tuple[str, str]:
    """A time range as the stored UTC text compares."""
    return _ts(start.astimezone(UTC)), _ts(end.astimezone(UTC))


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _dt_req(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _pack(body: str) -> bytes:
    return zlib.compress(body.encode("utf-8"), 6)


def _unpack(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8")


def _meta_json(content: ArticleContent) -> str:
    return json.dumps(content.metadata(), ensure_ascii=False, sort_keys=True)


def _summary(r: Any) -> ArticleSummary:
    return ArticleSummary(
        r["id"],
        r["title"],
        State(r["state"]),
        r["author"],
        r["column_name"],
        r["display_name"],
        _dt_req(r["updated_at"]),
        r["version"],
    )


def unpack_content(title: str, meta: str, body: bytes) -> ArticleContent:
    """A revision's text as stored (compressed body, metadata as JSON) back into content."""
    data: dict[str, Any] = json.loads(meta)
    return ArticleContent(title=title, body=_unpack(body), **data)


def _user(row: Row) -> User:
    roles = frozenset(Role(r) for r in row["roles"].split(",") if r)
    return User(
        row["id"],
        row["username"],
        row["display_name"],
        roles,
        bool(row["disabled"]),
        _dt(row["created_at"]),
    )


def _revision(r: Row, content: ArticleContent | None = None) -> Revision:
    return Revision(
        r["id"],
        r["article_id"],
        r["version"],
        r["user_id"],
        _dt_req(r["created_at"]),
        r["content_hash"],
        RevisionKind(r["kind"]),
        content,
    )


class SqliteStore(StatsQueries):
    """One SQLite file. Thread use: one store per thread (it holds one connection)."""

    # The workspace is a file on this PC: backups beside it, network-share warnings apply.
    local_file = True

    def __init__(self, path: Path, *, create: bool = False) -> None:
        self.path = path
        self._conn = open_connection(path, create=create)
        self._conn.row_factory = sqlite3.Row
        self._anchor_next: tuple[int, str] | None = None

    def users_count_probe(self) -> int:
        """Read a real table: a damaged file often opens and fails only at its first read."""
        try:
            return int(self._conn.execute("SELECT count(*) FROM users").fetchone()[0])
        except sqlite3.Error as error:
            raise translate(error, str(self.path)) from None

    @property
    def target(self) -> str:
        return str(self.path)

    def close(self) -> None:
        self._conn.close()

    @contextmanager
    def unhurried(self) -> Iterator[None]:
        """For long jobs; a file on this PC has no server timeouts to lift (see PgStore)."""
        yield

    # --- plumbing ------------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE takes the write lock up front, so two writers queue on the busy
        timeout instead of one failing half-way with SQLITE_BUSY."""
        if self._conn.in_transaction:
            yield  # nested: the outer transaction decides
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise translate(error, self.target) from None
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            self._anchor_next = None
            raise
        try:
            self._conn.execute("COMMIT")
        except sqlite3.Error as error:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            self._anchor_next = None
            raise translate(error, self.target) from None
        if self._anchor_next is not None:
            self._write_anchor(*self._anchor_next)
            self._anchor_next = None

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        try:
            row: Row | None = self._conn.execute(sql, params).fetchone()
        except sqlite3.Error as error:
            raise translate(error, self.target) from None
        return row

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise translate(error, self.target) from None

    def _batches(self, sql: str, size: int) -> Iterator[list[Row]]:
        """A whole table's worth of rows, `size` at a time, never all in memory at once."""
        try:
            cursor = self._conn.execute(sql)
            while batch := cursor.fetchmany(size):
                yield batch
        except sqlite3.Error as error:
            raise translate(error, self.target) from None

    def _run(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Execute a write; returns lastrowid."""
        try:
            cursor = self._conn.execute(sql, params)
        except sqlite3.IntegrityError as error:
            raise StoreError(str(error)) from None
        except sqlite3.Error as error:
            raise translate(error, self.target) from None
        return cursor.lastrowid or 0

    # --- users ---------------------------------------------------------------------------------

    def count_users(self) -> int:
        row = self._one("SELECT count(*) FROM users")
        return int(row[0]) if row else 0

    def add_user(
        self,
        username: str,
        display_name: str,
        roles: frozenset[Role],
        password_hash: str,
        now: datetime,
    ) -> User:
        user_id = self._run(
            "INSERT INTO users (username, display_name, roles, password_hash, created_at,"
            " username_key, display_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                username,
                display_name,
                ",".join(sorted(roles)),
                password_hash,
                _ts(now),
                name_key(username),
                name_key(display_name),
            ),
        )
        user = self.get_user(user_id)
        assert user is not None
        return user

    def get_user(self, user_id: int) -> User | None:
        row = self._one("SELECT * FROM users WHERE id = ?", (user_id,))
        return _user(row) if row else None

    def find_user(self, username: str) -> User | None:
        row = self._one("SELECT * FROM users WHERE username = ?", (username,))
        return _user(row) if row else None

    def get_credentials(self, username: str) -> Credentials | None:
        row = self._one("SELECT * FROM users WHERE username = ?", (username,))
        if row is None:
            return None
        return Credentials(
            _user(row), row["password_hash"], row["failed_attempts"], _dt(row["last_failed_at"])
        )

    def list_users(self) -> list[User]:
        return [_user(r) for r in self._all("SELECT * FROM users ORDER BY id")]

    def update_user(
        self,
        user_id: int,
        *,
        display_name: str | None = None,
        roles: frozenset[Role] | None = None,
        disabled: bool | None = None,
        password_hash: str | None = None,
    ) -> None:
        changes: dict[str, Any] = {}
        if display_name is not None:
            changes["display_name"] = display_name
            changes["display_key"] = name_key(display_name)
        if roles is not None:
            changes["roles"] = ",".join(sorted(roles))
        if disabled is not None:
            changes["disabled"] = int(disabled)
        if password_hash is not None:
            changes["password_hash"] = password_hash
        if changes:
            assignments = ", ".join(f"{column} = ?" for column in changes)
            self._run(f"UPDATE users SET {assignments} WHERE id = ?", [*changes.values(), user_id])

    def record_failed_sign_in(self, user_id: int, now: datetime) -> None:
        self._run(
            "UPDATE users SET failed_attempts = failed_attempts + 1, last_failed_at = ?"
            " WHERE id = ?",
            (_ts(now), user_id),
        )

    def clear_failed_sign_ins(self, user_id: int) -> None:
        self._run(
            "UPDATE users SET failed_attempts = 0, last_failed_at = NULL WHERE id = ?", (user_id,)
        )

    # --- 公众号 accounts --------------------------------------------------------------------

    def list_accounts(self) -> list[Account]:
        return [
            Account(r["id"], r["name"], r["title"], r["appid"], r["api_base"])
            for r in self._all("SELECT * FROM accounts ORDER BY id")
        ]

    def add_account(self, name: str, title: str, now: datetime) -> Account:
        account_id = self._run(
            "INSERT INTO accounts (name, title, created_at) VALUES (?, ?, ?)",
            (name, title, _ts(now)),
        )
        return Account(account_id, name, title)

    def update_account(
        self,
        account_id: int,
        *,
        title: str | None = None,
        appid: str | None = None,
        api_base: str | None = None,
    ) -> None:
        changes = {
            k: v
            for k, v in (("title", title), ("appid", appid), ("api_base", api_base))
            if v is not None
        }
        if changes:
            assignments = ", ".join(f"{column} = ?" for column in changes)
            self._run(
                f"UPDATE accounts SET {assignments} WHERE id = ?", [*changes.values(), account_id]
            )

    # --- articles ------------------------------------------------------------------------------

    def create_article(
        self,
        content: ArticleContent,
        creator_id: int,
        editor_ids: Sequence[int],
        now: datetime,
        account_id: int = 1,
    ) -> int:
        article_id = self._run(
            "INSERT INTO articles (state, version, creator_id, title, author, column_name,"
            " created_at, updated_at, account_id, characters, original)"
            " VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                State.DRAFT.value,
                creator_id,
                content.title,
                content.author,
                content.column,
                _ts(now),
                _ts(now),
                account_id,
                word_count(content.body),
                int(content.original),
            ),
        )
        revision_id = self._insert_revision(
            article_id, 1, content, creator_id, now, RevisionKind.SAVE
        )
        self._run("UPDATE articles SET revision_id = ? WHERE id = ?", (revision_id, article_id))
        self.set_editors(article_id, editor_ids)
        self._index(article_id, content)
        return article_id

    def get_article(self, article_id: int) -> Article | None:
        row = self._one(
            "SELECT a.*, r.title AS r_title, r.meta, r.body FROM articles a"
            " JOIN revisions r ON r.id = a.revision_id WHERE a.id = ?",
            (article_id,),
        )
        if row is None:
            return None
        return Article(
            id=row["id"],
            content=unpack_content(row["r_title"], row["meta"], row["body"]),
            state=State(row["state"]),
            version=row["version"],
            creator_id=row["creator_id"],
            editor_ids=tuple(self._editors_of([article_id]).get(article_id, ())),
            created_at=_dt_req(row["created_at"]),
            updated_at=_dt_req(row["updated_at"]),
            revision_id=row["revision_id"],
            published_url=row["published_url"],
            published_at=_dt(row["published_at"]),
            account_id=row["account_id"] or 1,
        )

    def set_article_account(self, article_id: int, account_id: int) -> None:
        self._run("UPDATE articles SET account_id = ? WHERE id = ?", (account_id, article_id))

    def article_heads(self, article_ids: Sequence[int]) -> list[ArticleHead]:
        if not article_ids:
            return []
        among, ids = self._among("a.id", article_ids)
        rows = self._all(
            "SELECT a.id, a.state, r.content_hash FROM articles a"
            f" JOIN revisions r ON r.id = a.revision_id WHERE {among}",
            ids,
        )
        editors = self._editors_of(article_ids)
        found = {
            r[0]: ArticleHead(r[0], State(r[1]), tuple(editors.get(r[0], ())), r[2]) for r in rows
        }
        return [found[i] for i in article_ids if i in found]

    def _among(self, column: str, values: Sequence[int]) -> tuple[str, list[Any]]:
        """`column` is one of `values`, as SQL and its parameters."""
        return f"{column} IN ({', '.join('?' for _ in values)})", list(values)

    def _editors_of(self, article_ids: Sequence[int]) -> dict[int, list[int]]:
        among, ids = self._among("article_id", article_ids)
        editors: dict[int, list[int]] = {}
        for r in self._all(
            f"SELECT article_id, user_id FROM article_editors WHERE {among}"
            " ORDER BY article_id, position",
            ids,
        ):
            editors.setdefault(r[0], []).append(r[1])
        return editors

    def save_content(
        self, article_id: int, content: ArticleContent, user_id: int, now: datetime
    ) -> int:
        old = self.get_article(article_id)
        if old is None:
            raise StoreError(f"article {article_id} vanished during a save")
        version = old.version + 1
        revision_id = self._insert_revision(
            article_id, version, content, user_id, now, RevisionKind.SAVE
        )
        self._run(
            "UPDATE articles SET version = ?, revision_id = ?, title = ?, author = ?,"
            " column_name = ?, updated_at = ?, characters = ?, original = ? WHERE id = ?",
            (
                version,
                revision_id,
                content.title,
                content.author,
                content.column,
                _ts(now),
                word_count(content.body),
                int(content.original),
                article_id,
            ),
        )
        self._unindex(article_id, old.content)
        self._index(article_id, content)
        return version

    def add_side_revision(
        self,
        article_id: int,
        content: ArticleContent,
        user_id: int,
        now: datetime,
        kind: RevisionKind,
    ) -> int:
        row = self._one("SELECT version FROM articles WHERE id = ?", (article_id,))
        version = int(row[0]) if row else 0
        return self._insert_revision(article_id, version, content, user_id, now, kind)

    def _insert_revision(
        self,
        article_id: int,
        version: int,
        content: ArticleContent,
        user_id: int,
        now: datetime,
        kind: RevisionKind,
    ) -> int:
        return self._run(
            "INSERT INTO revisions (article_id, version, user_id, created_at, kind,"
            " content_hash, title, meta, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                version,
                user_id,
                _ts(now),
                kind.value,
                content.content_hash(),
                content.title,
                _meta_json(content),
                _pack(content.body),
            ),
        )

    def _index(self, article_id: int, content: ArticleContent) -> None:
        title = fts.index_text(content.title)
        self._run(
            "INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)",
            (article_id, title, fts.index_text(content.body)),
        )
        self._run("INSERT INTO title_fts (rowid, title) VALUES (?, ?)", (article_id, title))

    def _unindex(self, article_id: int, content: ArticleContent) -> None:
        # A contentless table forgets a row only when told exactly which tokens it held.
        title = fts.index_text(content.title)
        self._run(
            "INSERT INTO article_fts (article_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)",
            (article_id, title, fts.index_text(content.body)),
        )
        self._run(
            "INSERT INTO title_fts (title_fts, rowid, title) VALUES ('delete', ?, ?)",
            (article_id, title),
        )

    def set_editors(self, article_id: int, editor_ids: Sequence[int]) -> None:
        self._run("DELETE FROM article_editors WHERE article_id = ?", (article_id,))
        for position, user_id in enumerate(editor_ids):
            self._run(
                "INSERT INTO article_editors (article_id, user_id, position) VALUES (?, ?, ?)",
                (article_id, user_id, position),
            )

    def set_state(
        self,
        article_id: int,
        state: State,
        now: datetime,
        *,
        published_url: str = "",
        published_at: datetime | None = None,
    ) -> None:
        if published_at is not None:
            self._run(
                "UPDATE articles SET state = ?, updated_at = ?, published_url = ?,"
                " published_at = ? WHERE id = ?",
                (state.value, _ts(now), published_url, _ts(published_at), article_id),
            )
        else:
            self._run(
                "UPDATE articles SET state = ?, updated_at = ? WHERE id = ?",
                (state.value, _ts(now), article_id),
            )

    def list_revisions(self, article_id: int) -> list[Revision]:
        return [
            _revision(r)
            for r in self._all(
                "SELECT id, article_id, version, user_id, created_at, content_hash, kind"
                " FROM revisions WHERE article_id = ? ORDER BY id",
                (article_id,),
            )
        ]

    def get_revision(self, revision_id: int) -> Revision | None:
        r = self._one("SELECT * FROM revisions WHERE id = ?", (revision_id,))
        return _revision(r, unpack_content(r["title"], r["meta"], r["body"])) if r else None

    def queue(
        self, states: Sequence[State] | None, limit: int, offset: int = 0
    ) -> list[ArticleSummary]:
        select = (
            "SELECT a.id, a.title, a.state, a.author, a.column_name, a.updated_at, a.version,"
            " u.display_name FROM articles a JOIN users u ON u.id = a.creator_id"
        )
        order = " ORDER BY a.updated_at DESC, a.id DESC LIMIT ? OFFSET ?"
        if states:
            marks = ", ".join("?" for _ in states)
            rows = self._all(
                f"{select} WHERE a.state IN ({marks}){order}",
                [*(s.value for s in states), limit, offset],
            )
        else:
            rows = self._all(select + order, (limit, offset))
        return [_summary(r) for r in rows]

    def task_candidates(
        self, user_id: int, *, auditor: bool, producer: bool, limit: int
    ) -> list[ArticleSummary]:
        # Each branch walks its own index newest first and stops at `limit`: a newsroom with
        # a hundred thousand old drafts still answers at once.
        mine = "a.id IN (SELECT article_id FROM article_editors WHERE user_id = ?)"
        branches: list[tuple[str, list[Any]]] = [
            (f"a.state = 'draft' AND {mine}", [user_id]),
            (f"a.state = 'approved' AND {mine}", [user_id]),
        ]
        if auditor:
            branches.append(("a.state = 'awaiting_audit'", []))
        if producer:
            branches += [("a.state = 'awaiting_production'", []), ("a.state = 'approved'", [])]
        select = (
            "SELECT a.id, a.title, a.state, a.author, a.column_name, a.updated_at, a.version,"
            " u.display_name FROM articles a JOIN users u ON u.id = a.creator_id"
        )
        inner = " ORDER BY a.updated_at DESC, a.id DESC LIMIT ?"
        parts: list[str] = []
        params: list[Any] = []
        for n, (where, values) in enumerate(branches):
            parts.append(f"SELECT * FROM ({select} WHERE {where}{inner}) AS branch{n}")
            params += [*values, limit]
        rows = self._all(
            " UNION ".join(parts) + " ORDER BY updated_at DESC, id DESC LIMIT ?", [*params, limit]
        )
        return [_summary(r) for r in rows]

    def count_by_state(self) -> dict[State, int]:
        counts = {s: 0 for s in State}
        for row in self._all("SELECT state, count(*) FROM articles GROUP BY state"):
            counts[State(row[0])] = row[1]
        return counts

    def _search_candidates(self, query: str) -> set[int]:
        """Ids of the newest articles whose body, and of those whose title, match `query`."""
        expression = fts.match_expression(query)
        if expression is None:
            return set()
        candidates = {
            row[0]
            for row in self._all(
                "SELECT rowid FROM article_fts WHERE article_fts MATCH ?"
                " ORDER BY rowid DESC LIMIT ?",
                (expression, fts.BODY_WINDOW),
            )
        }
        candidates |= {
            row[0]
            for row in self._all(
                "SELECT rowid FROM title_fts WHERE title_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
                (expression, fts.TITLE_WINDOW),
            )
        }
        return candidates

    def _matches(self, title: str, body: str, query: str) -> bool:
        return True  # FTS5's phrase match is already exact

    def search(self, query: str, limit: int) -> list[SearchHit]:
        candidates = self._search_candidates(query)
        if not candidates:
            return []
        among, ids = self._among("a.id", sorted(candidates))
        rows = self._all(
            "SELECT a.id, a.state, r.title, r.body FROM articles a"
            f" JOIN revisions r ON r.id = a.revision_id WHERE {among}",
            ids,
        )
        texts = [(r["id"], State(r["state"]), r["title"], _unpack(r["body"])) for r in rows]
        texts = [t for t in texts if self._matches(t[2], t[3], query)]
        if not texts:
            return []
        average = sum(len(body) for *_, body in texts) / len(texts)
        scored = sorted(
            (
                (fts.score(title, body, query, average), article_id, state, title, body)
                for article_id, state, title, body in texts
            ),
            key=lambda item: (-item[0], -item[1]),  # most relevant, then newest
        )
        hits: list[SearchHit] = []
        for relevance, article_id, state, title, body in scored[:limit]:
            text, spans = fts.snippet(body, query)
            hits.append(SearchHit(article_id, title, state, text, spans, relevance))
        return hits

    # --- sign-offs and notes -------------------------------------------------------------------

    def add_sign_off(
        self,
        article_id: int,
        level: Level,
        user_id: int,
        content_hash: str,
        now: datetime,
        proofreading: ProofRecord | None = None,
    ) -> None:
        record = proofreading
        self._run(
            "INSERT INTO sign_offs (article_id, level, user_id, content_hash, signed_at,"
            " proof_found, proof_fixed, proof_dismissed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                level.value,
                user_id,
                content_hash,
                _ts(now),
                record.found if record else None,
                record.fixed if record else None,
                record.dismissed if record else None,
            ),
        )

    def void_sign_offs(
        self, article_id: int, levels: Sequence[Level], reason: str, now: datetime
    ) -> None:
        marks = ", ".join("?" for _ in levels)
        self._run(
            f"UPDATE sign_offs SET voided_at = ?, void_reason = ? WHERE article_id = ?"
            f" AND voided_at IS NULL AND level IN ({marks})",
            [_ts(now), reason, article_id, *(lv.value for lv in levels)],
        )

    def list_sign_offs(self, article_id: int) -> list[SignOff]:
        return self.sign_offs_for([article_id]).get(article_id, [])

    def sign_offs_for(self, article_ids: Sequence[int]) -> dict[int, list[SignOff]]:
        if not article_ids:
            return {}
        among, ids = self._among("article_id", article_ids)
        found: dict[int, list[SignOff]] = {}
        for r in self._all(f"SELECT * FROM sign_offs WHERE {among} ORDER BY article_id, id", ids):
            found.setdefault(r["article_id"], []).append(
                SignOff(
                    r["id"],
                    r["article_id"],
                    Level(r["level"]),
                    r["user_id"],
                    r["content_hash"],
                    _dt_req(r["signed_at"]),
                    _dt(r["voided_at"]),
                    r["void_reason"],
                    None
                    if r["proof_found"] is None
                    else ProofRecord(r["proof_found"], r["proof_fixed"], r["proof_dismissed"]),
                )
            )
        return found

    def add_note(
        self,
        article_id: int,
        kind: NoteKind,
        user_id: int,
        reason: str,
        from_state: State,
        now: datetime,
    ) -> None:
        self._run(
            "INSERT INTO notes (article_id, kind, user_id, reason, from_state, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (article_id, kind.value, user_id, reason, from_state.value, _ts(now)),
        )

    def list_notes(self, article_id: int) -> list[Note]:
        return [
            Note(
                r["id"],
                r["article_id"],
                NoteKind(r["kind"]),
                r["user_id"],
                r["reason"],
                _dt_req(r["created_at"]),
                State(r["from_state"]),
            )
            for r in self._all(
                "SELECT * FROM notes WHERE article_id = ? ORDER BY id", (article_id,)
            )
        ]

    # --- proofreading ------------------------------------------------------------------------

    def add_dismissal(self, dismissal: Dismissal) -> None:
        d = dismissal
        self._run(
            "INSERT INTO proof_dismissals (article_id, key, category, field, text, context,"
            " reason, user_id, content_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                d.article_id,
                d.key,
                d.category,
                d.field,
                d.text,
                d.context,
                d.reason,
                d.user_id,
                d.content_hash,
                _ts(d.created_at),
            ),
        )

    def list_dismissals(self, article_id: int) -> list[Dismissal]:
        return [
            Dismissal(
                r["article_id"],
                r["key"],
                r["category"],
                r["field"],
                r["text"],
                r["context"],
                r["reason"],
                r["user_id"],
                r["content_hash"],
                _dt_req(r["created_at"]),
            )
            for r in self._all(
                "SELECT * FROM proof_dismissals WHERE article_id = ? ORDER BY id", (article_id,)
            )
        ]

    def seen_findings(self, article_id: int, level: Level) -> list[SeenFinding]:
        return [
            SeenFinding(r[0], r[1], r[2])
            for r in self._all(
                "SELECT key, category, severity FROM proof_seen WHERE article_id = ? AND level = ?"
                " ORDER BY key",
                (article_id, level.value),
            )
        ]

    def note_seen(
        self, article_id: int, level: Level, findings: Sequence[SeenFinding], *, fresh: bool
    ) -> None:
        if fresh:
            self._run(
                "DELETE FROM proof_seen WHERE article_id = ? AND level = ?",
                (article_id, level.value),
            )
        for f in findings:
            self._run(
                "INSERT OR IGNORE INTO proof_seen (article_id, level, key, category, severity)"
                " VALUES (?, ?, ?, ?, ?)",
                (article_id, level.value, f.key, f.category, f.severity),
            )

    # --- pushes to the 公众号 ------------------------------------------------------------------

    def wechat_media(self, account_id: int, digest: str, kind: str) -> tuple[str, str] | None:
        row = self._one(
            "SELECT url, media_id FROM wechat_media WHERE account_id = ? AND hash = ? AND kind = ?",
            (account_id, digest, kind),
        )
        return (str(row[0]), str(row[1])) if row else None

    def put_wechat_media(
        self, account_id: int, digest: str, kind: str, url: str, media_id: str, now: datetime
    ) -> None:
        self._run(
            "INSERT OR REPLACE INTO wechat_media (account_id, hash, kind, url, media_id,"
            " uploaded_at) VALUES (?, ?, ?, ?, ?, ?)",
            (account_id, digest, kind, url, media_id, _ts(now)),
        )

    @staticmethod
    def _push(r: Row) -> PushRecord:
        return PushRecord(
            r["id"],
            r["account_id"],
            tuple(int(i) for i in str(r["article_ids"]).split(",")),
            r["draft_media_id"],
            r["user_id"],
            _dt_req(r["pushed_at"]),
            r["publish_id"],
            r["publish_status"],
        )

    def last_push(self, account_id: int, article_ids: Sequence[int]) -> PushRecord | None:
        row = self._one(
            "SELECT * FROM wechat_pushes WHERE account_id = ? AND article_ids = ?"
            " ORDER BY id DESC LIMIT 1",
            (account_id, ",".join(str(i) for i in article_ids)),
        )
        return self._push(row) if row else None

    def add_push(
        self,
        account_id: int,
        articles: Sequence[tuple[int, str]],
        draft_media_id: str,
        user_id: int,
        now: datetime,
    ) -> PushRecord:
        ids = ",".join(str(article_id) for article_id, _ in articles)
        push_id = self._run(
            "INSERT INTO wechat_pushes (account_id, article_ids, draft_media_id, user_id,"
            " pushed_at) VALUES (?, ?, ?, ?, ?)",
            (account_id, ids, draft_media_id, user_id, _ts(now)),
        )
        for position, (article_id, digest) in enumerate(articles):
            self._run(
                "INSERT OR REPLACE INTO article_wechat (article_id, push_id, position,"
                " pushed_hash) VALUES (?, ?, ?, ?)",
                (article_id, push_id, position, digest),
            )
        record = self.get_push(push_id)
        assert record is not None
        return record

    def get_push(self, push_id: int) -> PushRecord | None:
        row = self._one("SELECT * FROM wechat_pushes WHERE id = ?", (push_id,))
        return self._push(row) if row else None

    def set_push_state(self, push_id: int, publish_id: str, publish_status: str) -> None:
        self._run(
            "UPDATE wechat_pushes SET publish_id = ?, publish_status = ? WHERE id = ?",
            (publish_id, publish_status, push_id),
        )

    def pushed_article(self, article_id: int) -> PushedArticle | None:
        row = self._one(
            "SELECT p.*, w.position, w.pushed_hash FROM article_wechat w"
            " JOIN wechat_pushes p ON p.id = w.push_id WHERE w.article_id = ?",
            (article_id,),
        )
        if row is None:
            return None
        return PushedArticle(self._push(row), row["position"], row["pushed_hash"])

    # --- 选题 and 排期 --------------------------------------------------------------------------

    _TOPIC = (
        "SELECT t.*, CASE WHEN t.state = 'writing' AND a.state = 'published' THEN 'done'"
        " ELSE t.state END AS effective FROM topics t LEFT JOIN articles a ON a.id = t.article_id"
    )

    def add_topic(
        self,
        title: str,
        brief: str,
        column: str,
        account_id: int,
        proposed_by: int,
        now: datetime,
    ) -> int:
        return self._run(
            "INSERT INTO topics (title, brief, column_name, account_id, proposed_by, state,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (title, brief, column, account_id, proposed_by, TopicState.PROPOSED.value,
             _ts(now), _ts(now)),
        )  # fmt: skip

    def _topics(self, rows: list[Row]) -> list[Topic]:
        if not rows:
            return []
        among, ids = self._among("topic_id", [r["id"] for r in rows])
        assignees: dict[int, list[int]] = {}
        for r in self._all(
            f"SELECT topic_id, user_id FROM topic_assignees WHERE {among} ORDER BY user_id", ids
        ):
            assignees.setdefault(r[0], []).append(r[1])
        return [
            Topic(
                r["id"],
                r["title"],
                r["brief"],
                r["column_name"],
                r["account_id"],
                r["proposed_by"],
                TopicState(r["effective"]),
                tuple(assignees.get(r["id"], ())),
                date.fromisoformat(r["due_date"]) if r["due_date"] else None,
                date.fromisoformat(r["slot_date"]) if r["slot_date"] else None,
                r["slot_position"],
                r["article_id"],
                r["drop_reason"],
                _dt_req(r["created_at"]),
                _dt_req(r["updated_at"]),
            )
            for r in rows
        ]

    def get_topic(self, topic_id: int) -> Topic | None:
        found = self._topics(self._all(f"{self._TOPIC} WHERE t.id = ?", (topic_id,)))
        return found[0] if found else None

    def list_topics(
        self, states: Sequence[TopicState] | None, limit: int, account_id: int | None = None
    ) -> list[Topic]:
        where: list[str] = ["1 = 1"]
        params: list[Any] = []
        if states:
            effective = (
                "CASE WHEN t.state = 'writing' AND a.state = 'published' THEN 'done'"
                " ELSE t.state END"
            )
            where.append(f"{effective} IN ({', '.join('?' for _ in states)})")
            params += [s.value for s in states]
        if account_id is not None:
            where.append("t.account_id = ?")
            params.append(account_id)
        rows = self._all(
            f"{self._TOPIC} WHERE {' AND '.join(where)} ORDER BY t.updated_at DESC, t.id DESC"
            " LIMIT ?",
            [*params, limit],
        )
        return self._topics(rows)

    def slotted_topics(self, first: date, last: date, account_id: int | None = None) -> list[Topic]:
        where = "t.slot_date >= ? AND t.slot_date <= ?"
        params: list[Any] = [first.isoformat(), last.isoformat()]
        if account_id is not None:
            where += " AND t.account_id = ?"
            params.append(account_id)
        rows = self._all(
            f"{self._TOPIC} WHERE {where} ORDER BY t.slot_date, t.slot_position, t.id", params
        )
        return self._topics(rows)

    def update_topic(self, topic_id: int, now: datetime, **fields: object) -> None:
        columns = {
            "state": "state",
            "due": "due_date",
            "slot": "slot_date",
            "position": "slot_position",
            "article_id": "article_id",
            "drop_reason": "drop_reason",
        }
        values: dict[str, object] = {}
        for name, value in fields.items():
            if isinstance(value, TopicState):
                value = value.value
            elif isinstance(value, date):
                value = value.isoformat()
            elif value is None and name in ("due", "slot"):
                value = ""
            values[columns[name]] = value
        values["updated_at"] = _ts(now)
        assignments = ", ".join(f"{column} = ?" for column in values)
        self._run(f"UPDATE topics SET {assignments} WHERE id = ?", [*values.values(), topic_id])

    def set_topic_assignees(self, topic_id: int, user_ids: Sequence[int]) -> None:
        self._run("DELETE FROM topic_assignees WHERE topic_id = ?", (topic_id,))
        for user_id in dict.fromkeys(user_ids):
            self._run(
                "INSERT INTO topic_assignees (topic_id, user_id) VALUES (?, ?)",
                (topic_id, user_id),
            )

    def published_in(
        self, start: datetime, end: datetime, account_id: int | None = None
    ) -> list[tuple[int, str, datetime, int]]:
        where = "state = ? AND published_at >= ? AND published_at < ?"
        params: list[Any] = [State.PUBLISHED.value, *_span(start, end)]
        if account_id is not None:
            where += " AND account_id = ?"
            params.append(account_id)
        rows = self._all(
            f"SELECT id, title, published_at, account_id FROM articles WHERE {where}"
            " ORDER BY published_at, id",
            params,
        )
        return [(int(r[0]), str(r[1]), _dt_req(r[2]), int(r[3] or 1)) for r in rows]

    # --- statistics ------------------------------------------------------------------------------

    def actions_by_actor(
        self, start: datetime, end: datetime, actions: Sequence[str]
    ) -> list[tuple[int, str, int]]:
        rows = self._all(
            "SELECT actor_id, action, count(*) FROM audit_log"
            f" WHERE action IN ({', '.join('?' for _ in actions)}) AND at >= ? AND at < ?"
            " AND actor_id IS NOT NULL GROUP BY actor_id, action",
            [*actions, *_span(start, end)],
        )
        return [(int(r[0]), str(r[1]), int(r[2])) for r in rows]

    def returns_received(self, start: datetime, end: datetime) -> list[tuple[int, int]]:
        rows = self._all(
            "SELECT e.user_id, count(*) FROM audit_log l"
            " JOIN article_editors e ON e.article_id = l.article_id"
            " WHERE l.action = 'return' AND l.at >= ? AND l.at < ? GROUP BY e.user_id",
            _span(start, end),
        )
        return [(int(r[0]), int(r[1])) for r in rows]

    def co_edited(self, start: datetime, end: datetime) -> list[tuple[int, int]]:
        rows = self._all(
            "SELECT e.user_id, count(*) FROM articles a"
            " JOIN article_editors e ON e.article_id = a.id AND e.user_id != a.creator_id"
            " WHERE a.created_at >= ? AND a.created_at < ? GROUP BY e.user_id",
            _span(start, end),
        )
        return [(int(r[0]), int(r[1])) for r in rows]

    def published_by_editor(
        self, start: datetime, end: datetime
    ) -> list[tuple[int, int, int, int]]:
        rows = self._all(
            "SELECT e.user_id, count(*), COALESCE(sum(a.characters), 0),"
            " COALESCE(sum(a.original), 0) FROM articles a"
            " JOIN article_editors e ON e.article_id = a.id"
            " WHERE a.state = 'published' AND a.published_at >= ? AND a.published_at < ?"
            " GROUP BY e.user_id",
            _span(start, end),
        )
        return [(int(r[0]), int(r[1]), int(r[2]), int(r[3])) for r in rows]

    def published_groups(
        self, start: datetime, end: datetime
    ) -> list[tuple[str, int, int, int, int]]:
        rows = self._all(
            "SELECT column_name, account_id, count(*), COALESCE(sum(characters), 0),"
            " COALESCE(sum(original), 0) FROM articles"
            " WHERE published_at >= ? AND published_at < ? AND state = 'published'"
            " GROUP BY column_name, account_id",
            _span(start, end),
        )
        return [(str(r[0]), int(r[1] or 1), int(r[2]), int(r[3]), int(r[4])) for r in rows]

    def published_per_hour(self, start: datetime, end: datetime) -> list[tuple[datetime, int]]:
        # By the hour, in the database: a year of a busy workspace is 90,000 rows otherwise.
        rows = self._all(
            "SELECT substr(published_at, 1, 13), count(*) FROM articles"
            " WHERE published_at >= ? AND published_at < ? AND state = 'published'"
            " GROUP BY substr(published_at, 1, 13)",
            _span(start, end),
        )
        return [(datetime.fromisoformat(f"{r[0]}:00:00+00:00"), int(r[1])) for r in rows]

    # --- locks ---------------------------------------------------------------------------------

    def get_lock(self, article_id: int) -> Lock | None:
        r = self._one("SELECT * FROM locks WHERE article_id = ?", (article_id,))
        if r is None:
            return None
        return Lock(
            r["article_id"],
            r["user_id"],
            r["machine"],
            _dt_req(r["acquired_at"]),
            _dt_req(r["heartbeat_at"]),
            _dt_req(r["expires_at"]),
        )

    def put_lock(self, lock: Lock) -> None:
        self._run(
            "INSERT OR REPLACE INTO locks (article_id, user_id, machine, acquired_at,"
            " heartbeat_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
            (
                lock.article_id,
                lock.user_id,
                lock.machine,
                _ts(lock.acquired_at),
                _ts(lock.heartbeat_at),
                _ts(lock.expires_at),
            ),
        )

    def delete_lock(self, article_id: int) -> None:
        self._run("DELETE FROM locks WHERE article_id = ?", (article_id,))

    # --- audit ---------------------------------------------------------------------------------

    def last_audit_entry(self) -> AuditEntry | None:
        row = self._one("SELECT * FROM audit_log ORDER BY id DESC LIMIT 1")
        return self._audit(row) if row else None

    # The audit anchor: the newest entry's id and hash, in a file beside the database, written
    # after each commit. A hash chain cannot show that entries were cut off its end; the anchor
    # can, unless whoever cut them also rewrote this second file.
    def _anchor_path(self) -> Path:
        return self.path.with_name(self.path.name + ".audit-anchor")

    def _write_anchor(self, entry_id: int, digest: str, *, restored: bool = False) -> None:
        kept = self._file_anchor()
        if not restored and kept is not None and kept[0] >= entry_id:
            return  # another process wrote a newer one since: the anchor never moves back
        partial = self._anchor_path().with_suffix(".partial")
        try:
            partial.write_text(json.dumps({"id": entry_id, "hash": digest}), encoding="utf-8")
            partial.replace(self._anchor_path())
        except OSError:
            pass  # a read-only folder: the chain itself still verifies

    def audit_anchor(self) -> tuple[int, str] | None:
        """The further of the mark in the database and the file beside it."""
        known = [a for a in (self._audit_mark(), self._file_anchor()) if a is not None]
        return max(known, key=lambda a: a[0]) if known else None

    def _audit_mark(self) -> tuple[int, str] | None:
        row = self._one("SELECT last_id, last_hash FROM audit_mark")
        return (int(row[0]), str(row[1])) if row is not None and row[0] else None

    def _file_anchor(self) -> tuple[int, str] | None:
        try:
            data = json.loads(self._anchor_path().read_text(encoding="utf-8"))
            return int(data["id"]), str(data["hash"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def reset_audit_anchor(self) -> None:
        last = self.last_audit_entry()
        if last is None:
            self._anchor_path().unlink(missing_ok=True)
        else:
            self._write_anchor(last.id, last.hash, restored=True)

    def append_audit(self, entry: AuditEntry) -> int:
        self._anchor_next = (entry.id, entry.hash)
        return self._run(
            "INSERT INTO audit_log (id, at, actor_id, action, article_id, detail, prev_hash, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entry.id,
                _ts(entry.at),
                entry.actor_id,
                entry.action,
                entry.article_id,
                json.dumps(entry.detail, ensure_ascii=False, sort_keys=True),
                entry.prev_hash,
                entry.hash,
            ),
        )

    def iter_audit(self) -> Iterator[AuditEntry]:
        try:
            cursor = self._conn.execute("SELECT * FROM audit_log ORDER BY id")
            for row in cursor:
                yield self._audit(row)
        except sqlite3.Error as error:
            raise translate(error, self.target) from None

    @staticmethod
    def _audit(row: Row) -> AuditEntry:
        return AuditEntry(
            row["id"],
            _dt_req(row["at"]),
            row["actor_id"],
            row["action"],
            row["article_id"],
            json.loads(row["detail"]),
            row["prev_hash"],
            row["hash"],
        )

    # --- media and settings --------------------------------------------------------------------

    def put_media(
        self,
        digest: str,
        data: bytes,
        mime: str,
        width: int | None,
        height: int | None,
        now: datetime,
        original: str | None = None,
    ) -> None:
        self._run(
            "INSERT OR IGNORE INTO media"
            " (hash, mime, size, width, height, data, created_at, original)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (digest, mime, len(data), width, height, data, _ts(now), original),
        )

    def get_media(self, digest: str) -> tuple[Media, bytes] | None:
        r = self._one("SELECT * FROM media WHERE hash = ?", (digest,))
        if r is None:
            return None
        media = Media(r["hash"], r["mime"], r["size"], r["width"], r["height"], r["original"])
        return media, bytes(r["data"])

    def change_marker(self) -> tuple[int, int, int, str]:
        # Every change that shows leaves an audit entry or a revision; locks leave neither.
        row = self._one(
            "SELECT (SELECT COALESCE(max(id), 0) FROM audit_log),"
            " (SELECT COALESCE(max(id), 0) FROM revisions),"
            " (SELECT count(*) FROM locks), (SELECT COALESCE(max(acquired_at), '') FROM locks)"
        )
        return (int(row[0]), int(row[1]), int(row[2]), str(row[3])) if row else (0, 0, 0, "")

    def recently_published(
        self, limit: int, exclude_id: int, before: datetime | None = None, account_id: int = 1
    ) -> list[tuple[str, str]]:
        rows = self._all(
            "SELECT title, published_url FROM articles WHERE state = ? AND id != ?"
            " AND published_url != '' AND published_at < ? AND account_id = ?"
            " ORDER BY published_at DESC, id DESC LIMIT ?",
            (
                State.PUBLISHED.value,
                exclude_id,
                _ts(before) if before else "9999",
                account_id,
                limit,
            ),
        )
        return [(str(r[0]), str(r[1])) for r in rows]

    def published_between(self, start: datetime, end: datetime) -> list[int]:
        return [row[0] for row in self.published_in(start, end)]

    def get_setting(self, key: str) -> str | None:
        r = self._one("SELECT value FROM settings WHERE key = ?", (key,))
        return str(r[0]) if r else None

    def settings_under(self, prefix: str) -> dict[str, str]:
        rows = self._all(
            "SELECT key, value FROM settings WHERE substr(key, 1, ?) = ?", (len(prefix), prefix)
        )
        return {str(r[0]): str(r[1]) for r in rows}

    def put_setting(self, key: str, value: str) -> None:
        self._run("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))

    # --- health and backup ---------------------------------------------------------------------

    def integrity_problems(self) -> list[str]:
        problems = [r[0] for r in self._all("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [
            f"foreign key: {r[0]} row {r[1]} -> {r[2]}"
            for r in self._all("PRAGMA foreign_key_check")
        ]
        return problems

    def restore_from(self, source: Path, safety_copy: Path) -> None:
        """Replace this store's contents with a backup's, through the online backup API (other
        connections see the change at their next read). What was here is first copied to
        `safety_copy`, so a restore can itself be undone."""
        candidate = SqliteStore(source)  # refuses foreign, damaged-header or newer files
        try:
            problems = candidate.integrity_problems()
            if problems:
                raise StoreError(f"{source} is damaged: {problems[0]}")
            self.backup_to(safety_copy)
            candidate._conn.backup(self._conn)
            self.reset_audit_anchor()  # the restored log is the log now
        except sqlite3.Error as error:
            raise StoreError(f"restore from {source} failed: {error}") from None
        finally:
            candidate.close()

    def backup_to(self, destination: Path) -> None:
        """A consistent copy made with SQLite's online backup API, safe while others write."""
        if destination.exists():
            raise StoreError(f"{destination} already exists; choose a new file name")
        partial = destination.with_name(destination.name + ".partial")
        try:
            target = sqlite3.connect(str(partial))
            with target:
                self._conn.backup(target)
            target.close()
            partial.replace(destination)
        except (sqlite3.Error, OSError) as error:
            partial.unlink(missing_ok=True)
            raise StoreError(f"backup to {destination} failed: {error}") from None
