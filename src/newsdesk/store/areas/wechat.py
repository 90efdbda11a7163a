"""The 公众号 side: accounts, uploaded media, and pushes of articles as drafts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from newsdesk.core.models import Account, PushedArticle, PushRecord
from newsdesk.store.areas.base import SqlArea, upsert
from newsdesk.store.records import dt_req, ts

_PUT_MEDIA = upsert(
    "wechat_media",
    ("account_id", "hash", "kind", "url", "media_id", "uploaded_at"),
    ("account_id", "hash", "kind"),
)
_PUT_PUSHED = upsert(
    "article_wechat", ("article_id", "push_id", "position", "pushed_hash"), ("article_id",)
)


def _push(r: Any) -> PushRecord:
    return PushRecord(
        r["id"],
        r["account_id"],
        tuple(int(i) for i in str(r["article_ids"]).split(",")),
        r["draft_media_id"],
        r["user_id"],
        dt_req(r["pushed_at"]),
        r["publish_id"],
        r["publish_status"],
    )


class WechatArea(SqlArea):
    def list_accounts(self) -> list[Account]:
        return [
            Account(r["id"], r["name"], r["title"], r["appid"], r["api_base"])
            for r in self._all("SELECT * FROM accounts ORDER BY id")
        ]

    def add_account(self, name: str, title: str, now: datetime) -> Account:
        account_id = self._insert(
            "INSERT INTO accounts (name, title, created_at) VALUES (?, ?, ?)",
            (name, title, ts(now)),
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

    def wechat_media(self, account_id: int, digest: str, kind: str) -> tuple[str, str] | None:
        row = self._one(
            "SELECT url, media_id FROM wechat_media WHERE account_id = ? AND hash = ? AND kind = ?",
            (account_id, digest, kind),
        )
        return (str(row[0]), str(row[1])) if row else None

    def put_wechat_media(
        self, account_id: int, digest: str, kind: str, url: str, media_id: str, now: datetime
    ) -> None:
        self._run(_PUT_MEDIA, (account_id, digest, kind, url, media_id, ts(now)))

    def last_push(self, account_id: int, article_ids: Sequence[int]) -> PushRecord | None:
        row = self._one(
            "SELECT * FROM wechat_pushes WHERE account_id = ? AND article_ids = ?"
            " ORDER BY id DESC LIMIT 1",
            (account_id, ",".join(str(i) for i in article_ids)),
        )
        return _push(row) if row else None

    def add_push(
        self,
        account_id: int,
        articles: Sequence[tuple[int, str]],
        draft_media_id: str,
        user_id: int,
        now: datetime,
    ) -> PushRecord:
        ids = ",".join(str(article_id) for article_id, _ in articles)
        push_id = self._insert(
            "INSERT INTO wechat_pushes (account_id, article_ids, draft_media_id, user_id,"
            " pushed_at) VALUES (?, ?, ?, ?, ?)",
            (account_id, ids, draft_media_id, user_id, ts(now)),
        )
        for position, (article_id, digest) in enumerate(articles):
            self._run(_PUT_PUSHED, (article_id, push_id, position, digest))
        record = self.get_push(push_id)
        assert record is not None
        return record

    def get_push(self, push_id: int) -> PushRecord | None:
        row = self._one("SELECT * FROM wechat_pushes WHERE id = ?", (push_id,))
        return _push(row) if row else None

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
        return PushedArticle(_push(row), row["position"], row["pushed_hash"])
