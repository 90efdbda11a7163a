"""The review chain driven through the real command line, in subprocesses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import Run, one_line_error
from tests.conftest import BACKENDS, PASSWORD

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "newsdesk" / "resources" / "demo"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_new_newsroom_runs_an_article_through_the_chain(
    cli: Run, tmp_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    db = tmp_path / "room.db" if backend == "sqlite" else request.getfixturevalue("empty_pg")
    first = cli(
        "user",
        "add",
        "boss",
        "--name",
        "管理员",
        "--role",
        "admin",
        db=db,
        env={"NEWSDESK_NEW_PASSWORD": PASSWORD},
    )
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "1"
    for name, display, role in (
        ("ma", "马编辑", "editor"),
        ("feng", "冯审核", "auditor"),
        ("sang", "桑出品", "producer"),
    ):
        added = cli(
            "user",
            "add",
            name,
            "--name",
            display,
            "--role",
            role,
            "--as",
            "boss",
            db=db,
            password=PASSWORD,
            env={"NEWSDESK_NEW_PASSWORD": PASSWORD},
        )
        assert added.returncode == 0, added.stderr

    imported = cli(
        "article",
        "import",
        str(SAMPLES / "zhouqu-vocational-award.md"),
        "--as",
        "ma",
        db=db,
        password=PASSWORD,
    )
    assert imported.returncode == 0, imported.stderr
    article_id = imported.stdout.strip()
    assert article_id.isdigit()

    steps = [
        ("submit", "ma", "awaiting_audit"),
        ("approve", "feng", "awaiting_production"),
        ("sign", "sang", "approved"),
    ]
    for command, who, state in steps:
        done = cli(command, article_id, "--as", who, db=db, password=PASSWORD)
        assert (done.returncode, done.stdout.strip()) == (0, state), done.stderr

    shown = cli("article", "show", article_id, "--json", db=db)
    data = json.loads(shown.stdout)
    assert data["state"] == "approved"
    assert data["title"].startswith("舟曲职业中专")
    assert data["author"] == "华开舟曲" and data["column"] == "教育" and data["original"] is False
    assert [s["level"] for s in data["sign_offs"] if s["valid"]] == [
        "editor",
        "auditor",
        "producer",
    ]
    assert data["credits"] == {"editor": ["马编辑"], "auditor": ["冯审核"], "producer": ["桑出品"]}
    assert "高起点谋划" in data["body"] and "title:" not in data["body"]

    published = cli(
        "publish",
        article_id,
        "--url",
        "https://mp.weixin.qq.com/s/xyz",
        "--as",
        "sang",
        db=db,
        password=PASSWORD,
    )
    assert published.stdout.strip() == "published"
    queue = json.loads(cli("queue", "--state", "published", "--json", db=db).stdout)
    assert [item["id"] for item in queue] == [int(article_id)]
    hits = json.loads(cli("search", "舟曲", "--json", db=db).stdout)
    assert hits[0]["id"] == int(article_id)
    verified = cli("verify", db=db)
    assert verified.returncode == 0 and "intact" in verified.stdout


def test_refusals_exit_1_with_one_clear_line(cli: Run, db_path: Path) -> None:
    imported = cli(
        "article",
        "import",
        str(SAMPLES / "tricky-formatting.md"),
        "--as",
        "ma",
        db=db_path,
        password=PASSWORD,
    )
    article_id = imported.stdout.strip()
    cli("submit", article_id, "--as", "ma", db=db_path, password=PASSWORD)
    cases = [
        (("approve", article_id, "--as", "li"), "is already its editor"),  # li isn't an editor…
        (("sign", article_id, "--as", "sang"), "awaiting audit"),
        (("approve", article_id, "--as", "sang"), "auditor role"),
        (("return", article_id, "--reason", "x", "--as", "feng"), "reason"),
        (("approve", "999", "--as", "feng"), "No article 999"),
    ]
    # li holds every role but is not an editor of this article, so li may approve: use a
    # co-edited article to show the two-levels refusal instead.
    co = cli(
        "article",
        "import",
        str(SAMPLES / "county-meeting-report.md"),
        "--as",
        "li",
        db=db_path,
        password=PASSWORD,
    ).stdout.strip()
    cli("submit", co, "--as", "li", db=db_path, password=PASSWORD)
    cases[0] = (("approve", co, "--as", "li"), "two levels")
    for args, expected in cases:
        result = cli(*args, db=db_path, password=PASSWORD)
        one_line_error(result, expected)


def test_wrong_password_and_unknown_user_are_refused_alike(cli: Run, db_path: Path) -> None:
    wrong = cli("submit", "1", "--as", "ma", db=db_path, password="nope")
    unknown = cli("submit", "1", "--as", "ghost", db=db_path, password=PASSWORD)
    assert wrong.returncode == unknown.returncode == 1
    assert wrong.stderr == unknown.stderr == "newsdesk: Wrong username or password.\n"


def test_messages_follow_a_chinese_locale(cli: Run, db_path: Path) -> None:
    result = cli(
        "submit", "1", "--as", "ma", db=db_path, password="nope", env={"LANG": "zh_CN.UTF-8"}
    )
    assert result.stderr.strip() == "newsdesk: 用户名或密码错误。"


def test_usage_errors_exit_2(cli: Run, db_path: Path) -> None:
    assert cli("submit", db=db_path).returncode == 2
    assert cli("submit", "abc", "--as", "ma", db=db_path).returncode == 2
    assert cli("frobnicate", db=db_path).returncode == 2


def test_a_password_is_needed_without_a_terminal(cli: Run, db_path: Path) -> None:
    result = cli("submit", "1", "--as", "ma", db=db_path)
    assert result.returncode == 1
    assert "NEWSDESK_PASSWORD" in result.stderr


def test_demo_fills_every_state(cli: Run, tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = cli("demo", "--json", "--articles", "5", db=db)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    roles = {role for user in data["users"] for role in user["roles"]}
    assert roles == {"admin", "editor", "auditor", "producer"}
    assert all(len(user["password"]) >= 8 for user in data["users"])
    states = {
        item["state"] for item in json.loads(cli("queue", "--json", "--limit", "100", db=db).stdout)
    }
    assert states == {
        "draft",
        "awaiting_audit",
        "awaiting_production",
        "approved",
        "published",
        "spiked",
    }
    again = cli("demo", db=db)
    assert again.returncode == 1 and "already has users" in again.stderr
