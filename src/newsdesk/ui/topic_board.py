"""计划 → 选题: the board. A column per state (已报题, 已派题, 写稿中, 已发布, 已放弃), a card per
topic, cards dragged between columns where the core's rules let the signed-in person move them:
onto 已派题 is 派题 (who, by when, which day and position), onto 写稿中 is 开始写稿 (the draft
opens in the main window), onto 已放弃 asks why. The board decides nothing itself: it asks
`core.topics.permitted` and shows the core's refusal, and the card stays where it was.

Cards are painted by a delegate over a list model, so thousands of topics cost one query per
column and no widget per card.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.errors import NewsdeskError
from newsdesk.core.models import TOPIC_STATE_LABELS, Topic, TopicState, User
from newsdesk.core.topics import TopicAction, permitted
from newsdesk.core.workspace import Workspace
from newsdesk.ui import i18n
from newsdesk.ui.dialogs import TextDialog
from newsdesk.ui.topic_cards import (
    CARD_MIN_WIDTH,
    STATE_COLOURS,
    CardDelegate,
    TopicModel,
    TopicRole,
)
from newsdesk.ui.topic_dialogs import (
    AcceptDialog,
    ProposeDialog,
    near_day,
    slot_text,
    topic_from_mime,
)

STATES = tuple(TopicState)
# What a drop onto a column means; the other columns are not reached by dragging.
DROP_ACTIONS = {
    TopicState.ACCEPTED: TopicAction.ACCEPT,
    TopicState.WRITING: TopicAction.START,
    TopicState.DROPPED: TopicAction.DROP,
}
# Finished topics pile up: the board shows the newest of them (the CLI lists them all).
SHOWN = {TopicState.DONE: 200, TopicState.DROPPED: 200}
ACTIVE_LIMIT = 5000


class TopicColumn(QListView):
    """One state's cards; a drop target for the states a drag can reach."""

    def __init__(self, board: TopicBoard, state: TopicState) -> None:
        super().__init__()
        self.board, self.column_state = board, state
        self.setObjectName(f"topicColumn_{state.value}")
        self.model_ = TopicModel(state, board.may_move, self)
        self.setModel(self.model_)
        self.setItemDelegate(board.delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setUniformItemSizes(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setMinimumWidth(CARD_MIN_WIDTH + 20)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)

    def _idle_style(self) -> None:
        if self.styleSheet():
            self.setStyleSheet("")  # a style sheet only while a card hovers: they are slow

    def _hover_style(self, ok: bool) -> None:
        colour = "#2e7d32" if ok else "#b3261e"
        self.setStyleSheet(f"QListView {{ border: 2px dashed {colour}; border-radius: 4px; }}")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._judge(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._judge(event)

    def _judge(self, event: QDragMoveEvent) -> None:
        topic_id = topic_from_mime(event.mimeData())
        if topic_id is None:
            event.ignore()
            return
        refusal = self.board.refusal(topic_id, self.column_state)
        if refusal == "":  # the card's own column: nothing to do
            event.ignore()
            return
        self._hover_style(refusal is None)
        self.board.say(refusal or "", error=True)
        if refusal is None:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._idle_style()
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        self._idle_style()
        topic_id = topic_from_mime(event.mimeData())
        if topic_id is None:
            event.ignore()
            return
        # Copy, not move: the card is not taken out of its column here; the store decides and
        # the board is read again. The dialogs open after the drag has ended.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        QTimer.singleShot(0, partial(self.board.move_topic, topic_id, self.column_state))

    def current_topic(self) -> Topic | None:
        topic = self.currentIndex().data(TopicRole)
        return topic if isinstance(topic, Topic) else None

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.model_.rowCount():
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().placeholderText().color())
        painter.drawText(
            self.viewport().rect().adjusted(12, 24, -12, -12),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            self.board.empty_text(self.column_state),
        )
        painter.end()


class TopicBoard(QWidget):
    """Signals: article_opened(int) when 开始写稿 made a draft or 打开稿件 asks for one."""

    article_opened = Signal(int)

    def __init__(self, workspace: Workspace, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topicBoard")
        self.setWindowTitle(self.tr("Topics"))
        self.workspace, self.user = workspace, user
        self.names: dict[int, str] = {}
        self.account_titles: dict[int, str] = {}
        self.topics: dict[int, Topic] = {}
        self.delegate = CardDelegate(self)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.account = QComboBox()
        self.account.setObjectName("boardAccount")
        self.account_label = QLabel(self.tr("Official account"))
        bar.addWidget(self.account_label)
        bar.addWidget(self.account)
        self.propose_button = self._button("proposeButton", self.tr("Propose…"), self.propose)
        bar.addWidget(self.propose_button)
        bar.addSpacing(16)
        self.accept_button = self._button(
            "acceptButton", self.tr("Accept…"), lambda: self._on_current(self.accept)
        )
        self.start_button = self._button(
            "startButton", self.tr("Start writing"), lambda: self._on_current(self.start)
        )
        self.drop_button = self._button(
            "dropButton", self.tr("Drop…"), lambda: self._on_current(self.drop)
        )
        self.open_button = self._button(
            "openArticleButton", self.tr("Open article"), lambda: self._on_current(self.open)
        )
        for button in (self.accept_button, self.start_button, self.drop_button, self.open_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.message = QLabel()
        self.message.setObjectName("boardMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # titles are not markup
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.setSpacing(8)
        self.columns: dict[TopicState, TopicColumn] = {}
        self.headers: dict[TopicState, QLabel] = {}
        for state in STATES:
            box = QVBoxLayout()
            header = QLabel()
            header.setObjectName(f"topicHeader_{state.value}")
            colours = header.palette()
            colours.setColor(QPalette.ColorRole.Window, QColor(STATE_COLOURS[state]))
            colours.setColor(QPalette.ColorRole.WindowText, QColor("white"))
            header.setPalette(colours)
            header.setAutoFillBackground(True)
            header.setContentsMargins(8, 5, 8, 5)
            bold = header.font()
            bold.setBold(True)
            header.setFont(bold)
            column = TopicColumn(self, state)
            column.clicked.connect(partial(self._chosen, column))
            column.doubleClicked.connect(lambda _index, c=column: self._activated(c))
            column.customContextMenuRequested.connect(partial(self._menu, column))
            self.columns[state], self.headers[state] = column, header
            box.addWidget(header)
            box.addWidget(column, 1)
            row.addLayout(box, 1)
        layout.addLayout(row, 1)
        self._fill_accounts()
        self.account.currentIndexChanged.connect(lambda _: self.refresh())
        self.resize(1280, 720)
        self.refresh()

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _fill_accounts(self) -> None:
        accounts = self.workspace.accounts.list()
        self.account_titles = {a.id: a.title for a in accounts}
        self.account.blockSignals(True)
        self.account.clear()
        self.account.addItem(self.tr("All accounts"), None)
        for account in accounts:
            self.account.addItem(account.title, account.name)
        self.account.blockSignals(False)
        self.account.setVisible(len(accounts) > 1)
        self.account_label.setVisible(len(accounts) > 1)

    # --- reading ---------------------------------------------------------------------------

    def chosen_account(self) -> str | None:
        data = self.account.currentData()
        return str(data) if data else None

    def refresh(self) -> None:
        """Read the topics again (after a change here or on another PC)."""
        kept = self.current_topic()
        self.names = {u.id: u.display_name for u in self.workspace.users.list()}
        account = self.chosen_account()
        self.topics = {}
        for state in STATES:
            limit = SHOWN.get(state, ACTIVE_LIMIT)
            found = self.workspace.topics.list_topics(state, account, limit=limit)
            self.topics.update((t.id, t) for t in found)
            self.columns[state].model_.set_topics(found)
            label = i18n.pick(TOPIC_STATE_LABELS[state])
            more = self.tr(" (newest {0})").format(len(found)) if len(found) == limit else ""
            self.headers[state].setText(f"{label}  {len(found)}{more}")
        if kept is not None and kept.id in self.topics:
            self.select(kept.id)
        self._update_buttons()

    def empty_text(self, state: TopicState) -> str:
        return {
            TopicState.PROPOSED: self.tr("No topics proposed. Use Propose… to add one."),
            TopicState.ACCEPTED: self.tr(
                "Nothing waiting. Drag a proposed topic here to accept it."
            ),
            TopicState.WRITING: self.tr("Nobody is writing. Drag an accepted topic here to start."),
            TopicState.DONE: self.tr("Nothing published yet."),
            TopicState.DROPPED: self.tr("Nothing dropped."),
        }[state]

    def may_move(self, topic: Topic) -> bool:
        allowed = permitted(self.user, topic)
        return any(allowed[action] is None for action in DROP_ACTIONS.values())

    def card_lines(self, topic: Topic, grey: QColor) -> list[tuple[str, QColor]]:
        first = [topic.column] if topic.column else []
        if topic.assignees:
            first.append("、".join(self.names.get(i, "?") for i in topic.assignees))
        elif topic.state is TopicState.PROPOSED:
            first.append(self.tr("proposed by {0}").format(self.names.get(topic.proposed_by, "?")))
        if self.chosen_account() is None and len(self.account_titles) > 1:
            first.append(self.account_titles.get(topic.account_id, ""))
        second: list[str] = []
        colour = grey
        if topic.state is TopicState.DROPPED:
            second.append(self.tr("Dropped: {0}").format(topic.drop_reason))
        else:
            if topic.due is not None and topic.due != topic.slot:
                second.append(self.tr("due {0}").format(near_day(topic.due)))
            if topic.slot is not None:
                second.append(self.tr("scheduled {0}").format(slot_text(topic, near=True)))
            waiting = topic.state in (TopicState.ACCEPTED, TopicState.WRITING)
            if waiting and topic.due is not None and topic.due < date.today():
                colour = QColor("#b3261e")  # late
        return [(" · ".join(first), grey), (" · ".join(second), colour)]

    def current_topic(self) -> Topic | None:
        for column in self.columns.values():
            if column.selectionModel().hasSelection():
                return column.current_topic()
        return None

    def select(self, topic_id: int) -> bool:
        for column in self.columns.values():
            for row, topic in enumerate(column.model_.topics):
                if topic.id == topic_id:
                    self._clear_other_selections(column)
                    index = column.model_.index(row)
                    column.selectionModel().setCurrentIndex(
                        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    )
                    column.scrollTo(index)
                    self._update_buttons()
                    return True
        return False

    def _clear_other_selections(self, keep: TopicColumn) -> None:
        for column in self.columns.values():
            if column is not keep:
                column.clearSelection()

    def _chosen(self, column: TopicColumn, _index: QModelIndex) -> None:
        self._clear_other_selections(column)
        self._update_buttons()

    def _update_buttons(self) -> None:
        topic = self.current_topic()
        allowed = permitted(self.user, topic) if topic else {}
        nothing = self.tr("Choose a topic first")
        for action, button in (
            (TopicAction.ACCEPT, self.accept_button),
            (TopicAction.START, self.start_button),
            (TopicAction.DROP, self.drop_button),
        ):
            refusal = allowed.get(action) if topic else None
            ok = topic is not None and refusal is None
            button.setEnabled(ok)
            button.setToolTip("" if ok else refusal.message(i18n.current()) if refusal else nothing)
        has_article = topic is not None and topic.article_id is not None
        self.open_button.setEnabled(has_article)
        self.open_button.setToolTip("" if has_article else self.tr("No article yet"))

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        colour = (
            "background:#fdecea;color:#8c1d18;" if error else "background:#e8f5e9;color:#1b5e20;"
        )
        self.message.setStyleSheet(colour + "padding:6px 10px;border-radius:3px;")
        self.message.setVisible(bool(text))

    # --- moving ----------------------------------------------------------------------------

    def refusal(self, topic_id: int, target: TopicState) -> str | None:
        """Why `topic_id` may not be dropped on `target` ("" for its own column), or None."""
        topic = self.topics.get(topic_id)
        if topic is None:
            return self.tr("This topic changed meanwhile; the board has been read again.")
        if topic.state is target:
            return ""
        action = DROP_ACTIONS.get(target)
        if action is None:
            if target is TopicState.DONE:
                return self.tr(
                    "A topic is published when its article is: mark the article published."
                )
            return self.tr("A topic does not go back to proposed.")
        refusal = permitted(self.user, topic)[action]
        return refusal.message(i18n.current()) if refusal else None

    def move_topic(self, topic_id: int, target: TopicState) -> bool:
        """A card dropped on `target`: the action it means, if the rules allow it."""
        reason = self.refusal(topic_id, target)
        if reason == "":
            self.say("")
            return False
        if reason is not None:
            self.say(reason, error=True)
            self.refresh()  # the card goes back where the store says it is
            return False
        self.say("")
        topic = self.topics[topic_id]
        done = {
            TopicAction.ACCEPT: self.accept,
            TopicAction.START: self.start,
            TopicAction.DROP: self.drop,
        }[DROP_ACTIONS[target]](topic)
        return done

    def _on_current(self, act: Any) -> None:
        topic = self.current_topic()
        if topic is not None:
            act(topic)

    def _after(self, topic_id: int, text: str) -> None:
        self.refresh()
        self.select(topic_id)
        self.say(text)

    def _refused(self, error: NewsdeskError) -> bool:
        self.say(error.message(i18n.current()), error=True)
        self.refresh()
        return False

    def propose(self) -> int | None:
        dialog = ProposeDialog(self.workspace, self.user, self.chosen_account(), self)
        if not dialog.exec() or dialog.topic_id is None:
            return None
        self._after(dialog.topic_id, self.tr("Proposed: {0}").format(dialog.title.text().strip()))
        return dialog.topic_id

    def accept(self, topic: Topic) -> bool:
        dialog = AcceptDialog(self.workspace, self.user, topic, self)
        if not dialog.exec() or dialog.accepted_topic is None:
            self.refresh()
            return False
        done = dialog.accepted_topic
        who = "、".join(self.names.get(i, "?") for i in done.assignees)
        self._after(topic.id, self.tr("Accepted: {0}, assigned to {1}").format(done.title, who))
        return True

    def start(self, topic: Topic) -> bool:
        try:
            article_id = self.workspace.topics.start(self.user, topic.id)
        except NewsdeskError as error:
            return self._refused(error)
        self._after(topic.id, self.tr("Draft made: {0}").format(topic.title))
        self.article_opened.emit(article_id)
        return True

    def drop(self, topic: Topic) -> bool:
        dialog = TextDialog(
            self.tr("Drop topic"),
            self.tr("Why is “{0}” dropped? (everyone sees it)").format(topic.title),
            multiline=True,
            parent=self,
        )
        if not dialog.exec():
            self.refresh()
            return False
        try:
            self.workspace.topics.drop(self.user, topic.id, dialog.value())
        except NewsdeskError as error:
            return self._refused(error)
        self._after(topic.id, self.tr("Dropped: {0}").format(topic.title))
        return True

    def open(self, topic: Topic) -> None:
        if topic.article_id is not None:
            self.article_opened.emit(topic.article_id)

    def _activated(self, column: TopicColumn) -> None:
        topic = column.current_topic()
        if topic is not None and topic.article_id is not None:
            self.open(topic)

    def _menu(self, column: TopicColumn, where: QPoint) -> None:
        index = column.indexAt(where)
        if not index.isValid():
            return
        column.setCurrentIndex(index)
        self._chosen(column, index)
        menu = QMenu(self)
        for button in (self.accept_button, self.start_button, self.drop_button, self.open_button):
            action = menu.addAction(button.text())
            action.setEnabled(button.isEnabled())
            action.setToolTip(button.toolTip())
            action.triggered.connect(button.click)
        menu.popup(column.viewport().mapToGlobal(where))
