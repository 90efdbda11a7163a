"""Accounts, the API connection and pushing through the real command line, against a stand-in
of the 公众号 API over HTTP; the AppSecret never reaches the database or any output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import Run, one_line_error, staffed
from tests.conftest import BACKENDS, PASSWORD
from tests.wechat_standin import WeChatStandIn

ARTICLE = """---
title: 城关镇启动秋季征兵
author: 县融媒体中心
---

城关镇人民政府今天启动2026年秋季征兵工作。

![征兵现场](现场.jpg "征兵现场")
"""


@pytest.fixture
def secrets_env(tmp_path: Path) -> dict[str, str]:
    """The AppSecret in a file under this test's config folder, never the real keyring."""
    return {"NEWSDESK_SECRET_STORE": "file", "XDG_CONFIG_HOME": str(tmp_path / "config")}


def _signed(cli: Run, db: Path | str, tmp_path: Path, env: dict[str, str]) -> str:
    from PIL import Image

    Image.new("RGB", (800, 500), "orange").save(tmp_path / "现场.jpg", "JPEG")
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    article_id = cli("article", "import", str(tmp_path / "article.md"), "--as", "ma", db=db,
                     password=PASSWORD, env=env).stdout.strip()  # fmt: skip
    for command, who in (("submit", "ma"), ("approve", "feng"), ("sign", "sang")):
        done = cli(command, article_id, "--as", who, db=db, password=PASSWORD, env=env)
        assert done.returncode == 0, done.stderr
    return article_id


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_account_is_set_up_tested_and_pushed_to(
    cli: Run,
    tmp_path: Path,
    db_path: Path,
    wechat_server: WeChatStandIn,
    secrets_env: dict[str, str],
    backend: str,
    request: pytest.FixtureRequest,
) -> None:
    db = staffed(cli, db_path, backend, request)
    env = {**secrets_env, "NEWSDESK_WECHAT_SECRET": wechat_server.secret}
    added = cli("account", "add", "qingxi", "--title", "清溪发布", "--as", "admin", db=db,
                password=PASSWORD)  # fmt: skip
    assert (added.returncode, added.stdout.strip()) == (0, "qingxi"), added.stderr
    setup = cli("wechat", "setup", "--appid", wechat_server.appid, "--api-base",
                wechat_server.base, "--as", "admin", db=db, password=PASSWORD, env=env)  # fmt: skip
    assert setup.returncode == 0, setup.stderr
    accounts = json.loads(cli("account", "list", "--json", db=db).stdout)
    assert accounts == [
        {"name": "default", "title": "本县融媒", "appid": wechat_server.appid,
         "api_base": wechat_server.base},
        {"name": "qingxi", "title": "清溪发布", "appid": "", "api_base": ""},
    ]  # fmt: skip
    tested = cli("wechat", "test", db=db, env=secrets_env)
    assert tested.returncode == 0 and wechat_server.appid in tested.stdout, tested.stderr

    article_id = _signed(cli, db, tmp_path, secrets_env)
    pushed = cli("push", article_id, "--as", "sang", "--publish", "--wait", "20", db=db,
                 password=PASSWORD, env=secrets_env)  # fmt: skip
    assert pushed.returncode == 0, pushed.stderr
    media_id, url = pushed.stdout.split()
    assert media_id in wechat_server.drafts or wechat_server.publications
    shown = json.loads(cli("article", "show", article_id, "--json", db=db).stdout)
    assert shown["account"] == "default" and shown["state"] == "published"
    assert shown["wechat"]["draft_media_id"] == media_id
    assert shown["wechat"]["pushed_hash"] == shown["content_hash"]
    assert shown["wechat"]["article_url"] == url and url.startswith("https://mp.weixin.qq.com/")
    assert shown["wechat"]["publish_status"] == "published"

    # The AppSecret is nowhere but this PC's secret file: not in the database, not in output.
    everything = (added, setup, tested, pushed)
    assert all(wechat_server.secret not in r.stdout + r.stderr for r in everything)
    if backend == "sqlite":
        assert wechat_server.secret.encode() not in Path(db).read_bytes()
        for wal in Path(db).parent.glob(Path(db).name + "*"):
            assert wechat_server.secret.encode() not in wal.read_bytes()
    else:
        import psycopg

        with psycopg.connect(str(db)) as server:
            tables = [r[0] for r in server.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            )]  # fmt: skip
            for table in tables:
                for row in server.execute(f"SELECT * FROM {table}"):  # every value, as text
                    assert wechat_server.secret not in repr(row), table
    secret_file = tmp_path / "config" / "newsdesk" / "wechat-secrets.json"
    assert secret_file.stat().st_mode & 0o777 == 0o600


def test_refusals_exit_1_in_one_line_and_usage_exits_2(
    cli: Run,
    tmp_path: Path,
    db_path: Path,
    wechat_server: WeChatStandIn,
    secrets_env: dict[str, str],
) -> None:
    env = {**secrets_env, "NEWSDESK_WECHAT_SECRET": wechat_server.secret}
    cli("wechat", "setup", "--appid", wechat_server.appid, "--api-base", wechat_server.base,
        "--as", "admin", db=db_path, password=PASSWORD, env=env)  # fmt: skip
    wechat_server.refuse_ip = "203.0.113.7"
    one_line_error(cli("wechat", "test", db=db_path, env=secrets_env), "203.0.113.7")
    wechat_server.refuse_ip = None
    one_line_error(
        cli("wechat", "setup", "--appid", "not-an-appid", "--as", "admin", db=db_path,
            password=PASSWORD, env=env),
        "not an AppID",
    )  # fmt: skip
    one_line_error(
        cli("wechat", "setup", "--appid", wechat_server.appid, "--api-base",
            "http://example.com", "--as", "admin", db=db_path, password=PASSWORD, env=env),
        "plain http",
    )  # fmt: skip
    article_id = _signed(cli, db_path, tmp_path, secrets_env)
    one_line_error(  # who may push is who may mark it published: not its auditor
        cli("push", article_id, "--as", "feng", db=db_path, password=PASSWORD, env=secrets_env),
        "producer",
    )
    assert cli("push", "--as", "sang", db=db_path, password=PASSWORD).returncode == 2
    assert cli("push", "1", "2", "3", "4", "5", "6", "7", "8", "9", "--as", "sang", db=db_path,
               password=PASSWORD, env=secrets_env).returncode == 1  # fmt: skip
