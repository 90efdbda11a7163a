"""The statistics' counts, by the database in one pass (a year of a busy newsroom): actions
from the audit log, articles published by editor, column and hour, and the counts that must not
credit work twice or work undone (live sign-offs, co-edited articles counted once)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from newsdesk.core.models import Action, State
from newsdesk.store.areas.base import SqlArea
from newsdesk.store.records import span

_PUBLISHED = f"state = '{State.PUBLISHED.value}'"


class StatsArea(SqlArea):
    def actions_by_actor(
        self, start: datetime, end: datetime, actions: Sequence[str]
    ) -> list[tuple[int, str, int]]:
        rows = self._all(
            "SELECT actor_id, action, count(*) FROM audit_log"
            f" WHERE action IN ({', '.join('?' for _ in actions)}) AND at >= ? AND at < ?"
            " AND actor_id IS NOT NULL GROUP BY actor_id, action",
            [*actions, *span(start, end)],
        )
        return [(int(r[0]), str(r[1]), int(r[2])) for r in rows]

    def returns_received(self, start: datetime, end: datetime) -> list[tuple[int, int]]:
        rows = self._all(
            "SELECT e.user_id, count(*) FROM audit_log l"
            " JOIN article_editors e ON e.article_id = l.article_id"
            f" WHERE l.action = '{Action.RETURN.value}' AND l.at >= ? AND l.at < ?"
            " GROUP BY e.user_id",
            span(start, end),
        )
        return [(int(r[0]), int(r[1])) for r in rows]

    def co_edited(self, start: datetime, end: datetime) -> list[tuple[int, int]]:
        rows = self._all(
            "SELECT e.user_id, count(*) FROM articles a"
            " JOIN article_editors e ON e.article_id = a.id AND e.user_id != a.creator_id"
            " WHERE a.created_at >= ? AND a.created_at < ? GROUP BY e.user_id",
            span(start, end),
        )
        return [(int(r[0]), int(r[1])) for r in rows]

    def published_by_editor(
        self, start: datetime, end: datetime
    ) -> list[tuple[int, int, int, int]]:
        rows = self._all(
            "SELECT e.user_id, count(*), COALESCE(sum(a.characters), 0),"
            " COALESCE(sum(a.original), 0) FROM articles a"
            " JOIN article_editors e ON e.article_id = a.id"
            f" WHERE a.{_PUBLISHED} AND a.published_at >= ? AND a.published_at < ?"
            " GROUP BY e.user_id",
            span(start, end),
        )
        return [(int(r[0]), int(r[1]), int(r[2]), int(r[3])) for r in rows]

    def published_groups(
        self, start: datetime, end: datetime
    ) -> list[tuple[str, int, int, int, int]]:
        rows = self._all(
            "SELECT column_name, account_id, count(*), COALESCE(sum(characters), 0),"
            " COALESCE(sum(original), 0) FROM articles"
            f" WHERE published_at >= ? AND published_at < ? AND {_PUBLISHED}"
            " GROUP BY column_name, account_id",
            span(start, end),
        )
        return [(str(r[0]), int(r[1] or 1), int(r[2]), int(r[3]), int(r[4])) for r in rows]

    def published_per_hour(self, start: datetime, end: datetime) -> list[tuple[datetime, int]]:
        # By the hour, in the database: a year of a busy workspace is 90,000 rows otherwise.
        rows = self._all(
            "SELECT substr(published_at, 1, 13), count(*) FROM articles"
            f" WHERE published_at >= ? AND published_at < ? AND {_PUBLISHED}"
            " GROUP BY substr(published_at, 1, 13)",
            span(start, end),
        )
        return [(datetime.fromisoformat(f"{r[0]}:00:00+00:00"), int(r[1])) for r in rows]

    def live_sign_offs(self, start: datetime, end: datetime) -> list[tuple[int, str, int, int]]:
        # A sign-off voided since (a return, a reopen, an edit after it) is not work done.
        rows = self._all(
            "SELECT user_id, level, count(*), COALESCE(sum(proof_fixed), 0) FROM sign_offs"
            " WHERE signed_at >= ? AND signed_at < ? AND voided_at IS NULL"
            " GROUP BY user_id, level",
            span(start, end),
        )
        return [(int(r[0]), str(r[1]), int(r[2]), int(r[3])) for r in rows]

    def co_edited_articles(self, start: datetime, end: datetime) -> int:
        rows = self._all(
            "SELECT count(*) FROM articles a WHERE a.created_at >= ? AND a.created_at < ?"
            " AND EXISTS (SELECT 1 FROM article_editors e"
            " WHERE e.article_id = a.id AND e.user_id != a.creator_id)",
            span(start, end),
        )
        return int(rows[0][0])
