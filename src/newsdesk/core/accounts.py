"""The workspace's 公众号: a county centre often runs more than one. Each has a name for
commands, the title readers see, its own ending and theme (settings), its published articles
for 往期回顾, and its API connection (AppID and API base; the AppSecret stays on each PC)."""

from __future__ import annotations

import re

from newsdesk.core.context import Context
from newsdesk.core.errors import AdminRequired, InvalidInput, NotFound
from newsdesk.core.limits import ACCOUNT_TITLE, ACCOUNT_TITLE_MAX, check_length
from newsdesk.core.models import Account, Role, User
from newsdesk.core.users import UserService
from newsdesk.core.wechat_api import DEFAULT_API_BASE, check_api_base

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")
_APPID = re.compile(r"^wx[0-9a-f]{16}$")
# What WeChat issues today: 32 hexadecimal digits. Anything else (a blank, a value pasted with
# a line of something else, a truncated copy) would only fail later, at the first push.
_APP_SECRET = re.compile(r"[0-9a-fA-F]{32}")


def check_app_secret(secret: str) -> str:
    """The AppSecret as it will be kept (surrounding spaces dropped), or a refusal that says
    what is wrong without repeating the value: it is a secret even when mistyped."""
    value = secret.strip()
    if _APP_SECRET.fullmatch(value):
        return value
    if "\n" in value or "\r" in value:
        shape_zh, shape_en = "输入的内容有多行", "the value given has several lines"
    else:
        shape_zh, shape_en = (
            f"输入的是 {len(value)} 个字符",
            f"the value given has {len(value)} characters",
        )
    raise InvalidInput(
        f"AppSecret 格式不对：应为 32 位十六进制数（0–9、a–f），{shape_zh}；"
        "请在公众平台 → 设置与开发 → 基本配置重置后完整复制。未保存任何内容。",
        f"not an AppSecret: it is 32 hexadecimal digits (0-9, a-f) and {shape_en}; reset it"
        " at 设置与开发 → 基本配置 and copy it whole. Nothing was saved.",
    )


_ACCOUNT_WORDS = ("公众号", "official account")


class AccountService:
    def __init__(self, ctx: Context, users: UserService) -> None:
        self._ctx = ctx
        self._users = users

    def list(self) -> list[Account]:
        return self._ctx.repo.list_accounts()

    def get(self, name: str | None = None) -> Account:
        """The account called `name`; without a name, the first (the workspace's own)."""
        accounts = self.list()
        if name is None:
            return accounts[0]
        for account in accounts:
            if account.name == name:
                return account
        known = "、".join(a.name for a in accounts)
        raise InvalidInput(
            f"没有名为 {name} 的公众号（已有：{known}）",
            f"no official account called {name} (there are: {known})",
        )

    def by_id(self, account_id: int) -> Account:
        for account in self.list():
            if account.id == account_id:
                return account
        raise NotFound(_ACCOUNT_WORDS, account_id)

    def add(self, actor: User, name: str, title: str) -> Account:
        self._admin(actor, ("添加公众号", "add an official account"))
        name, title = name.strip(), title.strip()
        if not _NAME.match(name):
            raise InvalidInput(
                "公众号代号只能用字母、数字、- 和 _（如 qingxi），最长 32 个字符",
                "an account name is letters, digits, - and _ (e.g. qingxi), at most 32",
            )
        if not title:
            raise InvalidInput("请填写公众号名称（显示名）", "the account needs a title")
        check_length(title, ACCOUNT_TITLE_MAX, ACCOUNT_TITLE)
        with self._ctx.repo.transaction():
            if any(a.name == name for a in self.list()):
                raise InvalidInput(f"公众号 {name} 已存在", f"the account {name} already exists")
            account = self._ctx.repo.add_account(name, title, self._ctx.clock())
            self._ctx.record(actor.id, "account_add", None, account=name, title=title)
        return account

    def connect(self, actor: User, name: str | None, appid: str, api_base: str = "") -> Account:
        """Set the account's AppID and API base (the AppSecret is kept on this PC by the
        caller, never here)."""
        self._admin(actor, ("设置公众号接口", "set up the account's API connection"))
        appid = appid.strip()
        if not _APPID.match(appid):
            raise InvalidInput(
                f"AppID 格式不对：{appid}（应为 wx 开头加 16 位十六进制数，在公众平台 → 设置与开发 → 基本配置查看）",
                f"not an AppID: {appid} (wx and 16 hex digits; see 设置与开发 → 基本配置)",
            )
        base = check_api_base(api_base.strip() or DEFAULT_API_BASE)
        account = self.get(name)
        with self._ctx.repo.transaction():
            self._ctx.repo.update_account(account.id, appid=appid, api_base=base)
            self._ctx.record(
                actor.id, "account_connect", None, account=account.name, appid=appid, api_base=base
            )
        return self.by_id(account.id)

    def _admin(self, actor: User, what: tuple[str, str]) -> None:
        if Role.ADMIN not in self._users.fresh(actor).roles:
            raise AdminRequired(what)
