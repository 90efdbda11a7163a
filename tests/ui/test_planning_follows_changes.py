"""The 计划 windows on screen follow other PCs through the workspace watcher: a topic proposed
elsewhere shows on the board within a second, without anyone pressing refresh."""

from __future__ import annotations

import time

import pytest
from pytestqt.qtbot import QtBot

from newsdesk.core.models import TopicState
from newsdesk.core.workspace import Workspace
from newsdesk.store import open_repository
from newsdesk.ui.planning import Planning
from newsdesk.ui.workspace_watcher import WorkspaceWatcher
from tests.conftest import BACKENDS, PASSWORD, Newsroom, pg_url
from tests.ui.conftest import windows_on
from tests.ui.test_planning_in_the_app import open_board, titles

SEEN_WITHIN_MS = 1000


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_a_topic_proposed_on_another_pc_shows_on_the_board(
    qtbot: QtBot, newsroom: Newsroom, backend: str
) -> None:
    target = pg_url(str(newsroom.path)) if backend == "postgresql" else str(newsroom.path)
    with windows_on(qtbot, target) as at_pc:
        sang = at_pc("sang")
        board = open_board(sang)
        watch = sang.planning._watch
        assert watch is sang.watcher  # the main window's, passed to its planning windows
        qtbot.wait(300)  # listening
        other = open_repository(target)  # another PC, its own connection
        try:
            ws = Workspace(other, clock=newsroom.clock)
            ws.topics.propose(ws.users.sign_in("ma", PASSWORD), "另一台电脑报的题")
            proposed = time.monotonic()
        finally:
            other.close()
        qtbot.waitUntil(
            lambda: "另一台电脑报的题" in " ".join(titles(board, TopicState.PROPOSED)),
            timeout=SEEN_WITHIN_MS,
        )
        assert time.monotonic() - proposed < SEEN_WITHIN_MS / 1000
        board.close()  # the window's watch goes on: it follows the main window's article too
        qtbot.wait(50)
        assert watch._thread is not None or watch._timer.isActive()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_the_windows_follow_the_apps_watcher_when_given_one(
    qtbot: QtBot, newsroom: Newsroom
) -> None:
    with windows_on(qtbot, newsroom.path) as at_pc:
        sang = at_pc("sang")
        watcher = WorkspaceWatcher(sang.workspace.repo, sang)
        watcher.start()
        planning = Planning(sang.workspace, sang.user, lambda _: None, sang, watcher=watcher)
        board = planning.board()
        other = open_repository(str(newsroom.path))
        try:
            ws = Workspace(other, clock=newsroom.clock)
            ws.topics.propose(ws.users.sign_in("ma", PASSWORD), "跟着全局监视报的题")
        finally:
            other.close()
        qtbot.waitUntil(
            lambda: "跟着全局监视报的题" in " ".join(titles(board, TopicState.PROPOSED)),
            timeout=SEEN_WITHIN_MS,
        )
        planning.close()
        qtbot.wait(50)
        assert watcher._timer.isActive()  # the app's watch is the app's to stop
        watcher.stop()
