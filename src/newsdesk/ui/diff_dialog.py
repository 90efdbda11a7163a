"""Side-by-side differences between a chosen revision and the current text (审稿记录)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from newsdesk.content.diffing import side_by_side
from newsdesk.core.articles import ArticleDetails
from newsdesk.core.models import ArticleContent
from newsdesk.ui import i18n

_COLOURS = {"same": "", "changed": "#fff8e1", "added": "#e8f5e9", "removed": "#fdecea"}
_STYLE = (
    "<style>table{border-collapse:collapse;width:100%} td{vertical-align:top;padding:3px 6px;"
    "border-bottom:1px solid #eee;width:50%} del{background:#f6b8b8;text-decoration:line-through}"
    " ins{background:#b9e6bf;text-decoration:none} th{text-align:left;color:#666;padding:4px 6px}</style>"
)


class DiffDialog(QDialog):
    def __init__(
        self,
        details: ArticleDetails,
        current: ArticleContent,
        revisions: dict[int, ArticleContent],
        chosen: int | None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changes"))
        self.current, self.revisions = current, revisions
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Compare the current text with")))
        self.choice = QComboBox()
        self.choice.setObjectName("diffChoice")
        for revision in reversed(details.revisions):
            if revision.id in revisions:
                who = details.names.get(revision.user_id, "?")
                when = i18n.when(revision.created_at)
                self.choice.addItem(f"v{revision.version} · {who} · {when}", revision.id)
        if chosen is not None:
            self.choice.setCurrentIndex(max(0, self.choice.findData(chosen)))
        row.addWidget(self.choice, 1)
        layout.addLayout(row)
        self.view = QTextBrowser()
        self.view.setObjectName("diffView")
        layout.addWidget(self.view, 1)
        self.choice.currentIndexChanged.connect(self._show)
        self.resize(980, 640)
        self._show()

    def _show(self, *_: object) -> None:
        revision_id = self.choice.currentData()
        old = self.revisions.get(revision_id) if revision_id is not None else None
        if old is None:
            self.view.setHtml(self.tr("No earlier version."))
            return
        rows = []
        if old.title != self.current.title:
            rows.append(("changed", f"<b>{old.title}</b>", f"<b>{self.current.title}</b>"))
        for row in side_by_side(old.body, self.current.body):
            rows.append((row.kind, row.left, row.right))
        body = "".join(
            f'<tr style="background:{_COLOURS[kind]}"><td>{left or "&nbsp;"}</td><td>{right or "&nbsp;"}</td></tr>'
            for kind, left, right in rows
        )
        current = self.tr("Current")
        head = f"<tr><th>{self.choice.currentText()}</th><th>{current}</th></tr>"
        self.view.setHtml(f"{_STYLE}<table>{head}{body}</table>")
