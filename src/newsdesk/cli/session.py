"""What one CLI invocation holds: its arguments, language, open workspace and signed-in user."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk.core.errors import InvalidInput
from newsdesk.core.i18n import ZH
from newsdesk.core.private_files import write_crash_report

if TYPE_CHECKING:
    from newsdesk.core.models import Account, User
    from newsdesk.core.repository import Repository
    from newsdesk.core.wechat_api import WeChatApi
    from newsdesk.core.workspace import Workspace


def _connect(account: Account) -> WeChatApi:
    from newsdesk.cli.pushing import client_for  # httpx only for the commands that push

    return client_for(account)


class Session:
    def __init__(self, args: argparse.Namespace, lang: str) -> None:
        self.args = args
        self.lang = lang
        self._store: Repository | None = None
        self._workspace: Workspace | None = None
        self._actor: User | None = None

    def t(self, zh: str, en: str) -> str:
        return zh if self.lang == ZH else en

    @property
    def target(self) -> str | None:
        if self.args.db is not None and not self.args.db.strip():
            # An empty --db (an unset shell variable) must not quietly mean NEWSDESK_DB.
            raise InvalidInput(
                "--db 为空：请给出 SQLite 数据库文件的路径，或 postgresql:// 地址",
                "--db is empty: give a SQLite file path or a postgresql:// URL",
            )
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
        self._store, self._workspace, self._actor = None, None, None

    @property
    def store(self) -> Repository:
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
        """Sign in as --as USER; every acting command goes through here, and signs in once
        (the password check is slow on purpose, and each sign-in is an audit entry)."""
        if self._actor is None:
            username = self.args.as_user
            self._actor = self.workspace().users.sign_in(username, self.password(username))
        return self._actor

    def refuse_to_overwrite(self, paths: list[Path]) -> None:
        """A file the command would write that exists already is refused, naming it, unless
        --force: a mistyped -o must not replace someone's file without a word."""
        taken = [p for p in paths if p.exists()]
        if taken and not getattr(self.args, "force", False):
            shown = ", ".join(str(p) for p in taken)
            raise InvalidInput(
                f"{shown} 已存在，未覆盖（要覆盖请加 --force）",
                f"{shown} already exists; nothing was overwritten (add --force to overwrite)",
            )

    def write_crash_report(self, text: str) -> Path:
        """The traceback of an unexpected error, for support: the newest few are kept, readable
        by this user only."""
        return write_crash_report(_log_folder(), "cli-crash", text)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


def keep_log_off_the_terminal() -> None:
    """Newsdesk's log records (a WeChat refusal's raw answer, a retry) go to a log file, not
    to stderr through Python's last-resort handler: the user reads the one plain line the
    command prints for the same event. The file is opened only if something is logged."""
    logger = logging.getLogger("newsdesk")
    if logger.handlers:
        return
    handler = _LazyFolderHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def _log_folder() -> Path:
    import platformdirs  # where logs go is asked only when something is written

    return Path(platformdirs.user_log_dir("newsdesk", appauthor=False))


class _LazyFolderHandler(logging.FileHandler):
    """cli.log in the per-user log folder, found and opened at the first record."""

    def __init__(self) -> None:
        # The path is set at the first record: finding the folder costs every command's start.
        super().__init__(os.devnull, encoding="utf-8", delay=True)
        self._placed = False

    def emit(self, record: logging.LogRecord) -> None:
        if not self._placed:
            folder = _log_folder()
            self.baseFilename = os.path.abspath(folder / "cli.log")
            self._placed = True
        try:
            Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return  # no log folder (read-only home): the record is lost, the command goes on
        super().emit(record)
