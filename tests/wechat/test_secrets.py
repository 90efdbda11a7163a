"""The AppSecret on this PC: the system keyring when there is a real one, else a 0600 file."""

from __future__ import annotations

import json
import logging
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringLocked, PasswordDeleteError

from newsdesk.core.wechat_api import WeChatRefused
from newsdesk.wechat import (
    SecretNotSet,
    forget_secret,
    load_secret,
    open_client,
    store_secret,
    where,
)
from newsdesk.wechat.secrets import SERVICE, secrets_file
from tests.wechat_standin import WeChatStandIn

Use = Callable[[KeyringBackend], KeyringBackend]
APPID = "wx0123456789abcdef"
SECRET = "a1b2c3d4e5f60718293a4b5c6d7e8f90"


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps entries in a dict: the real one of whoever runs tests stays untouched."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, locked: bool = False) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.locked = locked

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.locked:
            raise KeyringLocked("the collection is locked")
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def use_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[Use]:
    previous = keyring.get_keyring()
    monkeypatch.delenv("NEWSDESK_SECRET_STORE")

    def use(backend: KeyringBackend) -> KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    yield use
    keyring.set_keyring(previous)


def test_the_file_is_in_the_users_config_folder_and_only_the_user_reads_it(tmp_path: Path) -> None:
    store_secret(APPID, SECRET)
    path = secrets_file()
    assert path == tmp_path / "home" / "xdg_config_home" / "newsdesk" / "wechat-secrets.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert json.loads(path.read_text(encoding="utf-8")) == {APPID: SECRET}
    assert os.listdir(path.parent) == ["wechat-secrets.json"]  # no temporary left behind
    assert load_secret(APPID) == SECRET
    assert str(path) in where(APPID, "en") and "this user only" in where(APPID, "en")


def test_a_second_account_and_a_new_secret_replace_only_their_own(tmp_path: Path) -> None:
    store_secret(APPID, SECRET)
    store_secret("wx-other", "other-secret")
    store_secret(APPID, "  new-secret\n")
    assert (load_secret(APPID), load_secret("wx-other")) == ("new-secret", "other-secret")
    forget_secret(APPID)
    assert load_secret("wx-other") == "other-secret"
    assert stat.S_IMODE(secrets_file().stat().st_mode) == 0o600


def test_a_missing_secret_says_how_to_set_it_up() -> None:
    with pytest.raises(SecretNotSet) as missing:
        load_secret(APPID)
    assert isinstance(missing.value, WeChatRefused) and missing.value.code == 0
    assert "newsdesk wechat setup" in missing.value.message("zh")
    assert APPID in missing.value.message(
        "en"
    ) and "not set up on this PC" in missing.value.message("en")
    store_secret(APPID, SECRET)
    forget_secret(APPID)
    with pytest.raises(SecretNotSet):
        load_secret(APPID)


def test_a_widened_file_is_taken_back() -> None:
    store_secret(APPID, SECRET)
    secrets_file().chmod(0o644)
    assert load_secret(APPID) == SECRET
    assert stat.S_IMODE(secrets_file().stat().st_mode) == 0o600


def test_empty_values_are_refused() -> None:
    with pytest.raises(WeChatRefused):
        store_secret(APPID, "  ")
    assert not secrets_file().exists()


def test_the_keyring_is_preferred_when_there_is_one(use_keyring: Use) -> None:
    memory = use_keyring(MemoryKeyring())
    store_secret(APPID, SECRET)
    assert memory.entries == {(SERVICE, APPID): SECRET}
    assert not secrets_file().exists()
    assert load_secret(APPID) == SECRET
    assert "keyring" in where(APPID, "en") and "钥匙串" in where(APPID)
    forget_secret(APPID)
    assert memory.entries == {}
    with pytest.raises(SecretNotSet):
        load_secret(APPID)


def test_moving_to_the_keyring_leaves_no_copy_in_the_file(
    use_keyring: Use,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEWSDESK_SECRET_STORE", "file")
    store_secret(APPID, "old-secret")
    monkeypatch.delenv("NEWSDESK_SECRET_STORE")
    use_keyring(MemoryKeyring())
    assert load_secret(APPID) == "old-secret"  # found in the file while the keyring has none
    store_secret(APPID, SECRET)
    assert APPID not in json.loads(secrets_file().read_text(encoding="utf-8"))
    assert load_secret(APPID) == SECRET


def test_a_locked_keyring_falls_back_to_the_file(
    use_keyring: Use,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    use_keyring(MemoryKeyring(locked=True))
    store_secret(APPID, SECRET)
    assert load_secret(APPID) == SECRET
    assert stat.S_IMODE(secrets_file().stat().st_mode) == 0o600
    assert str(secrets_file()) in where(APPID, "en")
    assert "KeyringLocked" in caplog.text and SECRET not in caplog.text


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring, chainer.ChainerBackend])
def test_keyrings_that_keep_nothing_count_as_none(
    use_keyring: Use,
    monkeypatch: pytest.MonkeyPatch,
    backend: type[KeyringBackend],
) -> None:
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    use_keyring(backend())
    store_secret(APPID, SECRET)
    assert json.loads(secrets_file().read_text(encoding="utf-8")) == {APPID: SECRET}
    assert load_secret(APPID) == SECRET


def test_asking_for_a_keyring_where_there_is_none(
    use_keyring: Use,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    use_keyring(fail.Keyring())
    monkeypatch.setenv("NEWSDESK_SECRET_STORE", "keyring")
    with pytest.raises(WeChatRefused) as refused:
        store_secret(APPID, SECRET)
    assert "no working system keyring" in refused.value.message("en")
    assert not secrets_file().exists()


def test_a_client_reads_the_secret_when_it_needs_a_token(wechat_server: WeChatStandIn) -> None:
    with open_client(wechat_server.appid, wechat_server.base) as client:
        with pytest.raises(SecretNotSet):
            client.check()
        assert wechat_server.requests == []
        store_secret(wechat_server.appid, wechat_server.secret)
        client.check()
    assert len(wechat_server.requests) == 1
