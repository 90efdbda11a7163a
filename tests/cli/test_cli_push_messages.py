"""What a push says on a terminal: what is happening, in words, in either language; and a
refusal from WeChat as one plain line, not a raw log line before it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.cli.conftest import Run, one_line_error
from tests.cli.test_cli_push import _signed
from tests.conftest import PASSWORD
from tests.wechat_standin import WeChatStandIn

PROGRESS = ("newsdesk: preparing", "newsdesk: uploading", "newsdesk: putting")


@pytest.fixture
def connected(
    cli: Run, tmp_path: Path, db_path: Path, wechat_server: WeChatStandIn
) -> tuple[dict[str, str], str]:
    env = {"NEWSDESK_SECRET_STORE": "file", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    setup = cli("wechat", "setup", "--appid", wechat_server.appid, "--api-base",
                wechat_server.base, "--as", "admin", db=db_path, password=PASSWORD,
                env={**env, "NEWSDESK_WECHAT_SECRET": wechat_server.secret})  # fmt: skip
    assert setup.returncode == 0, setup.stderr
    return env, _signed(cli, db_path, tmp_path, env)


def test_push_progress_says_what_is_happening_in_english_and_chinese(
    cli: Run, db_path: Path, connected: tuple[dict[str, str], str]
) -> None:
    env, article_id = connected
    pushed = cli("push", article_id, "--as", "sang", db=db_path, password=PASSWORD, env=env)
    assert pushed.returncode == 0, pushed.stderr
    lines = pushed.stderr.splitlines()
    assert "newsdesk: preparing article 1 of 1: 城关镇启动秋季征兵" in lines, lines
    assert "newsdesk: uploading picture 1 of 1" in lines, lines
    assert "newsdesk: putting it into the draft box" in lines, lines
    assert not any(line.strip().endswith(("0/1", "1/1")) for line in lines), lines

    zh = cli("push", article_id, "--as", "sang", db=db_path, password=PASSWORD,
             env={**env, "NEWSDESK_LANG": "zh"})  # fmt: skip
    assert zh.returncode == 0, zh.stderr
    assert "newsdesk: 准备第 1 篇：城关镇启动秋季征兵" in zh.stderr.splitlines(), zh.stderr


def test_a_refusal_from_wechat_is_one_plain_line(
    cli: Run,
    db_path: Path,
    wechat_server: WeChatStandIn,
    connected: tuple[dict[str, str], str],
) -> None:
    env, article_id = connected
    wechat_server.fail_next("/cgi-bin/draft/add", 45009, "reach max api daily quota limit")
    result = cli("push", article_id, "--as", "sang", db=db_path, password=PASSWORD, env=env)
    assert "/cgi-bin/" not in result.stderr, result.stderr
    refusal = [line for line in result.stderr.splitlines() if not line.startswith(PROGRESS)]
    kept = subprocess.CompletedProcess(result.args, result.returncode, "", "\n".join(refusal))
    one_line_error(kept, "daily limit")
