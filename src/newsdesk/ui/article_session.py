"""One open article: its lock, the version edits start from, unsaved changes, recovery copy.

No widgets here: the window shows what this decides.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from newsdesk.core.articles import SaveResult
from newsdesk.core.errors import LockHeld, LockLost, StaleSave
from newsdesk.core.models import Action, ArticleContent, Lock, State, User
from newsdesk.core.workspace import Workspace
from newsdesk.ui import paths, recovery_copies

RECOVERY_EVERY_S = 1.0


@dataclass
class ArticleSession:
    workspace: Workspace
    user: User
    article_id: int
    content: ArticleContent
    version: int
    state: State  # as loaded: what the window shows, until reloaded
    co_editors: list[str]
    read_only: bool
    account_id: int
    foreign_lock: Lock | None = None
    dirty: bool = False
    edits: int = 0  # counted on the GUI thread: a save clears `dirty` only if none came since
    _last_copy: float = field(default=0.0, repr=False)

    @classmethod
    def open(cls, workspace: Workspace, user: User, article_id: int) -> ArticleSession:
        details = workspace.articles.details(article_id)
        article = details.article
        may_edit = workspace.articles.permitted(user, article_id, Action.EDIT)[Action.EDIT] is None
        foreign: Lock | None = None
        if may_edit:
            try:
                workspace.locks.acquire(user, article_id)
            except LockHeld:
                may_edit = False
        if not may_edit:  # whoever is editing it is shown, whatever kept this user out
            holder = workspace.locks.holder(article_id)
            foreign = holder if holder is not None and holder.user_id != user.id else None
        editors = [
            workspace.users.by_id(i).username for i in article.editor_ids if i != article.creator_id
        ]
        return cls(
            workspace,
            user,
            article_id,
            article.content,
            article.version,
            article.state,
            editors,
            not may_edit,
            article.account_id,
            foreign,
        )

    @classmethod
    def create(cls, workspace: Workspace, user: User) -> ArticleSession:
        article_id = workspace.articles.create(user, ArticleContent("", ""))
        return cls.open(workspace, user, article_id)

    def take(self, fresh: ArticleSession) -> None:
        """What `fresh` (the same article opened again) found; unsaved changes are gone."""
        self.content, self.version, self.co_editors = fresh.content, fresh.version, fresh.co_editors
        self.state, self.account_id = fresh.state, fresh.account_id
        self.read_only, self.foreign_lock, self.dirty = fresh.read_only, fresh.foreign_lock, False

    def reload(self, workspace: Workspace | None = None) -> None:
        self.take(ArticleSession.open(workspace or self.workspace, self.user, self.article_id))

    def store_text(
        self, content: ArticleContent, co_editors_text: str, workspace: Workspace | None = None
    ) -> SaveResult:
        """The store's part of a save (on whichever thread owns `workspace`): with the version
        the edit started from, and this session's version follows. A stale save or a lost lock
        is refused by the core, which keeps this text as a conflict revision."""
        wanted = [n for n in re.split(r"[,，\s]+", co_editors_text) if n]
        # Text and co-editors in one change: a refused co-editor saves neither.
        result = (workspace or self.workspace).articles.save(
            self.user,
            self.article_id,
            content,
            self.version,
            wanted if wanted != self.co_editors else None,
        )
        self.co_editors = wanted
        self.content, self.version = content, result.version
        return result

    def save(self, content: ArticleContent, co_editors_text: str) -> None:
        """Save here and now; the recovery copy stays if the core refuses."""
        try:
            result = self.store_text(content, co_editors_text)
        except (StaleSave, LockLost):
            self.keep_recovery_copy(content, now=True)
            raise
        self.dirty = False
        self.drop_recovery_copy()
        if result.sent_back_to_audit:
            self.reload()

    def heartbeat(self, workspace: Workspace | None = None) -> None:
        if not self.read_only:
            (workspace or self.workspace).locks.heartbeat(self.user, self.article_id)

    def close(self, workspace: Workspace | None = None) -> None:
        if not self.read_only:
            (workspace or self.workspace).locks.release(self.user, self.article_id)

    # --- recovery copies: unsaved text on disk, offered again after a crash ----------------------

    def _recovery_path(self) -> Path:
        store = re.sub(r"\W+", "_", self.workspace.repo.target)[-60:]
        return paths.recovery_dir() / f"{store}-{self.user.username}-{self.article_id}.json"

    def keep_recovery_copy(self, content: ArticleContent, *, now: bool = False) -> None:
        if not now and time.monotonic() - self._last_copy < RECOVERY_EVERY_S:
            return
        self._last_copy = time.monotonic()
        copy = {"version": self.version, "content": asdict(content)}
        recovery_copies.keep(self._recovery_path(), json.dumps(copy, ensure_ascii=False), now=now)

    def recovered_text(self) -> str | None:
        """The body of a recovery copy that differs from what is stored, if any."""
        path = self._recovery_path()
        if self.read_only or not path.exists():
            return None
        try:
            body = str(json.loads(path.read_text(encoding="utf-8"))["content"]["body"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return None if body == self.content.body else body

    def drop_recovery_copy(self) -> None:
        recovery_copies.drop(self._recovery_path())
