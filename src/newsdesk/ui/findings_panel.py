"""校对: the proofreading findings beside the preview. Click one to go to it, apply its
suggestion in one click, or let it stand with a reason."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
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

from newsdesk.content.proofreading import CATEGORY_LABELS, HINT, Category, ProofFinding
from newsdesk.core.models import Dismissal
from newsdesk.core.proofreading import DISMISS_REASONS, FIELD_WORDS
from newsdesk.ui import i18n

# One colour a category, shared by the list and the underline in the editor.
CATEGORY_COLOURS: dict[Category, str] = {
    Category.TYPO: "#d32f2f",
    Category.LEADER: "#ad1457",
    Category.AGENCY: "#e65100",
    Category.NORM: "#6a1b9a",
    Category.DE: "#2e7d32",
    Category.PUNCTUATION: "#1565c0",
    Category.NUMBER: "#00838f",
    Category.BANNED: "#b71c1c",
    Category.ABSOLUTE: "#f9a825",
}
# A hint is a quiet note: blue-grey italics, quieter than a warning in its category's colour
# and apart from the plain grey of a finding let stand.
HINT_COLOUR = "#607d8b"
_ROLE = Qt.ItemDataRole.UserRole
# Where "wrong → right" is the whole story, the second line names the authority instead.
_SAID_BY_THE_PAIR = (Category.TYPO, Category.NORM, Category.BANNED, Category.ABSOLUTE)


class FindingsPanel(QWidget):
    """Signals: chosen(ProofFinding) to go to it; apply_requested(ProofFinding);
    dismiss_requested(ProofFinding, str reason)."""

    chosen = Signal(object)
    apply_requested = Signal(object)
    dismiss_requested = Signal(object, str)
    other_reason_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.summary = QLabel()
        self.summary.setObjectName("proofSummary")
        self.summary.setStyleSheet("font-weight:bold;padding:2px 4px;")
        self.list = QListWidget()
        self.list.setObjectName("proofList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        buttons = QHBoxLayout()
        self.apply_button = QPushButton(self.tr("Apply suggestion"))
        self.apply_button.setObjectName("applySuggestionButton")
        self.dismiss_button = QToolButton()
        self.dismiss_button.setObjectName("dismissButton")
        self.dismiss_button.setText(self.tr("Dismiss…"))
        self.dismiss_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.dismiss_button)
        self.reason_actions: list[QAction] = []
        for zh, en in DISMISS_REASONS:
            action = menu.addAction(zh if i18n.current() == i18n.ZH else en)
            action.setData(zh)
            action.triggered.connect(lambda _=False, reason=zh: self._dismiss(reason))
            self.reason_actions.append(action)
        menu.addSeparator()
        other = menu.addAction(self.tr("Other reason…"))
        other.setObjectName("otherReasonAction")
        other.triggered.connect(self._other_reason)
        self.dismiss_button.setMenu(menu)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.apply_button.clicked.connect(self._apply)
        self.list.currentItemChanged.connect(self._selection_changed)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._clicked)
        self.editable = True
        self._selection_changed()

    def show_findings(
        self, findings: list[ProofFinding], dismissed: dict[str, tuple[Dismissal, str]]
    ) -> None:
        """`dismissed`: key -> (the dismissal, who made it), for the findings let stand."""
        current = self.current()
        self.list.blockSignals(True)
        self.list.clear()
        errors = warnings = hints = 0
        for finding in findings:
            decision = dismissed.get(finding.key)
            if decision is None and finding.blocking:
                errors += 1
            elif decision is None and finding.severity == HINT:
                hints += 1
            elif decision is None:
                warnings += 1
            item = QListWidgetItem(self._text(finding, decision))
            tip = self.tr("Source: {0}").format(finding.source)
            if decision is not None:
                dismissal, who = decision
                item.setForeground(QColor("#888888"))
                tip += "\n" + self.tr("Dismissed by {0} at {1}: {2}").format(
                    who, i18n.when(dismissal.created_at), dismissal.reason
                )
            elif finding.severity == HINT:
                item.setForeground(QColor(HINT_COLOUR))
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
            else:
                item.setForeground(QColor(CATEGORY_COLOURS[finding.category]))
            item.setToolTip(tip)
            item.setData(_ROLE, finding)
            item.setData(_ROLE + 1, decision is not None)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if findings:
            self.summary.setText(
                self.tr(
                    "Proofreading — errors: {0}, warnings: {1}, hints: {2}, dismissed: {3}"
                ).format(errors, warnings, hints, len(findings) - errors - warnings - hints)
            )
            colour = "#b3261e" if errors else "#555555"
            self.summary.setStyleSheet(f"font-weight:bold;padding:2px 4px;color:{colour};")
        else:
            self.summary.setText(self.tr("Proofreading: no problems found"))
            self.summary.setStyleSheet("font-weight:bold;padding:2px 4px;color:#2e7d32;")
        if current is not None:
            for row in range(self.list.count()):
                if self._finding(self.list.item(row)).key == current.key:
                    self.list.setCurrentRow(row)
                    break
        self._selection_changed()

    def _text(self, finding: ProofFinding, decision: tuple[Dismissal, str] | None) -> str:
        """Two lines: what is wrong and the fix; then why (the rule's words, or its source
        where the first line already says it all)."""
        if decision is not None:
            grade = self.tr("Dismissed")
        elif finding.blocking:
            grade = self.tr("Error")
        elif finding.severity == HINT:
            grade = self.tr("Hint")
        else:
            grade = self.tr("Warning")
        label = i18n.pick(CATEGORY_LABELS[finding.category])
        fix = f" → {finding.suggestion}" if finding.suggestion else ""
        where = "" if finding.field == "body" else f"（{i18n.pick(FIELD_WORDS[finding.field])}）"
        first = f"{grade}｜{label}  {finding.text}{fix}{where}"
        if decision is not None:
            dismissal, who = decision
            second = self.tr("{0}: {1}").format(who, dismissal.reason)
        elif finding.category in _SAID_BY_THE_PAIR:
            second = finding.source
        else:
            second = finding.message(i18n.current())
        return f"{first}\n{second}"

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        self._selection_changed()

    def current(self) -> ProofFinding | None:
        item = self.list.currentItem()
        return self._finding(item) if item is not None else None

    def select(self, key: str) -> None:
        for row in range(self.list.count()):
            if self._finding(self.list.item(row)).key == key:
                self.list.setCurrentRow(row)
                return

    @staticmethod
    def _finding(item: QListWidgetItem) -> ProofFinding:
        finding = item.data(_ROLE)
        assert isinstance(finding, ProofFinding)
        return finding

    def _selection_changed(self, *args: object) -> None:
        item = self.list.currentItem()
        finding = self._finding(item) if item is not None else None
        open_ = item is not None and not item.data(_ROLE + 1)
        self.apply_button.setEnabled(
            self.editable and open_ and bool(finding and finding.suggestion)
        )
        self.dismiss_button.setEnabled(
            self.editable
            and open_
            and finding is not None
            and finding.category is not Category.BANNED
        )
        if finding is not None and finding.category is Category.BANNED:
            self.dismiss_button.setToolTip(
                self.tr("A banned word cannot be dismissed, only removed")
            )
        else:
            self.dismiss_button.setToolTip("")

    def _clicked(self, item: QListWidgetItem) -> None:
        self.chosen.emit(self._finding(item))

    def _apply(self, checked: bool = False) -> None:
        finding = self.current()
        if finding is not None:
            self.apply_requested.emit(finding)

    def _dismiss(self, reason: str) -> None:
        finding = self.current()
        if finding is not None:
            self.dismiss_requested.emit(finding, reason)

    def _other_reason(self, checked: bool = False) -> None:
        finding = self.current()
        if finding is not None:
            self.other_reason_requested.emit(finding)
