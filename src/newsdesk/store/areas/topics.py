"""选题 and 排期: topics, who writes them, and the days' slots."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from newsdesk.core.models import TOPIC_DONE_WHEN, Topic, TopicState
from newsdesk.store.areas.base import SqlArea
from newsdesk.store.records import dt_req, ts

_WRITING, _PUBLISHED, _DONE = (s.value for s in TOPIC_DONE_WHEN)
# The core's rule "a topic is done when its article is published", as SQL: written once here.
EFFECTIVE_STATE = (
    f"CASE WHEN t.state = '{_WRITING}' AND a.state = '{_PUBLISHED}' THEN '{_DONE}' ELSE t.state END"
)
_TOPIC = (
    f"SELECT t.*, {EFFECTIVE_STATE} AS effective FROM topics t"
    " LEFT JOIN articles a ON a.id = t.article_id"
)
_COLUMNS = {
    "state": "state",
    "due": "due_date",
    "slot": "slot_date",
    "position": "slot_position",
    "article_id": "article_id",
    "drop_reason": "drop_reason",
}


class TopicsArea(SqlArea):
    def add_topic(
        self,
        title: str,
        brief: str,
        column: str,
        account_id: int,
        proposed_by: int,
        now: datetime,
    ) -> int:
        return self._insert(
            "INSERT INTO topics (title, brief, column_name, account_id, proposed_by, state,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (title, brief, column, account_id, proposed_by, TopicState.PROPOSED.value,
             ts(now), ts(now)),
        )  # fmt: skip

    def _topics(self, rows: list[Any]) -> list[Topic]:
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
                dt_req(r["created_at"]),
                dt_req(r["updated_at"]),
            )
            for r in rows
        ]

    def get_topic(self, topic_id: int) -> Topic | None:
        found = self._topics(self._all(f"{_TOPIC} WHERE t.id = ?", (topic_id,)))
        return found[0] if found else None

    def list_topics(
        self, states: Sequence[TopicState] | None, limit: int, account_id: int | None = None
    ) -> list[Topic]:
        where: list[str] = ["1 = 1"]
        params: list[Any] = []
        if states:
            where.append(f"{EFFECTIVE_STATE} IN ({', '.join('?' for _ in states)})")
            params += [s.value for s in states]
        if account_id is not None:
            where.append("t.account_id = ?")
            params.append(account_id)
        rows = self._all(
            f"{_TOPIC} WHERE {' AND '.join(where)} ORDER BY t.updated_at DESC, t.id DESC LIMIT ?",
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
            f"{_TOPIC} WHERE {where} ORDER BY t.slot_date, t.slot_position, t.id", params
        )
        return self._topics(rows)

    def update_topic(self, topic_id: int, now: datetime, **fields: object) -> None:
        values: dict[str, object] = {}
        for name, value in fields.items():
            if isinstance(value, TopicState):
                value = value.value
            elif isinstance(value, date):
                value = value.isoformat()
            elif value is None and name in ("due", "slot"):
                value = ""
            values[_COLUMNS[name]] = value
        values["updated_at"] = ts(now)
        assignments = ", ".join(f"{column} = ?" for column in values)
        self._run(f"UPDATE topics SET {assignments} WHERE id = ?", [*values.values(), topic_id])

    def set_topic_assignees(self, topic_id: int, user_ids: Sequence[int]) -> None:
        self._run("DELETE FROM topic_assignees WHERE topic_id = ?", (topic_id,))
        for user_id in dict.fromkeys(user_ids):
            self._run(
                "INSERT INTO topic_assignees (topic_id, user_id) VALUES (?, ?)",
                (topic_id, user_id),
            )
