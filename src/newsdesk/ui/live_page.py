"""The preview's web page, changed in place as the article changes.

The fragment is shown inside a phone-width frame. A new look (theme or dark mode) loads the
page again; any other change replaces, in the page's DOM, only the top-level elements that
differ from what it shows (the unchanged run at each end is kept), so the page neither reloads
nor flickers and its scroll position holds. Whenever the page cannot vouch for the result (not
loaded yet, a count that does not match), it loads the whole fragment instead.
"""

from __future__ import annotations

import json
import time

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtWebEngineWidgets import QWebEngineView

from newsdesk.ui import paths

STALLED_S = 5.0
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
# Replace `count` elements from `start` of the fragment's root with `html`; true when the root
# then holds `total` elements, as the Python side expects.
PATCH_JS = """(function (start, count, html, total) {
  var root = document.querySelector('.phone > section');
  if (!root || root.children.length < start + count) return false;
  for (var i = 0; i < count; i++) root.removeChild(root.children[start]);
  var made = document.createElement('template');
  made.innerHTML = html;
  root.insertBefore(made.content, root.children[start] || null);
  return root.children.length === total;
})(%d, %d, %s, %d)"""


class LivePage(QObject):
    """Signals: updated() once the page shows the newest fragment given to `show`."""

    updated = Signal()

    def __init__(self, view: QWebEngineView) -> None:
        super().__init__(view)
        self.view = view
        self.scroll_fraction = 0.0
        self.reloads = 0  # whole-page loads, for tests and the benchmark
        # What is wanted: the newest fragment, its top-level elements and its look.
        self._html: str = ""
        self._blocks: list[str] | None = None
        self._look: tuple[str, bool] = ("", False)
        # What the page holds (None: not known, e.g. while it loads).
        self._page: tuple[str, list[str] | None, tuple[str, bool]] | None = None
        self._busy = False  # a load or a patch under way: its end carries on from there
        self._busy_since = 0.0
        self._loading: tuple[str, list[str] | None, tuple[str, bool]] = ("", None, ("", False))
        self._generation = 0
        view.loadFinished.connect(self._loaded)

    def show(self, html: str, blocks: list[str] | None, look: tuple[str, bool]) -> None:
        """`blocks`: the fragment's top-level elements (None: not known, so load it whole);
        `look`: (theme, dark): any look other than the page's loads the page again."""
        self._html, self._blocks, self._look = html, blocks, look
        if self._busy and time.monotonic() - self._busy_since > STALLED_S:
            # A load or script that never answered (a crashed web process): start afresh.
            self._generation += 1
            self._busy, self._page = False, None
        if not self._busy:
            self._catch_up()

    def follow(self, fraction: float) -> None:
        self.scroll_fraction = max(0.0, min(1.0, fraction))
        self.view.page().runJavaScript(SCROLL_JS.format(self.scroll_fraction))

    def _catch_up(self) -> None:
        page = self._page
        if page is not None and page[0] == self._html and page[2] == self._look:
            self.updated.emit()
        elif page is None or page[1] is None or self._blocks is None or page[2] != self._look:
            self._load()
        else:
            self._patch(page[1], self._blocks)

    def _patch(self, old: list[str], new: list[str]) -> None:
        start = 0
        while start < min(len(old), len(new)) and old[start] == new[start]:
            start += 1
        end = 0
        while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
            end += 1
        html = "".join(new[start : len(new) - end])
        script = PATCH_JS % (start, len(old) - start - end, json.dumps(html), len(new))
        wanted = (self._html, new, self._look)
        generation = self._generation

        def patched(ok: object) -> None:
            if generation != self._generation:
                return  # a load replaced the page meanwhile
            self._busy = False
            if ok is True:
                self._page = wanted
                self._catch_up()
            else:  # the browser read the fragment otherwise than it was cut
                self._page = None
                self._load()

        self._busy, self._busy_since = True, time.monotonic()
        self.view.page().runJavaScript(script, 0, patched)

    def _load(self) -> None:
        html, blocks, look = self._html, self._blocks, self._look
        page = PAGE.format(
            outside="#1e1e1e" if look[1] else "#e9ebee",
            paper="#ffffff",
            mode="dark" if look[1] else "",
            fragment=html,
            scroll=SCROLL_JS.format(self.scroll_fraction),
        )
        self._generation += 1
        self._busy, self._busy_since = True, time.monotonic()
        self._page = None
        self._loading = (html, blocks, look)
        self.reloads += 1
        data = page.encode("utf-8")
        if len(data) < 1_500_000:
            self.view.setHtml(page, QUrl("about:blank"))
        else:  # setHtml goes through a data: URL, which Chromium caps at 2 MB (pictures)
            path = paths.cache_dir() / "preview.html"
            path.write_bytes(data)
            self.view.load(QUrl.fromLocalFile(str(path)))

    def _loaded(self, ok: bool) -> None:
        if not self._busy or self._page is not None:
            return  # a page we did not load (a followed link): the next change loads ours
        self._busy = False
        self._page = self._loading if ok else None
        if ok:
            self._catch_up()
