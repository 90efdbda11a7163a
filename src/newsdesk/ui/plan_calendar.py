"""计划 → 排期: a week or a month of one 公众号, Monday first. Each day shows what is planned in
push order (头条, 次条1…) with its state, and what actually went out that day (published
articles by their published time, ticked in green); today is marked. A planned topic is dragged
to another day (the first free position there), to the 待排期 list to take it off, or given
another position from its menu. Who may do that is the core's decision (`permitted`)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from PySide6.QtCore import QPoint, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.dates import FIRST_DAY, LAST_DAY
from newsdesk.core.errors import ChainRefusal, NewsdeskError
from newsdesk.core.models import TOPIC_STATE_LABELS, Topic, TopicState, User
from newsdesk.core.topics import MAX_POSITION, PlanDay, TopicAction, check, permitted
from newsdesk.core.workspace import Workspace
from newsdesk.ui import i18n
from newsdesk.ui.topic_dialogs import (
    TOPIC_MIME,
    day_text,
    month_text,
    position_text,
    slot_text,
    topic_from_mime,
    topic_mime,
    weekday,
)

WEEK, MONTH = "week", "month"
_KIND = Qt.ItemDataRole.UserRole  # "topic" or "article"
_ID = Qt.ItemDataRole.UserRole + 1
PUBLISHED_COLOUR = "#2e7d32"
STATE_COLOURS = {
    TopicState.PROPOSED: "#8a8f98",
    TopicState.ACCEPTED: "#1f6feb",
    TopicState.WRITING: "#b06f00",
    TopicState.DONE: "#2e7d32",
}
UNSLOTTED_LIMIT = 300
TODAY_COLOUR = "#b3261e"


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


class DayList(QListWidget):
    """A day's entries (or the 待排期 list when `day` is None): planned topics drag out of it,
    and a topic dropped on it is rescheduled to that day."""

    def __init__(self, calendar: PlanCalendar) -> None:
        super().__init__()
        self.calendar = calendar
        self.day: date | None = None
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.itemDoubleClicked.connect(self._open)

    def mimeTypes(self) -> list[str]:
        return [TOPIC_MIME]

    def mimeData(self, items: list[QListWidgetItem]) -> object:  # type: ignore[override]
        for item in items:
            if item.data(_KIND) == "topic":
                return topic_mime(int(item.data(_ID)))
        return None

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._judge(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._judge(event)

    def _judge(self, event: QDragMoveEvent) -> None:
        if topic_from_mime(event.mimeData()) is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        topic_id = topic_from_mime(event.mimeData())
        if topic_id is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)  # the calendar is read again after
        event.accept()
        QTimer.singleShot(0, partial(self.calendar.reschedule, topic_id, self.day))

    def _open(self, item: QListWidgetItem) -> None:
        self.calendar.open_item(item)

    def _menu(self, where: QPoint) -> None:
        item = self.itemAt(where)
        if item is not None and item.data(_KIND) == "topic":
            self.calendar.topic_menu(int(item.data(_ID)), self.viewport().mapToGlobal(where))


class DayCell(QWidget):
    """One day: its header (the date; today marked) over its entries. Painted by hand rather
    than by style sheets, which cost a month's opening several times over."""

    def __init__(self, calendar: PlanCalendar) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(3, 3, 3, 3)
        layout.setSpacing(1)
        self.header = QLabel()
        self.header.setObjectName("dayHeader")
        self.header.setContentsMargins(4, 1, 4, 1)
        self.entries = DayList(calendar)
        clear = self.entries.palette()
        clear.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.transparent)
        self.entries.setPalette(clear)
        layout.addWidget(self.header)
        layout.addWidget(self.entries, 1)
        self.day: date | None = None
        self.kind = "-"

    def mark(self, kind: str) -> None:
        """ "today", "outside" (the month before or after) or "" (a day of the month)."""
        if kind == self.kind:
            return
        self.kind = kind
        header = self.header
        palette = self.palette()
        if kind == "today":
            palette.setColor(QPalette.ColorRole.Window, QColor(TODAY_COLOUR))
            palette.setColor(QPalette.ColorRole.WindowText, QColor("white"))
        elif kind == "outside":
            palette.setColor(
                QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
            )
        header.setPalette(palette)
        header.setAutoFillBackground(kind == "today")
        font = header.font()
        font.setBold(kind == "today")
        header.setFont(font)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        role = (
            QPalette.ColorRole.AlternateBase if self.kind == "outside" else QPalette.ColorRole.Base
        )
        today = self.kind == "today"
        pen = QPen(QColor(TODAY_COLOUR) if today else palette.color(QPalette.ColorRole.Mid))
        pen.setWidthF(2.0 if today else 1.0)
        painter.setPen(pen)
        painter.setBrush(palette.color(role))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 3, 3)
        painter.end()


class PlanCalendar(QWidget):
    """Signals: article_opened(int) when a planned or published article is double-clicked."""

    article_opened = Signal(int)

    def __init__(self, workspace: Workspace, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planCalendar")
        self.setWindowTitle(self.tr("Schedule"))
        self.workspace, self.user = workspace, user
        self.mode = MONTH
        self.anchor = date.today()
        self.topics: dict[int, Topic] = {}
        self.names: dict[int, str] = {}
        self.days: list[PlanDay] = []
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.account = QComboBox()
        self.account.setObjectName("calendarAccount")
        for account in workspace.accounts.list():
            self.account.addItem(account.title, account.name)
        bar.addWidget(QLabel(self.tr("Official account")))
        bar.addWidget(self.account)
        bar.addSpacing(12)
        self.week_button = QToolButton()
        self.week_button.setObjectName("weekButton")
        self.week_button.setText(self.tr("Week"))
        self.month_button = QToolButton()
        self.month_button.setObjectName("monthButton")
        self.month_button.setText(self.tr("Month"))
        group = QButtonGroup(self)
        for button, mode in ((self.week_button, WEEK), (self.month_button, MONTH)):
            button.setCheckable(True)
            group.addButton(button)
            button.clicked.connect(partial(self.set_mode, mode))
            bar.addWidget(button)
        self.month_button.setChecked(True)
        bar.addSpacing(12)
        self.prev_button = QPushButton("‹")
        self.prev_button.setObjectName("previousButton")
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setObjectName("todayButton")
        self.next_button = QPushButton("›")
        self.next_button.setObjectName("nextButton")
        for step, nav in ((-1, self.prev_button), (0, self.today_button), (1, self.next_button)):
            nav.clicked.connect(partial(self.go, step))
            bar.addWidget(nav)
        self.prev_button.setFixedWidth(32)
        self.next_button.setFixedWidth(32)
        self.prev_button.setToolTip(self.tr("Earlier"))
        self.next_button.setToolTip(self.tr("Later"))
        self.title = QLabel()
        self.title.setObjectName("calendarTitle")
        self.title.setStyleSheet("font-size:16px;font-weight:bold;margin-left:12px;")
        bar.addWidget(self.title)
        bar.addStretch(1)
        keys = [
            f"<span style='color:{colour}'>■ {i18n.pick(TOPIC_STATE_LABELS[state])}</span>"
            for state, colour in STATE_COLOURS.items()
        ]
        went = self.tr("went out (time)")
        keys.append(f"<span style='color:{PUBLISHED_COLOUR}'>✓ {went}</span>")
        legend = QLabel(self.tr("Planned:") + " " + " ".join(keys[:-1]) + " · " + keys[-1])
        legend.setObjectName("calendarLegend")
        bar.addWidget(legend)
        layout.addLayout(bar)
        self.message = QLabel()
        self.message.setObjectName("calendarMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # titles are not markup
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        body = QHBoxLayout()
        grid = QGridLayout()
        grid.setSpacing(3)
        self.weekday_labels: list[QLabel] = []
        for column in range(7):
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet("font-weight:bold;color:palette(placeholder-text);")
            grid.addWidget(label, 0, column)
            self.weekday_labels.append(label)
        self.grid = grid
        self.cells: list[DayCell] = []
        for index in range(42):
            cell = DayCell(self)
            grid.addWidget(cell, 1 + index // 7, index % 7)
            self.cells.append(cell)
        for row in range(1, 7):
            grid.setRowStretch(row, 1)
        for column in range(7):
            grid.setColumnStretch(column, 1)
        body.addLayout(grid, 1)
        side = QVBoxLayout()
        heading = QLabel(self.tr("Not scheduled"))
        heading.setStyleSheet("font-weight:bold;")
        heading.setToolTip(self.tr("Drag a topic onto a day; drag one here to take it off"))
        self.unslotted = DayList(self)
        self.unslotted.setObjectName("unslottedList")
        self.unslotted.setFrameShape(QFrame.Shape.StyledPanel)
        self.unslotted.setWordWrap(True)
        self.unslotted.setSpacing(3)
        side.addWidget(heading)
        side.addWidget(self.unslotted, 1)
        side_box = QWidget()
        side_box.setLayout(side)
        side_box.setFixedWidth(200)
        body.addWidget(side_box)
        layout.addLayout(body, 1)
        self.account.currentIndexChanged.connect(lambda _: self.refresh())
        self.resize(1280, 800)
        self.refresh()

    # --- the range shown -------------------------------------------------------------------

    def chosen_account(self) -> str:
        return str(self.account.currentData())

    def span(self) -> tuple[date, date]:
        """The first and last day on screen: a whole week, or the weeks the month touches."""
        if self.mode == WEEK:
            first = monday(self.anchor)
            return first, first + timedelta(days=6)
        start = self.anchor.replace(day=1)
        end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        first = monday(start)
        weeks = (end - first).days // 7 + 1
        return first, first + timedelta(days=7 * weeks - 1)

    def set_mode(self, mode: str, _checked: bool = False) -> None:
        self.mode = mode
        self.week_button.setChecked(mode == WEEK)
        self.month_button.setChecked(mode == MONTH)
        self.refresh()

    def go(self, step: int, _checked: bool = False) -> None:
        """-1 back, 0 today, 1 on: a week or a month at a time."""
        if step == 0:
            self.anchor = date.today()
        elif self.mode == WEEK:
            self.anchor += timedelta(weeks=step)
        else:
            month = self.anchor.year * 12 + self.anchor.month - 1 + step
            self.anchor = date(month // 12, month % 12 + 1, 1)
        self.anchor = min(max(self.anchor, FIRST_DAY), LAST_DAY)
        self.refresh()

    def show_day(self, day: date) -> None:
        self.anchor = min(max(day, FIRST_DAY), LAST_DAY)
        self.refresh()

    def _plan(self, first: date, last: date, account: str) -> list[PlanDay]:
        """The plan of [first, last]; the days a first or last week shows beyond Newsdesk's
        calendar stay empty (nothing can be planned there)."""
        inside = self.workspace.topics.plan(max(first, FIRST_DAY), min(last, LAST_DAY), account)
        found = {d.day: d for d in inside}
        account_id = self.workspace.accounts.get(account).id
        days = (first + timedelta(days=n) for n in range((last - first).days + 1))
        return [found.get(day) or PlanDay(day, account_id) for day in days]

    # --- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        first, last = self.span()
        account = self.chosen_account()
        self.names = {u.id: u.display_name for u in self.workspace.users.list()}
        self.days = self._plan(first, last, account)
        self.topics = {t.id: t for d in self.days for t in d.planned}
        today = date.today()
        if self.mode == WEEK:
            self.title.setText(
                f"{day_text(first, with_weekday=False)} – {day_text(last, with_weekday=False)}"
            )
        else:
            self.title.setText(month_text(self.anchor))
        for column, label in enumerate(self.weekday_labels):
            label.setText(weekday(first + timedelta(days=column)))
            label.setVisible(self.mode == MONTH)
        rows = len(self.days) // 7
        for row in range(1, 7):
            self.grid.setRowStretch(row, 1 if row <= rows else 0)
        for index, cell in enumerate(self.cells):
            if index >= len(self.days):
                cell.hide()
                continue
            if cell.isHidden():
                cell.show()
            cell.entries.setWordWrap(self.mode == WEEK)
            self._fill(cell, self.days[index], today)
        self._fill_unslotted(account)

    def _fill(self, cell: DayCell, plan: PlanDay, today: date) -> None:
        day = plan.day
        cell.day = cell.entries.day = day
        cell.setObjectName(f"planDay_{day.isoformat()}")
        outside = self.mode == MONTH and day.month != self.anchor.month
        if self.mode == WEEK:
            text = day_text(day, today=day)
        elif day.day == 1:
            text = day_text(day, with_weekday=False, today=day)
        else:
            text = str(day.day)
        if day == today:
            text += self.tr(" · today")
        cell.header.setText(text)
        cell.mark("today" if day == today else "outside" if outside else "")
        entries = cell.entries
        entries.clear()
        small = QFont(entries.font())
        for topic in plan.planned:
            if topic.state is TopicState.DROPPED:
                continue
            state = i18n.pick(TOPIC_STATE_LABELS[topic.state])
            text = f"{position_text(topic.position)} {topic.title}"
            item = QListWidgetItem(text + (f"（{state}）" if self.mode == WEEK else ""))
            item.setData(_KIND, "topic")
            item.setData(_ID, topic.id)
            item.setForeground(QColor(STATE_COLOURS.get(topic.state, "#8a8f98")))
            who = "、".join(self.names.get(i, "?") for i in topic.assignees)
            item.setToolTip(
                f"{position_text(topic.position)} · {state}\n{topic.title}"
                + (f"\n{who}" if who else "")
            )
            if not self.may_slot(topic):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
            item.setFont(small)
            entries.addItem(item)
        for article_id, title, when in plan.published:
            at = when.astimezone().strftime("%H:%M")
            item = QListWidgetItem(f"✓ {at} {title}")
            item.setData(_KIND, "article")
            item.setData(_ID, article_id)
            item.setForeground(QColor(PUBLISHED_COLOUR))
            item.setFont(small)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
            item.setToolTip(self.tr("Published {0} {1}\n{2}").format(day_text(day), at, title))
            entries.addItem(item)

    def _fill_unslotted(self, account: str) -> None:
        self.unslotted.clear()
        waiting: list[Topic] = []
        for state in (TopicState.ACCEPTED, TopicState.WRITING, TopicState.PROPOSED):
            found = self.workspace.topics.list_topics(state, account, limit=UNSLOTTED_LIMIT)
            waiting += [t for t in found if t.slot is None]
        for topic in waiting:
            self.topics[topic.id] = topic
            label = i18n.pick(TOPIC_STATE_LABELS[topic.state])
            item = QListWidgetItem(f"{topic.title}\n{label}")
            item.setData(_KIND, "topic")
            item.setData(_ID, topic.id)
            item.setForeground(QColor(STATE_COLOURS.get(topic.state, "#8a8f98")))
            if not self.may_slot(topic):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
            self.unslotted.addItem(item)
        if not waiting:
            empty = QListWidgetItem(self.tr("Every topic has a day."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.unslotted.addItem(empty)

    def may_slot(self, topic: Topic) -> bool:
        try:
            check(TopicAction.SLOT, self.user, topic)
        except ChainRefusal:
            return False
        return True

    def cell(self, day: date) -> DayCell | None:
        for cell in self.cells:
            if cell.isVisibleTo(self) and cell.day == day:
                return cell
        return None

    def entries(self, day: date) -> list[str]:
        """What the day shows, as text (for people reading tests)."""
        cell = self.cell(day)
        if cell is None:
            return []
        return [cell.entries.item(row).text() for row in range(cell.entries.count())]

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        colour = (
            "background:#fdecea;color:#8c1d18;" if error else "background:#e8f5e9;color:#1b5e20;"
        )
        self.message.setStyleSheet(colour + "padding:6px 10px;border-radius:3px;")
        self.message.setVisible(bool(text))

    # --- changing --------------------------------------------------------------------------

    def reschedule(self, topic_id: int, day: date | None, position: int | None = None) -> bool:
        """Put the topic on `day` (at `position`, else the first free one), or off the plan."""
        try:
            topic = self.workspace.topics.get(topic_id)
            if topic.slot == day and (position is None or position == topic.position):
                return False
            refusal = permitted(self.user, topic)[TopicAction.SLOT]
            if refusal is not None:
                raise refusal
            slot = None
            if day is not None:
                slot = (day, position or self.workspace.topics.free_position(topic, day))
            moved = self.workspace.topics.reslot(self.user, topic_id, slot)
        except NewsdeskError as error:
            self.say(error.message(i18n.current()), error=True)
            self.refresh()
            return False
        if moved.slot is None:
            self.say(self.tr("Taken off the schedule: {0}").format(moved.title))
        else:
            self.say(self.tr("Rescheduled: {0} → {1}").format(moved.title, slot_text(moved)))
        self.refresh()
        return True

    def topic_menu(self, topic_id: int, where: QPoint) -> None:
        topic = self.topics.get(topic_id)
        if topic is None:
            return
        menu = QMenu(self)
        may = permitted(self.user, topic)[TopicAction.SLOT] is None
        if topic.slot is not None:
            taken = {
                t.position
                for d in self.days
                if d.day == topic.slot
                for t in d.planned
                if t.state is not TopicState.DROPPED and t.id != topic.id
            }
            for number in range(1, MAX_POSITION + 1):
                if number in taken or number == topic.position:
                    continue
                action = menu.addAction(self.tr("Move to {0}").format(position_text(number)))
                action.setEnabled(may)
                action.triggered.connect(partial(self._moved, topic.id, topic.slot, number))
            menu.addSeparator()
            off = menu.addAction(self.tr("Take off the schedule"))
            off.setEnabled(may)
            off.triggered.connect(partial(self._moved, topic.id, None, None))
        if topic.article_id is not None:
            menu.addSeparator()
            opener = menu.addAction(self.tr("Open article"))
            opener.triggered.connect(partial(self.article_opened.emit, topic.article_id))
        if not menu.isEmpty():
            menu.popup(where)

    def _moved(
        self, topic_id: int, day: date | None, position: int | None, _checked: bool = False
    ) -> None:
        self.reschedule(topic_id, day, position)

    def open_item(self, item: QListWidgetItem) -> None:
        kind, item_id = item.data(_KIND), item.data(_ID)
        if kind == "article":
            self.article_opened.emit(int(item_id))
        elif kind == "topic":
            topic = self.topics.get(int(item_id))
            if topic is not None and topic.article_id is not None:
                self.article_opened.emit(topic.article_id)
