"""After an outage: does the edit lock this person held still hold?

While the server was away nobody could renew a lock, so a lock held before an outage longer than
LOCK_TTL has lapsed, and someone else may have taken it (an editor who found the article free,
an administrator's take-over). When the link returns the window asks `recheck` for the open
article, and says plainly what it found:

- HELD: still ours and live; renewed now, so it does not lapse a moment later;
- RETAKEN: it had lapsed but nobody else took it; it is ours again (a pending save still meets
  the version check, so a change made meanwhile shows as a conflict, as always);
- TAKEN: someone else holds it now; ours is gone and the text typed here is not saved over theirs.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from newsdesk.core.context import Context
from newsdesk.core.i18n import ZH
from newsdesk.core.locks import LockService
from newsdesk.core.models import Lock, User


class LockStanding(enum.Enum):
    HELD = "held"
    RETAKEN = "retaken"
    TAKEN = "taken"


_WORDS = {
    LockStanding.HELD: (
        "您对这篇稿件的编辑锁仍然有效。",
        "Your edit lock on this article still holds.",
    ),
    LockStanding.RETAKEN: (
        "断线期间您对这篇稿件的编辑锁已过期；没有别人在编辑，现已重新为您锁定。",
        "Your edit lock on this article expired while the server was away; nobody else is"
        " editing it, so it is yours again.",
    ),
    LockStanding.TAKEN: (
        "断线期间您对这篇稿件的编辑锁已过期，{holder} 自 {since} 起正在编辑它。"
        "您在本机输入的内容仍然保留，不会覆盖对方的修改。",
        "Your edit lock on this article expired while the server was away, and {holder} has"
        " been editing it since {since}. What you typed is kept on this PC and will not be"
        " saved over their changes.",
    ),
}


@dataclass(frozen=True)
class LockCheck:
    standing: LockStanding
    lock: Lock | None  # the lock as it stands now: ours (renewed or retaken) or the holder's
    holder: str = ""  # who holds it now, when TAKEN

    @property
    def held(self) -> bool:
        """Whether this person may go on editing (and saving) the article."""
        return self.standing is not LockStanding.TAKEN

    def message(self, lang: str = ZH) -> str:
        zh, en = _WORDS[self.standing]
        since = self.lock.acquired_at.astimezone().strftime("%H:%M") if self.lock else ""
        return (zh if lang == ZH else en).format(holder=self.holder, since=since)


def recheck(ctx: Context, locks: LockService, actor: User, article_id: int) -> LockCheck:
    """Whether `actor`'s lock on `article_id` held through the outage; renews or retakes it
    when nobody else holds it (one transaction)."""
    with ctx.repo.transaction():
        now = ctx.clock()
        current = ctx.repo.get_lock(article_id)
        if current is not None and current.user_id != actor.id and current.live(now):
            holder = ctx.repo.get_user(current.user_id)
            name = holder.display_name if holder else str(current.user_id)
            return LockCheck(LockStanding.TAKEN, current, holder=name)
        if current is not None and current.user_id == actor.id and current.live(now):
            locks.heartbeat(actor, article_id)
            return LockCheck(LockStanding.HELD, ctx.repo.get_lock(article_id))
        return LockCheck(LockStanding.RETAKEN, locks.acquire(actor, article_id))
