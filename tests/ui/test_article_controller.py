"""The article controller without a window (no widgets, no QtWebEngine): its store work runs on
its worker thread, a newer autosave replaces a queued one, a conflict comes back as a signal,
and an autosave costs few statements.

Statements are counted on the real SQLite store the worker opens, by sqlite3's trace callback.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from pytestqt.qtbot import QtBot

from newsdesk.core.errors import ServerUnreachable
from newsdesk.core.models import Action, ArticleContent, State
from newsdesk.core.workspace import Workspace
from newsdesk.store import open_repository
from newsdesk.ui.article_controller import ArticleController
from tests.conftest import Newsroom

AUTOSAVE_STATEMENTS = 15  # issue 21: 58 before the controller


class Typing:
    """What the editor holds: the controller only asks for the Markdown."""

    def __init__(self) -> None:
        self.content = ArticleContent("标题", "")
        self.co_editors = ""

    def __call__(self) -> tuple[ArticleContent, str]:
        return self.content, self.co_editors


class Statements:
    """Every SQL statement the worker's store runs, with the thread that ran it."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []
        self._lock = threading.Lock()

    def note(self, sql: str) -> None:
        if not sql.startswith("--"):  # a trigger's statements are the statement's own work
            with self._lock:
                self.seen.append((threading.current_thread().name, sql))

    def counting(self) -> list[tuple[str, str]]:
        with self._lock:
            self.seen.clear()
        return self.seen


@pytest.fixture
def counted(newsroom: Newsroom) -> Iterator[tuple[ArticleController, Typing, Statements]]:
    statements, typing = Statements(), Typing()
    connect = sqlite3.connect

    def traced(*args: object, **kwargs: object) -> sqlite3.Connection:
        connection = connect(*args, **kwargs)  # type: ignore[arg-type]
        connection.set_trace_callback(statements.note)
        return connection

    def open_workspace() -> Workspace:
        with mock.patch("sqlite3.connect", traced):
            return Workspace(open_repository(str(newsroom.path)))

    with mock.patch.object(ArticleController, "_open_workspace", lambda _self: open_workspace()):
        controller = ArticleController(newsroom.ws, newsroom.ma, typing)
    yield controller, typing, statements
    controller.stop()


def _type(controller: ArticleController, typing: Typing, body: str) -> None:
    typing.content = ArticleContent(typing.content.title, body)
    controller.edited()


def test_an_autosave_runs_on_the_worker_in_at_most_15_statements(
    qtbot: QtBot, counted: tuple[ArticleController, Typing, Statements], newsroom: Newsroom
) -> None:
    controller, typing, statements = counted
    assert controller.create()
    _type(controller, typing, "第一段。")
    with qtbot.waitSignal(controller.saved, timeout=10_000):
        controller.autosave()
    _type(controller, typing, "第一段。第二段。")
    seen = statements.counting()
    with qtbot.waitSignal(controller.saved, timeout=10_000):
        controller.autosave()
    controller.worker.idle()
    print(f"\nan autosave: {len(seen)} statements")
    # The review panel and the actions follow within VIEW_EVERY_MS, not at every autosave.
    assert controller.view_timer.isActive()
    assert 0 < len(seen) <= AUTOSAVE_STATEMENTS, "\n".join(sql for _, sql in seen)
    assert {thread for thread, _ in seen} == {"newsdesk-store"}
    assert controller.session is not None and not controller.session.dirty
    stored = newsroom.ws.articles.get(controller.session.article_id)
    assert stored.content.body == "第一段。第二段。"


def test_a_newer_autosave_replaces_a_queued_one(
    qtbot: QtBot, counted: tuple[ArticleController, Typing, Statements], newsroom: Newsroom
) -> None:
    controller, typing, _ = counted
    assert controller.create()
    assert controller.session is not None
    article_id, version = controller.session.article_id, controller.session.version
    held = threading.Event()
    controller.worker.submit(lambda _ws: held.wait(10))  # the worker busy, as on a slow link
    _type(controller, typing, "旧的。")
    controller.autosave()
    _type(controller, typing, "旧的。新的。")
    controller.autosave()
    assert controller.session.dirty  # nothing waited: typing goes on
    with qtbot.waitSignal(controller.saved, timeout=10_000):
        held.set()
    controller.worker.idle()
    stored = newsroom.ws.articles.get(article_id)
    assert (stored.content.body, stored.version) == ("旧的。新的。", version + 1)
    assert not controller.session.dirty


def test_typing_during_a_save_keeps_the_article_unsaved(
    qtbot: QtBot, counted: tuple[ArticleController, Typing, Statements]
) -> None:
    controller, typing, _ = counted
    assert controller.create()
    assert controller.session is not None
    held = threading.Event()
    controller.worker.submit(lambda _ws: held.wait(10))
    _type(controller, typing, "存的时候")
    controller.autosave()
    _type(controller, typing, "存的时候还在打字")  # after the save took its text
    with qtbot.waitSignal(controller.saved, timeout=10_000):
        held.set()
    assert controller.session.dirty  # the newer text is the next autosave's
    assert controller.save() and not controller.session.dirty


def test_a_conflict_comes_back_as_a_signal_with_our_text_kept(
    qtbot: QtBot, counted: tuple[ArticleController, Typing, Statements], newsroom: Newsroom
) -> None:
    controller, typing, _ = counted
    assert controller.create()
    assert controller.session is not None
    article_id = controller.session.article_id
    controller.worker.call(lambda ws: ws.locks.release(newsroom.ma, article_id))
    newsroom.ws.articles.save(  # the same person on another PC
        newsroom.ma, article_id, ArticleContent("标题", "别处的。"), controller.session.version
    )
    _type(controller, typing, "我的。")
    with qtbot.waitSignal(controller.conflicted, timeout=10_000) as conflict:
        controller.autosave()
    message, revision = conflict.args
    assert controller.session.content.body == "别处的。" and message
    assert newsroom.ws.articles.revision(revision).content.body == "我的。"


def test_a_chain_action_goes_through_the_one_core_call(
    counted: tuple[ArticleController, Typing, Statements], newsroom: Newsroom
) -> None:
    controller, typing, _ = counted
    assert controller.create()
    assert controller.session is not None
    _type(controller, typing, "可以提交的正文。")
    assert controller.save()
    assert controller.run_chain(Action.SUBMIT)
    assert controller.session.state is State.AWAITING_AUDIT
    assert newsroom.ws.articles.get(controller.session.article_id).state is State.AWAITING_AUDIT


def test_the_controller_needs_no_web_engine(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = "import sys, newsdesk.ui.article_controller\nprint('QtWebEngine' in str(sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_coming_back_after_the_lock_was_taken_saves_nothing_over_theirs(
    qtbot: QtBot, counted: tuple[ArticleController, Typing, Statements], newsroom: Newsroom
) -> None:
    controller, typing, _ = counted
    assert controller.create()
    assert controller.session is not None
    article_id = controller.session.article_id
    controller.server.went_away(ServerUnreachable(newsroom.ws.repo.target, "test: link down"))
    _type(controller, typing, "断线时写的。")
    controller.autosave()  # kept on this PC only
    assert controller.offline and controller.session.dirty
    other = Workspace(open_repository(str(newsroom.path)))  # another PC, on the real clock
    try:
        other.locks.take_over(newsroom.admin, article_id)
    finally:
        other.repo.close()
    with qtbot.waitSignal(controller.conflicted, timeout=10_000) as said:
        controller.try_server_again()
    assert "管理员" in said.args[0] and not controller.offline
    assert newsroom.ws.articles.get(article_id).content.body == ""
    controller.worker.idle()
    assert controller.session.read_only and controller.session.foreign_lock is not None
    # Kept on this PC (offered when the article is editable here again).
    assert "断线时写的。" in controller.session._recovery_path().read_text(encoding="utf-8")


def test_coming_back_with_the_lock_still_held_saves_what_waited(
    qtbot: QtBot, counted: tuple[ArticleController, Typing, Statements], newsroom: Newsroom
) -> None:
    controller, typing, _ = counted
    assert controller.create()
    assert controller.session is not None
    controller.server.went_away(ServerUnreachable(newsroom.ws.repo.target, "test: link down"))
    _type(controller, typing, "断线时写的。")
    with qtbot.waitSignal(controller.came_back, timeout=10_000):
        controller.try_server_again()
    stored = newsroom.ws.articles.get(controller.session.article_id)
    assert stored.content.body == "断线时写的。" and not controller.session.dirty
