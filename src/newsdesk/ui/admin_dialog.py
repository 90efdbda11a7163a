"""Administration (admin role): staff, 公众号 settings, word lists, backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from newsdesk.content import available_themes, load_theme
from newsdesk.core.errors import NewsdeskError
from newsdesk.core.limits import ACCOUNT_TITLE_MAX
from newsdesk.core.models import ROLE_LABELS, Role, User
from newsdesk.core.wechat_checks import starter_list
from newsdesk.core.workspace import Workspace
from newsdesk.ui import i18n, wechat_link
from newsdesk.ui.accounts_tab import AccountsTab
from newsdesk.ui.proofreading_lists import ProofreadingLists

ROLES = (Role.EDITOR, Role.AUDITOR, Role.PRODUCER, Role.ADMIN)


class AdminDialog(QDialog):
    """Signals: restored() after a backup replaced the workspace's contents."""

    restored = Signal()

    def __init__(self, workspace: Workspace, admin: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adminDialog")
        self.workspace, self.admin = workspace, admin
        self.setWindowTitle(self.tr("Administration"))
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._staff_tab(), self.tr("Staff"))
        self.tabs.addTab(self._account_tab(), self.tr("Official account"))
        self.accounts = AccountsTab(
            workspace,
            admin,
            wechat_link.reopen_target(workspace.repo),
            wechat_link.connect,
            wechat_link.store_secret,
        )
        self.tabs.addTab(self.accounts, self.tr("Accounts and API"))
        self.tabs.addTab(self._words_tab(), self.tr("Word lists"))
        self.proofreading = ProofreadingLists(workspace, admin)
        self.tabs.addTab(self.proofreading, self.tr("Proofreading lists"))
        self.tabs.addTab(self._backup_tab(), self.tr("Backup"))
        layout.addWidget(self.tabs)
        self.resize(860, 580)
        self.refresh_staff()

    def _fail(self, error: NewsdeskError) -> None:
        QMessageBox.warning(self, self.tr("Not possible"), error.message(i18n.current()))

    # --- staff --------------------------------------------------------------------------------

    def _staff_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.staff = QTableWidget(0, 2 + len(ROLES) + 1)
        self.staff.setObjectName("staffTable")
        self.staff.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Display name")]
            + [i18n.pick(ROLE_LABELS[r]) for r in ROLES]
            + [self.tr("Disabled")]
        )
        self.staff.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.staff, 1)
        form = QHBoxLayout()
        self.new_username = QLineEdit()
        self.new_username.setObjectName("newUsername")
        self.new_username.setPlaceholderText(self.tr("User name"))
        self.new_display = QLineEdit()
        self.new_display.setObjectName("newDisplayName")
        self.new_display.setPlaceholderText(self.tr("Display name, e.g. 马编辑"))
        self.new_roles = {r: QCheckBox(i18n.pick(ROLE_LABELS[r])) for r in ROLES}
        self.new_password = QLineEdit()
        self.new_password.setObjectName("newPassword")
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password.setPlaceholderText(self.tr("Password"))
        add = QPushButton(self.tr("Add"))
        add.setObjectName("addUserButton")
        add.clicked.connect(self.add_user)
        for widget in (
            self.new_username,
            self.new_display,
            *self.new_roles.values(),
            self.new_password,
            add,
        ):
            form.addWidget(widget)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        apply = QPushButton(self.tr("Save role and status changes"))
        apply.setObjectName("applyStaffButton")
        apply.clicked.connect(self.apply_staff)
        reset = QPushButton(self.tr("Reset password…"))
        reset.clicked.connect(self.reset_password)
        buttons.addWidget(apply)
        buttons.addWidget(reset)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return page

    def refresh_staff(self) -> None:
        users = self.workspace.users.list()
        self.staff.setRowCount(len(users))
        for row, user in enumerate(users):
            name = QTableWidgetItem(user.username)  # a username never changes
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.staff.setItem(row, 0, name)
            self.staff.setItem(row, 1, QTableWidgetItem(user.display_name))  # renamed here
            for col, role in enumerate(ROLES, start=2):
                box = QTableWidgetItem()
                box.setCheckState(
                    Qt.CheckState.Checked if role in user.roles else Qt.CheckState.Unchecked
                )
                self.staff.setItem(row, col, box)
            disabled = QTableWidgetItem()
            disabled.setCheckState(
                Qt.CheckState.Checked if user.disabled else Qt.CheckState.Unchecked
            )
            self.staff.setItem(row, 2 + len(ROLES), disabled)
        self.staff.resizeColumnsToContents()

    def add_user(self) -> None:
        roles = frozenset(r for r, box in self.new_roles.items() if box.isChecked())
        try:
            self.workspace.users.add(
                self.admin,
                self.new_username.text().strip(),
                self.new_display.text().strip(),
                roles,
                self.new_password.text(),
            )
        except NewsdeskError as error:
            self._fail(error)
            return
        for widget in (self.new_username, self.new_display, self.new_password):
            widget.clear()
        self.refresh_staff()

    def apply_staff(self) -> None:
        users = {u.username: u for u in self.workspace.users.list()}
        try:
            for row in range(self.staff.rowCount()):
                user = users[self._cell(row, 0).text()]
                roles = frozenset(
                    r
                    for col, r in enumerate(ROLES, start=2)
                    if self._cell(row, col).checkState() == Qt.CheckState.Checked
                )
                disabled = self._cell(row, 2 + len(ROLES)).checkState() == Qt.CheckState.Checked
                display = self._cell(row, 1).text().strip()
                renamed = display if display != user.display_name else None
                if roles != user.roles or disabled != user.disabled or renamed is not None:
                    self.workspace.users.update(
                        self.admin,
                        user.username,
                        roles=roles,
                        disabled=disabled,
                        display_name=renamed,
                    )
        except NewsdeskError as error:
            self._fail(error)
        self.refresh_staff()

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.staff.item(row, column)
        assert item is not None  # refresh_staff fills every cell
        return item

    def reset_password(self) -> None:
        row = self.staff.currentRow()
        if row < 0:
            return
        username = self._cell(row, 0).text()
        from newsdesk.ui.dialogs import TextDialog

        dialog = TextDialog(
            self.tr("Reset password"),
            self.tr("New password for {0}:").format(username),
            multiline=False,
            parent=self,
        )
        if dialog.exec():
            try:
                self.workspace.users.reset_password(self.admin, username, dialog.value())
            except NewsdeskError as error:
                self._fail(error)

    # --- account ------------------------------------------------------------------------------

    def _account_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        account = self.workspace.settings.account()
        self.account_name = QLineEdit(account.name)
        self.account_name.setObjectName("accountName")
        self.account_name.setMaxLength(ACCOUNT_TITLE_MAX)
        self.reprint = QPlainTextEdit(account.reprint_notice)
        self.reprint.setObjectName("reprintNotice")
        self.closing = QLineEdit(account.closing_line)
        self.closing.setObjectName("closingLine")
        self.theme = QComboBox()
        for name in available_themes():
            theme = load_theme(name)
            self.theme.addItem(
                theme.title_zh if i18n.current() == i18n.ZH else theme.title_en, name
            )
        self.theme.setCurrentIndex(max(0, self.theme.findData(account.default_theme)))
        self.previous = QSpinBox()
        self.previous.setRange(0, 10)
        self.previous.setValue(account.previous_count)
        save = QPushButton(self.tr("Save"))
        save.setObjectName("saveAccountButton")
        save.clicked.connect(self.save_account)
        form.addRow(self.tr("WeChat account name"), self.account_name)
        form.addRow(self.tr("Reprint notice"), self.reprint)
        form.addRow(self.tr("Closing line"), self.closing)
        form.addRow(self.tr("Default theme"), self.theme)
        form.addRow(self.tr("Previous issues shown"), self.previous)
        form.addRow("", save)
        return page

    def save_account(self) -> None:
        values = {
            "name": self.account_name.text().strip(),
            "reprint_notice": self.reprint.toPlainText().strip(),
            "closing_line": self.closing.text().strip(),
            "default_theme": str(self.theme.currentData()),
            "previous_count": str(self.previous.value()),
        }
        try:
            self.workspace.settings.set_many(self.admin, values)
        except NewsdeskError as error:
            self._fail(error)

    # --- word lists -----------------------------------------------------------------------------

    def _words_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        account = self.workspace.settings.account()
        self.banned = QPlainTextEdit(account.banned_words or starter_list("banned"))
        self.banned.setObjectName("bannedWords")
        self.absolute = QPlainTextEdit(account.absolute_words or starter_list("absolute"))
        self.absolute.setObjectName("absoluteWords")
        row = QHBoxLayout()
        for title, edit in (
            (self.tr("Banned words (block submit and export)"), self.banned),
            (self.tr("Absolute terms (a hint; a warning in promotional columns)"), self.absolute),
        ):
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(edit)
            row.addLayout(column)
        layout.addLayout(row, 1)
        layout.addWidget(QLabel(self.tr("One word per line; lines starting with # are notes.")))
        save = QPushButton(self.tr("Save"))
        save.setObjectName("saveWordsButton")
        save.clicked.connect(self.save_words)
        layout.addWidget(save)
        return page

    def save_words(self) -> None:
        try:
            self.workspace.settings.set(self.admin, "banned_words", self.banned.toPlainText())
            self.workspace.settings.set(self.admin, "absolute_words", self.absolute.toPlainText())
        except NewsdeskError as error:
            self._fail(error)

    # --- backup -------------------------------------------------------------------------------

    def _backup_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        info = QLabel(
            self.tr(
                "A backup is a complete copy of the database, made safely while others keep working. Keep copies on another disk."
            )
        )
        info.setWordWrap(True)
        layout.addWidget(info)
        button = QPushButton(self.tr("Back up now…"))
        button.setObjectName("backupButton")
        button.clicked.connect(self.backup_now)
        layout.addWidget(button)
        restore = QPushButton(self.tr("Restore from a backup…"))
        restore.setObjectName("restoreBackupButton")
        restore.clicked.connect(self.choose_restore)
        layout.addWidget(restore)
        if not self.workspace.repo.location.local:
            # Team mode: the server is backed up where it runs, with PostgreSQL's own tools.
            info.setText(
                self.tr(
                    "This workspace is on the newsroom's PostgreSQL server. It is backed up on"
                    " the server with pg_dump, and restored there with pg_restore (see the"
                    " README's team mode section); this PC keeps no copy."
                )
            )
            button.setEnabled(False)
            restore.setEnabled(False)
        self.backup_result = QLabel()
        self.backup_result.setWordWrap(True)
        layout.addWidget(self.backup_result)
        layout.addStretch(1)
        return page

    def backup_now(self, destination: str | None = None) -> None:
        if not destination:
            stamp = QDateTime.currentDateTime().toString("yyyyMMdd-HHmm")
            destination, _ = QFileDialog.getSaveFileName(
                self, self.tr("Back up to"), f"newsdesk-{stamp}.db", self.tr("Database (*.db)")
            )
        if not destination:
            return
        try:
            self.workspace.repo.backup_to(Path(destination))
        except NewsdeskError as error:
            self._fail(error)
            return
        self.backup_result.setText(self.tr("Saved {0}").format(destination))

    def choose_restore(self) -> None:
        source, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore from"), "", self.tr("Database (*.db)")
        )
        if not source:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore"),
            self.tr(
                "Replace everything in this workspace with the backup {0}? The current contents are kept in a separate file first."
            ).format(source),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_from(source)

    def restore_from(self, source: str) -> None:
        here = self.workspace.repo.location.path or Path.home()
        stamp = QDateTime.currentDateTime().toString("yyyyMMdd-HHmmss")
        safety = here.with_name(f"{here.stem}.before-restore-{stamp}.db")
        try:
            self.workspace.restore(self.admin, Path(source), safety)
        except NewsdeskError as error:
            self._fail(error)
            return
        self.backup_result.setText(
            self.tr("Restored from {0}. What was there before is in {1}.").format(source, safety)
        )
        self.refresh_staff()
        self.restored.emit()
