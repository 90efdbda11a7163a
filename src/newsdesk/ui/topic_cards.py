"""The board's cards: a list model per column and the delegate that paints each topic as a card,
so thousands of topics cost one query per column and no widget per card."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from newsdesk.core.models import Topic, TopicState
from newsdesk.ui.topic_dialogs import (
    TOPIC_MIME,
    topic_mime,
)

if TYPE_CHECKING:
    from newsdesk.ui.topic_board import TopicBoard

STATE_COLOURS = {
    TopicState.PROPOSED: "#8a8f98",
    TopicState.ACCEPTED: "#1f6feb",
    TopicState.WRITING: "#d4880f",
    TopicState.DONE: "#2e7d32",
    TopicState.DROPPED: "#b3261e",
}
TopicRole = Qt.ItemDataRole.UserRole
CARD_HEIGHT = 74
CARD_GAP = 6
CARD_MIN_WIDTH = 180


class TopicModel(QAbstractListModel):
    """The topics of one column, in the order the store gives (newest change first)."""

    def __init__(
        self, state: TopicState, may_move: Callable[[Topic], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state, self.may_move = state, may_move
        self.topics: list[Topic] = []
        self._movable: dict[int, bool] = {}  # asked as cards are painted, not for all at once

    def set_topics(self, topics: list[Topic]) -> None:
        self.beginResetModel()
        self.topics, self._movable = topics, {}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.topics)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        topic = self.topics[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return topic.title
        if role == TopicRole:
            return topic
        if role == Qt.ItemDataRole.ToolTipRole:
            return topic.brief or None
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid():
            return flags
        topic = self.topics[index.row()]
        movable = self._movable.get(topic.id)
        if movable is None:
            movable = self._movable[topic.id] = self.may_move(topic)
        if movable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [TOPIC_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        return topic_mime(self.topics[indexes[0].row()].id)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction


class CardDelegate(QStyledItemDelegate):
    """A card: the title, then column · assignees (· account), then due and slot."""

    def __init__(self, board: TopicBoard) -> None:
        super().__init__(board)
        self.board = board

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        # Narrow on purpose: a column stretches its cards to its width (the title is elided to
        # fit), where a wider hint would give each column a horizontal scroll bar.
        return QSize(CARD_MIN_WIDTH, CARD_HEIGHT + CARD_GAP)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        topic = index.data(TopicRole)
        if not isinstance(topic, Topic):
            return
        rect: QRect = option.rect.adjusted(2, CARD_GAP // 2, -2, -CARD_GAP // 2)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(palette.highlight().color() if selected else palette.mid().color(),
                            2 if selected else 1))  # fmt: skip
        painter.setBrush(palette.base())
        painter.drawRoundedRect(rect, 5, 5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STATE_COLOURS[topic.state]))
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), 4, rect.height()), 2, 2)
        inner = rect.adjusted(12, 6, -8, -6)
        base_font = QFont(option.font)
        title_font = QFont(base_font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(palette.text().color())
        line = QFontMetrics(title_font).height()
        painter.drawText(
            QRect(inner.left(), inner.top(), inner.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(title_font).elidedText(topic.title, Qt.TextElideMode.ElideRight,
                                                inner.width()),
        )  # fmt: skip
        small = QFont(base_font)
        small.setPointSizeF(max(7.0, base_font.pointSizeF() - 1))
        painter.setFont(small)
        metrics = QFontMetrics(small)
        top = inner.top() + line + 3
        for text, colour in self.board.card_lines(topic, palette.placeholderText().color()):
            painter.setPen(colour)
            painter.drawText(
                QRect(inner.left(), top, inner.width(), metrics.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, inner.width()),
            )
            top += metrics.height() + 1
        painter.restore()
