"""The main window's life in team mode: other PCs change the workspace (lists, counts, the open
article, locks lifting) and the database server may go away for a while. A part of MainWindow
of its own, so the window's file stays about wiring."""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QSystemTrayIcon

from newsdesk.core.errors import NewsdeskError, ServerUnreachable
from newsdesk.core.models import ArticleSummary, User
from newsdesk.core.workspace import Workspace
from newsdesk.ui import i18n, wechat_link
from newsdesk.ui.article_session import ArticleSession
from newsdesk.ui.background import Background
from newsdesk.ui.task_panel import TaskPanel

log = logging.getLogger("newsdesk")


class TeamMode(QMainWindow):
    """Follows other PCs and a server that goes away; mixed into MainWindow."""

    workspace: Workspace
    user: User
    session: ArticleSession | None
    tasks: TaskPanel
    offline_banner: QLabel
    tray: QSystemTrayIcon | None
    _marker: tuple[int, int, int, str]
    _retry: QTimer
    _probe: Background | None = None

    def save(self) -> bool:
        raise NotImplementedError

    def save_recovery_copy(self) -> None:
        raise NotImplementedError

    def _show_article(self, session: ArticleSession | None) -> None:
        raise NotImplementedError

    @property
    def offline(self) -> bool:
        """The database server stopped answering and has not answered since."""
        return not self.offline_banner.isHidden()

    def follow_changes(self) -> bool:
        """Show what others changed: counts and lists, and the open article if untouched here.
        Returns whether anything had changed."""
        if self.offline:
            return False  # try_server_again is on it
        try:
            marker = self.workspace.repo.change_marker()
            if marker == self._marker:
                return False
            self._marker = marker
            self.tasks.refresh(announce=True)
            session = self.session
            if session is None or session.dirty:
                return True  # a save from here meets whatever changed, as a stale save
            current = self.workspace.articles.get(session.article_id)
            unlocked = session.foreign_lock is not None and (
                self.workspace.locks.holder(session.article_id) is None
            )
            if unlocked or (current.version, current.state) != (session.version, session.state):
                session.reload()
                self._show_article(session)
                self.statusBar().showMessage(
                    self.tr("Updated: someone else changed this article"), 5000
                )
        except ServerUnreachable as error:
            self.went_offline(error)
            return False
        return True

    def _come_forward(self) -> None:
        self.showNormal()
        self.activateWindow()

    def announce_tasks(self, tasks: list[ArticleSummary]) -> None:
        """Work someone else sent this person's way: said in the status bar, in the tray where
        there is one, and by the taskbar button when the window is behind others."""
        untitled = self.tr("(untitled)")
        titles = "、".join(f"《{t.title or untitled}》" for t in tasks[:3])
        if len(tasks) > 3:
            titles += self.tr(" and {0} more").format(len(tasks) - 3)
        text = self.tr("New in My tasks: {0}").format(titles)
        self.statusBar().showMessage(text, 15_000)
        QApplication.alert(self)
        if self.tray is not None:
            self.tray.showMessage(self.tr("Newsdesk"), text)

    def went_offline(self, error: ServerUnreachable) -> None:
        if self.offline_banner.isHidden():
            log.warning("%s", error.message("en"))
        # Plain words in the bar; the server's own message, for whoever fixes it, on hover.
        self.offline_banner.setText(
            self.tr(
                "The database server is not answering. What you type stays on this PC and is"
                " saved as soon as the server answers; trying again every few seconds."
            )
        )
        self.offline_banner.setToolTip(error.message(i18n.current()))
        self.offline_banner.show()
        self._retry.start()

    def probe_server(self) -> None:
        """The retry timer's turn: the server is asked from a worker thread with a connection
        of its own, so a link still dead costs the window nothing (it would hold it for the
        whole deadline at every retry); only an answer brings the saving back here."""
        if self._probe is None:
            self._probe = Background(
                wechat_link.reopen_target(self.workspace.repo), wechat_link.connect, self
            )
            self._probe.finished.connect(self._probe_answered)
            self._probe.failed.connect(self._probe_failed)
        if not self._probe.busy():
            self._probe.start(lambda workspace, _progress: workspace.repo.change_marker())

    def _probe_answered(self, _marker: object) -> None:
        try_again = getattr(self.workspace.repo, "try_again", None)  # a server's store only
        if try_again is not None:
            try_again()
        if self.offline:
            self.try_server_again()

    def _probe_failed(self, error: object) -> None:
        if isinstance(error, ServerUnreachable) and self.offline:
            self.went_offline(error)  # the newest reason, on hover

    def try_server_again(self) -> bool:
        """Returns whether the server answered (and what was waiting got saved)."""
        try:
            self.workspace.repo.change_marker()
        except ServerUnreachable as error:
            self.went_offline(error)  # the reason may have changed, say the newest
            return False
        self._retry.stop()
        self.offline_banner.hide()
        self.statusBar().showMessage(self.tr("The server answers again"), 5000)
        if self.save():
            self.follow_changes()
        return not self.offline

    def _close_offline(self) -> bool:
        """With the server away, closing keeps the text in the recovery copy, offered again
        the next time this article is opened; the user decides."""
        if not self.offline:
            return False
        self.save_recovery_copy()
        answer = QMessageBox.question(
            self,
            self.tr("Server unreachable"),
            self.tr(
                "The database server does not answer, so the latest text is not saved there yet."
                " It is kept on this PC and offered again when you next open the article."
                " Close anyway?"
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _beat(self) -> None:
        if self.session is None or self.offline:
            return
        try:
            self.session.heartbeat()
        except ServerUnreachable as error:
            self.went_offline(error)
        except NewsdeskError as error:  # a lost lock shows at the next save, with the text kept
            log.warning("heartbeat: %s", error.message("en"))
