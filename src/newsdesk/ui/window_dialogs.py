"""What the main window opens for the user (dialogs, questions, notices): kept beside the window
so its own file stays about wiring. Each takes the window it acts for."""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from newsdesk import __version__
from newsdesk.core.articles import ArticleDetails
from newsdesk.core.checks import Finding
from newsdesk.core.errors import NewsdeskError
from newsdesk.core.models import ArticleContent, ArticleSummary, State
from newsdesk.core.workspace import Workspace
from newsdesk.ui import connection, i18n, paths, wechat_link
from newsdesk.ui.connection import ConnectionDialog

if TYPE_CHECKING:
    from newsdesk.ui.admin_dialog import AdminDialog
    from newsdesk.ui.diff_dialog import DiffDialog
    from newsdesk.ui.main_window import MainWindow
    from newsdesk.ui.push_dialog import PushDialog

log = logging.getLogger("newsdesk")
Revisions = tuple[ArticleDetails, dict[int, ArticleContent], int | None]


def show_changes(w: MainWindow, revision_id: int | None = None) -> DiffDialog | None:
    """Side-by-side changes; by default since this user last signed (REVIEW.md rule 4). The
    revisions are read by the window's runner: on a file on this PC the dialog is returned, in
    team mode it opens when the worker answers (None here), unless another article is open by
    then or the changes were asked for again."""
    session = w.session
    if session is None:
        return None
    user, article_id = w.user, session.article_id
    shown: list[DiffDialog] = []

    def job(ws: Workspace) -> Revisions:
        arts = ws.articles
        details = arts.details(article_id)
        chosen = revision_id
        if chosen is None:
            baseline = arts.baseline(user, article_id)
            chosen = baseline.id if baseline else None
        revisions = {}
        for revision in details.revisions:
            content = arts.revision(revision.id).content
            if content is not None:
                revisions[revision.id] = content
        return details, revisions, chosen

    def done(answer: Revisions) -> None:
        if w.session is None or w.session.article_id != article_id:
            return
        details, revisions, chosen = answer
        current = w.form.content(w.editor_markdown())
        from newsdesk.ui.diff_dialog import DiffDialog

        dialog = DiffDialog(details, current, revisions, chosen, w)
        dialog.setModal(False)
        dialog.show()
        shown.append(dialog)

    w.controller.run(job, done, partial(_refuse, w), "changes")
    return shown[0] if shown else None


def _refuse(w: MainWindow, error: Exception) -> None:
    """What the user asked for could not be done: said as the window says it (a dead server:
    the banner, not a dialog)."""
    if isinstance(error, NewsdeskError):
        w.refuse(error)
    else:
        log.error("store work for the window failed", exc_info=error)


def choose_database(w: MainWindow) -> ConnectionDialog:
    """This PC's workspace (its file or the newsroom's server), used from the next sign-in."""
    dialog = ConnectionDialog(connection.saved_target(), w)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.accepted.connect(
        lambda: w.statusBar().showMessage(
            w.tr("Saved: {0}. It is used from the next sign-in.").format(
                connection.describe(dialog.target)
            ),
            10_000,
        )
    )
    dialog.open()
    return dialog


def set_color_scheme(w: MainWindow, scheme: str) -> None:
    QSettings().setValue("ui/colorScheme", scheme)
    i18n.apply_color_scheme(scheme)
    w.modes.restyle()


def set_language(w: MainWindow, code: str) -> None:
    QSettings().setValue("ui/language", code)
    QMessageBox.information(
        w,
        "Newsdesk",
        "界面语言将在下次启动时切换。\nThe language changes the next time Newsdesk starts.",
    )


def push(w: MainWindow) -> PushDialog | None:
    """推送到公众号: the open article preselected when it is signed."""
    session = w.session
    if session is not None and not w.save():
        return None
    chosen = [session.article_id] if session and session.state is State.APPROVED else []
    target = wechat_link.reopen_target(w.workspace.repo)
    from newsdesk.ui.push_dialog import PushDialog

    dialog = PushDialog(w.workspace, w.user, target, wechat_link.connect, chosen, w)
    dialog.setModal(False)
    dialog.show()
    return dialog


def administer(w: MainWindow) -> AdminDialog:
    from newsdesk.ui.admin_dialog import AdminDialog

    dialog = AdminDialog(w.workspace, w.user, w)
    dialog.restored.connect(w._after_restore)
    dialog.setModal(False)
    dialog.show()
    return dialog


def about(w: MainWindow) -> None:
    QMessageBox.about(
        w,
        w.tr("About Newsdesk"),
        w.tr(
            "<b>稿件工作站 Newsdesk</b> {0}<br>Editorial workstation for county newsrooms.<br>Log folder: {1}"
        ).format(__version__, paths.log_dir()),
    )


def announce_tasks(w: MainWindow, tasks: list[ArticleSummary]) -> None:
    """Work someone else sent this person's way: said in the status bar, in the tray where
    there is one, and by the taskbar button when the window is behind others."""
    untitled = w.tr("(untitled)")
    titles = "、".join(f"《{t.title or untitled}》" for t in tasks[:3])
    if len(tasks) > 3:
        titles += w.tr(" and {0} more").format(len(tasks) - 3)
    text = w.tr("New in My tasks: {0}").format(titles)
    w.say(text, 15_000)
    QApplication.alert(w)
    if w.tray is not None:
        w.tray.showMessage(w.tr("Newsdesk"), text)


def close_offline(w: MainWindow) -> bool:
    """With the server away, closing keeps the text in the recovery copy, offered again
    the next time this article is opened; the user decides."""
    if not w.offline:
        return False
    w.save_recovery_copy()
    answer = QMessageBox.question(
        w,
        w.tr("Server unreachable"),
        w.tr(
            "The database server does not answer, so the latest text is not saved there yet."
            " It is kept on this PC and offered again when you next open the article."
            " Close anyway?"
        ),
    )
    return answer == QMessageBox.StandardButton.Yes


def go_to_finding(w: MainWindow, finding: object) -> None:
    """A check's finding chosen in the review panel: its words selected where they are."""
    if isinstance(finding, Finding) and finding.field == "body" and w.modes.visual_on:
        w.visual.select_span(finding.start, finding.end)
        w.visual.setFocus()
    elif isinstance(finding, Finding) and finding.field == "body":
        cursor = w.editor.textCursor()
        cursor.setPosition(finding.start)
        cursor.setPosition(finding.end, QTextCursor.MoveMode.KeepAnchor)
        w.editor.setTextCursor(cursor)
        w.editor.setFocus()
    elif isinstance(finding, Finding) and finding.field == "title":
        w.form.title_edit.setFocus()
