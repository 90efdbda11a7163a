"""Start-up: the QApplication, translations, logging, the crash hook, sign-in, the main window.

Nothing here runs at import time; `run()` is what `newsdesk gui` calls and
`create_main_window()` is the seam tests use (with a QApplication they made).
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
import traceback
from functools import partial
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from newsdesk import __version__
from newsdesk.core.errors import NewsdeskError, ServerUnreachable
from newsdesk.core.models import User
from newsdesk.core.workspace import Workspace
from newsdesk.store import default_database_path, is_server, open_repository
from newsdesk.ui import connection, i18n, paths, startup
from newsdesk.ui.clipboard import release_clipboard
from newsdesk.ui.dialogs import FirstRunDialog, SignInDialog
from newsdesk.ui.main_window import MainWindow
from newsdesk.ui.startup import open_or_recover
from newsdesk.ui.wechat_link import connect

log = logging.getLogger("newsdesk")
DEMO_PASSWORD = "newsdesk-demo"


def _environment() -> None:
    # QtWebEngine refuses to start as root without these (CI and some kiosk PCs run as root).
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        if "--no-sandbox" not in flags:
            os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = f"{flags} --no-sandbox".strip()
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)


def configure(app: QApplication) -> None:
    """Names, icon, language and logging for an application someone else created (tests)."""
    QCoreApplication.setOrganizationName("newsdesk")
    QCoreApplication.setApplicationName("newsdesk")
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setApplicationDisplayName("稿件工作站 Newsdesk")
    app.setWindowIcon(QIcon(str(paths.resource("icons", "newsdesk.svg"))))
    settings = QSettings()
    i18n.install(app, i18n.chosen_language(settings))
    i18n.apply_color_scheme(str(settings.value("ui/colorScheme", "system")))
    paths.setup_logging()
    app.aboutToQuit.connect(release_clipboard)


def _excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """Log, save what can be saved, and say so calmly: never a traceback in the user's face."""
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    if isinstance(error, ServerUnreachable) and windows:
        # Not unexpected in team mode: the windows' banner says it and retries, typing goes on.
        for window in windows:
            window.went_offline(error)
        return
    log.error("unexpected error", exc_info=(kind, error, tb))
    for window in windows:
        window.save_recovery_copy()
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("app", "Something went wrong"))
    box.setText(
        QCoreApplication.translate(
            "app",
            "Newsdesk hit an unexpected problem. Your text has been kept and will be offered "
            "again the next time you open the article.",
        )
    )
    box.setDetailedText("".join(traceback.format_exception(kind, error, tb))[-4000:])
    box.setInformativeText(
        QCoreApplication.translate("app", "Details are in the log folder: {0}").format(
            paths.log_dir()
        )
    )
    box.exec()


def create_main_window(db_path: str | Path, username: str, password: str) -> MainWindow:
    """Sign in and return the main window (shown by the caller). A QApplication must exist."""
    app = QApplication.instance()
    assert isinstance(app, QApplication), "create a QApplication first"
    configure(app)
    workspace = Workspace(open_repository(str(db_path), create=False), connect=connect)
    user = workspace.users.sign_in(username, password)
    return MainWindow(workspace, user)


def _ask_restore(why: str, backup: Path) -> bool:
    answer = QMessageBox.question(
        None,
        QCoreApplication.translate("app", "The database cannot be used"),
        QCoreApplication.translate(
            "app",
            "The database cannot be opened: {0}\n\nRestore the newest good backup ({1})? "
            "The damaged file is kept beside it.",
        ).format(why, backup.name),
    )
    return answer == QMessageBox.StandardButton.Yes


def _open_workspace(target: str | None, demo: bool) -> tuple[Workspace, str]:
    if demo:
        from newsdesk.core.demo import build_demo

        folder = Path(tempfile.mkdtemp(prefix="newsdesk-demo-"))
        workspace = Workspace(
            open_repository(str(folder / "demo.db"), create=True), connect=connect
        )
        build_demo(workspace, password=DEMO_PASSWORD)
        return workspace, str(folder / "demo.db")
    path = target or str(default_database_path())
    if is_server(path):
        return Workspace(open_repository(path, create=True), connect=connect), path
    Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
    store = open_or_recover(Path(path).expanduser(), create=True, ask=_ask_restore)
    return Workspace(store, connect=connect), path  # its start backup waits for the window


def _sign_in(
    target: str | None, demo: bool, user: str | None, smoke_password: str | None
) -> tuple[Workspace, User] | int:
    """Open the workspace and sign in: the workspace and user, or the exit code. Where this
    PC's own choice decides the workspace, the user may change it here and start again."""
    chosen_here = target is None and not demo and not os.environ.get("NEWSDESK_DB")
    while True:
        where = target or os.environ.get("NEWSDESK_DB") or connection.saved_target()
        try:
            workspace, opened = _open_workspace(where, demo)
        except NewsdeskError as error:
            if chosen_here and smoke_password is None:
                if _ask_other_database(error):  # it showed the error itself
                    continue
                return 1
            QMessageBox.critical(None, "Newsdesk", error.message(i18n.current()))
            return 1
        log.info("started %s on %s", __version__, connection.describe(opened))
        # The first window checks the open article's proofreading: its rules compile meanwhile.
        workspace.proofreading.build_ahead()
        if workspace.users.count() == 0:
            first = FirstRunDialog(workspace)
            if first.exec() != QDialog.DialogCode.Accepted:
                return 0
        if smoke_password is not None and user:
            try:
                return workspace, workspace.users.sign_in(user, smoke_password)
            except NewsdeskError as error:
                print(f"newsdesk: {error.message(i18n.current())}", file=sys.stderr)
                return 1
        sign_in = SignInDialog(
            workspace,
            demo_password=DEMO_PASSWORD if demo else None,
            username=user,
            where=connection.describe(opened) if chosen_here else None,
        )
        outcome = sign_in.exec()
        if outcome == SignInDialog.CHANGE_DATABASE:
            workspace.repo.close()
            continue
        if outcome != QDialog.DialogCode.Accepted or sign_in.user is None:
            return 0
        return workspace, sign_in.user


def _ask_other_database(error: NewsdeskError) -> bool:
    """The workspace would not open: offer to choose another (say, the server's new address)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Newsdesk", error.message(i18n.current()))
    change = box.addButton(
        QCoreApplication.translate("app", "Change database…"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is not change:
        return False
    dialog = connection.ConnectionDialog(connection.saved_target())
    return dialog.exec() == QDialog.DialogCode.Accepted


def _smoke(app: QApplication, window: MainWindow, started: float) -> None:
    """Open the newest article, wait for its preview to load, report, quit."""
    newest = window.workspace.articles.queue(limit=1)
    if newest:
        window.open_article(newest[0].id)
    else:
        window.preview.render_now()  # an empty workspace still shows the (empty) preview

    def loaded(ok: bool) -> None:
        print(f"newsdesk: window and preview ready in {time.perf_counter() - started:.2f} s")
        print(f"newsdesk: interface {i18n.current()}, {i18n.installed()} translation catalogues")
        QTimer.singleShot(0, app.quit)

    window.preview.view.loadFinished.connect(loaded)
    QTimer.singleShot(20_000, app.quit)  # never hang an installer check


def run(
    target: str | None = None,
    *,
    demo: bool = False,
    user: str | None = None,
    smoke_password: str | None = None,
) -> int:
    started = time.perf_counter()
    _environment()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure(app)
    sys.excepthook = _excepthook
    signed = _sign_in(target, demo, user, smoke_password)
    if isinstance(signed, int):
        return signed
    workspace, signed_in = signed
    window = MainWindow(workspace, signed_in)
    window.show()
    if not demo and workspace.repo.location.local:
        store = workspace.repo
        # The start backup (unless one is under an hour old) once the window is up and its
        # preview loaded, or a moment after: copying a big database takes a while.
        start_backup = startup.Once(partial(startup.backup_now_and_then, store))
        window.preview.live.updated.connect(lambda: QTimer.singleShot(0, window, start_backup))
        QTimer.singleShot(startup.START_BACKUP_MS, window, start_backup)
        daily = QTimer(window, interval=3_600_000)  # each hour: a backup if the last is a day old
        daily.timeout.connect(partial(startup.backup_now_and_then, store, daily=True))
        daily.start()
    if smoke_password is not None:
        _smoke(app, window, started)
    code = int(app.exec())
    # Pages before the application: QtWebEngine crashes at exit if its profile outlives them.
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return code
