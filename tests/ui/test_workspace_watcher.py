"""The workspace watcher: another PC (a second store with its own connection, or the CLI in a
process of its own) saves, and the watcher's `changed` fires within a second, without the
window's store being asked anything. In team mode it follows the server through an outage (a
dead link, a stopped and restarted server, refused connections) on a thread of its own: the GUI
thread never waits, `went_offline` comes within seconds, `came_back` and a `changed` of every
table when the server answers again."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer
from pytestqt.qtbot import QtBot

from newsdesk.core.errors import ServerUnreachable
from newsdesk.core.models import ArticleContent
from newsdesk.core.workspace import Workspace
from newsdesk.store import open_repository
from newsdesk.store.change_feed import EVERYTHING
from newsdesk.ui.workspace_watcher import WorkspaceWatcher
from tests.cli.conftest import Run
from tests.conftest import BACKENDS, PASSWORD, Newsroom, pg_url
from tests.netfault import FaultyLink

TOLD_WITHIN_MS = 1000  # the issue: another PC sees a save within a second, without polling
ANSWER = 1.5  # the answer deadline in these tests (NEWSDESK_PG_ANSWER_SECONDS)
SLACK = 1.5  # a busy two-core machine
STALL_MS = 500


def _target(newsroom: Newsroom, backend: str) -> str:
    return pg_url(str(newsroom.path)) if backend == "postgresql" else str(newsroom.path)


@pytest.fixture
def watching(qtbot: QtBot) -> Iterator[Callable[[str], WorkspaceWatcher]]:
    made: list[WorkspaceWatcher] = []

    def watch(target: str) -> WorkspaceWatcher:
        watcher = WorkspaceWatcher(target)
        watcher.start()
        made.append(watcher)
        return watcher

    yield watch
    for watcher in made:
        watcher.stop()


class Stalls:
    """The longest the GUI thread went without running its event loop, from a 10 ms timer."""

    def __init__(self) -> None:
        self.longest = 0
        self._clock = QElapsedTimer()
        self._clock.start()
        self._timer = QTimer(interval=10)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        self.longest = max(self.longest, self._clock.restart())


def _save_on_another_pc(target: str, newsroom: Newsroom, title: str) -> None:
    other = open_repository(target)  # its own connection, as another PC's
    try:
        ws = Workspace(other, clock=newsroom.clock)
        ws.articles.create(ws.users.sign_in("ma", PASSWORD), ArticleContent(title, "正文。"))
    finally:
        other.close()


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_another_pc_saving_is_told_within_a_second(
    qtbot: QtBot, newsroom: Newsroom, backend: str, watching: Callable[[str], WorkspaceWatcher]
) -> None:
    target = _target(newsroom, backend)
    watcher = watching(target)
    qtbot.wait(300)  # listening (the thread connects on its own)
    told: list[tuple[frozenset[str], float]] = []
    started = time.monotonic()
    watcher.changed.connect(lambda tables: told.append((tables, time.monotonic())))
    _save_on_another_pc(target, newsroom, "另一台电脑写的稿")
    saved = time.monotonic()
    qtbot.waitUntil(lambda: any("articles" in t for t, _ in told), timeout=2 * TOLD_WITHIN_MS)
    first = next(at for t, at in told if "articles" in t)
    # From the other PC's commit (its sign-in and save took `saved - started`) to the signal.
    assert first - saved < TOLD_WITHIN_MS / 1000, (first - saved, saved - started)
    assert not watcher.offline
    if backend == "sqlite":
        assert told[-1][0] == EVERYTHING


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_the_cli_on_another_pc_is_told_without_asking_the_store(
    qtbot: QtBot,
    newsroom: Newsroom,
    watching: Callable[[str], WorkspaceWatcher],
    cli: Run,
    tmp_path: Path,
) -> None:
    # The window's own store is never asked: the watcher has a connection of its own.
    def no_polling() -> tuple[int, int, int, str]:
        raise AssertionError("the watcher polled the store")

    newsroom.store.change_marker = no_polling  # type: ignore[method-assign]
    watcher = watching(pg_url(str(newsroom.path)))
    told: list[frozenset[str]] = []
    watcher.changed.connect(told.append)
    source = tmp_path / "draft.md"
    source.write_text("# 命令行写的稿\n\n正文。\n", encoding="utf-8")
    with qtbot.waitSignal(watcher.changed, timeout=30_000):
        made = cli("--db", pg_url(str(newsroom.path)), "article", "import", str(source),
                   "--as", "ma", password=PASSWORD)  # fmt: skip
    assert made.returncode == 0, made.stderr
    qtbot.waitUntil(lambda: any("articles" in t for t in told), timeout=TOLD_WITHIN_MS)


@pytest.fixture
def link(monkeypatch: pytest.MonkeyPatch) -> Iterator[FaultyLink]:
    monkeypatch.setenv("NEWSDESK_PG_ANSWER_SECONDS", str(ANSWER))
    with FaultyLink(lifetime=150) as faulty:
        yield faulty


def _outage(
    qtbot: QtBot,
    newsroom: Newsroom,
    link: FaultyLink,
    watching: Callable[[str], WorkspaceWatcher],
    cut: Callable[[], None],
    noticed_within: float,
    meanwhile: Callable[[], None] | None = None,
) -> None:
    """Cut the link with `cut`, see the watcher say so in time, then (`meanwhile`, a save made
    on the server) the link restored, and the watcher back with everything changed."""
    watcher = watching(link.url(str(newsroom.path)))
    qtbot.wait(1500)  # connected, and pinged once
    assert not watcher.offline
    lost: list[object] = []
    back: list[bool] = []
    told: list[frozenset[str]] = []
    watcher.went_offline.connect(lost.append)
    watcher.came_back.connect(lambda: back.append(True))
    watcher.changed.connect(told.append)
    cut()
    started = time.monotonic()
    stalls = Stalls()  # from here the test only waits, as a window would
    qtbot.waitUntil(lambda: bool(lost), timeout=int(1000 * (noticed_within + SLACK)))
    noticed = time.monotonic() - started
    assert watcher.offline and isinstance(lost[0], ServerUnreachable), lost
    assert "127.0.0.1" in lost[0].message("en")
    if meanwhile is not None:
        meanwhile()
    qtbot.wait(3000)  # an outage of some seconds: the watcher keeps trying, quietly
    assert len(lost) == 1 and not back
    # Meanwhile another PC, whose link works, saves: nobody can tell this watcher. (On a
    # thread: the test's own work is not the GUI thread's to wait for.)
    other = threading.Thread(
        target=_save_on_another_pc, args=(pg_url(str(newsroom.path)), newsroom, "断网时存的稿")
    )
    other.start()
    qtbot.waitUntil(lambda: not other.is_alive(), timeout=10_000)
    longest = stalls.longest
    link.restore()
    restored = time.monotonic()
    stalls = Stalls()
    qtbot.waitUntil(lambda: bool(back), timeout=int(1000 * (5 + 2 * ANSWER + SLACK)))
    assert not watcher.offline
    qtbot.waitUntil(lambda: EVERYTHING in told, timeout=1000)  # the lists must be read again
    longest = max(longest, stalls.longest)
    # Any wait on the link would hold the GUI thread for the whole deadline (1.5 s) or a
    # connect; what is left is a shared two-core machine's scheduling (~0.15 s at worst seen).
    assert longest < STALL_MS, longest
    print(
        f"noticed in {noticed:.1f} s, back {time.monotonic() - restored:.1f} s after restore,"
        f" GUI thread held at most {longest} ms"
    )

    # And it listens again: the next save elsewhere is told at once.
    told.clear()
    _save_on_another_pc(pg_url(str(newsroom.path)), newsroom, "恢复后别人存的稿")
    qtbot.waitUntil(lambda: any("articles" in t for t in told), timeout=TOLD_WITHIN_MS)


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_dead_link_is_noticed_and_followed_back(
    qtbot: QtBot, newsroom: Newsroom, link: FaultyLink, watching: Callable[[str], WorkspaceWatcher]
) -> None:
    # An idle link: a ping after a second of silence, then the answer deadline.
    _outage(qtbot, newsroom, link, watching, link.black_hole, 1.0 + ANSWER)


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_stopped_and_restarted_server_is_followed(
    qtbot: QtBot, newsroom: Newsroom, link: FaultyLink, watching: Callable[[str], WorkspaceWatcher]
) -> None:
    # The server closes its sessions as it stops: known at once, no deadline to wait.
    _outage(qtbot, newsroom, link, watching, link.stop_server, 0.5)


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_server_that_refuses_is_followed(
    qtbot: QtBot, newsroom: Newsroom, link: FaultyLink, watching: Callable[[str], WorkspaceWatcher]
) -> None:
    # A server PC switched off: its link goes silent, then every reconnect is refused.
    _outage(qtbot, newsroom, link, watching, link.black_hole, 1.0 + ANSWER, link.refuse)


def test_a_watcher_started_while_the_server_refuses_says_so(
    qtbot: QtBot, watching: Callable[[str], WorkspaceWatcher]
) -> None:
    watcher = WorkspaceWatcher("postgresql://newsdesk@127.0.0.1:1/newsdesk")
    with qtbot.waitSignal(watcher.went_offline, timeout=2000) as said:
        watcher.start()
    watcher.stop()
    assert watcher.offline and "Connection refused" in said.args[0].message("en")


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_stopped_watchers_say_nothing(
    qtbot: QtBot, newsroom: Newsroom, watching: Callable[[str], WorkspaceWatcher]
) -> None:
    watcher = watching(str(newsroom.path))
    watcher.stop()
    told: list[object] = []
    watcher.changed.connect(told.append)
    _save_on_another_pc(str(newsroom.path), newsroom, "停了以后")
    qtbot.wait(600)
    assert told == []
