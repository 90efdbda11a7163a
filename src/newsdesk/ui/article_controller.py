"""The open article's use cases, without widgets: open, save (typed, or autosaved while typing
goes on), conflicts, the recovery copy, the chain, others' changes, the server going and back.

Every store call runs on a `StoreWorker` thread with a connection of its own. What the user
asked for (opening, Ctrl+S, a signature) waits for its answer; the rest comes back as signals,
the newest winning. The editor is whatever produces the Markdown (`content`)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar, cast

from PySide6.QtCore import QObject, QTimer, Signal

from newsdesk.content import Ending
from newsdesk.core.chain_actions import perform
from newsdesk.core.errors import LockLost, NewsdeskError, ServerUnreachable, StaleSave
from newsdesk.core.lock_check import LockCheck, LockStanding
from newsdesk.core.models import Action, User
from newsdesk.core.workspace import Workspace
from newsdesk.ui import i18n, wechat_link
from newsdesk.ui.article_jobs import (
    ContentSource,
    Opened,
    SaveAnswer,
    View,
    article_view,
    changes_job,
    check_job,
    open_job,
    recheck_job,
    save_job,
)
from newsdesk.ui.article_session import ArticleSession
from newsdesk.ui.server_watch import ServerWatch
from newsdesk.ui.store_calls import Done, Failed, Job, Newest, inline
from newsdesk.ui.store_worker import StoreWorker

log = logging.getLogger("newsdesk")
AUTOSAVE_MS = 3000
HEARTBEAT_MS = 60_000
VIEW_EVERY_MS = 10_000
T = TypeVar("T")


class ArticleController(QObject):
    """Signals: opened(Opened | None) show this article (again) or none; saved();
    conflicted(str, int | None) someone else's text won, ours kept as that revision;
    refused(NewsdeskError); went_offline(ServerUnreachable); came_back(str) with what became of
    a lapsed edit lock; details_ready(ArticleDetails, list[Finding], {Action: refusal | None});
    findings_ready(ArticleContent, list[Finding], list[ProofFinding]); ending_ready(Ending);
    changed_elsewhere(bool) others changed the workspace (True: the open article, shown again);
    accounts_ready(list[(id, title)], int) the 公众号 to offer again, and the article's, after
    a choice of another was refused."""

    opened = Signal(object)
    saved = Signal()
    conflicted = Signal(str, object)
    refused = Signal(object)
    went_offline = Signal(object)
    came_back = Signal(str)
    details_ready = Signal(object, object, object)
    findings_ready = Signal(object, object, object)
    ending_ready = Signal(object)
    changed_elsewhere = Signal(bool)
    accounts_ready = Signal(object, int)

    def __init__(
        self,
        workspace: Workspace,
        user: User,
        content: ContentSource,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace, self.user, self._content = workspace, user, content
        self.session: ArticleSession | None = None
        self._target = wechat_link.reopen_target(workspace.repo)
        self.worker = StoreWorker(self._open_workspace, self)
        self.autosave_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.heartbeat_timer = QTimer(self, interval=HEARTBEAT_MS)
        self.heartbeat_timer.timeout.connect(self._beat)
        self.heartbeat_timer.start()
        self.view_timer = QTimer(self, singleShot=True, interval=VIEW_EVERY_MS)
        self.view_timer.timeout.connect(self.refresh_details)
        self.server = ServerWatch(self._target, self)
        self.server.lost.connect(self.went_offline)
        self.server.answered.connect(lambda: self.try_server_again(wait=False))
        self.worker.answered.connect(lambda: self.offline and self.try_server_again(wait=False))
        if not workspace.repo.location.local:  # a file on this PC does not go away
            self.server.watch(self.worker.busy_for)
        self._save_ok = True  # how the last save ended, for a save that waits on it
        self._newest = Newest()
        self._inline = inline(workspace) if workspace.repo.location.local else None

    @property
    def offline(self) -> bool:
        """The database server stopped answering and has not answered since."""
        return self.server.offline

    def _open_workspace(self) -> Workspace:
        from newsdesk.store import open_repository

        workspace = Workspace(open_repository(self._target), connect=wechat_link.connect)
        workspace.proofreading.build_ahead()  # the findings' proofreader, compiled meanwhile
        return workspace

    def _show(self, opened: Opened) -> None:
        """An article (re)opened on the worker becomes this window's; its GUI-side calls
        (tests, the crash hook) use the window's own store."""
        opened.session.workspace = self.workspace
        if self.session is not None and self.session.article_id == opened.session.article_id:
            self.session.take(opened.session)
            opened = replace(opened, session=self.session)
        else:
            self.session = opened.session
        self.opened.emit(opened)
        self.details_ready.emit(*opened.view)

    # --- opening and leaving ------------------------------------------------------------------

    def open(self, article_id: int) -> bool:
        if self.session is not None and self.session.article_id == article_id:
            return True
        return self._open_with(open_job(self.user, article_id))

    def create(self) -> bool:
        return self._open_with(open_job(self.user, None))

    def _open_with(self, job: Callable[[Workspace], Opened]) -> bool:
        if not self.leave():
            return False
        try:
            self._show(self.worker.call(job))
        except NewsdeskError as error:
            self._failed(error)
            return False
        return True

    def leave(self, *, wait: bool = False) -> bool:
        """Save and let go of the open article; False (and it stays) if the save failed."""
        session = self.session
        if session is None:
            return True
        if not self.save():
            return False
        self.session = None
        self.autosave_timer.stop()
        if session.read_only or self.offline:
            return True
        if wait:
            with contextlib.suppress(NewsdeskError):  # else the lock lapses by itself
                self.worker.call(session.close)
        else:
            self.worker.submit(session.close, failed=self._quiet)
        return True

    def forget(self) -> None:
        """The article is gone or different (a restore): nothing of it is saved."""
        if self.session is not None:
            self.session.dirty = False
        self.session = None
        self.autosave_timer.stop()
        self.worker.cancel("save")

    # --- typing and saving ---------------------------------------------------------------------

    def edited(self) -> None:
        session = self.session
        if session is None or session.read_only:
            return
        session.dirty = True
        session.edits += 1
        session.keep_recovery_copy(self._content()[0])
        self.autosave_timer.start()

    def keep_recovery_copy(self) -> None:
        if self.session is not None and not self.session.read_only:
            self.session.keep_recovery_copy(self._content()[0], now=True)

    def _save_job(self, session: ArticleSession) -> tuple[Callable[[Workspace], SaveAnswer], int]:
        content, co_editors = self._content()
        session.keep_recovery_copy(content)
        return save_job(session, content, co_editors), session.edits

    def autosave(self, then: Callable[[], None] | None = None) -> None:
        """Save in the background; typing goes on. A newer autosave replaces a queued one.
        `then()` after it went through (or with nothing to save)."""
        session = self.session
        if session is None or not session.dirty or session.read_only:
            if then is not None:
                then()
            return
        if self.offline:
            self.keep_recovery_copy()  # saved when the server answers again
            return
        job, edits = self._save_job(session)

        def done(answer: object) -> None:
            self._saved(session, edits, answer, wait=False)
            if then is not None:
                then()

        self.worker.submit(
            job, done, lambda error: self._save_failed(session, error, wait=False), key="save"
        )

    def save_then(self, then: Callable[[], None]) -> None:
        """`then()` once the text on screen is stored (not if the save failed: it says why).
        On a file on this PC the save is waited for; in team mode `then` follows the
        autosave queued now, and the window goes on meanwhile."""
        if self._inline is not None:
            if self.save():
                then()
            return
        self.autosave(then=then)

    def save(self) -> bool:
        """Save now and say whether it went through (before a signature, leaving, closing)."""
        session = self.session
        if session is None or session.read_only:
            return True
        self.autosave_timer.stop()
        self.worker.cancel("save")  # this one carries the newer text
        if not session.dirty:
            if not self.worker.pending("save"):
                return True
            self.worker.call(lambda ws: None)  # the autosave under way may meet a conflict
            return self._save_ok and self.session is session and not session.dirty
        if self.offline:
            self.keep_recovery_copy()
            return False
        job, edits = self._save_job(session)
        try:
            answer = self.worker.call(job)
        except Exception as error:
            self._save_failed(session, error)
            return False
        self._saved(session, edits, answer)
        self.refresh_details(wait=True)  # what the user may do next, before they try it
        return True

    def _saved(
        self, session: ArticleSession, edits: int, answer: object, *, wait: bool = True
    ) -> None:
        result, ending = cast(SaveAnswer, answer)
        self._save_ok = True
        if session is not self.session:
            return
        if session.edits == edits:  # nothing typed since this text was taken
            session.dirty = False
            session.drop_recovery_copy()
        if result.sent_back_to_audit:
            self.reload(wait=wait)
            return
        self.saved.emit()
        if ending is not None:
            self.ending_ready.emit(ending)
        # The review panel (revisions) and the actions (a signature waits on the stored text's
        # proofreading) follow the saves, at most every VIEW_EVERY_MS while typing goes on.
        if not self.view_timer.isActive():
            self.view_timer.start()

    def _save_failed(self, session: ArticleSession, error: Exception, *, wait: bool = True) -> None:
        self._save_ok = False
        if session is not self.session:
            return
        if isinstance(error, StaleSave | LockLost):
            session.keep_recovery_copy(self._content()[0], now=True)
            mine = error.fields.get("revision_id")
            said = (error.message(i18n.current()), mine if isinstance(mine, int) else None)
            self.reload(wait=wait, then=lambda: self.conflicted.emit(*said))
        elif isinstance(error, ServerUnreachable):
            session.keep_recovery_copy(self._content()[0], now=True)
            self.server.went_away(error)
        else:
            self._failed(error)

    def reload(self, *, wait: bool = True, then: Callable[[], None] | None = None) -> None:
        """Show the stored article again (someone else's newer text; a state change), then
        `then()`; waiting for it only after something the user did."""
        session = self.session
        if session is None:
            return

        def show(opened: Opened) -> None:
            if session is self.session:
                self._show(opened)
                if then is not None:
                    then()

        if not wait:
            self.worker.submit(open_job(self.user, session.article_id), show, self._failed)
            return
        try:
            show(self.worker.call(open_job(self.user, session.article_id)))
        except NewsdeskError as error:
            self._failed(error)

    # --- what the window shows beside the text -------------------------------------------------

    def decided(self) -> None:
        """Something the user did changed what the chain allows (a dismissal): the actions
        follow, waited for on a file on this PC, by signal in team mode."""
        self.refresh_details(wait=self._inline is not None)

    def refresh_details(self, *, wait: bool = False) -> None:
        """What the review panel and actions show; `wait` after a dismissal, say."""
        self.view_timer.stop()
        session, user = self.session, self.user
        if session is None or self.offline:
            return

        def job(ws: Workspace) -> View:
            return article_view(ws, user, session.article_id)

        def done(answer: object) -> None:
            if session is self.session:
                self.details_ready.emit(*cast(View, answer))

        if not wait:
            self.worker.submit(job, done, self._failed, key="details")
            return
        try:
            done(self.worker.call(job))
        except NewsdeskError as error:
            self._failed(error)

    def check(self) -> None:
        """Findings on the text on screen (the word lists live in the store)."""
        if self.session is None or self.offline:
            return
        self.worker.submit(
            check_job(self._content()[0]),
            lambda answer: self.findings_ready.emit(*answer),
            self._failed,
            key="findings",
        )

    def read(self, job: Callable[[Workspace], T], done: Callable[[T], None], key: str) -> None:
        """Background reading for the window (the lists), the newest winning."""
        if not self.offline:
            self.worker.submit(job, done, self._quiet, key=key)

    def run(self, job: Job, done: Done, failed: Failed, key: str) -> None:
        """The window's other store work (the lists, a dismissal, the changes dialog, the
        公众号 chosen), the newest under `key` winning (`store_calls`): on a file on this PC
        at once on the window's own store, in team mode on the worker."""
        done, failed = self._newest.ask(key, done, failed)
        if self._inline is not None:
            self._inline(job, done, failed, key)
        else:
            self.worker.submit(job, done, failed, key=key)

    def choose_account(self, account_id: int) -> None:
        """The open draft is for another 公众号: its ending (and 往期回顾) follow by
        `ending_ready`; refused, the article's own is offered again (`accounts_ready`)."""
        session, user = self.session, self.user
        if session is None:
            return

        def job(ws: Workspace) -> Ending | None:
            ws.articles.set_account(user, session.article_id, account_id)
            return ws.exports.preview_inputs(session.article_id).ending

        def done(ending: Ending | None) -> None:
            if session is self.session:
                session.account_id = account_id
                self.ending_ready.emit(ending)

        def offer_again(accounts: list[tuple[int, str]]) -> None:
            if session is self.session:
                self.accounts_ready.emit(accounts, session.account_id)

        def failed(error: Exception) -> None:
            self._failed(error)  # a dead server: the banner, not a dialog
            if session is self.session:
                self.run(
                    lambda ws: [(a.id, a.title) for a in ws.accounts.list()],
                    offer_again,
                    self._quiet,
                    "accounts",
                )

        self.run(job, done, failed, "account")

    def fetch_pictures(self, body: str, known: dict[str, bytes], then: Callable[[], None]) -> None:
        """Stored pictures the text names and `known` lacks, then `then()`."""

        def done(found: dict[str, bytes]) -> None:
            if set(found) - set(known):
                known.update(found)
                then()

        self.read(lambda ws: ws.exports.pictures_for(body, dict(known)), done, "pictures")

    # --- the review chain ----------------------------------------------------------------------

    def run_chain(self, action: Action, note: str = "") -> bool:
        """The chain action on the open article (saved first by the caller)."""
        session, user = self.session, self.user
        if session is None:
            return False
        try:
            self.worker.call(
                lambda ws: perform(ws.articles, user, session.article_id, action, note)
            )
        except NewsdeskError as error:
            self._failed(error)
            return False
        self.reload()
        return True

    # --- others' changes, the lock's heartbeat, the server going away ---------------------------

    def follow_changes(self, tables: frozenset[str] | None = None) -> None:
        """The workspace watcher told of others' changes (`tables`; None: anything): show the
        open article again if it moved on and nothing is typed here. `changed_elsewhere` says
        so; the window reads its lists again."""
        if self.offline:
            return
        session = self.session

        def done(moved: bool) -> None:
            again = moved and session is self.session and session is not None
            again = again and not session.dirty  # type: ignore[union-attr]
            if again:
                self.reload(wait=False)
            self.changed_elsewhere.emit(again)

        self.worker.submit(changes_job(session), done, self._quiet, key="follow")

    def _beat(self) -> None:
        session = self.session
        if session is None or self.offline:
            return
        self.worker.submit(session.heartbeat, failed=self._quiet, key="beat")

    def _quiet(self, error: Exception) -> None:
        """Work the user did not ask for: only a dead server is worth saying."""
        self._failed(error, quiet=True)

    def _failed(self, error: Exception, *, quiet: bool = False) -> None:
        if isinstance(error, ServerUnreachable):
            self.server.went_away(error)
        elif isinstance(error, NewsdeskError):
            self.refused.emit(error) if not quiet else log.warning("%s", error.message("en"))
        else:
            log.error("store job failed", exc_info=error)

    def try_server_again(self, *, wait: bool = True) -> bool:
        """Ask the server again (waiting for the answer when `wait`); when it answers, what
        was waiting is saved. Returns whether it answered (False while only asked)."""
        self.workspace.repo.try_again()  # nothing to do for a file on this PC

        def job(ws: Workspace) -> object:
            getattr(ws.repo, "try_again", lambda: None)()
            return ws.repo.change_marker()

        if not wait:
            self.worker.submit(job, lambda _m: self._back(), self._quiet, key="retry")
            return False
        try:
            self.worker.call(job)
        except ServerUnreachable as error:
            self.server.went_away(error)
            return False
        self._back()
        return not self.offline

    def _back(self) -> None:
        if not self.offline:
            return
        self.server.is_back()
        # The window's own connection (dialogs) may have died while away: a call that finds it
        # so (at once) has it made again at its next use, not here on the GUI thread.
        with contextlib.suppress(ServerUnreachable):
            self.workspace.repo.change_marker()
        # The server just answered: the lock held before the outage is asked after, then what
        # waited is saved before the banner goes (unless someone else holds the article now).
        session = self.session
        if session is None:
            self._back_in_step()
            return

        def rechecked(check: LockCheck | None) -> None:
            retaken = check and check.standing is LockStanding.RETAKEN
            said = check.message(i18n.current()) if check and retaken else ""
            if session is not self.session or check is None or check.held:
                self.autosave(then=lambda: self._back_in_step(said))
                return
            session.keep_recovery_copy(self._content()[0], now=True)
            self.reload(
                wait=False, then=lambda: self.conflicted.emit(check.message(i18n.current()), None)
            )
            self._back_in_step()

        self.worker.submit(recheck_job(session, self.user), rechecked, self._quiet, key="retry")

    def _back_in_step(self, said: str = "") -> None:
        if not self.offline:
            self.follow_changes()
            self.refresh_details()
            self.came_back.emit(said)

    def stop(self) -> None:
        for timer in (self.autosave_timer, self.heartbeat_timer, self.view_timer):
            timer.stop()
        self.worker.stop(1.0 if self.offline else 10.0)  # a dead link's call ends by itself
        self.server.stop()
