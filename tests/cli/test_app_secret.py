"""`wechat setup` keeps only what can be a WeChat AppSecret (32 hexadecimal digits)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import Run, one_line_error
from tests.conftest import PASSWORD

APPID = "wx0123456789abcdef"


@pytest.mark.parametrize(
    ("secret", "why"),
    [
        ("\u200b\u3000\u200b", "3 characters"),  # looks empty: zero-width and full-width spaces
        ("0f9e8d7c6b5a4938\n2716a5b4c3d2e1f0", "lines"),
        ("0f9e8d7c6b5a49382716a5b4c3d2e1f", "31 characters"),
        ("0f9e8d7c6b5a49382716a5b4c3d2e1fg", "32 characters"),
    ],
    ids=["blank-looking", "two-lines", "short", "not-hex"],
)
def test_what_cannot_be_an_app_secret_is_refused_before_anything_is_kept(
    cli: Run, db_path: Path, tmp_path: Path, secret: str, why: str
) -> None:
    config = tmp_path / "config"
    env = {"XDG_CONFIG_HOME": str(config), "NEWSDESK_WECHAT_SECRET": secret}
    result = cli("wechat", "setup", "--appid", APPID, "--as", "admin", db=db_path,
                 password=PASSWORD, env=env)  # fmt: skip
    one_line_error(result, why)
    assert "32" in result.stderr and secret.strip() not in result.stderr
    assert not list(config.rglob("wechat-secrets.json"))
    accounts = json.loads(cli("account", "list", "--json", db=db_path).stdout)
    assert accounts[0]["appid"] == ""

    good = "  0F9E8D7C6B5A49382716A5B4C3D2E1F0\n"
    env["NEWSDESK_WECHAT_SECRET"] = good
    done = cli("wechat", "setup", "--appid", APPID, "--as", "admin", db=db_path,
               password=PASSWORD, env=env)  # fmt: skip
    assert done.returncode == 0, done.stderr
    kept = json.loads(next(config.rglob("wechat-secrets.json")).read_text(encoding="utf-8"))
    assert good.strip() in json.dumps(kept)
