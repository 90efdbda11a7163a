"""The app through a network outage (team mode), with the shipped deadlines: a writer types,
the office network dies silently for about twelve seconds (tests/netfault's black hole: no
reset, nothing comes back), then returns.

Issue 24's target: the GUI thread is never blocked for more than 100 ms (the store work waits
on the dead link on the article controller's worker thread), the offline banner comes within
3 s (store work that has waited 2 s for an answer says so), the typing survives, and everything
typed is on the server after the link returns.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from tests.conftest import Newsroom
from tests.netfault import FaultyLink
from tests.ui.conftest import OpenWindow, type_text, windows_on, write_article

FULL = os.environ.get("NEWSDESK_FULL") == "1"


@pytest.fixture
def backend() -> str:
    return "postgresql"


@pytest.fixture
def at_pc(qtbot: QtBot, link: FaultyLink, newsroom: Newsroom) -> Iterator[OpenWindow]:
    with windows_on(qtbot, link.url(str(newsroom.path))) as sign_in:
        yield sign_in


class StallMeter:
    """The longest time the GUI thread did not get back to its event loop, seen from a timer
    that asks to run every 10 ms."""

    def __init__(self) -> None:
        self.longest = 0.0
        self.frozen = 0.0  # the sum of the stalls over a quarter second
        self._last = time.monotonic()
        self._timer = QTimer(interval=10)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.monotonic()
        self.longest = max(self.longest, now - self._last)
        if now - self._last > 0.25:
            self.frozen += now - self._last
        self._last = now

    def stop(self) -> None:
        self._timer.stop()


@pytest.mark.parametrize(
    "outage",
    [
        12.0,
        # The longer outage, past every server-side timeout: `make reliability`.
        pytest.param(
            90.0,
            marks=[pytest.mark.slow, pytest.mark.skipif(not FULL, reason="NEWSDESK_FULL=1")],
        ),
    ],
)
def test_the_banner_comes_within_the_deadline_and_the_text_reaches_the_server_after(
    qtbot: QtBot, at_pc: OpenWindow, link: FaultyLink, newsroom: Newsroom, outage: float
) -> None:
    ma = at_pc("ma")
    article_id = write_article(ma, "断网也照写", "断网前写好的第一段。\n")
    typed = [f"断网时第{i}句。" for i in range(1, int(outage / 2))]
    stalls = StallMeter()

    link.black_hole()
    started = time.monotonic()
    cut_at = started + outage
    banner_after: float | None = None
    for sentence in typed:  # a sentence every two seconds, as someone writing on would
        type_text(ma.editor, sentence)
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline:
            qtbot.wait(20)
            if banner_after is None and not ma.offline_banner.isHidden():
                banner_after = time.monotonic() - started
    assert banner_after is not None
    assert banner_after < 3.0, banner_after
    assert "not answering" in ma.offline_banner.text()
    assert "does not answer" in ma.offline_banner.toolTip()
    assert not ma.editor.isReadOnly()
    qtbot.wait(max(0, int((cut_at - time.monotonic()) * 1000)))

    link.restore()
    back = time.monotonic()
    qtbot.waitUntil(lambda: ma.offline_banner.isHidden(), timeout=20_000)
    recovered_after = time.monotonic() - back
    stalls.stop()
    assert not ma.session.dirty
    body = ma.workspace.articles.get(article_id).content.body
    assert "断网前写好的第一段。" in body and all(s in body for s in typed)
    assert ma.session.recovered_text() is None

    print(
        f"\noutage {outage:g} s: banner after {banner_after:.1f} s, back"
        f" {recovered_after:.1f} s after the link, longest GUI stall {stalls.longest * 1000:.0f} ms,"
        f" frozen {stalls.frozen:.1f} s in all"
    )
    # The target (100 ms) is held in the quiet reliability run (`make reliability`, FULL); in the
    # everyday suite on a shared 2-core machine scheduling alone stalls a test's GUI thread for
    # a few hundred ms, and a window waiting on the dead link stalls for seconds.
    assert stalls.longest < (0.1 if FULL else 1.0), stalls.longest
