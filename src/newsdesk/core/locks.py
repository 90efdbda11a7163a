"""Edit locks: one editor at a time per article, with heartbeat, expiry and admin take-over."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from newsdesk.core.context import Context
from newsdesk.core.errors import AdminRequired, LockHeld
from newsdesk.core.models import Lock, User

if TYPE_CHECKING:
    from newsdesk.core.lock_check import LockCheck

LOCK_TTL = timedelta(minutes=5)  # a crashed PC frees its articles after this long


class LockService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx
        self._repo = ctx.repo

    def acquire(self, actor: User, article_id: int) -> Lock:
        """Take or renew the lock; LockHeld if someone else holds a live one."""
        with self._repo.transaction():
            now = self._ctx.clock()
            current = self._repo.get_lock(article_id)
            if current is not None and current.live(now) and current.user_id != actor.id:
                raise LockHeld(self._name(current.user_id), _local_hhmm(current))
            mine = current is not None and current.user_id == actor.id and current.live(now)
            lock = Lock(
                article_id,
                actor.id,
                self._ctx.machine,
                current.acquired_at if mine and current else now,
                now,
                now + LOCK_TTL,
            )
            self._repo.put_lock(lock)
        return lock

    def heartbeat(self, actor: User, article_id: int) -> bool:
        """Extend our lock; False once it is no longer ours (released, or taken by another)."""
        with self._repo.transaction():
            now = self._ctx.clock()
            current = self._repo.get_lock(article_id)
            if current is None or current.user_id != actor.id:
                return False
            self._repo.put_lock(
                Lock(
                    article_id, actor.id, current.machine, current.acquired_at, now, now + LOCK_TTL
                )
            )
            return True

    def release(self, actor: User, article_id: int) -> None:
        with self._repo.transaction():
            current = self._repo.get_lock(article_id)
            if current is not None and current.user_id == actor.id:
                self._repo.delete_lock(article_id)

    def take_over(self, admin: User, article_id: int) -> Lock:
        with self._repo.transaction():
            fresh = self._repo.get_user(admin.id)
            if fresh is None or not fresh.is_admin or fresh.disabled:
                raise AdminRequired(("强制解锁", "take over an edit lock"))
            now = self._ctx.clock()
            previous = self._repo.get_lock(article_id)
            lock = Lock(article_id, admin.id, self._ctx.machine, now, now, now + LOCK_TTL)
            self._repo.put_lock(lock)
            self._ctx.record(
                admin.id,
                "lock_takeover",
                article_id,
                previous_holder=previous.user_id if previous else None,
                previous_machine=previous.machine if previous else None,
            )
        return lock

    def recheck(self, actor: User, article_id: int) -> LockCheck:
        """After an outage: whether `actor`'s lock still holds (see core/lock_check.py)."""
        from newsdesk.core.lock_check import recheck

        return recheck(self._ctx, self, actor, article_id)

    def holder(self, article_id: int) -> Lock | None:
        lock = self._repo.get_lock(article_id)
        return lock if lock is not None and lock.live(self._ctx.clock()) else None

    def _name(self, user_id: int) -> str:
        user = self._repo.get_user(user_id)
        return user.display_name if user else str(user_id)


def _local_hhmm(lock: Lock) -> str:
    return lock.acquired_at.astimezone().strftime("%H:%M")
