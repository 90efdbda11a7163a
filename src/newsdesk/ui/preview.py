"""The live preview: the export's own HTML in a phone-width frame, following the typing.

Typing restarts a short timer; when it fires, a worker renders the text with the pane's
`Renderer` (byte for byte what `render_wechat`, the export's call, gives; it redoes only the
blocks that changed) and the newest result wins. The page then replaces only the elements that
changed (`LivePage`), and loads again only for another theme or dark mode. Store reads (the
ending blocks and pictures) happen before, on the GUI thread: SQLite connections stay on their
own thread.
"""

from __future__ import annotations

import atexit
import itertools
import time
import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from newsdesk.content import Ending, Rendered, Renderer, available_themes, load_theme
from newsdesk.content.text_stats import word_count
from newsdesk.ui import i18n
from newsdesk.ui.live_page import LivePage

# Typing pauses between keystrokes are mostly under 100 ms; a render costs a few ms per
# changed paragraph, so the preview can follow almost at once.
DEBOUNCE_MS = 80


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
    shown = Signal(int, object, object, str)  # ticket, Rendered, its blocks, theme
    done = Signal(int, object, int, float)  # ticket, Rendered, 字数, milliseconds


class _RenderJob(QRunnable):
    """One render on the pane's single worker thread, the only thread its Renderer sees."""

    def __init__(
        self,
        ticket: int,
        renderer: Renderer,
        body: str,
        theme: str,
        pictures: dict[str, bytes],
        ending: Ending | None,
        signals: _Signals,
    ):
        super().__init__()
        self.ticket, self.renderer, self.body, self.theme = ticket, renderer, body, theme
        self.pictures, self.ending, self.signals = dict(pictures), ending, signals

    def run(self) -> None:
        start = time.perf_counter()
        renderer = self.renderer
        renderer.theme, renderer.resolve_image, renderer.ending = (
            self.theme,
            self.pictures.get,
            self.ending,
        )
        blocks: list[str] | None = None
        try:
            result = renderer.render(self.body)
            opening = result.html[: result.html.find(">") + 1]
            if result.html == opening + "".join(renderer.blocks) + "</section>":
                blocks = list(renderer.blocks)
        except Exception as error:  # a render bug must not take the editor down
            result = Rendered(f"<p>{type(error).__name__}</p>")
        ms = (time.perf_counter() - start) * 1000
        self.signals.shown.emit(self.ticket, result, blocks, self.theme)
        # Counting parses the whole article again (about 10 ms for 10,000 characters): after
        # the page has what it needs.
        self.signals.done.emit(self.ticket, result, word_count(self.body), ms)


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
        settings = self.view.settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptEnabled, True)
        settings.setAttribute(
            QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False
        )
        self.view.setMinimumWidth(380)
        layout.addWidget(self.view, 1)
        self.live = LivePage(self.view)
        self.html = ""  # the fragment on show, exactly what Copy for WeChat would copy
        self._blocks: list[str] | None = None
        self._shown_theme = ""
        self._renderer = Renderer()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)  # deleted with the pane, taking late results with it
        self._signals.shown.connect(self._show)
        self._signals.done.connect(self._done)
        self._tickets = itertools.count(1)
        self._latest = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._source: Callable[[], tuple[str, dict[str, bytes], Ending | None]] | None = None
        self._timer.timeout.connect(self.render_now)
        self.theme.currentIndexChanged.connect(self.render_now)
        self.dark.toggled.connect(self._dark_toggled)
        # atexit runs the last registered first: registered again, it runs before PySide's own.
        atexit.unregister(_release_pages)
        atexit.register(_release_pages)
        _panes.add(self)

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
        job = _RenderJob(
            self._latest, self._renderer, body, self.theme_name, pictures, ending, self._signals
        )
        self._pool.start(job)

    def show_now(self) -> None:
        """Render on this thread and give the page the result at once, for a text just opened:
        the page then loads in QtWebEngine's processes while the window fills in the rest (a
        worker would only start once this thread let go of Python's lock)."""
        self._timer.stop()
        if self._source is None:
            return
        self._pool.waitForDone()  # the Renderer is the worker's only while it renders
        body, pictures, ending = self._source()
        self._latest = next(self._tickets)
        job = _RenderJob(
            self._latest, self._renderer, body, self.theme_name, pictures, ending, self._signals
        )
        job.run()  # its signals reach this pane directly: it lives on this thread

    def wait(self, timeout_ms: int = 5000) -> bool:
        """Nothing more scheduled; True once the render under way, if any, is done."""
        self._timer.stop()
        return self._pool.waitForDone(timeout_ms)

    @property
    def scroll_fraction(self) -> float:
        return self.live.scroll_fraction

    def _show(self, ticket: int, result: Rendered, blocks: list[str] | None, theme: str) -> None:
        if ticket != self._latest:
            return  # an older render finishing late: the newer one is on its way
        self.html, self._blocks, self._shown_theme = result.html, blocks, theme
        self.live.show(self.html, blocks, (theme, self.dark.isChecked()))

    def _done(self, ticket: int, result: Rendered, count: int, ms: float) -> None:
        if ticket == self._latest:
            self.rendered.emit(result, count, ms)

    def follow(self, fraction: float) -> None:
        """Keep the preview's scroll position in step with the editor's."""
        self.live.follow(fraction)

    def _dark_toggled(self, checked: bool) -> None:
        self.live.show(self.html, self._blocks, (self._shown_theme, checked))

    def page(self) -> QWebEnginePage:
        return self.view.page()

    def release_page(self) -> None:
        """Delete the web view, its page and their profile now (the pane shows nothing after)."""
        self.wait(3000)
        if shiboken6.isValid(self.view):
            shiboken6.delete(self.view)
