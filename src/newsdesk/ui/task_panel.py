"""The task panel: 我的待办 and the articles by state, with counts, and full-text search.

Its store reads go through `run` (a `store_calls.Runner`): the window hands it the article
controller's, so in team mode a search or another category never waits on the network, and
the newest request wins."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.errors import NewsdeskError, ServerUnreachable
from newsdesk.core.models import STATE_LABELS, ArticleSummary, SearchHit, State, User
from newsdesk.core.workspace import Workspace
from newsdesk.ui import i18n
from newsdesk.ui.store_calls import Runner, inline

log = logging.getLogger("newsdesk")
MINE = "mine"
Read = tuple[dict[State, int], list[ArticleSummary], list[ArticleSummary] | None]
CATEGORIES: list[str | State] = [
    MINE,
    State.DRAFT,
    State.AWAITING_AUDIT,
    State.AWAITING_PRODUCTION,
    State.APPROVED,
    State.PUBLISHED,
    State.SPIKED,
]


class TaskPanel(QWidget):
    """Signals: article_chosen(int) when the user opens an article from the list;
    unreachable(ServerUnreachable) when the database server did not answer;
    new_tasks(list[ArticleSummary]) when work for this person arrived since the last look."""

    article_chosen = Signal(int)
    unreachable = Signal(object)
    new_tasks = Signal(object)

    def __init__(self, workspace: Workspace, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.user = workspace, user
        self.task_ids: set[int] = set()
        self.run: Runner = inline(workspace)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.search = QLineEdit()
        self.search.setObjectName("searchEdit")
        self.search.setPlaceholderText(self.tr("Search titles and text…"))
        self.search.setClearButtonEnabled(True)
        self.categories = QListWidget()
        self.categories.setObjectName("categoryList")
        self.categories.setMaximumHeight(190)
        self.queue = QListWidget()
        self.queue.setObjectName("queueView")
        self.queue.setWordWrap(True)
        self.queue.setAlternatingRowColors(True)
        layout.addWidget(self.search)
        layout.addWidget(self.categories)
        layout.addWidget(self.queue, 1)
        for category in CATEGORIES:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, category)
            self.categories.addItem(item)
        self.categories.currentRowChanged.connect(self._category_changed)
        self.search.returnPressed.connect(self.run_search)
        self.search.textChanged.connect(self._search_changed)
        self.queue.itemActivated.connect(self._open)
        self.queue.itemClicked.connect(self._open)
        self.refresh()
        self.categories.setCurrentRow(0)

    def _category_changed(self, row: int) -> None:
        self.refresh_list()

    def _search_changed(self, text: str) -> None:
        if not text:
            self.refresh_list()

    def _label(self, category: str | State) -> str:
        if category == MINE:
            return self.tr("My tasks")
        assert isinstance(category, State)
        return i18n.pick(STATE_LABELS[category])

    def refresh(self, *, announce: bool = False) -> None:
        """Counts and lists again; with `announce`, work that arrived since is signalled (what
        this person just did themselves is not news to them)."""
        self.run(
            self.reader(),
            lambda read: self.show_read(*read, announce=announce),
            self._failed,
            "panel-counts",
        )

    def reader(self) -> Callable[[Workspace], Read]:
        """What `refresh` reads, as a job for a thread with a store of its own (others'
        changes come while the user types); `show_read` shows its result."""
        user, item = self.user, self.categories.currentItem()
        category = item.data(Qt.ItemDataRole.UserRole) if item else MINE
        searching = bool(self.search.text().strip())

        def read(ws: Workspace) -> Read:
            counts, tasks = ws.articles.counts(), ws.articles.my_tasks(user)
            rows = (
                None if category == MINE or searching else ws.articles.queue(State(category), 200)
            )
            return counts, tasks, rows

        return read

    def show_read(
        self,
        counts: dict[State, int],
        tasks: list[ArticleSummary],
        rows: list[ArticleSummary] | None,
        *,
        announce: bool = False,
    ) -> None:
        ids = {t.id for t in tasks}
        fresh = [t for t in tasks if t.id not in self.task_ids]
        if fresh and announce:
            self.new_tasks.emit(fresh)
        self.task_ids = ids
        mine = len(tasks)
        for row, category in enumerate(CATEGORIES):
            n = mine if category == MINE else counts.get(category, 0)  # type: ignore[call-overload]
            item = self.categories.item(row)
            item.setText(f"{self._label(category)}  ({n})")
            if category == MINE:
                font = item.font()
                font.setBold(mine > 0)
                item.setFont(font)
        if rows is not None:
            self._fill(rows)
        else:
            self.refresh_list(tasks)

    def refresh_list(self, tasks: list[ArticleSummary] | None = None) -> None:
        if self.search.text().strip():
            self.run_search()
            return
        item = self.categories.currentItem()
        category = item.data(Qt.ItemDataRole.UserRole) if item else MINE
        if category == MINE and tasks is not None:
            self.run(lambda ws: tasks, self._fill, self._failed, "panel-list")  # nothing to read
            return
        user = self.user

        def read(ws: Workspace) -> list[ArticleSummary]:
            if category == MINE:
                return ws.articles.my_tasks(user)
            return ws.articles.queue(State(category), limit=200)

        self.run(read, self._fill, self._failed, "panel-list")

    def run_search(self) -> None:
        text = self.search.text().strip()
        if not text:
            return

        def failed(error: Exception) -> None:
            if isinstance(error, NewsdeskError) and not isinstance(error, ServerUnreachable):
                self._show_hits([])  # a search the index cannot take finds nothing
            else:
                self._failed(error)

        self.run(
            lambda ws: ws.articles.search(text, limit=50), self._show_hits, failed, "panel-list"
        )

    def _show_hits(self, hits: list[SearchHit]) -> None:
        self.queue.clear()
        for hit in hits:
            item = QListWidgetItem(f"{hit.title}\n{hit.snippet}")
            item.setData(Qt.ItemDataRole.UserRole, hit.article_id)
            self.queue.addItem(item)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ServerUnreachable):
            self.unreachable.emit(error)  # the lists keep what they showed
        else:
            log.error("reading the lists failed", exc_info=error)

    def _fill(self, rows: list[ArticleSummary]) -> None:
        self.queue.clear()
        for summary in rows:
            state = i18n.pick(STATE_LABELS[summary.state])
            when = i18n.when(summary.updated_at)
            title = summary.title or self.tr("(untitled)")
            item = QListWidgetItem(f"{title}\n{state} · {summary.creator_name} · {when}")
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            self.queue.addItem(item)

    def _open(self, item: QListWidgetItem) -> None:
        article_id = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(article_id, int):
            self.article_chosen.emit(article_id)
