"""计划 → 工作量统计: a date range (this month unless chosen; 本月, 上月, 本年 at a click), the
core's numbers as tables (人员 with a 合计 row, 栏目, 公众号; the core's Chinese headers) and as
charts (Qt Charts: a person's counts as grouped bars, articles published per day), and the
workbook or CSV the core writes. Nothing is counted here: `StatsService.compute` does it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.errors import NewsdeskError
from newsdesk.core.stats import GROUP_COLUMNS, PEOPLE_NOTE, PERSON_COLUMNS, WorkStats
from newsdesk.core.stats_export import group_rows, person_rows, write_csv, write_xlsx
from newsdesk.core.workspace import Workspace
from newsdesk.ui import i18n
from newsdesk.ui.topic_dialogs import date_edit, day_text, from_qdate, to_qdate

# Per-person charts: a few counts side by side, chosen from the person table's columns.
CHART_SETS: tuple[tuple[tuple[str, str], tuple[str, ...]], ...] = (
    (("稿件数", "articles"), ("created", "submitted", "published", "originals")),
    (("审稿", "reviewing"), ("audited", "signed_off", "returns_given", "returns_received")),
    (("发布字数", "characters"), ("characters",)),
)
BAR_COLOURS = ("#b3261e", "#1f6feb", "#2e7d32", "#d4880f")
DAILY_BARS = 31  # up to a month of days as bars; longer ranges as a line
MAX_PEOPLE_CHARTED = 20


def month_span(day: date) -> tuple[date, date]:
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def month_label(day: date) -> str:
    return f"{day.month}月" if i18n.current() == i18n.ZH else day.strftime("%b")


def day_label(day: date, first: bool) -> str:
    """Along a month: 12月1日 at the start, then the day's number."""
    if first:
        return day_text(day, with_weekday=False, today=day)
    return f"{day.day}日" if i18n.current() == i18n.ZH else str(day.day)


def _header(key: str, zh: str, en: str) -> str:
    return zh if i18n.current() == i18n.ZH else en


class StatsView(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statsView")
        self.setWindowTitle(self.tr("Workload statistics"))
        self.workspace = workspace
        self.stats: WorkStats | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        first, last = month_span(date.today())
        self.first = date_edit("statsFrom", first)
        self.first.setDisplayFormat("yyyy-MM-dd")
        self.last = date_edit("statsTo", last)
        self.last.setDisplayFormat("yyyy-MM-dd")
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.first)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.last)
        for name, text, pick in (
            ("thisMonthButton", self.tr("This month"), self.this_month),
            ("lastMonthButton", self.tr("Last month"), self.last_month),
            ("thisYearButton", self.tr("This year"), self.this_year),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(lambda _checked=False, pick=pick: pick())
            bar.addWidget(button)
        bar.addStretch(1)
        self.export_xlsx_button = QPushButton(self.tr("Export .xlsx…"))
        self.export_xlsx_button.setObjectName("exportXlsxButton")
        self.export_xlsx_button.clicked.connect(lambda _checked=False: self.export("xlsx"))
        self.export_csv_button = QPushButton(self.tr("Export .csv…"))
        self.export_csv_button.setObjectName("exportCsvButton")
        self.export_csv_button.clicked.connect(lambda _checked=False: self.export("csv"))
        bar.addWidget(self.export_xlsx_button)
        bar.addWidget(self.export_csv_button)
        layout.addLayout(bar)
        self.summary = QLabel()
        self.summary.setObjectName("statsSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # titles are not markup
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("statsTabs")
        self.people = self._table("peopleTable", PERSON_COLUMNS)
        self.columns = self._table("columnsTable", GROUP_COLUMNS, self.tr("Column"))
        self.accounts = self._table("accountsTable", GROUP_COLUMNS, self.tr("Official account"))
        people_page = QWidget()
        people_layout = QVBoxLayout(people_page)
        people_layout.setContentsMargins(0, 0, 0, 0)
        people_layout.addWidget(self.people, 1)
        self.people_note = QLabel(i18n.pick(PEOPLE_NOTE))  # the core's words, as in the exports
        self.people_note.setObjectName("peopleNote")
        self.people_note.setWordWrap(True)
        people_layout.addWidget(self.people_note)
        self.tabs.addTab(people_page, self.tr("People"))
        self.tabs.addTab(self.columns, self.tr("Columns"))
        self.tabs.addTab(self.accounts, self.tr("Official accounts"))
        charts = QWidget()
        chart_layout = QVBoxLayout(charts)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chooser_row = QHBoxLayout()
        chooser_row.addWidget(QLabel(self.tr("Per person:")))
        self.chart_set = QComboBox()
        self.chart_set.setObjectName("chartSet")
        for words, keys in CHART_SETS:
            self.chart_set.addItem(i18n.pick(words), keys)
        chooser_row.addWidget(self.chart_set)
        chooser_row.addStretch(1)
        chart_layout.addLayout(chooser_row)
        pair = QHBoxLayout()
        self.person_chart = self._chart_view("personChart")
        self.daily_chart = self._chart_view("dailyChart")
        pair.addWidget(self.person_chart, 1)
        pair.addWidget(self.daily_chart, 1)
        chart_layout.addLayout(pair, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tabs)
        split.addWidget(charts)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout.addWidget(split, 1)
        self.first.dateChanged.connect(lambda _: self.refresh())
        self.last.dateChanged.connect(lambda _: self.refresh())
        self.chart_set.currentIndexChanged.connect(lambda _: self._draw_people())
        self.resize(1200, 820)
        self.refresh()

    def _table(
        self, name: str, headers: Sequence[tuple[str, str, str]], first: str | None = None
    ) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        labels = [_header(*h) for h in headers]
        if first is not None:
            labels[0] = first
        table.setHorizontalHeaderLabels(labels)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(64)
        table.setSortingEnabled(False)
        return table

    def _chart_view(self, name: str) -> QChartView:
        view = QChartView()
        view.setObjectName(name)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(260)
        return view

    # --- the range -------------------------------------------------------------------------

    def span(self) -> tuple[date, date]:
        return from_qdate(self.first.date()), from_qdate(self.last.date())

    def set_span(self, first: date, last: date) -> None:
        for edit, day in ((self.first, first), (self.last, last)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(day))
            edit.blockSignals(False)
        self.refresh()

    def this_month(self) -> None:
        self.set_span(*month_span(date.today()))

    def last_month(self) -> None:
        self.set_span(*month_span(date.today().replace(day=1) - timedelta(days=1)))

    def this_year(self) -> None:
        today = date.today()
        self.set_span(date(today.year, 1, 1), date(today.year, 12, 31))

    # --- showing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        first, last = self.span()
        # A year of a large archive takes about a second: say so with the cursor.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.stats = self.workspace.stats.compute(first, last)
        except NewsdeskError as error:
            self.stats = None
            self.summary.setText("⚠ " + error.message(i18n.current()))
            self.summary.setStyleSheet("color:#b3261e;")
            for table in (self.people, self.columns, self.accounts):
                table.setRowCount(0)
            self.export_xlsx_button.setEnabled(False)
            self.export_csv_button.setEnabled(False)
            return
        finally:
            QApplication.restoreOverrideCursor()
        stats = self.stats
        self.summary.setStyleSheet("")
        if stats.people:
            self.summary.setText(
                self.tr("In this range — people who worked: {0}; articles published: {1}; characters: {2}.")
                .format(
                    len(stats.people),
                    sum(a.published for a in stats.accounts),  # each article once, co-edited or not
                    sum(a.characters for a in stats.accounts),
                )
            )  # fmt: skip
        else:
            self.summary.setText(self.tr("No work recorded in this range."))
        self._fill(self.people, person_rows(stats), total_row=True)
        self._fill(self.columns, group_rows(stats.columns))
        self._fill(self.accounts, group_rows(stats.accounts))
        self.export_xlsx_button.setEnabled(True)
        self.export_csv_button.setEnabled(True)
        self._draw_people()
        self._draw_days()

    def _fill(self, table: QTableWidget, rows: list[list[object]], total_row: bool = False) -> None:
        table.setRowCount(len(rows) if rows and (len(rows) > 1 or not total_row) else 0)
        if table.rowCount() == 0:
            return
        bold = QFont(table.font())
        bold.setBold(True)
        for r, row in enumerate(rows):
            last = total_row and r == len(rows) - 1
            for c, value in enumerate(row):
                is_number = isinstance(value, int)
                text = f"{value:,}" if is_number and c and value >= 10000 else str(value)  # type: ignore[operator]
                item = QTableWidgetItem(text)
                if is_number:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if last:
                    item.setFont(bold)
                    item.setBackground(QColor("#f2e6e4"))
                    item.setForeground(QColor("#000000"))
                table.setItem(r, c, item)

    def _draw_people(self) -> None:
        stats = self.stats
        chart = QChart()
        chart.setTitle(self.tr("Per person"))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        if stats is None or not stats.people:
            chart.setTitle(self.tr("Per person: no work in this range"))
            self.person_chart.setChart(chart)
            return
        keys = list(self.chart_set.currentData() or CHART_SETS[0][1])
        counted = [p for p in stats.people if any(getattr(p, key) for key in keys)]
        people = counted[:MAX_PEOPLE_CHARTED]
        if not people:
            chart.setTitle(self.tr("Per person: none of these in this range"))
            self.person_chart.setChart(chart)
            return
        headers = {key: _header(key, zh, en) for key, zh, en in PERSON_COLUMNS}
        series = QBarSeries()
        top = 0
        for colour, key in zip(BAR_COLOURS, keys, strict=False):
            bars = QBarSet(headers[key])
            bars.setColor(QColor(colour))
            for person in people:
                value = int(getattr(person, key))
                bars.append(value)
                top = max(top, value)
            series.append(bars)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([p.name for p in people])
        chart.addAxis(names, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        values = QValueAxis()
        values.setRange(0, max(top, 1) * 1.1)
        values.setLabelFormat("%d")
        values.applyNiceNumbers()
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values)
        if len(counted) > MAX_PEOPLE_CHARTED:
            chart.setTitle(
                self.tr("Per person (the {0} most published)").format(MAX_PEOPLE_CHARTED)
            )
        self.person_chart.setChart(chart)

    def _draw_days(self) -> None:
        stats = self.stats
        chart = QChart()
        chart.setTitle(self.tr("Articles published per day"))
        chart.legend().hide()
        chart.setMargins(QMargins(4, 4, 4, 4))
        if stats is None or not stats.days:
            self.daily_chart.setChart(chart)
            return
        top = max((n for _, n in stats.days), default=0)
        values = QValueAxis()
        values.setRange(0, max(top, 1) * 1.1)
        values.setLabelFormat("%d")
        values.applyNiceNumbers()
        # Days along a value axis labelled at a few of them: a category per day would crowd.
        along = QCategoryAxis()
        along.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        small = QFont(along.labelsFont())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        along.setLabelsFont(small)
        bars_wanted = len(stats.days) <= DAILY_BARS
        for index, (day, _) in enumerate(stats.days):
            if bars_wanted and (index == 0 or day.day % 5 == 0):
                along.append(day_label(day, index == 0), index)
            elif not bars_wanted and (index == 0 or day.day == 1):
                along.append(month_label(day), index)
        series: QBarSeries | QLineSeries
        if bars_wanted:
            bars = QBarSet(self.tr("Published"))
            bars.setColor(QColor(BAR_COLOURS[0]))
            for _, count in stats.days:
                bars.append(count)
            series = bar_series = QBarSeries()
            bar_series.append(bars)
            bar_series.setBarWidth(0.7)
            along.setRange(-0.5, len(stats.days) - 0.5)
        else:
            series = line = QLineSeries()
            line.setColor(QColor(BAR_COLOURS[0]))
            for index, (_, count) in enumerate(stats.days):
                line.append(float(index), float(count))
            along.setRange(0, len(stats.days) - 1)
        chart.addSeries(series)
        chart.addAxis(along, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(along)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values)
        self.daily_chart.setChart(chart)

    # --- exporting -------------------------------------------------------------------------

    def export(self, kind: str, path: Path | None = None) -> Path | None:
        """The workbook (one sheet per view) or the people as CSV, where the user chooses."""
        stats = self.stats
        if stats is None:
            return None
        if path is None:
            suggested = f"工作量统计_{stats.first.isoformat()}_{stats.last.isoformat()}.{kind}"
            filters = (
                self.tr("Excel workbook (*.xlsx)") if kind == "xlsx" else self.tr("CSV (*.csv)")
            )
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export statistics"), str(Path.home() / suggested), filters
            )
            if not chosen:
                return None
            path = Path(chosen)
            if path.suffix.lower() != f".{kind}":
                path = path.with_name(path.name + f".{kind}")
        try:
            (write_xlsx if kind == "xlsx" else write_csv)(stats, path)
        except (NewsdeskError, OSError) as error:
            message = (
                error.message(i18n.current()) if isinstance(error, NewsdeskError) else str(error)
            )
            self.summary.setText("⚠ " + message)
            self.summary.setStyleSheet("color:#b3261e;")
            return None
        self.summary.setText(self.tr("Saved: {0}").format(path))
        return path
