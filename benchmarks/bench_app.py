"""Desktop app benchmark (offscreen): start-up, keystroke to preview, memory.

    python benchmarks/bench_app.py [--runs 7]

Prints, each against its floor measured in the same run:

- start-up (printed last: its second floor is the page the memory run saw): process start to a
  signed-in window with the newest article open and its preview loaded (`newsdesk gui --smoke`,
  the moment it prints "ready"), against a bare PySide6 window holding one QWebEngineView that
  loads a one-line page (the floor for this stack), and against one loading the article's page
  as the preview shows it (laying out 10,000 characters is the web engine's, and the memory
  floor shows that page too), sampled in turns; the median of each, and of the run to exit;
- keystroke to preview: from a keystroke in the middle of a 10,000-character article to the
  preview showing it (the debounce, the render on the worker, the changed blocks replaced in the
  page);
- memory with that article open: proportional set size (PSS, from /proc/PID/smaps_rollup: a page
  shared by N processes counts 1/N in each, so the sum is what the machine really gives; RSS
  would count shared libraries once per process) of the app's process and all its QtWebEngine
  helper processes, against a bare window with one QWebEngineView showing the same page (the
  HTML taken from the app's preview), both measured after the same idle wait: once the article
  is open, and again after the keystrokes (the page changed in place grows the renderer's heap).

Targets (issue 14): start ≤ 2.5× the bare window; keystroke to preview ≤ 150 ms including the
debounce; memory ≤ 1.15× the bare window.

Our modules are byte-compiled first, as an installed copy has them (the installers ship
bytecode; a checkout run with PYTHONDONTWRITEBYTECODE=1 would compile every module at each
start, which the floor, PySide6's own bytecode, never pays).
"""

from __future__ import annotations

import argparse
import compileall
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
    "PYTHONUNBUFFERED": "1",
}
IDLE_MS = 1500  # after the page is up, before memory is read: both sides alike
# With a file's path: that page (the article as the preview shows it), else one line.
BARE = """
import sys
from pathlib import Path
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtWebEngineWidgets import QWebEngineView
app = QApplication(sys.argv[:1])
window = QMainWindow(); view = QWebEngineView(); window.setCentralWidget(view); window.show()
view.loadFinished.connect(lambda ok: (print("ready"), app.quit()))
if len(sys.argv) > 1:
    view.setHtml(Path(sys.argv[1]).read_text(encoding="utf-8"), QUrl("about:blank"))
else:
    view.setHtml("<p>你好</p>")
app.exec()
"""
BARE_PAGE = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtWebEngineWidgets import QWebEngineView
app = QApplication(sys.argv[:1])
window = QMainWindow(); view = QWebEngineView(); window.setCentralWidget(view)
view.setFixedSize(int(sys.argv[2]), int(sys.argv[3])); window.show()
def measure():
    print("measure", flush=True)
    sys.stdin.readline()
    app.quit()
view.loadFinished.connect(lambda ok: QTimer.singleShot(IDLE_MS, measure))
view.setHtml(Path(sys.argv[1]).read_text(encoding="utf-8"), QUrl("about:blank"))
app.exec()
""".replace("IDLE_MS", str(IDLE_MS))


# --- start-up ----------------------------------------------------------------------------------


def _start_once(command: list[str]) -> tuple[float, float]:
    """Seconds from spawning to the line saying "ready", and to the process's exit."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdout is not None
    ready = None
    for line in process.stdout:
        if ready is None and "ready" in line:
            ready = time.perf_counter() - start
    code = process.wait(timeout=120)
    total = time.perf_counter() - start
    if code != 0 or ready is None:
        raise SystemExit(f"{command[:3]}… failed (exit {code})")
    return ready, total


def startup(commands: dict[str, list[str]], runs: int) -> None:
    """`commands`: "app", "bare" (the floor: a one-line page) and "bare, same page" (the
    article's page, as the app's preview shows it, as the memory floor shows it)."""
    for command in commands.values():
        _start_once(command)  # disk cache and fontconfig warm for all alike
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    names = list(commands)
    for turn in range(runs):
        for name in names[turn % len(names) :] + names[: turn % len(names)]:
            samples[name].append(_start_once(commands[name]))
    ready = {name: statistics.median(s[0] for s in found) for name, found in samples.items()}
    done = {name: statistics.median(s[1] for s in found) for name, found in samples.items()}
    print(
        f"start to signed-in window with preview: {ready['app']:.2f} s; bare QWebEngineView "
        f"window: {ready['bare']:.2f} s; ratio {ready['app'] / ready['bare']:.2f}× (target ≤ 2.5×)"
    )
    print(
        f"  against a bare window loading the same article page ({ready['bare, same page']:.2f} "
        f"s): {ready['app'] / ready['bare, same page']:.2f}×"
    )
    print(
        f"  to process exit: app {done['app']:.2f} s, bare {done['bare']:.2f} s "
        f"(ratio {done['app'] / done['bare']:.2f}×; median of {runs} each)"
    )


# --- memory ------------------------------------------------------------------------------------


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                children.append(int(entry.name))
    return children


def _kind(pid: int, parent: str) -> str:
    """main, or the Chromium process type; a zygote's children are its renderers."""
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "gone"
    kind = next((a[7:].decode() for a in args if a.startswith(b"--type=")), "main")
    if kind == "zygote" and parent == "zygote":
        return "renderer"
    return kind


def pss(pid: int, parent: str = "") -> dict[str, int]:
    """PSS (KiB) of a process and all its descendants, by kind of process."""
    kind = _kind(pid, parent)
    kinds = {kind: _pss_kb(pid)}
    for child in _children(pid):
        for name, kb in pss(child, kind).items():
            kinds[name] = kinds.get(name, 0) + kb
    return kinds


def _measured(command: list[str]) -> list[dict[str, int]]:
    """Run `command`; each time it prints "measure", read its PSS and tell it to go on."""
    process = subprocess.Popen(
        command,
        env=ENV,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None and process.stdin is not None
    results: list[dict[str, int]] = []
    for line in process.stdout:
        if line.startswith("measure"):
            results.append(pss(process.pid))
            process.stdin.write("go on\n")
            process.stdin.flush()
        elif line.strip():
            print(line.rstrip())
    if process.wait(timeout=120) != 0 or not results:
        raise SystemExit(f"{command[:3]}… failed")
    return results


def _mib(kb: int) -> str:
    return f"{kb / 1024:.0f}"


def memory(db: str, article_id: int) -> Path:
    """Keystroke to preview and memory; the page the preview showed, for the start-up floor."""
    folder = Path(tempfile.mkdtemp())
    page = folder / "page.html"
    size = folder / "size"
    opened, typed = _measured(
        [sys.executable, __file__, "--in-process", db, str(article_id), str(page), str(size)]
    )
    width, height = size.read_text().split()
    (floor,) = _measured([sys.executable, "-c", BARE_PAGE, str(page), width, height])
    bare = sum(floor.values())

    def kinds(found: dict[str, int]) -> str:
        return ", ".join(f"{k} {_mib(v)}" for k, v in sorted(found.items(), key=lambda i: -i[1]))

    for label, app_kinds in (
        ("with a 10,000-character article open", opened),
        ("after the keystrokes above (14 in each editor)", typed),
    ):
        app = sum(app_kinds.values())
        print(
            f"memory (PSS) {label}: app {_mib(app)} MiB; bare QWebEngineView window with the "
            f"same page: {_mib(bare)} MiB; ratio {app / bare:.2f}× (target ≤ 1.15×)"
        )
        print(f"  app:  {kinds(app_kinds)} MiB")
    print(f"  bare: {kinds(floor)} MiB")
    return page


# --- the app, in this process --------------------------------------------------------------------


def in_process(db: str, article_id: int, page_file: str, size_file: str) -> None:
    os.environ.update(ENV)
    # Loaded in the order `newsdesk gui` loads them: the command line's modules, then the app's
    # with Qt (PySide6 reads the source of every module loaded after it, and keeps it).
    import newsdesk.cli.desktop  # noqa: F401, I001
    from newsdesk.ui.app import create_main_window

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])  # noqa: F841  (alive until the process ends)

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
    # The page as the preview holds it, for the floor to show the same; then memory, idle.
    view = preview.view
    Path(size_file).write_text(f"{view.width()} {view.height()}")
    preview.page().toHtml(
        lambda html: (Path(page_file).write_text(html, encoding="utf-8"), waiting.quit())
    )
    waiting.exec()
    QTimer.singleShot(IDLE_MS, waiting.quit)
    waiting.exec()
    print("measure", flush=True)
    sys.stdin.readline()
    from PySide6.QtGui import QTextCursor

    def keystrokes(visual: bool) -> None:
        """14 keystrokes in the middle of the article, in the source or the visual editor."""
        window.modes.set_visual(visual, remember=False)
        reloads = preview.live.reloads
        times: list[float] = []
        render_ms: list[float] = []
        for i in range(14):
            # A keystroke in the middle of the article, as a writer revises it.
            if visual:
                cursor = window.visual.textCursor()
                cursor.setPosition(window.visual.document().characterCount() // 2)
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)  # a paragraph's end
                window.visual.setTextCursor(cursor)
            else:
                cursor = window.editor.textCursor()
                cursor.setPosition(len(window.editor.toPlainText()) // 2)
                window.editor.setTextCursor(cursor)
            updated.clear()
            rendered.clear()
            start = time.perf_counter()
            if visual:
                window.visual.type_text("改")  # a key press, as the keyboard sends it
            else:
                window.editor.insertPlainText("改")  # textChanged starts the debounce
            QTimer.singleShot(10_000, waiting.quit)
            waiting.exec()
            if i >= 2 and updated and rendered:  # the first ones warm the caches
                times.append((updated[0] - start) * 1000)
                render_ms.append(rendered[0])
        mode = "visual editor" if visual else "source editor"
        print(
            f"keystroke to updated preview (10,000 characters, {mode}): median "
            f"{statistics.median(times):.0f} ms, max {max(times):.0f} ms (debounce {DEBOUNCE_MS} "
            f"ms + render {statistics.median(render_ms):.1f} ms + page); whole-page reloads while "
            f"typing: {preview.live.reloads - reloads} (target ≤ 150 ms)"
        )

    keystrokes(visual=False)
    keystrokes(visual=True)
    QTimer.singleShot(IDLE_MS, waiting.quit)
    waiting.exec()
    print("measure", flush=True)
    sys.stdin.readline()
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--in-process", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.in_process:
        db, article_id, page_file, size_file = args.in_process
        in_process(db, int(article_id), page_file, size_file)
        return
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_render import article  # type: ignore[import-not-found]

    import newsdesk
    from newsdesk.core.models import ArticleContent, Role
    from newsdesk.core.workspace import Workspace
    from newsdesk.store.target import open_repository

    compileall.compile_dir(Path(newsdesk.__file__).parent, quiet=1)
    db = str(Path(tempfile.mkdtemp()) / "bench.db")
    ws = Workspace(open_repository(db, create=True))
    admin = ws.users.add(None, "admin", "管理员", frozenset({Role.ADMIN}), ENV["NEWSDESK_PASSWORD"])
    ma = ws.users.add(admin, "ma", "马编辑", frozenset({Role.EDITOR}), ENV["NEWSDESK_PASSWORD"])
    article_id = ws.articles.create(ma, ArticleContent("基准稿件", article(10_000)))
    page = memory(db, article_id)
    startup(
        {
            "app": [sys.executable, "-m", "newsdesk", "--db", db, "gui", "--smoke", "--user", "ma"],
            "bare": [sys.executable, "-c", BARE],
            "bare, same page": [sys.executable, "-c", BARE, str(page)],
        },
        args.runs,
    )


if __name__ == "__main__":
    main()
