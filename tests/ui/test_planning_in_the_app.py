"""计划 in the app: a topic proposed on the board, accepted by a producer's drag with assignees and
a slot, started by an assignee (the draft opens), seen on the calendar as planned and then as
published, rescheduled by a drag; a refused move changes nothing; the statistics fill their
tables and charts and export the core's numbers; the push dialog ticks today's plan in order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QLabel,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from newsdesk.core.dates import FIRST_DAY, LAST_DAY
from newsdesk.core.models import TopicState
from newsdesk.core.stats import PEOPLE_NOTE
from newsdesk.core.stats_export import group_rows, person_rows
from newsdesk.core.topics import TopicAction, permitted
from newsdesk.core.workspace import Workspace
from newsdesk.ui import i18n
from newsdesk.ui.dialogs import MonthDialog
from newsdesk.ui.main_window import MainWindow
from newsdesk.ui.plan_calendar import PlanCalendar
from newsdesk.ui.stats_view import StatsView
from newsdesk.ui.topic_board import TopicBoard
from newsdesk.ui.topic_dialogs import AcceptDialog, ProposeDialog, from_qdate, topic_mime
from tests.conftest import PASSWORD
from tests.ui.conftest import OpenWindow, answer_next_dialog, press, type_text

D = TypeVar("D", bound=QWidget)
TODAY = date.today()


def on_next_dialog(kind: type[D], act: Callable[[D], None]) -> None:
    """Fill the next modal dialog of `kind` once it is open, as a person would."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, look)
            return
        act(dialog)

    QTimer.singleShot(0, look)


_DRAGGED: list[QMimeData] = []  # an event only points at its data: keep it alive


def drag_over(view: QAbstractItemView, topic_id: int) -> QDragMoveEvent:
    """A card dragged over a list (the events Qt's drag delivers), not dropped."""
    _DRAGGED.append(topic_mime(topic_id))
    here, actions = (
        view.viewport().rect().center(),
        Qt.DropAction.MoveAction | Qt.DropAction.CopyAction,
    )
    button, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(
        view.viewport(), QDragEnterEvent(here, actions, _DRAGGED[-1], button, keys)
    )
    event = QDragMoveEvent(here, actions, _DRAGGED[-1], button, keys)
    QApplication.sendEvent(view.viewport(), event)
    return event


def drop_on(view: QAbstractItemView, topic_id: int) -> None:
    """A card dragged onto a list and let go there."""
    drag_over(view, topic_id)
    event = QDropEvent(
        QPointF(view.viewport().rect().center()),
        Qt.DropAction.MoveAction | Qt.DropAction.CopyAction,
        _DRAGGED[-1],
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), event)


def open_board(window: MainWindow) -> TopicBoard:
    press(window, "actionTopicBoard")
    board = window.findChild(TopicBoard, "topicBoard")
    assert board is not None and board.isVisible()
    return board


def column(board: TopicBoard, state: TopicState) -> QAbstractItemView:
    found = board.findChild(QAbstractItemView, f"topicColumn_{state.value}")
    assert found is not None
    return found


def titles(board: TopicBoard, state: TopicState) -> list[str]:
    view = column(board, state)
    model = view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def signed_body(ws: Workspace, article_id: int) -> None:
    """The assignee writes the story and it passes the chain."""
    ma, feng, sang = (ws.users.sign_in(u, PASSWORD) for u in ("ma", "feng", "sang"))
    article = ws.articles.get(article_id)
    content = replace(article.content, body="全县各乡镇按计划推进，群众反映良好。")
    ws.articles.save(ma, article_id, content, article.version)
    ws.articles.submit(ma, article_id)
    ws.articles.approve(feng, article_id)
    ws.articles.sign(sang, article_id)


def test_a_topic_is_proposed_accepted_by_a_drag_started_and_seen_on_the_calendar(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    ma = open_window("ma")
    board = open_board(ma)

    def propose(dialog: ProposeDialog) -> None:
        type_text(dialog.title, "城关镇老旧小区改造惠及两千余户")
        type_text(dialog.brief, "住建局、社区；改造前后对比照片。")
        dialog.column.setCurrentText("民生")
        dialog.accept()

    on_next_dialog(ProposeDialog, propose)
    board.propose_button.click()
    assert titles(board, TopicState.PROPOSED) == ["城关镇老旧小区改造惠及两千余户"]
    ws = ma.workspace
    [topic] = ws.topics.list_topics()
    assert (topic.brief, topic.column, topic.state) == (
        "住建局、社区；改造前后对比照片。", "民生", TopicState.PROPOSED,
    )  # fmt: skip
    # An editor may not accept: the button says why.
    assert board.current_topic() == topic and not board.accept_button.isEnabled()
    refusal = permitted(ws.users.sign_in("ma", PASSWORD), topic)[TopicAction.ACCEPT]
    assert refusal is not None and board.accept_button.toolTip() == refusal.message(i18n.current())

    # The producer drags the card onto 已派题: who writes it, by when, and today's 头条.
    sang = open_window("sang")
    producer_board = open_board(sang)

    def accept(dialog: AcceptDialog) -> None:
        dialog.choose(["ma", "yan"])
        dialog.has_due.setChecked(True)
        dialog.has_slot.setChecked(True)
        dialog.slot_day.setDate(dialog.slot_day.date().currentDate())
        dialog.position.setCurrentIndex(0)  # 头条
        dialog.accept()

    on_next_dialog(AcceptDialog, accept)
    drop_on(column(producer_board, TopicState.ACCEPTED), topic.id)
    qtbot.waitUntil(lambda: ws.topics.get(topic.id).state is TopicState.ACCEPTED, timeout=5000)
    accepted = ws.topics.get(topic.id)
    names = {ws.users.by_id(i).username for i in accepted.assignees}
    assert names == {"ma", "yan"} and (accepted.slot, accepted.position) == (TODAY, 1)
    assert accepted.due is not None
    assert titles(producer_board, TopicState.ACCEPTED) == [topic.title]
    assert titles(producer_board, TopicState.PROPOSED) == []

    # The assignee starts writing from the board: the draft opens in the main window.
    board.refresh()
    assert board.select(topic.id)
    assert board.start_button.isEnabled(), board.start_button.toolTip()
    board.start_button.click()
    started = ws.topics.get(topic.id)
    assert started.state is TopicState.WRITING and started.article_id is not None
    assert ma.session is not None and ma.session.article_id == started.article_id
    assert ma.form.title_edit.text() == topic.title
    assert titles(board, TopicState.WRITING) == [topic.title]
    notes = ws.articles.details(started.article_id).notes
    assert [n.reason for n in notes] == ["住建局、社区；改造前后对比照片。"]

    # The calendar shows the slot; once the article is published, what went out too.
    press(sang, "actionPlanCalendar")
    calendar = sang.findChild(PlanCalendar, "planCalendar")
    assert calendar is not None and calendar.isVisible()
    lead = i18n.pick(("头条", "lead"))
    assert f"{lead} {topic.title}" in calendar.entries(TODAY)
    signed_body(ws, started.article_id)
    ws.articles.publish(
        ws.users.sign_in("sang", PASSWORD), started.article_id, "https://mp.weixin.qq.com/s/x1"
    )
    calendar.refresh()
    shown = calendar.entries(TODAY)
    assert f"{lead} {topic.title}" in shown
    assert any(line.startswith("✓ ") and line.endswith(topic.title) for line in shown)
    assert ws.topics.get(topic.id).state is TopicState.DONE
    producer_board.refresh()
    assert titles(producer_board, TopicState.DONE) == [topic.title]


def test_a_drag_on_the_calendar_reschedules_to_the_first_free_position(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    sang = open_window("sang")
    ws = sang.workspace
    producer = ws.users.sign_in("sang", PASSWORD)
    target = TODAY + timedelta(days=1)
    taken = ws.topics.propose(producer, "已排在明天头条的选题")
    ws.topics.accept(producer, taken, ["ma"], slot=(target, 1))
    moving = ws.topics.propose(producer, "今天的次条改到明天")
    ws.topics.accept(producer, moving, ["yan"], slot=(TODAY, 2))
    press(sang, "actionPlanCalendar")
    calendar = sang.findChild(PlanCalendar, "planCalendar")
    assert calendar is not None
    calendar.set_mode("week")
    calendar.show_day(target)
    cell = calendar.cell(target)
    assert cell is not None
    drop_on(cell.entries, moving)
    qtbot.waitUntil(lambda: ws.topics.get(moving).slot == target, timeout=5000)
    assert ws.topics.get(moving).position == 2  # the 头条 was taken: 次条1
    second = i18n.pick(("次条1", "#2"))
    assert any(line.startswith(f"{second} 今天的次条改到明天") for line in calendar.entries(target))
    # And off the schedule, onto the 待排期 list.
    drop_on(calendar.unslotted, moving)
    qtbot.waitUntil(lambda: ws.topics.get(moving).slot is None, timeout=5000)
    assert any(calendar.unslotted.item(r).text().startswith("今天的次条改到明天")
               for r in range(calendar.unslotted.count()))  # fmt: skip


def test_a_refused_move_says_why_and_changes_nothing(qtbot: QtBot, open_window: OpenWindow) -> None:
    yan = open_window("yan")
    ws = yan.workspace
    editor = ws.users.sign_in("yan", PASSWORD)
    topic_id = ws.topics.propose(editor, "县医院开通远程会诊服务")
    board = open_board(yan)
    before = ws.topics.get(topic_id)
    why = permitted(editor, before)[TopicAction.ACCEPT]
    assert why is not None
    # Over the 已派题 column the drag is refused and the reason shows at once…
    event = drag_over(column(board, TopicState.ACCEPTED), topic_id)
    assert not event.isAccepted()
    assert board.message.text() == why.message(i18n.current())
    # …and a drop that gets through anyway is refused by the same rule.
    board.say("")
    drop_on(column(board, TopicState.ACCEPTED), topic_id)
    qtbot.waitUntil(lambda: board.message.text() == why.message(i18n.current()), timeout=5000)
    assert board.message.isVisible()
    assert ws.topics.get(topic_id) == before
    assert titles(board, TopicState.PROPOSED) == ["县医院开通远程会诊服务"]
    assert titles(board, TopicState.ACCEPTED) == []
    # The proposer may drop her own proposal, with a reason.
    answer_next_dialog("与上周稿件重复")
    drop_on(column(board, TopicState.DROPPED), topic_id)
    qtbot.waitUntil(lambda: ws.topics.get(topic_id).state is TopicState.DROPPED, timeout=5000)
    assert ws.topics.get(topic_id).drop_reason == "与上周稿件重复"
    assert titles(board, TopicState.DROPPED) == ["县医院开通远程会诊服务"]


def _table(view: Any) -> list[list[str]]:
    return [
        [view.item(r, c).text() for c in range(view.columnCount())] for r in range(view.rowCount())
    ]


def test_the_statistics_fill_tables_and_charts_and_export_the_core_numbers(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sang = open_window("sang")
    ws = sang.workspace
    producer, ma = (ws.users.sign_in(u, PASSWORD) for u in ("sang", "ma"))
    for index in range(3):
        topic_id = ws.topics.propose(ma, f"统计用稿件{index + 1}", column="民生")
        ws.topics.accept(producer, topic_id, ["ma"], slot=(TODAY, index + 1))
        article_id = ws.topics.start(ma, topic_id)
        signed_body(ws, article_id)
        if index < 2:
            ws.articles.publish(producer, article_id, f"https://mp.weixin.qq.com/s/n{index}")
    press(sang, "actionStats")
    view = sang.findChild(StatsView, "statsView")
    assert view is not None and view.isVisible()
    view.set_span(TODAY.replace(day=1), TODAY)
    expected = ws.stats.compute(TODAY.replace(day=1), TODAY)
    rows = person_rows(expected)
    assert _table(view.people) == [
        [f"{v:,}" if isinstance(v, int) and i and v >= 10000 else str(v) for i, v in enumerate(r)]
        for r in rows
    ]
    assert _table(view.people)[-1][0] == "合计"
    note = view.findChild(QLabel, "peopleNote")
    assert note is not None and note.isVisible() and note.text() == i18n.pick(PEOPLE_NOTE)
    assert view.people.horizontalHeaderItem(1).text() in ("新建", "created")
    assert _table(view.columns) == [[str(v) for v in r] for r in group_rows(expected.columns)]
    assert len(_table(view.accounts)) == 1
    person_chart, daily_chart = view.person_chart.chart(), view.daily_chart.chart()
    assert person_chart.series() and daily_chart.series()
    bars = person_chart.series()[0].barSets()
    published = next(b for b in bars if b.label() in ("发布稿件", "published"))
    assert published.at(0) == 2  # ma, who published most, comes first

    target = tmp_path / "工作量.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    view.export_xlsx_button.click()
    book = load_workbook(target)
    sheet = book["人员"]
    read = [list(r) for r in sheet.iter_rows(min_row=3, values_only=True)]
    assert read[: len(rows)] == rows and read[-1][0] == PEOPLE_NOTE[0]
    assert [c.value for c in sheet[2]][:3] == ["姓名", "新建", "合作编辑"]
    assert book["栏目"]["A3"].value == "民生" and book["栏目"]["B3"].value == 2
    csv_target = tmp_path / "工作量.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(csv_target), ""))
    view.export_csv_button.click()
    assert csv_target.read_bytes().startswith(b"\xef\xbb\xbf")
    # The quick ranges.
    view.findChild(QPushButton, "lastMonthButton").click()
    first, last = view.span()
    assert last == TODAY.replace(day=1) - timedelta(days=1) and first == last.replace(day=1)
    view.findChild(QPushButton, "thisYearButton").click()
    assert view.span() == (date(TODAY.year, 1, 1), date(TODAY.year, 12, 31))


def test_the_push_dialog_ticks_todays_planned_articles_in_planned_order(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    sang = open_window("sang")
    ws = sang.workspace
    producer, ma = (ws.users.sign_in(u, PASSWORD) for u in ("sang", "ma"))

    def planned(title: str, position: int | None) -> int:
        topic_id = ws.topics.propose(ma, title)
        ws.topics.accept(producer, topic_id, ["ma"], slot=(TODAY, position) if position else None)
        article_id = ws.topics.start(ma, topic_id)
        signed_body(ws, article_id)
        return article_id

    second = planned("今天的次条", 2)
    unplanned = planned("没有排期的稿件", None)
    lead = planned("今天的头条", 1)
    tomorrow = ws.topics.propose(ma, "明天的头条")
    ws.topics.accept(producer, tomorrow, ["ma"], slot=(TODAY + timedelta(days=1), 1))
    dialog = sang.push()
    assert dialog is not None
    assert dialog.chosen() == [lead, second]
    shown = [dialog.articles.item(i).text() for i in range(dialog.articles.count())]
    assert shown[:2] == ["今天的头条", "今天的次条"] and "没有排期的稿件" in shown
    assert unplanned not in dialog.chosen()
    assert "今天的头条" in dialog.planned.text() and "明天的头条" not in dialog.planned.text()
    dialog.close()


def test_the_planning_windows_speak_the_newsrooms_words(
    qtbot: QtBot, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLabel

    from newsdesk.ui.topic_dialogs import day_text

    monkeypatch.setenv("NEWSDESK_LANG", "zh")
    window = open_window("sang")
    menu = {n: window.findChild(QAction, n).text() for n in
            ("actionTopicBoard", "actionPlanCalendar", "actionStats")}  # fmt: skip
    assert menu == {"actionTopicBoard": "选题", "actionPlanCalendar": "排期",
                    "actionStats": "工作量统计"}  # fmt: skip
    board = open_board(window)
    headers = [board.findChild(QLabel, f"topicHeader_{s.value}").text().split()[0]
               for s in TopicState]  # fmt: skip
    assert headers == ["已报题", "已派题", "写稿中", "已发布", "已放弃"]
    assert board.propose_button.text() == "报题…"
    press(window, "actionPlanCalendar")
    calendar = window.findChild(PlanCalendar, "planCalendar")
    assert [label.text() for label in calendar.weekday_labels] == [
        "周一", "周二", "周三", "周四", "周五", "周六", "周日",
    ]  # fmt: skip
    assert calendar.title.text() == f"{TODAY.year}年{TODAY.month}月"
    thursday = date(2026, 12, 3)
    assert day_text(thursday, today=thursday) == "12月3日 周四"
    press(window, "actionStats")
    stats = window.findChild(StatsView, "statsView")
    assert [stats.tabs.tabText(i) for i in range(3)] == ["人员", "栏目", "公众号"]


def test_cards_fit_their_column_however_narrow_the_board(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    window = open_window("sang")
    window.workspace.topics.propose(
        window.workspace.users.sign_in("ma", PASSWORD),
        "全县重点项目建设现场观摩活动举行暨第三季度项目推进会召开",
        "",
        "要闻",
    )
    board = open_board(window)
    board.refresh()
    for width in (1500, 1000):
        board.resize(width, 600)
        qtbot.wait(50)
        view = column(board, TopicState.PROPOSED)
        card = view.visualRect(view.model().index(0, 0))
        # No sideways scrolling in a column: the card is the column's width, its title elided.
        assert 0 < card.width() <= view.viewport().width()
        assert view.horizontalScrollBar().maximum() == 0


def test_the_planning_windows_keep_to_newsdesks_calendar(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    sang = open_window("sang")
    ws = sang.workspace
    producer = ws.users.sign_in("sang", PASSWORD)
    topic_id = ws.topics.propose(producer, "世纪末的头条")
    ws.topics.accept(producer, topic_id, ["ma"], slot=(LAST_DAY, 1))
    press(sang, "actionStats")
    view = sang.findChild(StatsView, "statsView")
    assert view is not None
    dialog = AcceptDialog(ws, producer, ws.topics.get(topic_id), sang)
    edits = [view.first, view.last, dialog.due, dialog.slot_day]
    for edit in edits:
        assert (from_qdate(edit.minimumDate()), from_qdate(edit.maximumDate())) == (
            FIRST_DAY,
            LAST_DAY,
        ), edit.objectName()
    month = MonthDialog(sang).month
    assert (month.minimumDate().year(), month.maximumDate().year()) == (2000, 2099)
    dialog.deleteLater()
    # The calendar goes no further than the range, and shows the last day's plan.
    press(sang, "actionPlanCalendar")
    calendar = sang.findChild(PlanCalendar, "planCalendar")
    assert calendar is not None
    for mode in ("month", "week"):
        calendar.set_mode(mode)
        calendar.show_day(LAST_DAY)
        calendar.go(1)
        assert calendar.anchor <= LAST_DAY
        assert any("世纪末的头条" in line for line in calendar.entries(LAST_DAY))
        calendar.show_day(FIRST_DAY)
        calendar.go(-1)
        assert calendar.anchor >= FIRST_DAY and calendar.span()[0] <= FIRST_DAY
