"""What the 选题 board and the 排期 calendar share: the dialogs that propose (报题) and accept
(派题) a topic, the drag format that carries a topic between them, and how days are written.

The dialogs call the core themselves, so a refusal (a slot already taken, nobody assigned) is
said inside the dialog and can be put right there.
"""

from __future__ import annotations

import html
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QMimeData, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.dates import FIRST_DAY, LAST_DAY
from newsdesk.core.errors import NewsdeskError
from newsdesk.core.limits import TOPIC_TITLE_MAX
from newsdesk.core.models import Role, Topic, User
from newsdesk.core.topics import MAX_POSITION, position_label
from newsdesk.core.workspace import Workspace
from newsdesk.ui import i18n
from newsdesk.ui.dialogs import error_label, ok_cancel
from newsdesk.ui.metadata_form import COLUMNS

TOPIC_MIME = "application/x-newsdesk-topic"
_WEEKDAYS_ZH = "一二三四五六日"
_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")  # fmt: skip


def weekday(day: date) -> str:
    """周四 / Thu."""
    if i18n.current() == i18n.ZH:
        return "周" + _WEEKDAYS_ZH[day.weekday()]
    return _WEEKDAYS_EN[day.weekday()]


def day_text(day: date, *, with_weekday: bool = True, today: date | None = None) -> str:
    """12月3日 周四 (Chinese) or Thu 3 Dec; the year only when it is not this year's."""
    this_year = (today or date.today()).year
    if i18n.current() == i18n.ZH:
        text = f"{day.month}月{day.day}日"
        if day.year != this_year:
            text = f"{day.year}年{text}"
        return f"{text} {weekday(day)}" if with_weekday else text
    text = f"{day.day} {_MONTHS_EN[day.month - 1]}"
    if day.year != this_year:
        text += f" {day.year}"
    return f"{weekday(day)} {text}" if with_weekday else text


def near_day(day: date, today: date | None = None) -> str:
    """今天, 明天, 昨天 when it is one of those, else 12月3日."""
    today = today or date.today()
    near = {
        0: QCoreApplication.translate("dates", "today"),
        1: QCoreApplication.translate("dates", "tomorrow"),
        -1: QCoreApplication.translate("dates", "yesterday"),
    }
    return near.get((day - today).days) or day_text(day, with_weekday=False, today=today)


def month_text(day: date) -> str:
    if i18n.current() == i18n.ZH:
        return f"{day.year}年{day.month}月"
    return f"{_MONTHS_EN[day.month - 1]} {day.year}"


def position_text(position: int | None) -> str:
    return i18n.pick(position_label(position or 1))


def slot_text(topic: Topic, *, near: bool = False) -> str:
    """12月5日 头条 (明天 头条 when `near`), or empty when the topic is not slotted."""
    if topic.slot is None:
        return ""
    day = near_day(topic.slot) if near else day_text(topic.slot, with_weekday=False)
    return f"{day} {position_text(topic.position)}"


def topic_mime(topic_id: int) -> QMimeData:
    data = QMimeData()
    data.setData(TOPIC_MIME, str(topic_id).encode("ascii"))
    return data


def topic_from_mime(data: QMimeData | None) -> int | None:
    if data is None or not data.hasFormat(TOPIC_MIME):
        return None
    try:
        return int(bytes(data.data(TOPIC_MIME).data()).decode("ascii"))
    except ValueError:
        return None


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def date_edit(name: str, day: date) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setObjectName(name)
    edit.setDateRange(to_qdate(FIRST_DAY), to_qdate(LAST_DAY))
    edit.setCalendarPopup(True)
    if i18n.current() == i18n.ZH:  # 2026-12-03 周四, whatever the system's locale
        edit.setLocale(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    edit.setDisplayFormat("yyyy-MM-dd ddd")
    return edit


class ProposeDialog(QDialog):
    """报题: a title, a brief, a column and the 公众号; anyone on the staff may propose."""

    def __init__(
        self, workspace: Workspace, user: User, account: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("proposeDialog")
        self.setWindowTitle(self.tr("Propose a topic"))
        self.workspace, self.user = workspace, user
        self.topic_id: int | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title = QLineEdit()
        self.title.setObjectName("topicTitleEdit")
        self.title.setMaxLength(TOPIC_TITLE_MAX)
        self.title.setPlaceholderText(self.tr("What the story is, in a line"))
        self.brief = QPlainTextEdit()
        self.brief.setObjectName("topicBriefEdit")
        self.brief.setPlaceholderText(
            self.tr("Angle, people to see, pictures needed… (becomes a note on the draft)")
        )
        self.column = QComboBox()
        self.column.setObjectName("topicColumnEdit")
        self.column.setEditable(True)
        self.column.addItems(["", *COLUMNS])
        self.account = QComboBox()
        self.account.setObjectName("topicAccount")
        for choice in workspace.accounts.list():
            self.account.addItem(choice.title, choice.name)
        if account is not None:
            self.account.setCurrentIndex(max(0, self.account.findData(account)))
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Brief"), self.brief)
        form.addRow(self.tr("Column"), self.column)
        form.addRow(self.tr("Official account"), self.account)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("Propose")))
        self.resize(480, 320)

    def accept(self) -> None:
        try:
            self.topic_id = self.workspace.topics.propose(
                self.user,
                self.title.text(),
                self.brief.toPlainText(),
                self.column.currentText(),
                str(self.account.currentData()),
            )
        except NewsdeskError as error:
            self.error.setText(error.message(i18n.current()))
            self.error.show()
            return
        super().accept()


class AcceptDialog(QDialog):
    """派题: who writes it (staff with the editor role), by when, and where it goes out."""

    def __init__(
        self,
        workspace: Workspace,
        user: User,
        topic: Topic,
        parent: QWidget | None = None,
        *,
        slot_day: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("acceptDialog")
        self.setWindowTitle(self.tr("Accept and assign"))
        self.workspace, self.user, self.topic = workspace, user, topic
        self.accepted_topic: Topic | None = None
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{html.escape(topic.title)}</b>")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        if topic.brief:
            brief = QLabel(topic.brief)
            brief.setWordWrap(True)
            brief.setStyleSheet("color:palette(placeholder-text);")
            layout.addWidget(brief)
        form = QFormLayout()
        self.assignees = QListWidget()
        self.assignees.setObjectName("assigneeList")
        self.assignees.setMaximumHeight(150)
        for person in workspace.users.list():
            if person.disabled or not person.has_role(Role.EDITOR):
                continue
            item = QListWidgetItem(person.display_name)
            item.setData(Qt.ItemDataRole.UserRole, person.username)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            chosen = person.id in topic.assignees
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            self.assignees.addItem(item)
        form.addRow(self.tr("Assigned to"), self.assignees)
        today = date.today()
        self.has_due = QCheckBox(self.tr("Due"))
        self.has_due.setObjectName("dueCheck")
        self.due = date_edit("dueEdit", topic.due or today + timedelta(days=1))
        self.has_due.setChecked(topic.due is not None)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.due.setEnabled(topic.due is not None)
        form.addRow(self.has_due, self.due)
        self.has_slot = QCheckBox(self.tr("Schedule"))
        self.has_slot.setObjectName("slotCheck")
        day = slot_day or topic.slot or today + timedelta(days=1)
        self.slot_day = date_edit("slotDateEdit", day)
        self.position = QComboBox()
        self.position.setObjectName("slotPosition")
        for number in range(1, MAX_POSITION + 1):
            self.position.addItem(position_text(number), number)
        slot_row = QHBoxLayout()
        slot_row.addWidget(self.slot_day, 1)
        slot_row.addWidget(self.position)
        self.has_slot.setChecked(topic.slot is not None or slot_day is not None)
        self.has_slot.toggled.connect(self._slot_toggled)
        self.slot_day.dateChanged.connect(lambda _: self._suggest_position())
        self.slot_day.dateChanged.connect(self._due_by_slot)
        form.addRow(self.has_slot, slot_row)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("Accept")))
        if topic.slot is not None and topic.position:
            self.position.setCurrentIndex(topic.position - 1)
        else:
            self._suggest_position()
        self._slot_toggled(self.has_slot.isChecked())
        self.resize(440, 380)

    def _slot_toggled(self, on: bool) -> None:
        self.slot_day.setEnabled(on)
        self.position.setEnabled(on)

    def _due_by_slot(self) -> None:
        """A due date after the day it goes out is refused (core/topics.py): moving the day
        earlier brings the due date along."""
        if self.has_slot.isChecked() and self.due.date() > self.slot_day.date():
            self.due.setDate(self.slot_day.date())

    def _suggest_position(self) -> None:
        """The first position of that day nobody holds yet."""
        try:
            free = self.workspace.topics.free_position(self.topic, from_qdate(self.slot_day.date()))
        except NewsdeskError:
            return
        self.position.setCurrentIndex(free - 1)

    def choose(self, usernames: list[str]) -> None:
        """Tick exactly these people (as a click on each would)."""
        for row in range(self.assignees.count()):
            item = self.assignees.item(row)
            on = item.data(Qt.ItemDataRole.UserRole) in usernames
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def chosen(self) -> list[str]:
        names = []
        for row in range(self.assignees.count()):
            item = self.assignees.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                names.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return names

    def accept(self) -> None:
        due = from_qdate(self.due.date()) if self.has_due.isChecked() else None
        slot = (
            (from_qdate(self.slot_day.date()), int(self.position.currentData()))
            if self.has_slot.isChecked()
            else None
        )
        try:
            self.accepted_topic = self.workspace.topics.accept(
                self.user, self.topic.id, self.chosen(), due, slot
            )
        except NewsdeskError as error:
            self.error.setText(error.message(i18n.current()))
            self.error.show()
            return
        super().accept()
