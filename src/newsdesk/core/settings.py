"""Each 公众号's settings every export uses (its name as readers see it, notices, theme, how many
往期回顾), and the word lists the whole workspace shares; kept in the store so all PCs share
them."""

from __future__ import annotations

import logging
from dataclasses import dataclass, fields, replace

from newsdesk.content.themes import ThemeError, load_theme
from newsdesk.core.context import Context
from newsdesk.core.errors import AdminRequired, InvalidInput
from newsdesk.core.limits import ACCOUNT_TITLE, ACCOUNT_TITLE_MAX, check_length
from newsdesk.core.models import Account, Role, User
from newsdesk.core.users import UserService

log = logging.getLogger(__name__)
_PREFIX = "account."
# The workspace's, whichever account an article is for (banned words do not change with it).
WORKSPACE_KEYS = ("banned_words", "absolute_words")


@dataclass(frozen=True)
class AccountSettings:
    name: str = "本县融媒"  # the account's title, as readers see it
    reprint_notice: str = (
        "本文为原创内容，转载请注明来源。未经授权，不得转载、摘编或以其他方式使用。"
    )
    closing_line: str = "欢迎关注、转发，共同传递家乡好声音。"
    default_theme: str = "default"
    previous_count: int = 3
    banned_words: str = ""  # one per line; empty means the shipped starter list
    absolute_words: str = ""

    @classmethod
    def setting_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]


def _checked(key: str, value: str) -> str | int:
    """A value being set, refused in words unless every export can use it."""
    if key == "name" and not value.strip():
        raise InvalidInput("公众号名称不能为空", "the account's name cannot be empty")
    if key == "default_theme":
        try:
            load_theme(value)
        except ThemeError as error:
            raise InvalidInput(f"排版主题不可用：{error}", f"theme not usable: {error}") from None
    return _coerce(key, value)


def _coerce(key: str, value: str) -> str | int:
    if key != "previous_count":
        return value
    try:
        number = int(value)
    except ValueError:
        raise InvalidInput(
            f"往期回顾条数必须是数字：{value}", f"previous_count must be a number: {value}"
        ) from None
    if not 0 <= number <= 10:
        raise InvalidInput(
            "往期回顾条数应在 0 到 10 之间", "previous_count must be between 0 and 10"
        )
    return number


def _key(account: Account, name: str) -> str:
    return _PREFIX + name if name in WORKSPACE_KEYS else f"{_PREFIX}{account.id}.{name}"


class SettingsService:
    def __init__(self, ctx: Context, users: UserService) -> None:
        self._ctx = ctx
        self._users = users

    def _account(self, account: Account | int | None) -> Account:
        accounts = self._ctx.repo.list_accounts()
        if isinstance(account, Account):
            return account
        if account is None:
            return accounts[0]
        return next((a for a in accounts if a.id == account), accounts[0])

    def account(self, account: Account | int | None = None) -> AccountSettings:
        """The settings of `account` (an Account or its id; the first one by default)."""
        chosen = self._account(account)
        stored = self._ctx.repo.settings_under(_PREFIX)
        values: dict[str, str | int] = {"name": chosen.title}
        for key in AccountSettings.setting_names():
            value = stored.get(_key(chosen, key))
            if value is not None and key != "name":
                try:
                    values[key] = _coerce(key, value)
                except InvalidInput:  # stored by an older version that took anything
                    log.info("setting %s of account %s ignored: %r", key, chosen.name, value)
        return replace(AccountSettings(), **values)  # type: ignore[arg-type]

    def word_list(self, key: str) -> str:
        """One stored word list ("banned_words", "absolute_words"), "" if none: the checks ask
        on every preview, so one read, not the whole account."""
        return self._ctx.repo.get_setting(_PREFIX + key) or ""

    def set(
        self, actor: User, key: str, value: str, account: Account | None = None
    ) -> AccountSettings:
        return self.set_many(actor, {key: value}, account)

    def set_many(
        self, actor: User, values: dict[str, str], account: Account | None = None
    ) -> AccountSettings:
        """Every value checked before any is kept: a refused one leaves all as they were."""
        actor = self._users.fresh(actor)
        if Role.ADMIN not in actor.roles:
            raise AdminRequired(("修改公众号设置", "change the account settings"))
        for key, value in values.items():
            if key not in AccountSettings.setting_names():
                known = ", ".join(AccountSettings.setting_names())
                raise InvalidInput(
                    f"没有这项设置：{key}（可用：{known}）",
                    f"no setting called {key} (known: {known})",
                )
            _checked(key, value)
        if "name" in values:
            check_length(values["name"].strip(), ACCOUNT_TITLE_MAX, ACCOUNT_TITLE)
        chosen = self._account(account)
        with self._ctx.repo.transaction():
            for key, value in values.items():
                if key == "name":
                    self._ctx.repo.update_account(chosen.id, title=value.strip())
                else:
                    self._ctx.repo.put_setting(_key(chosen, key), value)
                self._ctx.record(actor.id, "setting", None, key=key, account=chosen.name)
        return self.account(chosen.id)
