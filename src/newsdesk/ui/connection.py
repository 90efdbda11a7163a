"""Which workspace this PC opens: its own database file, or the newsroom's PostgreSQL server.

The choice is per user and PC (QSettings); `--db` and NEWSDESK_DB still win over it. A server
password never goes into the settings: it goes into a libpq password file only this user can
read, which the connection string names, the way PostgreSQL's own tools keep passwords.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote, urlsplit

import platformdirs
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.errors import NoWorkspace, StoreError
from newsdesk.store import default_database_path, is_server, open_repository
from newsdesk.ui import i18n

KEY = "store/target"


def saved_target() -> str | None:
    value = QSettings().value(KEY)
    return str(value) if value else None


def save_target(target: str | None) -> None:
    if target:
        QSettings().setValue(KEY, target)
    else:
        QSettings().remove(KEY)


def describe(target: str | None) -> str:
    """One line for people: where the workspace is, never a password."""
    if is_server(target):
        parts = urlsplit(target)
        return i18n.pick(("团队服务器 {0}", "team server {0}")).format(
            f"{parts.hostname or 'localhost'}{parts.path}"
        )
    return i18n.pick(("本机 {0}", "this PC, {0}")).format(target or default_database_path())


def _passfile() -> Path:
    return Path(platformdirs.user_config_dir("newsdesk", appauthor=False)) / "pgpass"


def _pgpass_field(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def server_url(host: str, port: int, database: str, user: str, password: str) -> str:
    """The connection string for these fields; the password, if any, goes to the password file
    (replacing an older one for the same server, database and user)."""
    url = f"postgresql://{quote(user, safe='')}@{host}:{port}/{quote(database, safe='')}"
    path = _passfile()
    if not password:  # a password given before, if any, still serves
        return f"{url}?passfile={quote(str(path))}" if path.exists() else url
    path.parent.mkdir(parents=True, exist_ok=True)
    key = ":".join(_pgpass_field(v) for v in (host, str(port), database, user)) + ":"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    lines = [line for line in lines if not line.startswith(key)] + [key + _pgpass_field(password)]
    temporary = path.with_suffix(".part")
    temporary.touch(mode=0o600)
    os.chmod(temporary, 0o600)  # libpq ignores a password file others can read
    temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    temporary.replace(path)
    return f"{url}?passfile={quote(str(path))}"


class ConnectionDialog(QDialog):
    """Choose and try the workspace; `target` holds the choice once accepted."""

    def __init__(self, current: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionDialog")
        self.setWindowTitle(self.tr("Database — Newsdesk"))
        self.setMinimumWidth(520)
        self.target: str | None = current
        layout = QVBoxLayout(self)
        self.this_pc = QRadioButton(self.tr("A database file on this PC (one PC)"))
        self.this_pc.setObjectName("thisPcRadio")
        self.server = QRadioButton(self.tr("The newsroom's server, PostgreSQL (several PCs)"))
        self.server.setObjectName("serverRadio")
        group = QButtonGroup(self)
        group.addButton(self.this_pc)
        group.addButton(self.server)

        self.file = QLineEdit()
        self.file.setObjectName("databaseFileEdit")
        self.file.setPlaceholderText(str(default_database_path()))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(browse)

        self.host = QLineEdit()
        self.host.setObjectName("hostEdit")
        self.host.setPlaceholderText("192.168.1.10")
        self.port = QSpinBox()
        self.port.setObjectName("portSpin")
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("newsdesk")
        self.database.setObjectName("databaseNameEdit")
        self.user = QLineEdit("newsdesk")
        self.user.setObjectName("serverUserEdit")
        self.password = QLineEdit()
        self.password.setObjectName("serverPasswordEdit")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kept in a file only you can read"))
        self.server_fields = QWidget()
        form = QFormLayout(self.server_fields)
        form.addRow(self.tr("Server address"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("Database user"), self.user)
        form.addRow(self.tr("Password"), self.password)

        self.outcome = QLabel()
        self.outcome.setObjectName("connectionOutcome")
        self.outcome.setWordWrap(True)
        test = QPushButton(self.tr("Test connection"))
        test.setObjectName("testConnectionButton")
        test.clicked.connect(self.test_connection)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.addButton(test, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        hint = QLabel(
            self.tr(
                "One PC keeps everything in a file. Several PCs share one PostgreSQL server;"
                " your administrator gives you its address, database, user and password."
                " The change takes effect at the next sign-in."
            )
        )
        hint.setWordWrap(True)
        for widget in (hint, self.this_pc):
            layout.addWidget(widget)
        layout.addLayout(file_row)
        layout.addWidget(self.server)
        layout.addWidget(self.server_fields)
        layout.addWidget(self.outcome)
        layout.addWidget(buttons)
        self.this_pc.toggled.connect(self._mode_changed)
        self._show(current)

    def _show(self, current: str | None) -> None:
        if is_server(current):
            parts = urlsplit(current)
            self.host.setText(parts.hostname or "")
            self.port.setValue(parts.port or 5432)
            self.database.setText(parts.path.lstrip("/"))
            self.user.setText(parts.username or "")
            self.server.setChecked(True)
        else:
            self.file.setText(current or "")
            self.this_pc.setChecked(True)
        self._mode_changed()

    def _mode_changed(self) -> None:
        local = self.this_pc.isChecked()
        self.file.setEnabled(local)
        self.server_fields.setEnabled(not local)
        self.outcome.clear()

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Database file"),
            self.file.text() or str(default_database_path()),
            self.tr("Newsdesk database (*.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            self.file.setText(name)

    def chosen(self) -> str | None:
        """The target the fields describe (writing the password file), None for the default."""
        if self.this_pc.isChecked():
            return self.file.text().strip() or None
        host = self.host.text().strip()
        if not host:
            return None
        return server_url(
            host,
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
            self.password.text(),
        )

    def test_connection(self) -> bool:
        if self.this_pc.isChecked():
            self._say(self.tr("A file on this PC needs no test."), ok=True)
            return True
        if not self.host.text().strip():
            self._say(self.tr("Enter the server's address first."), ok=False)
            return False
        try:
            store = open_repository(self.chosen())
        except NoWorkspace:  # reachable, but nothing set up in it yet
            self._say(
                self.tr("Connected. The database is empty: Newsdesk sets it up at first start."),
                ok=True,
            )
            return True
        except StoreError as error:  # unreachable, newer, waiting for its owner's upgrade…
            self._say(error.message(i18n.current()), ok=False)
            return False
        users = store.count_users()
        store.close()
        self._say(self.tr("Connected: a workspace with {0} staff.").format(users), ok=True)
        return True

    def _say(self, text: str, *, ok: bool) -> None:
        self.outcome.setText(text)
        self.outcome.setStyleSheet(f"color: {'#1e7b34' if ok else '#b3261e'};")
        self.adjustSize()  # a wrapped message must not squeeze the fields above it

    def accept(self) -> None:
        if self.server.isChecked() and not self.test_connection():
            return  # a server that does not answer is not saved as the workspace
        self.target = self.chosen()
        save_target(self.target)
        super().accept()
