"""校对词库 (administrators): the leaders list, and the typo, agency and norm packs as this
workspace has them: shipped entries switched on or off, the newsroom's own entries added.
Each list can be read in from a text file or the Excel sheet an office keeps."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from newsdesk.content.proofreading import (
    Entry,
    OwnList,
    PackError,
    PackKind,
    parse_leaders,
    parse_own_list,
    shipped_pack,
)
from newsdesk.core.errors import NewsdeskError
from newsdesk.core.list_files import read_list_file
from newsdesk.core.models import User
from newsdesk.core.proofreading import LIST_LABELS
from newsdesk.core.workspace import Workspace
from newsdesk.ui import i18n

_SHIPPED = Qt.ItemDataRole.UserRole


def _item(text: str, *, editable: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class _ListPage(QWidget):
    """One list: a table, rows to add and remove, import from a file, save."""

    def __init__(self, workspace: Workspace, admin: User, name: str, headers: list[str]) -> None:
        super().__init__()
        self.workspace, self.admin, self.name = workspace, admin, name
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName(f"{name}Table")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:palette(window-text);")
        layout.addWidget(self.hint)
        row = QHBoxLayout()
        for text, slot, object_name in (
            (self.tr("Add row"), self.add_row, f"{name}AddButton"),
            (self.tr("Remove row"), self.remove_row, f"{name}RemoveButton"),
            (self.tr("Import from file…"), self.import_file, f"{name}ImportButton"),
        ):
            button = QPushButton(text)
            button.setObjectName(object_name)
            button.clicked.connect(lambda _=False, slot=slot: slot())
            row.addWidget(button)
        row.addStretch(1)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName(f"{name}SaveButton")
        self.save_button.clicked.connect(lambda _=False: self.save())
        row.addWidget(self.save_button)
        layout.addLayout(row)

    def add_row(self) -> None:
        self.table.insertRow(self.table.rowCount())
        self.table.scrollToBottom()
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0 and not self._shipped(row):
            self.table.removeRow(row)

    def _shipped(self, row: int) -> bool:
        item = self.table.item(row, 0)
        return bool(item is not None and item.data(_SHIPPED))

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def import_file(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import list"), "", self.tr("Lists (*.txt *.xlsx)")
            )
        if not path:
            return
        try:
            text = read_list_file(Path(path), self.name)
            self.take_in(text)
        except NewsdeskError as error:
            self._fail(error.message(i18n.current()))
        except PackError as error:
            self._fail(i18n.pick((error.zh, error.en)))

    def save(self) -> bool:
        try:
            self.workspace.proofreading.set_list(self.admin, self.name, self.text())
        except NewsdeskError as error:
            self._fail(error.message(i18n.current()))
            return False
        self.hint.setText(self.tr("Saved. Every PC of the newsroom uses it from the next check."))
        return True

    def _fail(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Not possible"), message)

    def take_in(self, text: str) -> None:
        raise NotImplementedError

    def text(self) -> str:
        raise NotImplementedError


class LeadersPage(_ListPage):
    def __init__(self, workspace: Workspace, admin: User) -> None:
        super().__init__(workspace, admin, "leaders", [self.tr("Name"), self.tr("Titles (、)")])
        self.hint.setText(
            self.tr(
                "In protocol order: names listed together in an article are checked against this"
                " order. Titles as the newsroom writes them, separated by 、."
            )
        )
        self.take_in(workspace.proofreading.list_text("leaders"), replace=True)

    def take_in(self, text: str, *, replace: bool = False) -> None:
        leaders = parse_leaders(text)
        if replace:
            self.table.setRowCount(0)
        for leader in leaders:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, _item(leader.name))
            self.table.setItem(row, 1, _item("、".join(leader.titles)))
        self.table.resizeColumnToContents(0)

    def text(self) -> str:
        lines = []
        for row in range(self.table.rowCount()):
            name, titles = self._cell(row, 0), self._cell(row, 1)
            if name or titles:
                lines.append(f"{name} {titles}")
        return "\n".join(lines) + ("\n" if lines else "")


class PackPage(_ListPage):
    """Shipped entries (switch them off with the tick) and the newsroom's own (edit freely)."""

    def __init__(self, workspace: Workspace, admin: User, kind: PackKind) -> None:
        headers = [self.tr("On"), self.tr("Wrong"), self.tr("Right"), self.tr("Source"),
                   self.tr("Year"), self.tr("Where from")]  # fmt: skip
        super().__init__(workspace, admin, kind.value, headers)
        self.kind = kind
        self.hint.setText(
            self.tr(
                "Shipped entries can be switched off; the newsroom's own entries can be added,"
                " changed and removed. Agencies need the year the body was renamed."
            )
        )
        own = parse_own_list(workspace.proofreading.list_text(kind.value))
        for entry in shipped_pack(kind):
            self._append(entry, shipped=True, on=entry.wrong not in own.disabled)
        for entry in own.entries:
            self._append(entry, shipped=False, on=True)
        self.table.resizeColumnsToContents()

    def _append(self, entry: Entry, *, shipped: bool, on: bool) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        tick = _item("", editable=False)
        tick.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        tick.setData(_SHIPPED, shipped)
        self.table.setItem(row, 0, tick)
        year = str(entry.year) if entry.year else ""
        for column, value in enumerate((entry.wrong, entry.right, entry.source, year), start=1):
            self.table.setItem(row, column, _item(value, editable=not shipped))
        where = self.tr("shipped") if shipped else self.tr("this newsroom")
        self.table.setItem(row, 5, _item(where, editable=False))

    def add_row(self) -> None:
        self._append(Entry("", "", ""), shipped=False, on=True)
        self.table.scrollToBottom()
        self.table.setCurrentCell(self.table.rowCount() - 1, 1)
        cell = self.table.item(self.table.rowCount() - 1, 1)
        if cell is not None:
            self.table.editItem(cell)

    def take_in(self, text: str) -> None:
        for entry in parse_own_list(text, year_required=self.kind is PackKind.AGENCIES).entries:
            self._append(entry, shipped=False, on=True)

    def text(self) -> str:
        own: list[Entry] = []
        off: set[str] = set()
        for row in range(self.table.rowCount()):
            on = self.table.item(row, 0).checkState() == Qt.CheckState.Checked  # type: ignore[union-attr]
            wrong = self._cell(row, 1)
            if self._shipped(row):
                if not on:
                    off.add(wrong)
                continue
            if not (on and (wrong or self._cell(row, 2))):
                continue
            year = self._cell(row, 4)
            own.append(
                Entry(
                    wrong,
                    self._cell(row, 2),
                    self._cell(row, 3),
                    year=int(year) if year.isdigit() else None,
                )
            )
        return OwnList(tuple(own), frozenset(off)).text()


class ProofreadingLists(QTabWidget):
    def __init__(self, workspace: Workspace, admin: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proofreadingLists")
        self.leaders = LeadersPage(workspace, admin)
        self.addTab(self.leaders, i18n.pick(LIST_LABELS["leaders"]))
        self.packs = {kind: PackPage(workspace, admin, kind) for kind in PackKind}
        for kind, page in self.packs.items():
            self.addTab(page, i18n.pick(LIST_LABELS[kind.value]))
