"""Where the article stands in the chain: its state, who signed each level and when, return
reasons and other notes, its revisions, and the check findings."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.articles import ArticleDetails
from newsdesk.core.checks import Finding
from newsdesk.core.models import LEVEL_LABELS, STATE_LABELS, Level
from newsdesk.ui import i18n

ROLE_FOR_LEVEL = (Level.EDITOR, Level.AUDITOR, Level.PRODUCER)


class ReviewPanel(QWidget):
    """Signals: finding_chosen(Finding) when the user clicks a finding to go to it."""

    finding_chosen = Signal(object)
    diff_requested = Signal(object)  # a revision id, or None for "changes since I signed"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.state = QLabel()
        self.state.setObjectName("stateLabel")
        self.state.setStyleSheet("font-size:15px;font-weight:bold;padding:4px 0;")
        self.lock = QLabel()
        self.lock.setObjectName("lockLabel")
        self.lock.setWordWrap(True)
        self.lock.setStyleSheet("background:#fff4e5;color:#8a5300;padding:6px;border-radius:4px;")
        self.lock.hide()
        self.chain = QListWidget()
        self.chain.setObjectName("signOffList")
        self.notes = QListWidget()
        self.notes.setObjectName("notesList")
        self.notes.setWordWrap(True)
        self.findings = QListWidget()
        self.findings.setObjectName("findingsList")
        self.findings.setWordWrap(True)
        self.history = QListWidget()
        self.history.setObjectName("historyList")
        self.diff_button = QPushButton(self.tr("Changes since I signed…"))
        self.diff_button.setObjectName("diffButton")
        for title, widget in (
            (None, self.state),
            (None, self.lock),
            (self.tr("Sign-offs"), self.chain),
            (self.tr("Checks"), self.findings),
            (self.tr("Reasons for return"), self.notes),
            (self.tr("Review history"), self.history),
            (None, self.diff_button),
        ):
            if title:
                label = QLabel(title)
                label.setStyleSheet("color:#666;margin-top:6px;")
                layout.addWidget(label)
            layout.addWidget(widget)
        self.diff_button.clicked.connect(self._diff_since_signed)
        self.history.itemDoubleClicked.connect(self._diff_with)
        self.findings.itemActivated.connect(self._chosen)
        self.findings.itemClicked.connect(self._chosen)

    def show_details(self, details: ArticleDetails) -> None:
        article = details.article
        self.state.setText(i18n.pick(STATE_LABELS[article.state]))
        credits = details.credits()
        self.chain.clear()
        signed = {s.level: s for s in details.sign_offs if s.valid}
        for level in ROLE_FOR_LEVEL:
            names = "、".join(credits[level]) or "—"
            sign = signed.get(level)
            mark = "✓" if sign else "○"
            when = f"  {i18n.when(sign.signed_at)}" if sign else ""
            self.chain.addItem(f"{mark} {i18n.pick(LEVEL_LABELS[level])}丨{names}{when}")
        self.notes.clear()
        for note in reversed(details.notes):
            who = details.names.get(note.user_id, "?")
            self.notes.addItem(f"{i18n.when(note.created_at)} {who}：{note.reason}")
        self.history.clear()
        for revision in reversed(details.revisions):
            who = details.names.get(revision.user_id, "?")
            item = QListWidgetItem(f"v{revision.version}  {who}  {i18n.when(revision.created_at)}")
            item.setData(Qt.ItemDataRole.UserRole, revision.id)
            self.history.addItem(item)

    def show_findings(self, findings: list[Finding]) -> None:
        self.findings.clear()
        for finding in findings:
            text = finding.message_zh if i18n.current() == i18n.ZH else finding.message_en
            item = QListWidgetItem(("⛔ " if finding.blocking else "⚠ ") + text)
            item.setData(Qt.ItemDataRole.UserRole, finding)
            self.findings.addItem(item)
        if not findings:
            self.findings.addItem(self.tr("No problems found"))

    def show_lock(self, text: str) -> None:
        self.lock.setText(text)
        self.lock.setVisible(bool(text))

    def _diff_since_signed(self, checked: bool = False) -> None:
        self.diff_requested.emit(None)

    def _diff_with(self, item: QListWidgetItem) -> None:
        self.diff_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def _chosen(self, item: QListWidgetItem) -> None:
        finding = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(finding, Finding):
            self.finding_chosen.emit(finding)
