"""What the workspace shares besides articles: edit locks, media, settings, and the marker
that moves whenever anything that shows has changed."""

from __future__ import annotations

from datetime import datetime

from newsdesk.core.models import Lock, Media
from newsdesk.store.areas.base import SqlArea, upsert
from newsdesk.store.records import dt_req, ts

_PUT_LOCK = upsert(
    "locks",
    ("article_id", "user_id", "machine", "acquired_at", "heartbeat_at", "expires_at"),
    ("article_id",),
)
_PUT_SETTING = upsert("settings", ("key", "value"), ("key",))


class WorkspaceArea(SqlArea):
    def get_lock(self, article_id: int) -> Lock | None:
        r = self._one("SELECT * FROM locks WHERE article_id = ?", (article_id,))
        if r is None:
            return None
        return Lock(
            r["article_id"],
            r["user_id"],
            r["machine"],
            dt_req(r["acquired_at"]),
            dt_req(r["heartbeat_at"]),
            dt_req(r["expires_at"]),
        )

    def put_lock(self, lock: Lock) -> None:
        self._run(
            _PUT_LOCK,
            (
                lock.article_id,
                lock.user_id,
                lock.machine,
                ts(lock.acquired_at),
                ts(lock.heartbeat_at),
                ts(lock.expires_at),
            ),
        )

    def delete_lock(self, article_id: int) -> None:
        self._run("DELETE FROM locks WHERE article_id = ?", (article_id,))

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
            "INSERT INTO media (hash, mime, size, width, height, data, created_at, original)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (digest, mime, len(data), width, height, data, ts(now), original),
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

    def get_setting(self, key: str) -> str | None:
        r = self._one("SELECT value FROM settings WHERE key = ?", (key,))
        return str(r[0]) if r else None

    def settings_under(self, prefix: str) -> dict[str, str]:
        rows = self._all(
            "SELECT key, value FROM settings WHERE substr(key, 1, ?) = ?", (len(prefix), prefix)
        )
        return {str(r[0]): str(r[1]) for r in rows}

    def put_setting(self, key: str, value: str) -> None:
        self._run(_PUT_SETTING, (key, value))
