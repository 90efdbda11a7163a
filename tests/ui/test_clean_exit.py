"""Quitting is clean however the windows were left: every web page goes before its profile.

Each case runs in a process of its own, as the crash came at interpreter exit, after the tests
had passed (exit 139 right after "Release of profile requested but WebEnginePage still not
deleted"). No fixture of this suite closes anything for them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import PASSWORD

PYTEST_MODULE = """
    import os
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6 import QtWebEngineWidgets  # noqa: F401
    from newsdesk.ui.app import create_main_window

    def test_a_window_left_to_pytest_qt(qtbot):
        window = create_main_window(os.environ["DB"], "ma", os.environ["PW"])
        qtbot.addWidget(window)  # closed and deleteLater()-ed, but no event loop runs after
        window.show()
        window.preview.render_now()
        qtbot.waitUntil(lambda: window.preview.html != "", timeout=10_000)

    def test_a_window_nobody_closes(qtbot):
        window = create_main_window(os.environ["DB"], "ma", os.environ["PW"])
        window.show()
        globals()["kept"] = window
"""
SCRIPT = """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6 import QtWebEngineWidgets  # noqa: F401
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from newsdesk.ui.app import create_main_window

    app = QApplication(sys.argv[:1])
    closed = create_main_window(os.environ["DB"], "ma", os.environ["PW"])
    closed.show()
    left_open = create_main_window(os.environ["DB"], "ma", os.environ["PW"])
    left_open.show()
    left_open.preview.render_now()
    QTimer.singleShot(1500, closed.close)  # closed, never deleted
    QTimer.singleShot(2000, app.quit)
    app.exec()
    sys.exit(0)
"""


def _run(command: list[str], folder: Path, db_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox --disable-gpu",
        DB=str(db_path),
        PW=PASSWORD,
    )
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=folder, timeout=120)


def _assert_clean(done: subprocess.CompletedProcess[str]) -> None:
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-3000:]
    assert "Release of profile requested" not in output, output[-3000:]
    assert "Traceback" not in output, output[-3000:]


def test_a_pytest_qt_process_that_leaves_windows_open_exits_cleanly(
    db_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "suite"
    folder.mkdir()
    (folder / "test_windows.py").write_text(textwrap.dedent(PYTEST_MODULE), encoding="utf-8")
    done = _run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], folder, db_path)
    assert "2 passed" in done.stdout, done.stdout[-3000:]
    _assert_clean(done)


def test_a_script_that_quits_with_windows_closed_or_open_exits_cleanly(
    db_path: Path, tmp_path: Path
) -> None:
    (tmp_path / "script.py").write_text(textwrap.dedent(SCRIPT), encoding="utf-8")
    _assert_clean(_run([sys.executable, "script.py"], tmp_path, db_path))


COPYING_MODULE = """
    import os
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6 import QtWebEngineWidgets  # noqa: F401
    from PySide6.QtGui import QGuiApplication
    from newsdesk.ui.app import create_main_window

    def test_copy_for_wechat(qtbot):
        window = create_main_window(os.environ["DB"], "sang", os.environ["PW"])
        qtbot.addWidget(window)
        window.show()
        window.open_article(int(os.environ["ARTICLE"]))
        window.files.copy_for_wechat()
        assert QGuiApplication.clipboard().mimeData().hasHtml()
"""


def test_a_pytest_qt_process_that_copied_for_wechat_exits_cleanly(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pytest-qt never emits aboutToQuit: the clipboard's mime data must go at exit anyway."""
    from newsdesk.core.models import ArticleContent
    from newsdesk.core.workspace import Workspace
    from newsdesk.store.sqlite_store import SqliteStore

    store = SqliteStore(db_path)
    ws = Workspace(store)
    ma, feng, sang = (ws.users.sign_in(u, PASSWORD) for u in ("ma", "feng", "sang"))
    article_id = ws.articles.create(ma, ArticleContent("复制测试", "县里召开会议。\n"))
    ws.articles.submit(ma, article_id)
    ws.articles.approve(feng, article_id)
    ws.articles.sign(sang, article_id)
    store.close()
    folder = tmp_path / "suite"
    folder.mkdir()
    (folder / "test_copy.py").write_text(textwrap.dedent(COPYING_MODULE), encoding="utf-8")
    monkeypatch.setenv("ARTICLE", str(article_id))
    done = _run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], folder, db_path)
    assert "1 passed" in done.stdout, done.stdout[-3000:]
    _assert_clean(done)
