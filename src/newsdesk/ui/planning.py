"""The 计划 menu's windows (选题 board, 排期 calendar, 工作量统计), each a window of its own
beside the main one: opened once, raised when asked again, and read again when the workspace
changes (here or on another PC) while they are on screen: the workspace watcher tells them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

from newsdesk.core.errors import ServerUnreachable
from newsdesk.core.models import User
from newsdesk.core.workspace import Workspace
from newsdesk.store import EVERYTHING
from newsdesk.ui.workspace_watcher import WorkspaceWatcher

if TYPE_CHECKING:  # each window's module loads when it first opens (Qt Charts with statistics)
    from newsdesk.ui.plan_calendar import PlanCalendar
    from newsdesk.ui.stats_view import StatsView
    from newsdesk.ui.topic_board import TopicBoard

log = logging.getLogger("newsdesk")
W = TypeVar("W", bound=QWidget)
# What the board and the calendar show: topics, who they are assigned to, their articles' state
# and publication, accounts and names.
SHOWN = frozenset({"topics", "topic_assignees", "articles", "accounts", "users"})


class Planning(QObject):
    """Opens the planning windows for `window`; `open_article` shows an article there.
    `watcher`: the app's workspace watcher; without one, the windows watch with their own
    while any of them is on screen."""

    def __init__(
        self,
        workspace: Workspace,
        user: User,
        open_article: Callable[[int], None],
        window: QWidget,
        watcher: WorkspaceWatcher | None = None,
    ) -> None:
        super().__init__(window)
        self.workspace, self.user, self.window = workspace, user, window
        self.open_article = open_article
        self._board: TopicBoard | None = None
        self._calendar: PlanCalendar | None = None
        self._stats: StatsView | None = None
        self._own_watch = watcher is None
        self._watch = watcher if watcher is not None else WorkspaceWatcher(workspace.repo, self)
        self._watch.changed.connect(self.follow_changes)

    def _show(self, widget: W, fresh: bool) -> W:
        if fresh:
            widget.setWindowFlag(Qt.WindowType.Window, True)  # a window of its own
            widget.installEventFilter(self)  # its hiding may end the watch
        else:
            widget.refresh()  # type: ignore[attr-defined]
        widget.show()
        widget.raise_()
        widget.activateWindow()
        if self._own_watch:
            self._watch.start()  # one already running goes on as it is
        return widget

    def board(self) -> TopicBoard:
        fresh = self._board is None
        if self._board is None:
            from newsdesk.ui.topic_board import TopicBoard

            self._board = TopicBoard(self.workspace, self.user, self.window)
            self._board.article_opened.connect(self.open_article)
        return self._show(self._board, fresh)

    def calendar(self) -> PlanCalendar:
        fresh = self._calendar is None
        if self._calendar is None:
            from newsdesk.ui.plan_calendar import PlanCalendar

            self._calendar = PlanCalendar(self.workspace, self.user, self.window)
            self._calendar.article_opened.connect(self.open_article)
        return self._show(self._calendar, fresh)

    def stats(self) -> StatsView:
        fresh = self._stats is None
        if self._stats is None:
            from newsdesk.ui.stats_view import StatsView

            self._stats = StatsView(self.workspace, self.window)
        return self._show(self._stats, fresh)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide and self._own_watch:
            QTimer.singleShot(0, self._watch_while_shown)
        return False

    def _watch_while_shown(self) -> None:
        if not any(w is not None and w.isVisible() for w in (self._board, self._calendar)):
            self._watch.stop()

    def follow_changes(self, tables: frozenset[str] = EVERYTHING) -> None:
        """Someone changed the workspace: the board and calendar on screen are read again."""
        shown = [w for w in (self._board, self._calendar) if w is not None and w.isVisible()]
        if not shown:
            if self._own_watch:
                self._watch.stop()
            return
        if not SHOWN & tables:
            return
        try:
            for widget in shown:
                widget.refresh()
        except ServerUnreachable as error:  # the main window says so and retries
            log.info("planning windows wait for the server: %s", error)

    def close(self) -> None:
        if self._own_watch:
            self._watch.stop()
        for widget in (self._board, self._calendar, self._stats):
            if widget is not None:
                widget.close()
