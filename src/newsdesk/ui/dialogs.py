"""Small dialogs: sign-in, first run, a reason, a published URL."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.dates import FIRST_DAY, LAST_DAY
from newsdesk.core.demo import DEMO_USERS
from newsdesk.core.errors import NewsdeskError
from newsdesk.core.limits import ACCOUNT_TITLE_MAX
from newsdesk.core.models import ROLE_LABELS, Role, User
from newsdesk.core.workspace import Workspace
from newsdesk.ui import i18n
from newsdesk.ui.connection import ConnectionDialog, saved_target


def ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setStyleSheet("color: #b3261e;")
    label.setWordWrap(True)
    label.hide()
    return label


class SignInDialog(QDialog):
    """Done with CHANGE_DATABASE when the user chose another workspace instead of signing in."""

    CHANGE_DATABASE = 2

    def __init__(
        self,
        workspace: Workspace,
        *,
        demo_password: str | None = None,
        username: str | None = None,
        where: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.user: User | None = None
        self.setWindowTitle(self.tr("Sign in — Newsdesk"))
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("稿件工作站 Newsdesk"))
        heading.setStyleSheet("font-size: 20px; font-weight: bold; margin-bottom: 6px;")
        layout.addWidget(heading)
        form = QFormLayout()
        self.username = QLineEdit(username or "")
        self.username.setObjectName("usernameEdit")
        self.password = QLineEdit()
        self.password.setObjectName("passwordEdit")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        if demo_password:
            names = "<br>".join(
                f"<b>{name}</b> {display}（{'、'.join(i18n.pick(ROLE_LABELS[Role(r)]) for r in roles)}）"
                for name, display, roles in DEMO_USERS
            )
            demo = QLabel(
                self.tr("Demo workspace. Every demo user's password is {0}").format(
                    f"<b>{demo_password}</b>"
                )
                + "<br>"
                + names
            )
            demo.setObjectName("demoUsers")
            demo.setTextFormat(Qt.TextFormat.RichText)
            demo.setStyleSheet("background:#fff8e1; padding:8px; border-radius:4px;")
            layout.addWidget(demo)
            if not username:
                self.username.setText("ma")
            self.password.setText(demo_password)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = ok_cancel(self, self.tr("Sign in"))
        if where is not None:  # None: --db, NEWSDESK_DB or the demo decided, not this PC's choice
            place = QLabel(where)
            place.setObjectName("workspacePlace")
            layout.insertWidget(1, place)
            change = buttons.addButton(self.tr("Database…"), QDialogButtonBox.ButtonRole.ResetRole)
            change.setObjectName("connectionButton")
            change.clicked.connect(self.change_database)
        layout.addWidget(buttons)
        (self.password if self.username.text() else self.username).setFocus()

    def accept(self) -> None:
        try:
            self.user = self.workspace.users.sign_in(
                self.username.text().strip(), self.password.text()
            )
        except NewsdeskError as error:
            self.error.setText(error.message(i18n.current()))
            self.error.show()
            self.password.selectAll()
            return
        super().accept()

    def change_database(self) -> None:
        if ConnectionDialog(saved_target(), self).exec() == QDialog.DialogCode.Accepted:
            self.done(self.CHANGE_DATABASE)


class FirstRunDialog(QDialog):
    """A fresh install: create the administrator and name the 公众号."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("Welcome to Newsdesk"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Create the administrator account. The administrator adds the newsroom's staff "
                "and sets up the WeChat account; it does not sign articles."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.account = QLineEdit()
        self.account.setObjectName("firstAccountName")
        self.account.setMaxLength(ACCOUNT_TITLE_MAX)
        self.account.setPlaceholderText(self.tr("e.g. 舟曲发布"))
        self.username = QLineEdit("admin")
        self.display = QLineEdit(self.tr("Administrator"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("WeChat account name"), self.account)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Display name"), self.display)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.again)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("Create")))

    def accept(self) -> None:
        if self.password.text() != self.again.text():
            self.error.setText(self.tr("The two passwords differ."))
            self.error.show()
            return
        try:
            admin = self.workspace.users.add(
                None,
                self.username.text().strip(),
                self.display.text().strip(),
                frozenset({Role.ADMIN}),
                self.password.text(),
            )
            if self.account.text().strip():
                self.workspace.settings.set(admin, "name", self.account.text().strip())
        except NewsdeskError as error:
            self.error.setText(error.message(i18n.current()))
            self.error.show()
            return
        super().accept()


class TextDialog(QDialog):
    """Asks for a reason (return, reopen, spike) or a URL (publish)."""

    def __init__(self, title: str, prompt: str, *, multiline: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.field: QPlainTextEdit | QLineEdit = QPlainTextEdit() if multiline else QLineEdit()
        self.field.setObjectName("reasonEdit")
        layout.addWidget(self.field)
        layout.addWidget(ok_cancel(self, self.tr("OK")))
        self.resize(420, 220 if multiline else 120)

    def value(self) -> str:
        field = self.field
        return (field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()).strip()


class MonthDialog(QDialog):
    """Asks for a month (the review forms of everything published in it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Review forms of a month"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Every article published in this month, one page each:")))
        self.month = QDateEdit(QDate.currentDate())
        self.month.setObjectName("monthEdit")
        self.month.setDateRange(
            QDate(FIRST_DAY.year, FIRST_DAY.month, 1), QDate(LAST_DAY.year, LAST_DAY.month, 1)
        )
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(True)
        layout.addWidget(self.month)
        layout.addWidget(ok_cancel(self, self.tr("Choose file…")))

    def value(self) -> str:
        return self.month.date().toString("yyyy-MM")
