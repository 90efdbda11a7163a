"""选题, 排期 and 工作量统计 through the real command line, in subprocesses."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from newsdesk.core.stats import PEOPLE_NOTE, PERSON_COLUMNS
from tests.cli.conftest import Run, one_line_error, staffed
from tests.conftest import BACKENDS, PASSWORD


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_topic_is_proposed_assigned_slotted_and_started(
    cli: Run, db_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    db = staffed(cli, db_path, backend, request)
    day = date.today().isoformat()
    topic = cli("topic", "add", "全县秋粮收购进展", "--brief", "走访三个收购点", "--column", "要闻",
                "--as", "ma", db=db, password=PASSWORD)  # fmt: skip
    assert topic.returncode == 0, topic.stderr
    topic_id = topic.stdout.strip()
    one_line_error(
        cli("topic", "accept", topic_id, "--assign", "ma", "--as", "ma", db=db, password=PASSWORD),
        "producer",
    )
    accepted = cli("topic", "accept", topic_id, "--assign", "ma,yan", "--due", day, "--slot",
                   f"{day}:头条", "--as", "sang", db=db, password=PASSWORD)  # fmt: skip
    assert (accepted.returncode, accepted.stdout.strip()) == (0, "accepted"), accepted.stderr
    started = cli("topic", "start", topic_id, "--as", "yan", db=db, password=PASSWORD)
    article_id = started.stdout.strip()
    assert started.returncode == 0 and article_id.isdigit(), started.stderr
    [listed] = json.loads(cli("topic", "list", "--json", db=db).stdout)
    assert listed["state"] == "writing" and listed["article_id"] == int(article_id)
    assert listed["assignees"] == ["ma", "yan"] and (listed["slot"], listed["position"]) == (day, 1)
    [today] = json.loads(cli("plan", "--from", day, "--to", day, "--json", db=db).stdout)
    assert today["account"] == "default" and today["published"] == []
    assert [(p["position"], p["title"], p["state"]) for p in today["planned"]] == [
        (1, "全县秋粮收购进展", "writing")
    ]
    article = json.loads(cli("article", "show", article_id, "--json", db=db).stdout)
    assert article["notes"][0]["kind"] == "brief" and article["editors"][0]["name"] == "严编辑"
    assert cli("topic", "accept", topic_id, "--as", "sang", db=db).returncode == 2
    one_line_error(cli("topic", "accept", topic_id, "--assign", "ma", "--slot", f"{day}:次条9",
                       "--as", "sang", db=db, password=PASSWORD), "次条")  # fmt: skip


def test_stats_as_json_xlsx_and_csv_hold_the_same_numbers(
    cli: Run, tmp_path: Path, db_path: Path
) -> None:
    source = tmp_path / "a.md"
    source.write_text("---\ntitle: 城关镇消息\n---\n\n全县召开春耕生产会议。\n", encoding="utf-8")
    article_id = cli("article", "import", str(source), "--as", "ma", db=db_path,
                     password=PASSWORD).stdout.strip()  # fmt: skip
    for command, who in (("submit", "ma"), ("approve", "feng"), ("sign", "sang")):
        assert cli(command, article_id, "--as", who, db=db_path, password=PASSWORD).returncode == 0
    cli("publish", article_id, "--url", "https://mp.weixin.qq.com/s/x", "--as", "sang",
        db=db_path, password=PASSWORD)  # fmt: skip
    day = date.today().isoformat()
    span = ("--from", day[:8] + "01", "--to", day)
    data = json.loads(cli("stats", *span, "--json", db=db_path).stdout)
    people = {p["user"]: p for p in data["people"]}
    assert people["ma"]["published"] == 1 and people["sang"]["signed_off"] == 1
    assert data["totals"]["published"] == 1 and data["columns"][0]["published"] == 1
    workbook = tmp_path / "month.xlsx"
    done = cli("stats", *span, "--xlsx", str(workbook), db=db_path)
    assert done.returncode == 0, done.stderr
    sheet = load_workbook(workbook)["人员"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=3, values_only=True)}
    for person in data["people"]:
        expected = [person[key] for key, _, _ in PERSON_COLUMNS]
        assert list(rows[person["name"]]) == expected
    table = tmp_path / "month.csv"
    assert cli("stats", *span, "--csv", str(table), db=db_path).returncode == 0
    assert table.read_bytes().startswith("\ufeff姓名".encode())
    assert cli("stats", "--from", day, db=db_path).returncode == 2
    shown = cli("stats", *span, db=db_path).stdout.splitlines()
    assert shown[-1] == PEOPLE_NOTE[1] and shown[-3].startswith("合计")
    one_line_error(cli("stats", "--from", "2026-13-01", "--to", day, db=db_path), "YYYY-MM-DD")


def test_plan_json_has_the_readme_shape_a_row_per_day_and_account(cli: Run, db_path: Path) -> None:
    from dataclasses import replace

    from newsdesk.core.workspace import Workspace
    from newsdesk.store.sqlite_store import SqliteStore

    store = SqliteStore(db_path)
    ws = Workspace(store)
    admin, ma, feng, sang = (ws.users.sign_in(u, PASSWORD) for u in ("admin", "ma", "feng", "sang"))
    ws.accounts.add(admin, "xiangcun", "乡村振兴在线")
    today = date.today()
    topic_id = ws.topics.propose(ma, "城关镇老旧小区改造", column="民生")
    ws.topics.accept(sang, topic_id, ["ma"], slot=(today, 1))
    article_id = ws.topics.start(ma, topic_id)
    draft = ws.articles.get(article_id)
    ws.articles.save(ma, article_id, replace(draft.content, body="改造惠及两千余户。"), 1)
    ws.articles.submit(ma, article_id)
    ws.articles.approve(feng, article_id)
    ws.articles.sign(sang, article_id)
    ws.articles.publish(sang, article_id, "https://mp.weixin.qq.com/s/plan")
    store.close()

    span = (
        "--from",
        today.isoformat(),
        "--to",
        date.fromordinal(today.toordinal() + 1).isoformat(),
    )
    days = json.loads(cli("plan", *span, "--json", db=db_path).stdout)
    assert [(d["date"], d["account"]) for d in days] == [
        (day, account) for day in (span[1], span[3]) for account in ("default", "xiangcun")
    ]
    assert all(set(d) == {"date", "account", "planned", "published"} for d in days)
    [planned] = days[0]["planned"]
    assert set(planned) == {"position", "topic_id", "title", "state", "article_id"}
    assert (planned["position"], planned["topic_id"], planned["state"], planned["article_id"]) == (
        1, topic_id, "done", article_id,
    )  # fmt: skip
    [published] = days[0]["published"]
    assert set(published) == {"article_id", "title", "published_at"}
    assert (published["article_id"], published["title"]) == (article_id, "城关镇老旧小区改造")
    assert datetime.fromisoformat(published["published_at"]).utcoffset() is not None
    assert all(not d["planned"] and not d["published"] for d in days[1:])
    only = json.loads(cli("plan", *span, "--account", "xiangcun", "--json", db=db_path).stdout)
    assert [d["account"] for d in only] == ["xiangcun", "xiangcun"]


def test_days_outside_the_calendar_are_refused_in_one_line(cli: Run, db_path: Path) -> None:
    topic_id = cli("topic", "add", "年终盘点", "--as", "ma", db=db_path,
                   password=PASSWORD).stdout.strip()  # fmt: skip
    for argv in (
        ("stats", "--from", "0001-01-01", "--to", "2026-01-31"),
        ("stats", "--from", "2026-01-01", "--to", "9999-12-31"),
        ("plan", "--from", "0001-01-01", "--to", "2026-01-07"),
        ("plan", "--to", "9999-12-31"),
        ("plan", "--from", "9999-12-31"),
        (
            "topic",
            "accept",
            topic_id,
            "--assign",
            "ma",
            "--slot",
            "9999-12-31:头条",
            "--as",
            "sang",
        ),
        ("topic", "accept", topic_id, "--assign", "ma", "--due", "1999-12-31", "--as", "sang"),
    ):
        one_line_error(cli(*argv, db=db_path, password=PASSWORD), "2000-01-01 to 2099-12-31")
    [topic] = json.loads(cli("topic", "list", "--json", db=db_path).stdout)
    assert (topic["state"], topic["slot"], topic["due"]) == ("proposed", None, None)
    # The plan's default week stops at the calendar's last day.
    last = cli("plan", "--from", "2099-12-30", "--json", db=db_path)
    assert last.returncode == 0, last.stderr
    assert [d["date"] for d in json.loads(last.stdout)] == ["2099-12-30", "2099-12-31"]
    one_line_error(
        cli("form", "--month", "1999-12", "-o", "f.pdf", db=db_path), "2000-01-01 to 2099-12-31"
    )


def test_plan_and_topic_list_say_they_show_every_account_and_do(cli: Run, db_path: Path) -> None:
    added = cli("account", "add", "qingxi", "--title", "清溪发布", "--as", "admin", db=db_path,
                password=PASSWORD)  # fmt: skip
    assert added.returncode == 0, added.stderr
    day = (date.today() + timedelta(days=3)).isoformat()  # a slot may not be set on a past day
    for account in ("default", "qingxi"):
        topic = cli("topic", "add", f"{account} 的选题", "--account", account, "--as", "ma",
                    db=db_path, password=PASSWORD).stdout.strip()  # fmt: skip
        assert cli("topic", "accept", topic, "--assign", "ma", "--slot", f"{day}:头条",
                   "--as", "sang", db=db_path, password=PASSWORD).returncode == 0  # fmt: skip
    for argv in (("plan", "--from", day, "--to", day), ("topic", "list")):
        shown = {d["account"] for d in json.loads(cli(*argv, "--json", db=db_path).stdout)}
        assert shown == {"default", "qingxi"}
        helped = " ".join(cli(*argv[: 2 if argv[0] == "topic" else 1], "--help").stdout.split())
        assert "--account NAME which official account (default: every account)" in helped
