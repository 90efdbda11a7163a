"""Stored values ↔ the core's models: timestamps as ISO text, bodies compressed, rows as
records. Shared by every area of the SQL store and by the move to PostgreSQL (`migrate`)."""

from __future__ import annotations

import json
import zlib
from datetime import UTC, datetime
from typing import Any

from newsdesk.core.models import (
    ArticleContent,
    ArticleSummary,
    Revision,
    RevisionKind,
    Role,
    State,
    User,
)


def ts(value: datetime) -> str:
    return value.isoformat()


def span(start: datetime, end: datetime) -> tuple[str, str]:
    """A time range as the stored UTC text compares."""
    return ts(start.astimezone(UTC)), ts(end.astimezone(UTC))


def dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def dt_req(value: str) -> datetime:
    return datetime.fromisoformat(value)


def pack(body: str) -> bytes:
    return zlib.compress(body.encode("utf-8"), 6)


def unpack(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8")


def meta_json(content: ArticleContent) -> str:
    return json.dumps(content.metadata(), ensure_ascii=False, sort_keys=True)


def unpack_content(title: str, meta: str, body: bytes) -> ArticleContent:
    """A revision's text as stored (compressed body, metadata as JSON) back into content."""
    data: dict[str, Any] = json.loads(meta)
    return ArticleContent(title=title, body=unpack(body), **data)


def summary(r: Any) -> ArticleSummary:
    return ArticleSummary(
        r["id"],
        r["title"],
        State(r["state"]),
        r["author"],
        r["column_name"],
        r["display_name"],
        dt_req(r["updated_at"]),
        r["version"],
    )


def user(row: Any) -> User:
    roles = frozenset(Role(r) for r in row["roles"].split(",") if r)
    return User(
        row["id"],
        row["username"],
        row["display_name"],
        roles,
        bool(row["disabled"]),
        dt(row["created_at"]),
    )


def revision(r: Any, content: ArticleContent | None = None) -> Revision:
    return Revision(
        r["id"],
        r["article_id"],
        r["version"],
        r["user_id"],
        dt_req(r["created_at"]),
        r["content_hash"],
        RevisionKind(r["kind"]),
        content,
    )
