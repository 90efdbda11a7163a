"""Team mode over an office network (issue 21): PostgreSQL behind a link that adds 10 ms each
way, so every statement is a round trip of 20 ms or more. Someone types 300 characters with two
autosaves in between; the GUI thread must never stall for more than 50 ms, because the saves,
the review panel, the preview's inputs and the findings all wait on the network on the store
worker's thread, not on it."""

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

DELAY_S = 0.010  # each way
# The target (50 ms) is held in the quiet reliability run (`make reliability`). In the everyday
# suite, on a shared 2-core machine, scheduling alone has stalled a test's GUI thread for over
# 300 ms; there the test still tells the window that waits on the network (991 ms before the
# store worker) from one that does not.
LONGEST_STALL_S = 0.050 if os.environ.get("NEWSDESK_FULL") == "1" else 0.6


@pytest.fixture
def backend() -> str:
    return "postgresql"


@pytest.fixture
def slow_link() -> Iterator[FaultyLink]:
    with FaultyLink(lifetime=180, delay=DELAY_S) as link:
        yield link


@pytest.fixture
def at_pc(qtbot: QtBot, slow_link: FaultyLink, newsroom: Newsroom) -> Iterator[OpenWindow]:
    with windows_on(qtbot, slow_link.url(str(newsroom.path))) as sign_in:
        yield sign_in


class Heartbeat:
    """The longest the GUI thread went without getting back to its event loop, seen from a
    timer that asks to run every 5 ms."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._last = time.monotonic()
        self._timer = QTimer(interval=5)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.monotonic()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def stop(self) -> None:
        self._timer.stop()


def test_typing_over_a_10_ms_link_never_stalls_the_window(
    qtbot: QtBot, at_pc: OpenWindow, slow_link: FaultyLink, newsroom: Newsroom
) -> None:
    started = time.monotonic()
    ma = at_pc("ma")
    article_id = write_article(ma, "慢网络上写稿", "开头。")
    print(f"\nsigned in and wrote the first line in {time.monotonic() - started:.1f} s")
    typed = "".join(f"第{i:03d}字。"[:3] for i in range(100)) * 1  # 300 characters
    assert len(typed) == 300
    qtbot.wait(500)  # the first render, its findings and the lists settle
    beat = Heartbeat()
    saves = 0
    for part in (typed[:100], typed[100:200], typed[200:]):
        for character in part:
            type_text(ma.editor, character)
            qtbot.wait(30)  # a quick typist
        if saves < 2:  # the autosave 3 s after typing pauses, twice in between
            with qtbot.waitSignal(ma.controller.saved, timeout=15_000):
                pass
            saves += 1
    qtbot.wait(1000)  # the last renders and their findings come back
    beat.stop()
    print(f"longest GUI stall over a {DELAY_S * 1000:g} ms link: {beat.longest * 1000:.0f} ms")
    assert saves == 2
    assert ma.save()
    body = newsroom.ws.articles.get(article_id).content.body
    assert body == "开头。" + typed
    assert beat.longest < LONGEST_STALL_S, beat.longest
