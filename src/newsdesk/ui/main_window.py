"""The main window: task panel | article (fields + Markdown) | live preview and review panel.

The window wires: the open article's use cases are `ArticleController`'s (on a store worker
thread), the bars above the text are `banners`, the actions `window_actions`. It holds no rules:
the core says what the signed-in user may do, and a refusal is the disabled action's tooltip.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QMessageBox,
    QSystemTrayIcon,
    QWidget,
)

from newsdesk.content import Ending, Rendered
from newsdesk.content.proofreading import ProofFinding
from newsdesk.core.articles import ArticleDetails
from newsdesk.core.chain_actions import NEEDS_REASON
from newsdesk.core.checks import Finding
from newsdesk.core.errors import LockHeld, NewsdeskError, ServerUnreachable
from newsdesk.core.models import Action, ArticleContent, User
from newsdesk.core.workspace import Workspace
from newsdesk.ui import i18n, window_actions, window_dialogs
from newsdesk.ui.article_controller import ArticleController
from newsdesk.ui.article_files import ArticleFiles
from newsdesk.ui.article_jobs import Allowed, Opened
from newsdesk.ui.article_session import ArticleSession
from newsdesk.ui.dialogs import TextDialog
from newsdesk.ui.editor import Mark
from newsdesk.ui.planning import Planning
from newsdesk.ui.proofing import Proofing
from newsdesk.ui.window_layout import WindowLayout
from newsdesk.ui.workspace_watcher import WorkspaceWatcher

if TYPE_CHECKING:  # the dialogs load when first opened, not with the window
    from newsdesk.ui.admin_dialog import AdminDialog
    from newsdesk.ui.diff_dialog import DiffDialog
    from newsdesk.ui.push_dialog import PushDialog

log = logging.getLogger("newsdesk")
WATCH_MS = 2_000  # another PC's change shows well within this (the watcher tells at once)


class MainWindow(WindowLayout):
    def __init__(self, workspace: Workspace, user: User, parent: QWidget | None = None) -> None:
        super().__init__(workspace, user, parent)
        self._ending: Ending | None = None
        self.setWindowTitle(self.tr("Newsdesk — {0}").format(user.display_name))
        self.controller = ArticleController(workspace, user, self._content, self)
        self._autosave = self.controller.autosave_timer
        self.tasks.run = self.controller.run  # in team mode on the worker
        self.watcher = WorkspaceWatcher(workspace.repo, self)
        self.planning = Planning(workspace, user, self.open_from_plan, self, self.watcher)
        self.files = ArticleFiles(self, self)
        self.editor.store_picture = self.visual.store_picture = self.files.store_picture
        self.export_html, self.set_cover = self.files.export_html, self.files.set_cover
        self.preview.set_source(self._preview_source)
        self.proofing = Proofing(
            workspace, user, self.modes, self.form, self.findings,
            save=self.controller.save_then, refuse=self.refuse, parent=self,
            run=self.controller.run,
        )  # fmt: skip
        window_actions.make_actions(self)
        self.modes.set_visual(self.actionVisualEditing.isChecked(), remember=False)
        self._connect()
        self.restore_layout()
        # Other PCs (team mode), other windows and the CLI change the workspace: told at once.
        self.watcher.changed.connect(self.controller.follow_changes)
        self.watcher.went_offline.connect(self.went_offline)
        self.watcher.came_back.connect(partial(self.controller.try_server_again, wait=False))
        self.watcher.start()
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(self.windowIcon(), self)
            self.tray.setToolTip(self.windowTitle())
            self.tray.activated.connect(self._come_forward)
            self.tray.show()
        self._show_article(None)

    @property
    def session(self) -> ArticleSession | None:
        return self.controller.session

    @session.setter
    def session(self, session: ArticleSession | None) -> None:
        self.controller.session = session

    @property
    def offline(self) -> bool:
        """The database server stopped answering and has not answered since."""
        return self.controller.offline

    def _connect(self) -> None:
        c = self.controller
        c.opened.connect(self._show_article)
        c.saved.connect(lambda: self.say(self.tr("Saved"), 2000))
        c.conflicted.connect(self.conflict_bar.tell)
        c.refused.connect(self.refuse)
        c.went_offline.connect(self.went_offline)
        c.came_back.connect(self._came_back)
        c.details_ready.connect(self._show_details)
        c.findings_ready.connect(self._show_findings)
        c.ending_ready.connect(self._new_ending)
        c.changed_elsewhere.connect(self._changed_elsewhere)
        c.accounts_ready.connect(self.form.show_accounts)
        self.tasks.article_chosen.connect(self.open_article)
        self.tasks.unreachable.connect(self.went_offline)
        self.tasks.new_tasks.connect(partial(window_dialogs.announce_tasks, self))
        self.form.changed.connect(self._edited)
        self.form.cover_requested.connect(self.files.choose_cover)
        self.form.account_chosen.connect(self.choose_account)
        self.modes.changed.connect(self._edited)
        self.editor.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.visual.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.recovery_bar.restore.connect(self.restore_recovery)
        self.recovery_bar.discard.connect(self.discard_recovery)
        self.conflict_bar.compare.connect(lambda: self.show_changes(self.conflict_bar.revision))
        self.preview.rendered.connect(self._rendered)
        self.review.finding_chosen.connect(partial(window_dialogs.go_to_finding, self))
        self.review.diff_requested.connect(self.show_changes)
        self.proofing.told.connect(self.say)
        self.proofing.decided.connect(self.controller.decided)

    def _content(self) -> tuple[ArticleContent, str]:
        return self.form.content(self.editor_markdown()), self.form.co_editors.text()

    def editor_markdown(self) -> str:
        """The open article's Markdown, whichever editor shows it."""
        return self.modes.markdown()

    def set_visual_editing(self, on: bool) -> None:
        self.modes.set_visual(on)
        self.preview.schedule()  # findings come back for the editor now shown

    # --- opening and saving ------------------------------------------------------------------

    def open_article(self, article_id: int) -> None:
        self.controller.open(article_id)

    def open_from_plan(self, article_id: int) -> None:
        """The board made a draft, or the board or calendar asks for an article: show it here."""
        self._read_lists()
        self.open_article(article_id)
        self._come_forward()

    def new_article(self) -> None:
        if self.controller.create():
            self._read_lists()
            self.form.title_edit.setFocus()

    def _show_article(self, opened: Opened | None) -> None:
        session = opened.session if opened else None
        editable = session is not None and not session.read_only
        self.form.setEnabled(session is not None)
        self.modes.set_enabled(session is not None)
        self.format_bar.setEnabled(editable)
        for bar in (self.recovery_bar, self.lock_banner, self.conflict_bar):
            bar.hide()
        self.proofing.open(
            session.article_id if session else None, editable, opened.dismissals if opened else []
        )
        if opened is not None:
            self.pictures.update(opened.pictures)
        self.modes.show_text(session.content.body if session else "")
        if opened is None or session is None:
            self.proofing.clear()
            window_actions.show_permitted(self, None)
            self.actionSave.setEnabled(False)
            self.state_label.setText("")
            return
        self.form.blockSignals(True)
        self.form.show_content(session.content, session.co_editors)
        self.form.blockSignals(False)
        self.form.set_read_only(session.read_only)
        self.form.show_accounts(opened.accounts, session.account_id)
        self.modes.set_read_only(session.read_only)
        lock, lock_text = session.foreign_lock, ""
        if lock is not None:
            since = lock.acquired_at.astimezone().strftime("%H:%M")
            lock_text = self.tr("{0} is editing since {1} (on {2}); you see it read-only.").format(
                opened.lock_holder, since, lock.machine
            )
        self.review.show_lock(lock_text)
        self.lock_banner.setText(lock_text)
        self.lock_banner.setVisible(bool(lock_text))
        if session.recovered_text() is not None:
            self.recovery_bar.offer()
        self._ending = opened.ending
        self.actionSave.setEnabled(editable)
        self.preview.show_now()  # first: the page loads (in QtWebEngine) while the rest fills in

    def _show_details(
        self, details: ArticleDetails, checks: list[Finding], allowed: Allowed
    ) -> None:
        self.review.show_details(details)
        self.review.show_findings(checks)
        window_actions.show_permitted(self, allowed)
        self.actionSave.setEnabled(self.session is not None and not self.session.read_only)
        self.state_label.setText(self.review.state.text())

    def choose_account(self, account_id: int) -> None:
        """The open draft is for another 公众号: its ending and 往期回顾 follow."""
        self.controller.choose_account(account_id)

    def _new_ending(self, ending: Ending | None) -> None:
        self._ending = ending
        self.preview.schedule()

    def _edited(self) -> None:
        if self.session is None or self.session.read_only:
            return
        self.controller.edited()
        self.preview.schedule()

    def save(self) -> bool:
        return self.controller.save()

    @property
    def conflict_revision(self) -> int | None:
        return self.conflict_bar.revision

    def save_recovery_copy(self) -> None:
        self.controller.keep_recovery_copy()

    def restore_recovery(self) -> None:
        if self.session is None:
            return
        text = self.session.recovered_text()
        self.recovery_bar.hide()
        if text is not None:
            self.modes.replace_text(text)  # marks dirty and autosaves

    def discard_recovery(self) -> None:
        if self.session is not None:
            self.session.drop_recovery_copy()
        self.recovery_bar.hide()

    # --- the chain ---------------------------------------------------------------------------

    def run_chain(self, action: Action) -> None:
        if self.session is None or not self.save():
            return
        label = self.chain_actions[action].text().rstrip("…")
        note: str | None = ""
        if action in NEEDS_REASON:
            note = self._ask(label, self.tr("Reason (the editors will see it):"), multiline=True)
        elif action is Action.PUBLISH:
            note = self._ask(
                self.tr("Mark published"),
                self.tr("The article's address on WeChat (https://mp.weixin.qq.com/…):"),
                multiline=False,
            )
        if note is None or not self.controller.run_chain(action, note):
            return
        self.say(self.tr("Done: {0}").format(label), 4000)
        self._read_lists()

    def _ask(self, title: str, prompt: str, *, multiline: bool) -> str | None:
        dialog = TextDialog(title, prompt, multiline=multiline, parent=self)
        return dialog.value() if dialog.exec() else None

    def theme_name(self) -> str:
        return self.preview.theme_name

    def say(self, text: str, ms: int = 5000) -> None:
        self.statusBar().showMessage(text, ms)

    def refuse(self, error: NewsdeskError) -> None:
        if isinstance(error, ServerUnreachable):
            self.went_offline(error)  # a banner, not a dialog: it may last, and typing goes on
            return
        QMessageBox.warning(self, self.tr("Not possible"), error.message(i18n.current()))
        if isinstance(error, LockHeld) and self.session is not None:
            self.controller.reload()

    # --- preview, words, findings -------------------------------------------------------------

    def _preview_source(self) -> tuple[str, dict[str, bytes], Ending | None]:
        body = self.editor_markdown()
        # Pictures not fetched yet show as placeholders until the worker has them.
        self.controller.fetch_pictures(body, self.pictures, self.preview.schedule)
        return body, self.pictures, self._ending

    def _rendered(self, result: Rendered, count: int, ms: float) -> None:
        minutes = max(1, round(count / 400))
        self.words.setText(self.tr("Characters: {0} · about {1} min read").format(count, minutes))
        log.debug("preview rendered in %.1f ms", ms)
        self.controller.check()

    def _show_findings(
        self, content: ArticleContent, checks: list[Finding], proofs: list[ProofFinding]
    ) -> None:
        if self.session is None or content != self._content()[0]:
            return  # a newer text is on its way to be checked
        marks = [Mark(f.start, f.end) for f in checks if f.field == "body" and f.end > f.start]
        self.proofing.show_checked(proofs, marks)
        self.review.show_findings(checks)

    def _scrolled(self, value: int) -> None:
        bar = self.modes.current().verticalScrollBar()
        self.preview.follow(value / bar.maximum() if bar.maximum() else 0.0)

    # --- what the menus open (window_dialogs) ---------------------------------------------

    def show_changes(self, revision_id: int | None = None) -> DiffDialog | None:
        """Side-by-side changes; by default since this user last signed (REVIEW.md rule 4).
        In team mode None: the dialog opens when the store worker has the revisions."""
        return window_dialogs.show_changes(self, revision_id)

    def push(self) -> PushDialog | None:
        return window_dialogs.push(self)

    def administer(self) -> AdminDialog:
        return window_dialogs.administer(self)

    # --- window ------------------------------------------------------------------------------

    def _after_restore(self) -> None:
        """Everything on screen may be gone or different now: start from the task list."""
        self.controller.forget()
        self._show_article(None)
        self.tasks.refresh()

    # --- others' changes and the server going away ------------------------------------------

    def follow_changes(self) -> None:
        """As if the watcher told of a change: the open article and the lists follow."""
        self.controller.follow_changes()

    def _changed_elsewhere(self, article_again: bool) -> None:
        self._read_lists(announce=True)
        if article_again:
            self.say(self.tr("Updated: someone else changed this article"), 5000)

    def _read_lists(self, *, announce: bool = False) -> None:
        """The task panel's counts and lists, read on the store worker."""
        show = self.tasks.show_read
        self.controller.read(
            self.tasks.reader(), lambda read: show(*read, announce=announce), "lists"
        )

    def went_offline(self, error: ServerUnreachable) -> None:
        # Plain words in the bar; the server's own message, for whoever fixes it, on hover.
        self.offline_banner.setText(
            self.tr(
                "The database server is not answering. What you type stays on this PC and is"
                " saved as soon as the server answers; trying again every few seconds."
            )
        )
        self.offline_banner.setToolTip(error.message(i18n.current()))
        self.offline_banner.show()
        if not self.controller.offline:
            self.controller.server.went_away(error)

    def try_server_again(self) -> bool:
        """Returns whether the server answered (and what was waiting got saved)."""
        return self.controller.try_server_again()

    def _came_back(self, said: str) -> None:
        self.offline_banner.hide()
        self.say(" ".join((self.tr("The server answers again"), said)).strip(), 10_000)

    def _come_forward(self) -> None:
        self.showNormal()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.controller.leave(wait=True) and not window_dialogs.close_offline(self):
            event.ignore()
            return
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        # A closed window asks nothing more of the store, which its owner may now close.
        self.watcher.stop()
        self.controller.stop()
        if self.tray is not None:
            self.tray.hide()
        self.planning.close()
        self.preview.wait(3000)
        super().closeEvent(event)
