"""Where a 公众号's AppSecret lives: on this PC only, never in the database, settings or logs.

The system keyring (Windows Credential Manager, the Secret Service on Linux desktops) when one
works; otherwise a JSON file in the per-user config folder that only this user can read.
`NEWSDESK_SECRET_STORE=file` or `=keyring` chooses (tests use the file, never the real keyring).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from pathlib import Path

import keyring
import platformdirs
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from newsdesk.core.i18n import ZH
from newsdesk.core.wechat_api import WeChatRefused

log = logging.getLogger("newsdesk.wechat")

SERVICE = "newsdesk-wechat"  # the keyring entry: service, with the AppID as user name
FILE_NAME = "wechat-secrets.json"
CHOICE = "NEWSDESK_SECRET_STORE"


class SecretNotSet(WeChatRefused):
    """No AppSecret for this AppID on this PC (it is kept per PC, never in the database)."""

    def __init__(self, appid: str) -> None:
        super().__init__(
            0,
            f"这台电脑上还没有公众号 {appid} 的 AppSecret（它只存在各台电脑本机）："
            "请管理员在这台电脑上运行 newsdesk wechat setup，或在 管理 → 公众号 中填写。",
            f"The AppSecret of the account {appid} is not set up on this PC (it is kept on each "
            "PC only): an administrator must run newsdesk wechat setup on this PC, or enter it "
            "in 管理 → 公众号 (Administration → Accounts).",
        )
        self.appid = appid


def store_secret(appid: str, secret: str) -> None:
    """Keep `secret` for `appid` on this PC, replacing any earlier one."""
    appid, secret = appid.strip(), secret.strip()
    if not appid or not secret:
        raise WeChatRefused(
            0, "AppID 和 AppSecret 都不能为空。", "AppID and AppSecret are required."
        )
    backend = _keyring()
    if backend is not None:
        try:
            backend.set_password(SERVICE, appid, secret)
        except Exception as error:  # a locked or broken keyring: the file still works
            log.warning(
                "keyring %s did not keep the secret (%s); using the file",
                backend.name,
                type(error).__name__,
            )
        else:
            _file_forget(appid)  # no stale copy left in the file
            return
    _file_store(appid, secret)


def load_secret(appid: str) -> str:
    """The AppSecret of `appid` on this PC; `SecretNotSet` if it has not been set up here."""
    backend = _keyring()
    if backend is not None:
        try:
            value = backend.get_password(SERVICE, appid)
        except Exception as error:
            log.warning("keyring %s could not be read (%s)", backend.name, type(error).__name__)
        else:
            if value:
                return value
    value = _read_file().get(appid, "")
    if not value:
        raise SecretNotSet(appid)
    return value


def forget_secret(appid: str) -> None:
    """Remove the AppSecret of `appid` from this PC (keyring and file); nothing if absent."""
    backend = _keyring()
    if backend is not None:
        try:
            backend.delete_password(SERVICE, appid)
        except Exception as error:  # keyring.errors.PasswordDeleteError when absent
            log.debug("keyring: nothing deleted for %s (%s)", appid, type(error).__name__)
    _file_forget(appid)


def where(appid: str | None = None, lang: str = ZH) -> str:
    """Where secrets are kept on this PC (where `appid`'s is, if given), for messages."""
    backend = _keyring()
    in_file = appid is not None and appid in _read_file()
    if backend is not None and not in_file:
        return (
            f"系统钥匙串（{backend.name}）"
            if lang == ZH
            else f"the system keyring ({backend.name})"
        )
    path = secrets_file()
    return (
        f"本机文件 {path}（仅本用户可读）"
        if lang == ZH
        else f"the file {path} (readable by this user only)"
    )


def secrets_file() -> Path:
    return Path(platformdirs.user_config_dir("newsdesk", appauthor=False)) / FILE_NAME


# --- the keyring ------------------------------------------------------------------------------


def _keyring() -> KeyringBackend | None:
    """The system keyring if it is real and chosen; None for the file."""
    choice = os.environ.get(CHOICE, "").strip().lower()
    if choice == "file":
        return None
    backend = keyring.get_keyring()
    if _real(backend):
        return backend
    if choice == "keyring":
        raise WeChatRefused(
            0,
            f"{CHOICE}=keyring，但这台电脑没有可用的系统钥匙串。",
            f"{CHOICE}=keyring, but this PC has no working system keyring.",
        )
    return None


def _real(backend: KeyringBackend) -> bool:
    # keyring falls back to backends that keep nothing (fail, null) or chain no backend at all.
    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return any(_real(b) for b in backend.backends)
    return True


# --- the file ---------------------------------------------------------------------------------


def _read_file() -> dict[str, str]:
    path = secrets_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    if os.name == "posix" and path.stat().st_mode & 0o077:
        path.chmod(0o600)  # someone widened it: take it back before anyone else reads it
    try:
        data = json.loads(text)
    except ValueError:
        log.warning("%s is not JSON; treated as empty", path)
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items()}


def _file_store(appid: str, secret: str) -> None:
    data = _read_file()
    data[appid] = secret
    _write_file(data)


def _file_forget(appid: str) -> None:
    data = _read_file()
    if appid in data:
        del data[appid]
        _write_file(data)


def _write_file(data: dict[str, str]) -> None:
    """Replace the file atomically; the new one is 0600 from its first byte (mkstemp)."""
    path = secrets_file()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".wechat-secrets.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=1, sort_keys=True)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
