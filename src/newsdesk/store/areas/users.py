"""People: accounts to sign in with, their roles, and failed sign-ins."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from newsdesk.core.models import Credentials, Role, User
from newsdesk.core.names import name_key
from newsdesk.store.areas.base import SqlArea
from newsdesk.store.records import dt, ts, user


class UsersArea(SqlArea):
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
        user_id = self._insert(
            "INSERT INTO users (username, display_name, roles, password_hash, created_at,"
            " username_key, display_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                username,
                display_name,
                ",".join(sorted(roles)),
                password_hash,
                ts(now),
                name_key(username),
                name_key(display_name),
            ),
        )
        added = self.get_user(user_id)
        assert added is not None
        return added

    def get_user(self, user_id: int) -> User | None:
        row = self._one("SELECT * FROM users WHERE id = ?", (user_id,))
        return user(row) if row else None

    def find_user(self, username: str) -> User | None:
        row = self._one("SELECT * FROM users WHERE username = ?", (username,))
        return user(row) if row else None

    def get_credentials(self, username: str) -> Credentials | None:
        row = self._one("SELECT * FROM users WHERE username = ?", (username,))
        if row is None:
            return None
        return Credentials(
            user(row), row["password_hash"], row["failed_attempts"], dt(row["last_failed_at"])
        )

    def list_users(self) -> list[User]:
        return [user(r) for r in self._all("SELECT * FROM users ORDER BY id")]

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
            (ts(now), user_id),
        )

    def clear_failed_sign_ins(self, user_id: int) -> None:
        self._run(
            "UPDATE users SET failed_attempts = 0, last_failed_at = NULL WHERE id = ?", (user_id,)
        )
