"""The statistics' counts that must not credit work twice or work undone, counted by the
database for both stores (PgStore runs the same SQL): live sign-offs per person and level with
their proofreading fixes, and the co-edited articles counted once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any


def span(start: datetime, end: datetime) -> tuple[str, str]:
    """A time range as the stored UTC text compares."""
    return start.astimezone(UTC).isoformat(), end.astimezone(UTC).isoformat()


class StatsQueries:
    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        raise NotImplementedError

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
