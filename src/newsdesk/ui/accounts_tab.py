"""管理 → 公众号: the workspace's accounts and each one's API connection. The AppSecret typed
here is kept on this PC only (newsdesk.wechat.secrets); the test explains the IP whitelist."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.accounts import check_app_secret
from newsdesk.core.errors import NewsdeskError
from newsdesk.core.limits import ACCOUNT_TITLE_MAX
from newsdesk.core.models import Account, User
from newsdesk.core.pushing import Connect
from newsdesk.core.wechat_api import DEFAULT_API_BASE
from newsdesk.core.workspace import Workspace
from newsdesk.ui import i18n
from newsdesk.ui.background import Background, Progress

_NAME = Qt.ItemDataRole.UserRole


class AccountsTab(QWidget):
    def __init__(
        self,
        workspace: Workspace,
        admin: User,
        target: str,
        connect: Connect,
        store_secret: Callable[[str, str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accountsTab")
        self.workspace, self.admin = workspace, admin
        self._store_secret = store_secret
        self.background = Background(target, connect, self)
        self.background.finished.connect(self._tested)
        self.background.failed.connect(self._test_failed)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("accountList")
        left.addWidget(self.list, 1)
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newAccountName")
        self.new_name.setPlaceholderText(self.tr("Short name, e.g. qingxi"))
        self.new_title = QLineEdit()
        self.new_title.setObjectName("newAccountTitle")
        self.new_title.setMaxLength(ACCOUNT_TITLE_MAX)
        self.new_title.setPlaceholderText(self.tr("Name readers see, e.g. 清溪发布"))
        add = QPushButton(self.tr("Add account"))
        add.setObjectName("addAccountButton")
        add.clicked.connect(lambda _=False: self.add())
        for widget in (self.new_name, self.new_title, add):
            left.addWidget(widget)
        layout.addLayout(left, 1)
        right = QVBoxLayout()
        form = QFormLayout()
        self.appid = QLineEdit()
        self.appid.setObjectName("appidEdit")
        self.appid.setPlaceholderText("wx…")
        self.secret = QLineEdit()
        self.secret.setObjectName("appSecretEdit")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("Kept on this PC only; leave empty to keep it"))
        self.api_base = QLineEdit()
        self.api_base.setObjectName("apiBaseEdit")
        self.api_base.setPlaceholderText(DEFAULT_API_BASE)
        form.addRow("AppID", self.appid)
        form.addRow("AppSecret", self.secret)
        form.addRow(self.tr("API base"), self.api_base)
        right.addLayout(form)
        buttons = QHBoxLayout()
        save = QPushButton(self.tr("Save connection"))
        save.setObjectName("saveConnectionButton")
        save.clicked.connect(lambda _=False: self.save())
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("testConnectionButton")
        self.test_button.clicked.connect(lambda _=False: self.test())
        buttons.addWidget(save)
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        right.addLayout(buttons)
        self.result = QLabel()
        self.result.setObjectName("connectionResult")
        self.result.setWordWrap(True)
        right.addWidget(self.result)
        help_text = QLabel(
            self.tr(
                "On the 公众平台 (mp.weixin.qq.com): 设置与开发 → 基本配置 shows the AppID and"
                " lets an administrator reset the AppSecret; the IP whitelist on the same page"
                " must hold this office's public IP (or the relay host's, when calls go through"
                " an API base of your own)."
            )
        )
        help_text.setWordWrap(True)
        right.addWidget(help_text)
        right.addStretch(1)
        layout.addLayout(right, 2)
        self.list.currentItemChanged.connect(lambda *_: self._show())
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        self.list.clear()
        for account in self.workspace.accounts.list():
            item = QListWidgetItem(f"{account.title}（{account.name}）")
            item.setData(_NAME, account.name)
            self.list.addItem(item)
            if account.name == select:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)

    def current(self) -> Account | None:
        item = self.list.currentItem()
        return self.workspace.accounts.get(str(item.data(_NAME))) if item else None

    def _show(self) -> None:
        account = self.current()
        self.appid.setText(account.appid if account else "")
        self.api_base.setText(account.api_base if account else "")
        self.secret.clear()
        self.result.clear()

    def _fail(self, error: NewsdeskError) -> None:
        QMessageBox.warning(self, self.tr("Not possible"), error.message(i18n.current()))

    def add(self) -> Account | None:
        try:
            account = self.workspace.accounts.add(
                self.admin, self.new_name.text(), self.new_title.text()
            )
        except NewsdeskError as error:
            self._fail(error)
            return None
        self.new_name.clear()
        self.new_title.clear()
        self.refresh(account.name)
        return account

    def save(self) -> bool:
        account = self.current()
        if account is None:
            return False
        try:
            typed = self.secret.text()
            secret = check_app_secret(typed) if typed.strip() else None  # before any write
            saved = self.workspace.accounts.connect(
                self.admin, account.name, self.appid.text(), self.api_base.text()
            )
            if secret is not None:
                self._store_secret(saved.appid, secret)
        except NewsdeskError as error:
            self._fail(error)
            return False
        self.secret.clear()
        self.result.setText(self.tr("Saved. The AppSecret is kept on this PC only."))
        return True

    def test(self) -> None:
        account = self.current()
        if account is None:
            return
        self.test_button.setEnabled(False)
        self.result.setText(self.tr("Asking WeChat…"))
        chosen = account.name

        def job(workspace: Workspace, progress: Progress) -> object:
            workspace.pushes.test(workspace.accounts.get(chosen))
            return chosen

        self.background.start(job)

    def _tested(self, name: object) -> None:
        self.test_button.setEnabled(True)
        self.result.setStyleSheet("color:#2e7d32;")
        self.result.setText(
            self.tr("Connected: WeChat accepts this AppID and AppSecret from this PC's address.")
        )

    def _test_failed(self, error: object) -> None:
        self.test_button.setEnabled(True)
        self.result.setStyleSheet("color:#b3261e;")
        self.result.setText(
            error.message(i18n.current()) if isinstance(error, NewsdeskError) else str(error)
        )
