"""How the app reaches the 公众号 API and reopens its database on a worker thread."""

from __future__ import annotations

from newsdesk.core.models import Account
from newsdesk.core.repository import Repository
from newsdesk.core.wechat_api import DEFAULT_API_BASE, WeChatApi


def connect(account: Account) -> WeChatApi:
    """An account's API client; its AppSecret is read from this PC when a token is needed."""
    from newsdesk.wechat import open_client  # httpx and keyring load on the first push

    return open_client(account.appid, account.api_base or DEFAULT_API_BASE)


def store_secret(appid: str, secret: str) -> None:
    from newsdesk.wechat import store_secret as keep

    keep(appid, secret)


def reopen_target(repo: Repository) -> str:
    """What a worker opens to reach the same workspace: a server's full address (its `target`
    hides the password), else the database file."""
    return repo.location.address
