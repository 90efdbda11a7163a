"""The article's fields beside its body: title with WeChat's counter, author, digest, column,
cover, source URL, original flag, co-editors."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from newsdesk.core.models import ArticleContent
from newsdesk.core.wechat_checks import AUTHOR_LIMIT, DIGEST_LIMIT, TITLE_LIMIT

COLUMNS = ["要闻", "时政", "民生", "乡村振兴", "教育", "文旅", "通知公告", "专题"]


class _Counted(QWidget):
    """A line edit with a "12/64" counter that turns red past WeChat's limit."""

    changed = Signal()

    def __init__(self, limit: int, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = limit
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setObjectName(object_name)
        self.counter = QLabel()
        self.counter.setObjectName(f"{object_name}Counter")
        self.counter.setMinimumWidth(48)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.counter)
        self.edit.textChanged.connect(self._count)
        self._count()

    def _count(self) -> None:
        n = len(self.edit.text().strip())
        self.counter.setText(f"{n}/{self.limit}")
        self.counter.setStyleSheet(
            "color:#b3261e;font-weight:bold" if n > self.limit else "color:#888"
        )
        self.changed.emit()


class MetadataForm(QWidget):
    """Signals: changed() on any edit; cover_requested() when the user wants to pick a cover."""

    changed = Signal()
    cover_requested = Signal()
    account_chosen = Signal(int)  # the id of the 公众号 the user chose for the article

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(8, 8, 8, 4)
        self.title = _Counted(TITLE_LIMIT, "titleEdit")
        self.title_edit = self.title.edit
        self.title_edit.setPlaceholderText(self.tr("Headline as it will appear in WeChat"))
        self.author = _Counted(AUTHOR_LIMIT, "authorEdit")
        self.digest = _Counted(DIGEST_LIMIT, "digestEdit")
        self.digest.edit.setPlaceholderText(self.tr("Empty: WeChat uses the first 54 characters"))
        self.column = QComboBox()
        self.column.setObjectName("columnEdit")
        self.column.setEditable(True)
        self.column.addItems(["", *COLUMNS])
        self.source_url = QLineEdit()
        self.source_url.setObjectName("sourceUrlEdit")
        self.source_url.setPlaceholderText("https://")
        self.original = QCheckBox(self.tr("Original"))
        self.original.setObjectName("originalCheck")
        self.co_editors = QLineEdit()
        self.co_editors.setObjectName("coEditorsEdit")
        self.co_editors.setPlaceholderText(self.tr("User names, separated by commas"))
        self.cover = QLabel(self.tr("No cover image"))
        self.cover.setObjectName("coverLabel")
        self.cover_button = QPushButton(self.tr("Choose…"))
        self.cover_button.setObjectName("coverButton")
        self.cover_button.clicked.connect(self._want_cover)
        cover_row = QHBoxLayout()
        cover_row.addWidget(self.cover, 1)
        cover_row.addWidget(self.cover_button)
        row = QHBoxLayout()
        row.addWidget(self.column, 1)
        row.addWidget(self.original)
        self.account = QComboBox()
        self.account.setObjectName("accountCombo")
        self.account_label = QLabel(self.tr("Official account"))
        self.account.activated.connect(self._account_chosen)
        form.addRow(self.account_label, self.account)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Author"), self.author)
        form.addRow(self.tr("Digest"), self.digest)
        form.addRow(self.tr("Column"), row)
        form.addRow(self.tr("Source link"), self.source_url)
        form.addRow(self.tr("Co-editors"), self.co_editors)
        form.addRow(self.tr("Cover image"), cover_row)
        self._cover_ref = ""
        for widget in (self.title, self.author, self.digest):
            widget.changed.connect(self.changed)
        self.column.currentTextChanged.connect(self.changed)
        self.source_url.textChanged.connect(self.changed)
        self.original.toggled.connect(self.changed)

    def show_accounts(self, accounts: list[tuple[int, str]], current: int) -> None:
        """The workspace's 公众号 (id, title); the row shows only when there is a choice."""
        self.account.blockSignals(True)
        self.account.clear()
        for account_id, title in accounts:
            self.account.addItem(title, account_id)
        self.account.setCurrentIndex(max(0, self.account.findData(current)))
        self.account.blockSignals(False)
        for widget in (self.account, self.account_label):
            widget.setVisible(len(accounts) > 1)

    def _account_chosen(self, index: int) -> None:
        self.account_chosen.emit(int(self.account.itemData(index)))

    def _want_cover(self, checked: bool = False) -> None:
        self.cover_requested.emit()

    def set_cover(self, ref: str, thumbnail: QPixmap | None) -> None:
        """The stored cover and its feed crop (2.35:1) as a small picture."""
        self._cover_ref = ref
        if thumbnail is not None and not thumbnail.isNull():
            self.cover.setPixmap(
                thumbnail.scaledToHeight(48, Qt.TransformationMode.SmoothTransformation)
            )
        else:
            self.cover.setText(self.tr("Set") if ref else self.tr("No cover image"))
        self.changed.emit()

    def show_content(self, content: ArticleContent, co_editors: list[str]) -> None:
        widgets = (
            self.title_edit,
            self.author.edit,
            self.digest.edit,
            self.column,
            self.source_url,
            self.original,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.title_edit.setText(content.title)
        self.author.edit.setText(content.author)
        self.digest.edit.setText(content.digest)
        self.column.setCurrentText(content.column)
        self.source_url.setText(content.source_url)
        self.original.setChecked(content.original)
        for widget in widgets:
            widget.blockSignals(False)
        for counted in (self.title, self.author, self.digest):
            counted._count()
        self.co_editors.setText(", ".join(co_editors))
        self._cover_ref = content.cover
        self.cover.setText(self.tr("Set") if content.cover else self.tr("No cover image"))

    def content(self, body: str) -> ArticleContent:
        base = ArticleContent(self.title_edit.text().strip(), body)
        return replace(
            base,
            author=self.author.edit.text().strip(),
            digest=self.digest.edit.text().strip(),
            column=self.column.currentText().strip(),
            cover=self._cover_ref,
            source_url=self.source_url.text().strip(),
            original=self.original.isChecked(),
        )

    def set_read_only(self, read_only: bool) -> None:
        for edit in (
            self.title_edit,
            self.author.edit,
            self.digest.edit,
            self.source_url,
            self.co_editors,
        ):
            edit.setReadOnly(read_only)
        self.column.setEnabled(not read_only)
        self.account.setEnabled(not read_only)
        self.cover_button.setEnabled(not read_only)
        self.original.setEnabled(not read_only)
