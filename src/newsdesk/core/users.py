"""Users, roles and sign-in."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import timedelta

from newsdesk.core import passwords
from newsdesk.core.context import Context
from newsdesk.core.errors import (
    AccountDisabled,
    AdminRequired,
    BadCredentials,
    FirstUserMustBeAdmin,
    InvalidInput,
    NameClash,
    NotFound,
    TooManyAttempts,
    UsernameTaken,
    WeakPassword,
    WorkspaceHasAdmin,
)
from newsdesk.core.models import Role, User
from newsdesk.core.names import name_key

_USERNAME = re.compile(r"^[^\s,:;/\\]{1,32}$")
_USER_WORDS = ("用户", "user")
_MANAGE_USERS = ("管理用户", "manage users")


def parse_roles(text: str | Iterable[str]) -> frozenset[Role]:
    names = text.split(",") if isinstance(text, str) else list(text)
    roles: set[Role] = set()
    for name in (n.strip().lower() for n in names):
        if not name:
            continue
        try:
            roles.add(Role(name))
        except ValueError:
            known = ", ".join(r.value for r in Role)
            raise InvalidInput(
                f"未知角色 {name}（可选：{known}）", f"unknown role {name} (one of: {known})"
            ) from None
    if not roles:
        raise InvalidInput("至少需要一个角色", "at least one role is needed")
    return frozenset(roles)


def _check_display_name(display_name: str) -> None:
    if not display_name or len(display_name) > 16 or not display_name.isprintable():
        raise InvalidInput("显示名须为 1–16 个字", "a display name is 1-16 characters")


class UserService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx
        self._repo = ctx.repo

    def count(self) -> int:
        return self._repo.count_users()

    def list(self) -> list[User]:
        return self._repo.list_users()

    def get(self, username: str) -> User:
        user = self._repo.find_user(username)
        if user is None:
            raise NotFound(_USER_WORDS, username)
        return user

    def by_id(self, user_id: int) -> User:
        user = self._repo.get_user(user_id)
        if user is None:
            raise NotFound(_USER_WORDS, user_id)
        return user

    def fresh(self, actor: User) -> User:
        """Re-read the acting user, so a disabled account or a removed role takes effect now."""
        user = self.by_id(actor.id)
        if user.disabled:
            raise AccountDisabled(user.username)
        return user

    def add(
        self,
        actor: User | None,
        username: str,
        display_name: str,
        roles: frozenset[Role],
        password: str,
    ) -> User:
        username, display_name = username.strip(), display_name.strip()
        if not _USERNAME.match(username):
            raise InvalidInput(
                "用户名须为 1–32 个字符，不含空格和 , : ; / \\",
                "a username is 1-32 characters without spaces or , : ; / \\",
            )
        _check_display_name(display_name)
        if len(password) < passwords.MIN_LENGTH:
            raise WeakPassword(passwords.MIN_LENGTH)
        hashed = passwords.hash_password(password)  # slow on purpose: outside the transaction
        with self._repo.transaction():
            if self._repo.count_users() == 0:
                if Role.ADMIN not in roles:
                    raise FirstUserMustBeAdmin()
            elif actor is None:
                raise WorkspaceHasAdmin()
            elif not self._admin(actor):
                raise AdminRequired(_MANAGE_USERS)
            if self._repo.find_user(username) is not None:
                raise UsernameTaken(username)
            self._refuse_clash(username, display_name)
            user = self._repo.add_user(username, display_name, roles, hashed, self._ctx.clock())
            self._ctx.record(
                actor.id if actor else None,
                "user_add",
                username=username,
                roles=sorted(r.value for r in roles),
            )
        return user

    def update(
        self,
        actor: User,
        username: str,
        *,
        roles: frozenset[Role] | None = None,
        disabled: bool | None = None,
        display_name: str | None = None,
    ) -> User:
        with self._repo.transaction():
            if not self._admin(actor):
                raise AdminRequired(_MANAGE_USERS)
            target = self.get(username)
            if display_name is not None:
                display_name = display_name.strip()
                _check_display_name(display_name)
                self._refuse_clash(None, display_name, besides=target.id)
            losing_admin = (disabled is True) or (roles is not None and Role.ADMIN not in roles)
            if losing_admin and target.is_admin and self._active_admins() == {target.id}:
                raise InvalidInput(
                    "不能停用或降级最后一位管理员",
                    "the last administrator cannot be disabled or demoted",
                )
            self._repo.update_user(
                target.id, roles=roles, disabled=disabled, display_name=display_name
            )
            detail: dict[str, object] = {
                "username": username,
                "roles": sorted(r.value for r in roles) if roles is not None else None,
                "disabled": disabled,
            }
            if display_name is not None:  # older entries have no such key: left as they were
                detail["display_name"] = display_name
            self._ctx.record(actor.id, "user_update", None, **detail)
        return self.by_id(target.id)

    def rename(self, actor: User, username: str, display_name: str) -> User:
        """A new display name (the one credits and forms show); unique like a new user's."""
        return self.update(actor, username, display_name=display_name)

    def _refuse_clash(self, username: str | None, display_name: str, besides: int = 0) -> None:
        """Refuse a name that reads as one already taken (NFKC, case folded): one name must
        never stand for two people, least of all at two levels of one article."""
        for other in self._repo.list_users():
            if other.id == besides:
                continue
            if username is not None and name_key(other.username) == name_key(username):
                raise NameClash(("用户名", "username"), username, other.username, other.username)
            if name_key(other.display_name) == name_key(display_name):
                raise NameClash(
                    ("显示名", "display name"), display_name, other.username, other.display_name
                )

    def reset_password(self, actor: User, username: str, new_password: str) -> None:
        if len(new_password) < passwords.MIN_LENGTH:
            raise WeakPassword(passwords.MIN_LENGTH)
        hashed = passwords.hash_password(new_password)
        with self._repo.transaction():
            if actor.username != username and not self._admin(actor):
                raise AdminRequired(_MANAGE_USERS)
            target = self.get(username)
            self._repo.update_user(target.id, password_hash=hashed)
            self._repo.clear_failed_sign_ins(target.id)
            self._ctx.record(actor.id, "password_reset", username=username)

    def sign_in(self, username: str, password: str) -> User:
        creds = self._repo.get_credentials(username.strip())
        now = self._ctx.clock()
        if creds is None:
            passwords.dummy_verify(password)
            with self._repo.transaction():
                self._ctx.record(None, "sign_in_failed", username=username, why="unknown user")
            raise BadCredentials()
        user = creds.user
        wait = passwords.sign_in_delay(creds.failed_attempts)
        if wait and creds.last_failed_at is not None:
            remaining = creds.last_failed_at + timedelta(seconds=wait) - now
            if remaining.total_seconds() > 0:
                with self._repo.transaction():
                    self._ctx.record(user.id, "sign_in_throttled", username=user.username)
                raise TooManyAttempts(int(remaining.total_seconds()) + 1)
        if not passwords.verify_password(password, creds.password_hash):
            with self._repo.transaction():
                self._repo.record_failed_sign_in(user.id, now)
                self._ctx.record(
                    user.id, "sign_in_failed", username=user.username, why="wrong password"
                )
            raise BadCredentials()
        if user.disabled:
            with self._repo.transaction():
                self._ctx.record(user.id, "sign_in_refused", username=user.username, why="disabled")
            raise AccountDisabled(user.username)
        with self._repo.transaction():
            self._repo.clear_failed_sign_ins(user.id)
            self._ctx.record(user.id, "sign_in", username=user.username, machine=self._ctx.machine)
        return user

    def _admin(self, actor: User) -> bool:
        fresh = self._repo.get_user(actor.id)
        return fresh is not None and fresh.is_admin and not fresh.disabled

    def _active_admins(self) -> set[int]:
        return {u.id for u in self._repo.list_users() if u.is_admin and not u.disabled}
