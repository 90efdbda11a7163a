"""Articles and their revisions: create, save, read, the queue, 我的待办, search, and what
was published when."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from newsdesk.core.errors import StoreError
from newsdesk.core.models import (
    Article,
    ArticleContent,
    ArticleHead,
    ArticleSummary,
    Revision,
    RevisionKind,
    SearchHit,
    State,
)
from newsdesk.store import fts
from newsdesk.store.areas.base import SqlArea
from newsdesk.store.records import (
    dt,
    dt_req,
    meta_json,
    pack,
    revision,
    span,
    summary,
    ts,
    unpack,
    unpack_content,
)

_SUMMARY = (
    "SELECT a.id, a.title, a.state, a.author, a.column_name, a.updated_at, a.version,"
    " u.display_name FROM articles a JOIN users u ON u.id = a.creator_id"
)


class ArticlesArea(SqlArea):
    def create_article(
        self,
        content: ArticleContent,
        creator_id: int,
        editor_ids: Sequence[int],
        now: datetime,
        account_id: int = 1,
        *,
        characters: int,
    ) -> int:
        article_id = self._insert(
            "INSERT INTO articles (state, version, creator_id, title, author, column_name,"
            " created_at, updated_at, account_id, characters, original)"
            " VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                State.DRAFT.value,
                creator_id,
                content.title,
                content.author,
                content.column,
                ts(now),
                ts(now),
                account_id,
                characters,
                int(content.original),
            ),
        )
        revision_id = self._insert_revision(
            article_id, 1, content, creator_id, now, RevisionKind.SAVE
        )
        self._run("UPDATE articles SET revision_id = ? WHERE id = ?", (revision_id, article_id))
        self.set_editors(article_id, editor_ids)
        self._dialect.index(article_id, content)
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
            created_at=dt_req(row["created_at"]),
            updated_at=dt_req(row["updated_at"]),
            revision_id=row["revision_id"],
            published_url=row["published_url"],
            published_at=dt(row["published_at"]),
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
        self,
        article_id: int,
        content: ArticleContent,
        user_id: int,
        now: datetime,
        *,
        characters: int,
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
                ts(now),
                characters,
                int(content.original),
                article_id,
            ),
        )
        self._dialect.reindex(article_id, old.content, content)
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
        return self._insert(
            "INSERT INTO revisions (article_id, version, user_id, created_at, kind,"
            " content_hash, title, meta, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                version,
                user_id,
                ts(now),
                kind.value,
                content.content_hash(),
                content.title,
                meta_json(content),
                pack(content.body),
            ),
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
                (state.value, ts(now), published_url, ts(published_at), article_id),
            )
        else:
            self._run(
                "UPDATE articles SET state = ?, updated_at = ? WHERE id = ?",
                (state.value, ts(now), article_id),
            )

    def list_revisions(self, article_id: int) -> list[Revision]:
        return [
            revision(r)
            for r in self._all(
                "SELECT id, article_id, version, user_id, created_at, content_hash, kind"
                " FROM revisions WHERE article_id = ? ORDER BY id",
                (article_id,),
            )
        ]

    def get_revision(self, revision_id: int) -> Revision | None:
        r = self._one("SELECT * FROM revisions WHERE id = ?", (revision_id,))
        return revision(r, unpack_content(r["title"], r["meta"], r["body"])) if r else None

    def queue(
        self, states: Sequence[State] | None, limit: int, offset: int = 0
    ) -> list[ArticleSummary]:
        order = " ORDER BY a.updated_at DESC, a.id DESC LIMIT ? OFFSET ?"
        if states:
            marks = ", ".join("?" for _ in states)
            rows = self._all(
                f"{_SUMMARY} WHERE a.state IN ({marks}){order}",
                [*(s.value for s in states), limit, offset],
            )
        else:
            rows = self._all(_SUMMARY + order, (limit, offset))
        return [summary(r) for r in rows]

    def task_candidates(
        self, user_id: int, *, auditor: bool, producer: bool, limit: int
    ) -> list[ArticleSummary]:
        # Each branch walks its own index newest first and stops at `limit`: a newsroom with
        # a hundred thousand old drafts still answers at once.
        mine = "a.id IN (SELECT article_id FROM article_editors WHERE user_id = ?)"
        branches: list[tuple[State, str, list[Any]]] = [
            (State.DRAFT, f" AND {mine}", [user_id]),
            (State.APPROVED, f" AND {mine}", [user_id]),
        ]
        if auditor:
            branches.append((State.AWAITING_AUDIT, "", []))
        if producer:
            branches += [(State.AWAITING_PRODUCTION, "", []), (State.APPROVED, "", [])]
        inner = " ORDER BY a.updated_at DESC, a.id DESC LIMIT ?"
        parts: list[str] = []
        params: list[Any] = []
        for n, (state, also, values) in enumerate(branches):
            # The state as a literal, like the statement's other constants: planned on its value.
            where = f"a.state = '{state.value}'{also}"
            parts.append(f"SELECT * FROM ({_SUMMARY} WHERE {where}{inner}) AS branch{n}")
            params += [*values, limit]
        rows = self._all(
            " UNION ".join(parts) + " ORDER BY updated_at DESC, id DESC LIMIT ?", [*params, limit]
        )
        return [summary(r) for r in rows]

    def count_by_state(self) -> dict[State, int]:
        counts = {s: 0 for s in State}
        for row in self._all("SELECT state, count(*) FROM articles GROUP BY state"):
            counts[State(row[0])] = row[1]
        return counts

    def search(self, query: str, limit: int) -> list[SearchHit]:
        candidates = self._dialect.search_candidates(query)
        if not candidates:
            return []
        among, ids = self._among("a.id", sorted(candidates))
        rows = self._all(
            "SELECT a.id, a.state, r.title, r.body FROM articles a"
            f" JOIN revisions r ON r.id = a.revision_id WHERE {among}",
            ids,
        )
        texts = [(r["id"], State(r["state"]), r["title"], unpack(r["body"])) for r in rows]
        texts = [t for t in texts if self._dialect.matches(t[2], t[3], query)]
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

    def published_in(
        self, start: datetime, end: datetime, account_id: int | None = None
    ) -> list[tuple[int, str, datetime, int]]:
        where = "state = ? AND published_at >= ? AND published_at < ?"
        params: list[Any] = [State.PUBLISHED.value, *span(start, end)]
        if account_id is not None:
            where += " AND account_id = ?"
            params.append(account_id)
        rows = self._all(
            f"SELECT id, title, published_at, account_id FROM articles WHERE {where}"
            " ORDER BY published_at, id",
            params,
        )
        return [(int(r[0]), str(r[1]), dt_req(r[2]), int(r[3] or 1)) for r in rows]

    def published_between(self, start: datetime, end: datetime) -> list[int]:
        return [row[0] for row in self.published_in(start, end)]

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
                ts(before) if before else "9999",
                account_id,
                limit,
            ),
        )
        return [(str(r[0]), str(r[1])) for r in rows]
