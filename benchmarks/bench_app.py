"""Desktop app benchmark (offscreen): start-up, keystroke to preview, memory.

    python benchmarks/bench_app.py [--runs 5]

Prints: process start to a signed-in window with its preview loaded, against a bare PySide6
window holding one QWebEngineView (the floor for this stack); time from a keystroke in the
middle of a 10,000-character article to the preview showing it (the debounce, the render on the
worker, the changed blocks replaced in the page); resident memory of the app with that article open (its own process plus QtWebEngine's).
Targets (issue 14): keystroke to preview ≤ 150 ms including the debounce; start ≤ 2.5× the bare window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENV = {
    **os.environ,
    "QT_QPA_PLATFORM": "offscreen",
    "QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox --disable-gpu",
    "NEWSDESK_PASSWORD": "bench-pass-1",
}
BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtWebEngineWidgets import QWebEngineView
app = QApplication(sys.argv)
window = QMainWindow(); view = QWebEngineView(); window.setCentralWidget(view); window.show()
view.loadFinished.connect(lambda ok: app.quit())
view.setHtml("<p>你好</p>")
app.exec()
"""


def _wall(command: list[str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=ENV, check=True, capture_output=True, timeout=120)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                children.append(int(entry.name))
    return children + [d for c in children for d in _descendants(c)]


def in_process(db: str, article_id: int) -> None:
    os.environ.update(ENV)
    from PySide6 import QtWebEngineWidgets  # noqa: F401
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])  # noqa: F841  (alive until the process ends)
    from newsdesk.ui.app import create_main_window

    window = create_main_window(db, "ma", ENV["NEWSDESK_PASSWORD"])
    window.show()
    window.open_article(article_id)
    window.preview.wait()
    from newsdesk.ui.preview import DEBOUNCE_MS

    preview = window.preview
    updated: list[float] = []
    rendered: list[float] = []
    preview.live.updated.connect(lambda: updated.append(time.perf_counter()))
    preview.rendered.connect(lambda _r, _c, ms: rendered.append(ms))
    waiting = QEventLoop()  # idle while waiting: a busy loop would hold the GIL from the worker
    preview.live.updated.connect(waiting.quit)
    QTimer.singleShot(20_000, waiting.quit)
    if not updated:
        waiting.exec()  # the first, whole-page load
    reloads = preview.live.reloads
    times: list[float] = []
    render_ms: list[float] = []
    for i in range(14):
        # A keystroke in the middle of the article, as a writer revises it.
        cursor = window.editor.textCursor()
        cursor.setPosition(len(window.editor.toPlainText()) // 2)
        window.editor.setTextCursor(cursor)
        updated.clear()
        rendered.clear()
        start = time.perf_counter()
        window.editor.insertPlainText("改")  # textChanged starts the debounce, as typing does
        QTimer.singleShot(10_000, waiting.quit)
        waiting.exec()
        if i >= 2 and updated and rendered:  # the first ones warm the caches
            times.append((updated[0] - start) * 1000)
            render_ms.append(rendered[0])
    print(
        f"keystroke to updated preview (10,000 characters): median {statistics.median(times):.0f} ms, "
        f"max {max(times):.0f} ms (debounce {DEBOUNCE_MS} ms + render {statistics.median(render_ms):.1f} ms "
        f"+ page); whole-page reloads while typing: {preview.live.reloads - reloads} (target ≤ 150 ms)"
    )
    own = _rss_kb(os.getpid())
    helpers = sum(_rss_kb(p) for p in _descendants(os.getpid()))
    print(
        f"memory with a 10,000-character article open: app {own / 1024:.0f} MiB + QtWebEngine helpers {helpers / 1024:.0f} MiB"
    )
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--in-process", nargs=2, metavar=("DB", "ID"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.in_process:
        in_process(args.in_process[0], int(args.in_process[1]))
        return
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_render import article  # type: ignore[import-not-found]

    from newsdesk.core.models import ArticleContent, Role
    from newsdesk.core.workspace import Workspace
    from newsdesk.store.target import open_repository

    db = str(Path(tempfile.mkdtemp()) / "bench.db")
    ws = Workspace(open_repository(db, create=True))
    admin = ws.users.add(None, "admin", "管理员", frozenset({Role.ADMIN}), ENV["NEWSDESK_PASSWORD"])
    ma = ws.users.add(admin, "ma", "马编辑", frozenset({Role.EDITOR}), ENV["NEWSDESK_PASSWORD"])
    article_id = ws.articles.create(ma, ArticleContent("基准稿件", article(10_000)))
    app = _wall(
        [sys.executable, "-m", "newsdesk", "--db", db, "gui", "--smoke", "--user", "ma"], args.runs
    )
    bare = _wall([sys.executable, "-c", BARE], args.runs)
    print(
        f"start to signed-in window with preview: {app:.2f} s; bare QWebEngineView window: {bare:.2f} s; ratio {app / bare:.2f}× (target ≤ 1.5 s)"
    )
    subprocess.run(
        [sys.executable, __file__, "--in-process", db, str(article_id)], env=ENV, check=True
    )


if __name__ == "__main__":
    main()
