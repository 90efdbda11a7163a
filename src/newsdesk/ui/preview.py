"""The live preview: the export's own HTML in a phone-width frame, rendered off the GUI thread.

Typing restarts a short timer; when it fires, a worker renders the text with `render_wechat`
(the same call the export makes) and the newest result wins. Store reads (the ending blocks and
pictures) happen before, on the GUI thread: SQLite connections stay on their own thread.
"""

from __future__ import annotations

import atexit
import itertools
import time
import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from newsdesk.content import Ending, Rendered, available_themes, load_theme, render_wechat
from newsdesk.content.text_stats import word_count
from newsdesk.ui import i18n, paths

DEBOUNCE_MS = 350
SCROLL_JS = "window.scrollTo(0, {0:.4f} * (document.body.scrollHeight - innerHeight));"
PAGE = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><style>
html,body{{margin:0;background:{outside};}}
.phone{{max-width:375px;margin:16px auto;background:{paper};padding:20px 16px 40px;
box-shadow:0 1px 6px rgba(0,0,0,.18);border-radius:10px;min-height:80vh;}}
.dark .phone{{filter:invert(.92) hue-rotate(180deg);}}
.dark .phone img{{filter:invert(1) hue-rotate(180deg);}}
</style></head><body class="{mode}"><div class="phone">{fragment}</div>
<script>{scroll}</script>
</body></html>"""


_panes: weakref.WeakSet[PreviewPane] = weakref.WeakSet()


def _release_pages() -> None:
    """At interpreter exit, before PySide takes the QApplication down with QtWebEngine's
    profiles: a pane nobody deleted (a window closed but kept, a test's last window, a script
    that simply ends) still holds its page, and a page outliving its profile crashes the
    process (SIGSEGV after "Release of profile requested but WebEnginePage still not
    deleted")."""
    for pane in list(_panes):
        if shiboken6.isValid(pane):
            pane.release_page()


class _Signals(QObject):
    done = Signal(int, object, int, float)  # ticket, Rendered, 字数, milliseconds


class _RenderJob(QRunnable):
    def __init__(
        self,
        ticket: int,
        body: str,
        theme: str,
        pictures: dict[str, bytes],
        ending: Ending | None,
        signals: _Signals,
    ):
        super().__init__()
        self.ticket, self.body, self.theme = ticket, body, theme
        self.pictures, self.ending, self.signals = dict(pictures), ending, signals

    def run(self) -> None:
        start = time.perf_counter()
        try:
            result = render_wechat(
                self.body, theme=self.theme, resolve_image=self.pictures.get, ending=self.ending
            )
        except Exception as error:  # a render bug must not take the editor down
            result = Rendered(f"<p>{type(error).__name__}</p>")
        count = word_count(self.body)
        self.signals.done.emit(self.ticket, result, count, (time.perf_counter() - start) * 1000)


class PreviewPane(QWidget):
    """Signals: rendered(Rendered, int 字数, float ms) after each finished render."""

    rendered = Signal(object, int, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.theme = QComboBox()
        self.theme.setObjectName("themeCombo")
        for name in available_themes():
            theme = load_theme(name)
            self.theme.addItem(
                theme.title_zh if i18n.current() == i18n.ZH else theme.title_en, name
            )
        self.dark = QCheckBox(self.tr("Dark mode"))
        self.dark.setObjectName("darkModeCheck")
        bar.addWidget(self.theme, 1)
        bar.addWidget(self.dark)
        layout.addLayout(bar)
        self.view = QWebEngineView()
        self.view.setObjectName("preview")
        # atexit runs the last registered first: registered again, it runs before PySide's own.
        atexit.unregister(_release_pages)
        atexit.register(_release_pages)
        _panes.add(self)
        settings = self.view.settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptEnabled, True)
        settings.setAttribute(
            QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False
        )
        self.view.setMinimumWidth(380)
        layout.addWidget(self.view, 1)
        self.html = ""  # the fragment on show, exactly what Copy for WeChat would copy
        self.scroll_fraction = 0.0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)  # deleted with the pane, taking late results with it
        self._signals.done.connect(self._show)
        self._tickets = itertools.count(1)
        self._latest = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._source: Callable[[], tuple[str, dict[str, bytes], Ending | None]] | None = None
        self._timer.timeout.connect(self.render_now)
        self.theme.currentIndexChanged.connect(self.render_now)
        self.dark.toggled.connect(self._dark_toggled)

    @property
    def theme_name(self) -> str:
        return str(self.theme.currentData() or "default")

    def set_source(self, source: Callable[[], tuple[str, dict[str, bytes], Ending | None]]) -> None:
        """`source` returns (body, pictures, ending) on the GUI thread when a render starts."""
        self._source = source

    def schedule(self) -> None:
        self._timer.start()

    def render_now(self) -> None:
        self._timer.stop()
        if self._source is None:
            return
        body, pictures, ending = self._source()
        self._latest = next(self._tickets)
        job = _RenderJob(self._latest, body, self.theme_name, pictures, ending, self._signals)
        self._pool.start(job)

    def wait(self, timeout_ms: int = 5000) -> bool:
        """Nothing more scheduled; True once the render under way, if any, is done."""
        self._timer.stop()
        return self._pool.waitForDone(timeout_ms)

    def _show(self, ticket: int, result: Rendered, count: int, ms: float) -> None:
        if ticket != self._latest:
            return  # an older render finishing late: the newer one is on its way
        self.html = result.html
        self._load()
        self.rendered.emit(result, count, ms)

    def follow(self, fraction: float) -> None:
        """Keep the preview's scroll position in step with the editor's."""
        self.scroll_fraction = max(0.0, min(1.0, fraction))
        self.view.page().runJavaScript(SCROLL_JS.format(self.scroll_fraction))

    def _dark_toggled(self, checked: bool) -> None:
        self._load()

    def _load(self) -> None:
        dark = self.dark.isChecked()
        page = PAGE.format(
            outside="#1e1e1e" if dark else "#e9ebee",
            paper="#ffffff",
            mode="dark" if dark else "",
            fragment=self.html,
            scroll=SCROLL_JS.format(self.scroll_fraction),
        )
        data = page.encode("utf-8")
        if len(data) < 1_500_000:
            self.view.setHtml(page, QUrl("about:blank"))
        else:  # setHtml goes through a data: URL, which Chromium caps at 2 MB (pictures)
            path = paths.cache_dir() / "preview.html"
            path.write_bytes(data)
            self.view.load(QUrl.fromLocalFile(str(path)))

    def page(self) -> QWebEnginePage:
        return self.view.page()

    def release_page(self) -> None:
        """Delete the web view, its page and their profile now (the pane shows nothing after)."""
        self.wait(3000)
        if shiboken6.isValid(self.view):
            shiboken6.delete(self.view)
