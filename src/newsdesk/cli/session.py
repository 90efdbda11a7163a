"""What one CLI invocation holds: its arguments, language, open workspace and signed-in user."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from newsdesk.core.errors import InvalidInput
from newsdesk.core.i18n import ZH

if TYPE_CHECKING:
    from newsdesk.core.models import Account, User
    from newsdesk.core.wechat_api import WeChatApi
    from newsdesk.core.workspace import Workspace
    from newsdesk.store.sqlite_store import SqliteStore


def _connect(account: Account) -> WeChatApi:
    from newsdesk.cli.pushing import client_for  # httpx only for the commands that push

    return client_for(account)


class Session:
    def __init__(self, args: argparse.Namespace, lang: str) -> None:
        self.args = args
        self.lang = lang
        self._store: SqliteStore | None = None
        self._workspace: Workspace | None = None

    def t(self, zh: str, en: str) -> str:
        return zh if self.lang == ZH else en

    @property
    def target(self) -> str | None:
        return self.args.db or os.environ.get("NEWSDESK_DB") or None

    def workspace(self, *, create: bool = False) -> Workspace:
        if self._workspace is None:
            # Loaded here, not with the module: `proofread` on a file may need no workspace.
            from newsdesk.core.workspace import Workspace
            from newsdesk.store import open_repository

            self._store = open_repository(self.target, create=create)
            self._workspace = Workspace(self._store, connect=_connect)
        return self._workspace

    def forget_workspace(self) -> None:
        """After a workspace could not be opened: nothing is held, a later call tries again."""
        if self._store is not None:
            self._store.close()
        self._store, self._workspace = None, None

    @property
    def store(self) -> SqliteStore:
        self.workspace()
        assert self._store is not None
        return self._store

    def password(self, username: str, *, env: str = "NEWSDESK_PASSWORD") -> str:
        value = os.environ.get(env)
        if value is not None:
            return value
        if sys.stdin is not None and sys.stdin.isatty():
            return getpass.getpass(self.t(f"{username} 的密码：", f"Password for {username}: "))
        raise InvalidInput(
            f"需要 {username} 的密码：请设置环境变量 {env}",
            f"a password for {username} is needed: set {env}",
        )

    def new_password(self, username: str, *, first_user: bool) -> str:
        value = os.environ.get("NEWSDESK_NEW_PASSWORD")
        if value is None and first_user:
            value = os.environ.get("NEWSDESK_PASSWORD")
        if value is not None:
            return value
        if sys.stdin is not None and sys.stdin.isatty():
            first = getpass.getpass(
                self.t(f"{username} 的新密码：", f"New password for {username}: ")
            )
            again = getpass.getpass(self.t("再输入一次：", "Again: "))
            if first != again:
                raise InvalidInput("两次输入的密码不一致", "the two passwords differ")
            return first
        raise InvalidInput(
            f"需要 {username} 的新密码：请设置环境变量 NEWSDESK_NEW_PASSWORD",
            f"a new password for {username} is needed: set NEWSDESK_NEW_PASSWORD",
        )

    def actor(self) -> User:
        """Sign in as --as USER; every acting command goes through here."""
        username = self.args.as_user
        return self.workspace().users.sign_in(username, self.password(username))

    def crash_log(self) -> Path:
        folder = Path(platformdirs.user_log_dir("newsdesk", appauthor=False))
        folder.mkdir(parents=True, exist_ok=True)
        return folder / "cli-crash.log"

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
