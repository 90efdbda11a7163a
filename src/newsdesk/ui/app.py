"""Start-up: the QApplication, translations, logging, the crash hook, sign-in, the main window.

Nothing here runs at import time; `run()` is what `newsdesk gui` calls and
`create_main_window()` is the seam tests use (with a QApplication they made).
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from newsdesk import __version__
from newsdesk.core.errors import NewsdeskError
from newsdesk.core.workspace import Workspace
from newsdesk.store import default_database_path
from newsdesk.store.target import open_repository
from newsdesk.ui import i18n, paths
from newsdesk.ui.dialogs import FirstRunDialog, SignInDialog
from newsdesk.ui.main_window import MainWindow

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
    i18n.install(app, i18n.chosen_language(QSettings()))
    paths.setup_logging()


def _excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """Log, save what can be saved, and say so calmly: never a traceback in the user's face."""
    log.error("unexpected error", exc_info=(kind, error, tb))
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.save_recovery_copy()
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
    workspace = Workspace(open_repository(str(db_path), create=False))
    user = workspace.users.sign_in(username, password)
    return MainWindow(workspace, user)


def _open_workspace(target: str | None, demo: bool) -> tuple[Workspace, str]:
    if demo:
        from newsdesk.core.demo import build_demo

        folder = Path(tempfile.mkdtemp(prefix="newsdesk-demo-"))
        workspace = Workspace(open_repository(str(folder / "demo.db"), create=True))
        build_demo(workspace, password=DEMO_PASSWORD)
        return workspace, str(folder / "demo.db")
    path = target or os.environ.get("NEWSDESK_DB") or str(default_database_path())
    return Workspace(open_repository(path, create=True)), path


def run(target: str | None = None, *, demo: bool = False, user: str | None = None) -> int:
    _environment()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure(app)
    sys.excepthook = _excepthook
    try:
        workspace, where = _open_workspace(target, demo)
    except NewsdeskError as error:
        QMessageBox.critical(None, "Newsdesk", error.message(i18n.current()))
        return 1
    log.info("started %s on %s", __version__, where)
    if workspace.users.count() == 0:
        first = FirstRunDialog(workspace)
        if first.exec() != QDialog.DialogCode.Accepted:
            return 0
    sign_in = SignInDialog(workspace, demo_password=DEMO_PASSWORD if demo else None, username=user)
    if sign_in.exec() != QDialog.DialogCode.Accepted or sign_in.user is None:
        return 0
    window = MainWindow(workspace, sign_in.user)
    window.show()
    return int(app.exec())
