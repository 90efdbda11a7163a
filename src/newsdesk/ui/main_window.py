"""The main window: task panel | article (fields + Markdown) | live preview and review panel.

The window holds no rules: every action asks the core what the signed-in user may do
(`ArticleService.permitted`) and shows the core's refusal as the disabled action's tooltip.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QKeySequence,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QSystemTrayIcon,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from newsdesk import __version__
from newsdesk.content import Ending, Rendered
from newsdesk.core.checks import Finding
from newsdesk.core.errors import LockHeld, LockLost, NewsdeskError, ServerUnreachable, StaleSave
from newsdesk.core.models import Action, Role, State, User
from newsdesk.core.workspace import Workspace
from newsdesk.store import location
from newsdesk.ui import connection, i18n, paths, wechat_link
from newsdesk.ui.article_files import ArticleFiles
from newsdesk.ui.article_session import ArticleSession
from newsdesk.ui.connection import ConnectionDialog
from newsdesk.ui.dialogs import TextDialog
from newsdesk.ui.editor import Mark, MarkdownEditor
from newsdesk.ui.findings_panel import FindingsPanel
from newsdesk.ui.metadata_form import MetadataForm
from newsdesk.ui.planning import Planning
from newsdesk.ui.preview import PreviewPane
from newsdesk.ui.proofing import Proofing
from newsdesk.ui.review_panel import ReviewPanel
from newsdesk.ui.task_panel import TaskPanel
from newsdesk.ui.team_mode import TeamMode

if TYPE_CHECKING:  # the dialogs load when first opened, not with the window
    from newsdesk.ui.admin_dialog import AdminDialog
    from newsdesk.ui.diff_dialog import DiffDialog
    from newsdesk.ui.push_dialog import PushDialog

log = logging.getLogger("newsdesk")
AUTOSAVE_MS = 3000
HEARTBEAT_MS = 60_000
WATCH_MS = 2_000
RETRY_MS = 5_000
CHAIN_ACTIONS = (
    Action.SUBMIT,
    Action.APPROVE,
    Action.SIGN,
    Action.RETURN,
    Action.REOPEN,
    Action.SPIKE,
    Action.PUBLISH,
)


def _call(slot: Callable[[], object], checked: bool = False) -> None:
    """QAction.triggered passes `checked`; our slots take nothing."""
    slot()


class MainWindow(TeamMode):
    def __init__(self, workspace: Workspace, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.user = workspace, user
        self.session: ArticleSession | None = None
        self.pictures: dict[str, bytes] = {}
        self._ending: Ending | None = None
        self.setWindowTitle(self.tr("Newsdesk — {0}").format(user.display_name))
        self.planning = Planning(workspace, user, self.open_from_plan, self)
        self._build()
        self._make_actions()
        self._restore_layout()
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save)
        self._heartbeat = QTimer(self, interval=HEARTBEAT_MS)
        self._heartbeat.timeout.connect(self._beat)
        self._heartbeat.start()
        # Other PCs (team mode) and other windows change the workspace: look every few seconds.
        self._marker = self.workspace.repo.change_marker()
        self._watch = QTimer(self, interval=WATCH_MS)
        self._watch.timeout.connect(self.follow_changes)
        self._watch.start()
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(self.windowIcon(), self)
            self.tray.setToolTip(self.windowTitle())
            self.tray.activated.connect(self._come_forward)
            self.tray.show()
        self._retry = QTimer(self, interval=RETRY_MS)
        self._retry.timeout.connect(self.probe_server)
        self._show_article(None)

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.tasks = TaskPanel(self.workspace, self.user)
        self.tasks.article_chosen.connect(self.open_article)
        self.tasks.unreachable.connect(self.went_offline)
        self.tasks.new_tasks.connect(self.announce_tasks)
        self.form = MetadataForm()
        self.form.changed.connect(self._edited)
        self.editor = MarkdownEditor()
        self.files = ArticleFiles(self, self)
        self.form.cover_requested.connect(self.files.choose_cover)
        self.form.account_chosen.connect(self.choose_account)
        self.editor.store_picture = self.files.store_picture
        self.export_html, self.set_cover = self.files.export_html, self.files.set_cover
        self.editor.textChanged.connect(self._edited)
        self.editor.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.format_bar = QToolBar(self.tr("Formatting"))
        self.format_bar.setObjectName("formatBar")
        self.recovery_bar = self._recovery_bar()
        self.lock_banner = QLabel()
        self.lock_banner.setObjectName("lockBanner")
        self.lock_banner.setWordWrap(True)
        self.lock_banner.setStyleSheet("background:#fff4e5;color:#8a5300;padding:6px 10px;")
        self.lock_banner.hide()
        self.offline_banner = QLabel()
        self.offline_banner.setObjectName("offlineBanner")
        self.offline_banner.setWordWrap(True)
        self.offline_banner.setStyleSheet("background:#fdecea;color:#8c1d18;padding:6px 10px;")
        self.offline_banner.hide()
        self.conflict_revision: int | None = None
        self.conflict_bar = QWidget()
        self.conflict_bar.setObjectName("conflictBar")
        self.conflict_bar.setStyleSheet("background:#fdecea;")
        bar_row = QHBoxLayout(self.conflict_bar)
        self.conflict_text = QLabel()
        self.conflict_text.setWordWrap(True)
        compare = QPushButton(self.tr("Compare both texts"))
        compare.setObjectName("compareConflictButton")
        compare.clicked.connect(self.compare_conflict)
        bar_row.addWidget(self.conflict_text, 1)
        bar_row.addWidget(compare)
        self.conflict_bar.hide()
        middle = QWidget()
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        for widget in (
            self.offline_banner,
            self.lock_banner,
            self.recovery_bar,
            self.form,
            self.format_bar,
            self.editor,
        ):
            column.addWidget(widget, 1 if widget is self.editor else 0)
        self.preview = PreviewPane()
        self.preview.set_source(self._preview_source)
        self.preview.rendered.connect(self._rendered)
        self.review = ReviewPanel()
        self.review.finding_chosen.connect(self._go_to_finding)
        self.review.diff_requested.connect(self.show_changes)
        self.findings = FindingsPanel()
        self.proofing = Proofing(
            self.workspace, self.user, self.editor, self.form, self.findings,
            save=self.save, refuse=self.refuse, parent=self,
        )  # fmt: skip
        self.proofing.told.connect(self.say)
        self.proofing.decided.connect(self._refresh_details)
        # The findings sit under the preview: both are read while the text is worked on.
        beside = QSplitter(Qt.Orientation.Vertical)
        beside.setObjectName("previewSplitter")
        beside.addWidget(self.preview)
        beside.addWidget(self.findings)
        beside.setStretchFactor(0, 3)
        beside.setStretchFactor(1, 2)
        beside.setSizes([540, 300])
        self.side = QTabWidget()
        self.side.setObjectName("sideTabs")
        self.side.addTab(beside, self.tr("Preview"))
        self.side.addTab(self.review, self.tr("Review"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        for widget, stretch in ((self.tasks, 0), (middle, 1), (self.side, 0)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        self.splitter.setSizes([260, 620, 430])
        self.setCentralWidget(self.splitter)
        self.words = QLabel()
        self.words.setObjectName("wordCount")
        self.state_label = QLabel()
        self.statusBar().addPermanentWidget(self.state_label)
        self.share_warning = QLabel()
        self.share_warning.setObjectName("networkShareWarning")
        self.share_warning.setStyleSheet("color:#b3261e;font-weight:bold;")
        path = getattr(self.workspace.repo, "path", None)
        local = getattr(self.workspace.repo, "local_file", True)
        kind = location.network_filesystem(path) if local and isinstance(path, Path) else None
        if kind:
            warning = i18n.pick(location.WARNING).format(kind=kind)
            self.share_warning.setText(self.tr("⚠ Database on a network share"))
            self.share_warning.setToolTip(warning)
            log.warning(warning)
        self.statusBar().addWidget(self.share_warning)
        self.statusBar().addPermanentWidget(self.words)

    def _recovery_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("recoveryBar")
        bar.setStyleSheet("background:#fff4e5;")
        row = QHBoxLayout(bar)
        self.recovery_text = QLabel()
        restore = QPushButton(self.tr("Restore"))
        restore.setObjectName("restoreButton")
        discard = QPushButton(self.tr("Discard"))
        discard.setObjectName("discardButton")
        restore.clicked.connect(self.restore_recovery)
        discard.clicked.connect(self.discard_recovery)
        row.addWidget(self.recovery_text, 1)
        row.addWidget(restore)
        row.addWidget(discard)
        bar.hide()
        return bar

    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(partial(_call, slot))
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        a = self._action
        self.actionNewArticle = a(
            "actionNewArticle",
            self.tr("New article"),
            self.new_article,
            QKeySequence.StandardKey.New,
        )
        self.actionSave = a("actionSave", self.tr("Save"), self.save, QKeySequence.StandardKey.Save)
        self.actionSubmit = a(
            "actionSubmit", self.tr("Submit"), partial(self.run_chain, Action.SUBMIT)
        )
        self.actionApprove = a(
            "actionApprove", self.tr("Approve"), partial(self.run_chain, Action.APPROVE)
        )
        self.actionSign = a("actionSign", self.tr("Sign off"), partial(self.run_chain, Action.SIGN))
        self.actionReturn = a(
            "actionReturn", self.tr("Return…"), partial(self.run_chain, Action.RETURN)
        )
        self.actionReopen = a(
            "actionReopen", self.tr("Reopen…"), partial(self.run_chain, Action.REOPEN)
        )
        self.actionSpike = a(
            "actionSpike", self.tr("Spike…"), partial(self.run_chain, Action.SPIKE)
        )
        self.actionPublish = a(
            "actionPublish", self.tr("Mark published…"), partial(self.run_chain, Action.PUBLISH)
        )
        self.actionCopyForWeChat = a(
            "actionCopyForWeChat",
            self.tr("Copy for WeChat"),
            self.files.copy_for_wechat,
            "Ctrl+Shift+C",
        )
        self.actionExportHtml = a(
            "actionExportHtml", self.tr("Export HTML…"), self.files.export_html, "Ctrl+Shift+E"
        )
        self.chain_actions = {
            Action.SUBMIT: self.actionSubmit, Action.APPROVE: self.actionApprove,
            Action.SIGN: self.actionSign, Action.RETURN: self.actionReturn,
            Action.REOPEN: self.actionReopen, Action.SPIKE: self.actionSpike,
            Action.PUBLISH: self.actionPublish,
        }  # fmt: skip
        bar = QToolBar(self.tr("Article"))
        bar.setObjectName("mainToolBar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (
            self.actionNewArticle,
            self.actionSave,
            None,
            *self.chain_actions.values(),
            None,
            self.actionCopyForWeChat,
            self.actionExportHtml,
        ):
            bar.addSeparator() if action is None else bar.addAction(action)
        self.addToolBar(bar)
        e = self.editor
        for name, text, slot, key in (
            ("actionBold", self.tr("Bold"), e.bold, QKeySequence.StandardKey.Bold),
            ("actionHeading", self.tr("Heading"), e.heading, "Ctrl+2"),
            ("actionQuote", self.tr("Quote"), e.quote, "Ctrl+Shift+Q"),
            ("actionBulletList", self.tr("List"), e.bullet_list, "Ctrl+Shift+8"),
            ("actionNumberedList", self.tr("Numbered list"), e.numbered_list, "Ctrl+Shift+7"),
            ("actionLink", self.tr("Link"), e.link, "Ctrl+K"),
            ("actionImage", self.tr("Picture…"), self.files.insert_picture, None),
            ("actionTable", self.tr("Table"), e.table, None),
        ):
            self.format_bar.addAction(a(name, text, slot, key))
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&Article"))
        for action in (
            self.actionNewArticle,
            self.actionSave,
            self.actionCopyForWeChat,
            self.actionExportHtml,
        ):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(a("actionDatabase", self.tr("Database…"), self.choose_database))
        chain_menu = menu.addMenu(self.tr("&Review"))
        for action in self.chain_actions.values():
            chain_menu.addAction(action)
        chain_menu.addSeparator()
        f = self.files
        forms: tuple[tuple[str, str, Callable[[], object]], ...] = (
            ("actionPrintForm", self.tr("Print review form…"), f.print_form),
            ("actionSaveFormPdf", self.tr("Save review form as PDF…"), f.save_form),
            ("actionMonthForms", self.tr("Review forms of a month…"), f.month_forms),
        )
        for form_action in forms:
            chain_menu.addAction(a(*form_action))
        chain_menu.addSeparator()
        self.actionPush = a("actionPush", self.tr("Push to the official account…"), self.push)
        chain_menu.addAction(self.actionPush)
        plan_menu = menu.addMenu(self.tr("&Plan"))
        plans: tuple[tuple[str, str, Callable[[], object]], ...] = (
            ("actionTopicBoard", self.tr("Topics"), self.planning.board),
            ("actionPlanCalendar", self.tr("Schedule"), self.planning.calendar),
            ("actionStats", self.tr("Workload statistics"), self.planning.stats),
        )
        for plan_action in plans:
            plan_menu.addAction(a(*plan_action))
        view_menu = menu.addMenu(self.tr("&View"))
        group = QActionGroup(self)
        current = str(QSettings().value("ui/colorScheme", "system"))
        for scheme, label in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            action = a(f"actionScheme_{scheme}", label, partial(self.set_color_scheme, scheme))
            action.setCheckable(True)
            action.setChecked(scheme == current)
            group.addAction(action)
            view_menu.addAction(action)
        view_menu.addSeparator()
        for code, label in ((i18n.ZH, "中文"), (i18n.EN, "English")):
            view_menu.addAction(
                a(f"actionLanguage_{code}", label, partial(self.set_language, code))
            )
        if Role.ADMIN in self.user.roles:
            admin_menu = menu.addMenu(self.tr("A&dministration"))
            admin_menu.addAction(
                a("actionAdmin", self.tr("Staff, account and backup…"), self.administer)
            )
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(a("actionAbout", self.tr("About Newsdesk"), self.about))

    # --- opening and saving ------------------------------------------------------------------

    def open_article(self, article_id: int) -> None:
        if self.session is not None and self.session.article_id == article_id:
            return
        if not self._leave_current():
            return
        try:
            self.session = ArticleSession.open(self.workspace, self.user, article_id)
        except NewsdeskError as error:
            self.refuse(error)
            return
        self._show_article(self.session)

    def open_from_plan(self, article_id: int) -> None:
        """The board made a draft, or the board or calendar asks for an article: show it here."""
        self.tasks.refresh()
        self.open_article(article_id)
        self._come_forward()

    def _show_article(self, session: ArticleSession | None) -> None:
        has = session is not None
        self.form.setEnabled(has)
        self.editor.setEnabled(has)
        self.format_bar.setEnabled(has and not session.read_only)  # type: ignore[union-attr]
        self.recovery_bar.hide()
        self.lock_banner.hide()
        self.conflict_bar.hide()
        self.proofing.open(session.article_id if session else None, has and not session.read_only)  # type: ignore[union-attr]
        if session is None:
            self.editor.blockSignals(True)
            self.editor.setPlainText("")
            self.editor.blockSignals(False)
            self.proofing.clear()
            self._refresh_actions()
            return
        self.form.blockSignals(True)
        self.form.show_content(session.content, session.co_editors)
        self.form.blockSignals(False)
        self.form.set_read_only(session.read_only)
        accounts = [(a.id, a.title) for a in self.workspace.accounts.list()]
        self.form.show_accounts(accounts, session.account_id)
        self.editor.blockSignals(True)
        self.editor.setPlainText(session.content.body)
        self.editor.blockSignals(False)
        self.editor.setReadOnly(session.read_only)
        lock_text = self._lock_text(session)
        self.review.show_lock(lock_text)
        self.lock_banner.setText(lock_text)
        self.lock_banner.setVisible(bool(lock_text))
        recovered = session.recovered_text()
        if recovered is not None:
            self.recovery_text.setText(
                self.tr("Unsaved text from your last session was kept. Restore it?")
            )
            self.recovery_bar.show()
        self._ending = self.workspace.exports.preview_inputs(session.article_id).ending
        self.preview.show_now()  # first: the page loads (in QtWebEngine) while the rest fills in
        self._refresh_details()

    def choose_account(self, account_id: int) -> None:
        """The open draft is for another 公众号: its ending and 往期回顾 follow."""
        session = self.session
        if session is None:
            return
        try:
            self.workspace.articles.set_account(self.user, session.article_id, account_id)
        except NewsdeskError as error:
            self.refuse(error)
            self.form.show_accounts(
                [(a.id, a.title) for a in self.workspace.accounts.list()], session.account_id
            )
            return
        session.account_id = account_id
        self._ending = self.workspace.exports.preview_inputs(session.article_id).ending
        self.preview.schedule()

    def _lock_text(self, session: ArticleSession) -> str:
        lock = session.foreign_lock
        if lock is None:
            return ""
        name = self.workspace.users.by_id(lock.user_id).display_name
        since = lock.acquired_at.astimezone().strftime("%H:%M")
        return self.tr("{0} is editing since {1} (on {2}); you see it read-only.").format(
            name, since, lock.machine
        )

    def _edited(self) -> None:
        if self.session is None or self.session.read_only:
            return
        self.session.dirty = True
        self.session.keep_recovery_copy(self.form.content(self.editor.toPlainText()))
        self._autosave.start()
        self.preview.schedule()

    def save(self) -> bool:
        session = self.session
        if session is None or not session.dirty or session.read_only:
            return True
        content = self.form.content(self.editor.toPlainText())
        if self.offline:
            session.keep_recovery_copy(content, now=True)  # try_server_again saves it
            return False
        try:
            session.save(content, self.form.co_editors.text())
        except (StaleSave, LockLost) as conflict:
            self._conflict(conflict)
            return False
        except ServerUnreachable as error:
            session.keep_recovery_copy(content, now=True)
            self.went_offline(error)
            return False
        except NewsdeskError as error:
            self.refuse(error)
            return False
        self.statusBar().showMessage(self.tr("Saved"), 2000)
        self._refresh_details()
        # Co-editors and the original flag change the credits and notice under the preview.
        self._ending = self.workspace.exports.preview_inputs(session.article_id).ending
        self.preview.schedule()
        return True

    def _conflict(self, conflict: StaleSave | LockLost) -> None:
        """Someone else's newer text stays; ours is already a revision. Show the newer one,
        say so plainly, and offer both side by side."""
        session = self.session
        assert session is not None
        mine = conflict.fields.get("revision_id")
        session.reload()
        self._show_article(session)
        self.conflict_revision = mine if isinstance(mine, int) else None
        self.conflict_text.setText(conflict.message(i18n.current()))
        self.conflict_bar.show()

    def compare_conflict(self) -> None:
        self.show_changes(self.conflict_revision)

    def save_recovery_copy(self) -> None:
        if self.session is not None and not self.session.read_only:
            self.session.keep_recovery_copy(self.form.content(self.editor.toPlainText()), now=True)

    def restore_recovery(self) -> None:
        if self.session is None:
            return
        text = self.session.recovered_text()
        self.recovery_bar.hide()
        if text is not None:
            self.editor.setPlainText(text)  # marks dirty and autosaves

    def discard_recovery(self) -> None:
        if self.session is not None:
            self.session.drop_recovery_copy()
        self.recovery_bar.hide()

    def _leave_current(self) -> bool:
        if self.session is None:
            return True
        if not self.save():
            return False
        self.session.close()
        self.session = None
        return True

    def new_article(self) -> None:
        if not self._leave_current():
            return
        try:
            self.session = ArticleSession.create(self.workspace, self.user)
        except NewsdeskError as error:
            self.refuse(error)
            return
        self.tasks.refresh()
        self._show_article(self.session)
        self.form.title_edit.setFocus()

    # --- the chain ---------------------------------------------------------------------------

    def run_chain(self, action: Action) -> None:
        session = self.session
        if session is None or not self.save():
            return
        arts, article_id = self.workspace.articles, session.article_id
        try:
            if action in (Action.RETURN, Action.REOPEN, Action.SPIKE):
                reason = self._ask(
                    self.chain_actions[action].text().rstrip("…"),
                    self.tr("Reason (the editors will see it):"),
                    multiline=True,
                )
                if reason is None:
                    return
                {Action.RETURN: arts.return_, Action.REOPEN: arts.reopen, Action.SPIKE: arts.spike}[
                    action
                ](self.user, article_id, reason)
            elif action is Action.PUBLISH:
                url = self._ask(
                    self.tr("Mark published"),
                    self.tr("The article's address on WeChat (https://mp.weixin.qq.com/…):"),
                    multiline=False,
                )
                if url is None:
                    return
                arts.publish(self.user, article_id, url)
            else:
                {Action.SUBMIT: arts.submit, Action.APPROVE: arts.approve, Action.SIGN: arts.sign}[
                    action
                ](self.user, article_id)
        except NewsdeskError as error:
            self.refuse(error)
            return
        self.statusBar().showMessage(
            self.tr("Done: {0}").format(self.chain_actions[action].text().rstrip("…")), 4000
        )
        session.reload()
        self._show_article(session)
        self.tasks.refresh()

    def _ask(self, title: str, prompt: str, *, multiline: bool) -> str | None:
        dialog = TextDialog(title, prompt, multiline=multiline, parent=self)
        return dialog.value() if dialog.exec() else None

    def _refresh_details(self) -> None:
        session = self.session
        if session is None:
            return
        details = self.workspace.articles.details(session.article_id)
        self.review.show_details(details)
        self.review.show_findings(self.workspace.articles.findings(details.article.content))
        self._refresh_actions()

    def _refresh_actions(self) -> None:
        session = self.session
        allowed = (
            self.workspace.articles.permitted(self.user, session.article_id) if session else {}
        )
        no_article = self.tr("Open an article first")
        for action, qaction in (
            *self.chain_actions.items(),
            (Action.EXPORT, self.actionCopyForWeChat),
            (Action.EXPORT, self.actionExportHtml),
        ):
            refusal = allowed.get(action, None) if session else None
            ok = session is not None and refusal is None
            qaction.setEnabled(ok)
            qaction.setToolTip(
                "" if ok else (refusal.message(i18n.current()) if refusal else no_article)
            )
        self.actionSave.setEnabled(session is not None and not session.read_only)
        self.state_label.setText(self.review.state.text() if session else "")

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
            self._show_article(self.session)

    # --- preview, words, findings -------------------------------------------------------------

    def _preview_source(self) -> tuple[str, dict[str, bytes], Ending | None]:
        body = self.editor.toPlainText()
        # Pictures not fetched yet show as placeholders while the server is away.
        with contextlib.suppress(ServerUnreachable):
            self.workspace.exports.pictures_for(body, self.pictures)
        return body, self.pictures, self._ending

    def _rendered(self, result: Rendered, count: int, ms: float) -> None:
        minutes = max(1, round(count / 400))
        self.words.setText(self.tr("Characters: {0} · about {1} min read").format(count, minutes))
        log.debug("preview rendered in %.1f ms", ms)
        if self.session is not None:
            content = self.form.content(self.editor.toPlainText())
            try:  # word lists and proofreading lists live in the store
                checks = self.workspace.articles.findings(content)
                marks = [
                    Mark(f.start, f.end) for f in checks if f.field == "body" and f.end > f.start
                ]
                self.proofing.check(content, marks)
            except ServerUnreachable as error:
                self.went_offline(error)
                return
            self.review.show_findings(checks)

    def _scrolled(self, value: int) -> None:
        bar = self.editor.verticalScrollBar()
        self.preview.follow(value / bar.maximum() if bar.maximum() else 0.0)

    def _go_to_finding(self, finding: object) -> None:
        if isinstance(finding, Finding) and finding.field == "body":
            cursor = self.editor.textCursor()
            cursor.setPosition(finding.start)
            cursor.setPosition(finding.end, QTextCursor.MoveMode.KeepAnchor)
            self.editor.setTextCursor(cursor)
            self.editor.setFocus()
        elif isinstance(finding, Finding) and finding.field == "title":
            self.form.title_edit.setFocus()

    def show_changes(self, revision_id: int | None = None) -> DiffDialog | None:
        """Side-by-side changes; by default since this user last signed (REVIEW.md rule 4)."""
        if self.session is None:
            return None
        arts = self.workspace.articles
        details = arts.details(self.session.article_id)
        if revision_id is None:
            baseline = arts.baseline(self.user, self.session.article_id)
            revision_id = baseline.id if baseline else None
        revisions = {}
        for revision in details.revisions:
            content = arts.revision(revision.id).content
            if content is not None:
                revisions[revision.id] = content
        current = self.form.content(self.editor.toPlainText())
        from newsdesk.ui.diff_dialog import DiffDialog

        dialog = DiffDialog(details, current, revisions, revision_id, self)
        dialog.setModal(False)
        dialog.show()
        return dialog

    # --- window ------------------------------------------------------------------------------

    def choose_database(self) -> ConnectionDialog:
        """This PC's workspace (its file or the newsroom's server), used from the next sign-in."""
        dialog = ConnectionDialog(connection.saved_target(), self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(
            lambda: self.statusBar().showMessage(
                self.tr("Saved: {0}. It is used from the next sign-in.").format(
                    connection.describe(dialog.target)
                ),
                10_000,
            )
        )
        dialog.open()
        return dialog

    def set_color_scheme(self, scheme: str) -> None:
        QSettings().setValue("ui/colorScheme", scheme)
        i18n.apply_color_scheme(scheme)

    def set_language(self, code: str) -> None:
        QSettings().setValue("ui/language", code)
        QMessageBox.information(
            self,
            "Newsdesk",
            "界面语言将在下次启动时切换。\nThe language changes the next time Newsdesk starts.",
        )

    def push(self) -> PushDialog | None:
        """推送到公众号: the open article preselected when it is signed."""
        session = self.session
        if session is not None and not self.save():
            return None
        chosen = [session.article_id] if session and session.state is State.APPROVED else []
        target = wechat_link.reopen_target(self.workspace.repo)
        from newsdesk.ui.push_dialog import PushDialog

        dialog = PushDialog(self.workspace, self.user, target, wechat_link.connect, chosen, self)
        dialog.setModal(False)
        dialog.show()
        return dialog

    def administer(self) -> AdminDialog:
        from newsdesk.ui.admin_dialog import AdminDialog

        dialog = AdminDialog(self.workspace, self.user, self)
        dialog.restored.connect(self._after_restore)
        dialog.setModal(False)
        dialog.show()
        return dialog

    def _after_restore(self) -> None:
        """Everything on screen may be gone or different now: start from the task list."""
        if self.session is not None:
            self.session.dirty = False
            self.session = None
        self._show_article(None)
        self.tasks.refresh()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Newsdesk"),
            self.tr(
                "<b>稿件工作站 Newsdesk</b> {0}<br>Editorial workstation for county newsrooms.<br>Log folder: {1}"
            ).format(__version__, paths.log_dir()),
        )

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 860)
        state = settings.value("window/splitter")
        if state is not None:
            self.splitter.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._leave_current() and not self._close_offline():
            event.ignore()
            return
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        # A closed window asks nothing more of the store, which its owner may now close.
        for timer in (self._autosave, self._heartbeat, self._watch, self._retry):
            timer.stop()
        if self.tray is not None:
            self.tray.hide()
        self.planning.close()
        self.preview.wait(3000)
        super().closeEvent(event)
