"""The command line through a network outage (team mode): the real `newsdesk` against the real
server behind tests/netfault's link. Every command ends within seconds with one line that says
what happened to the change, and the record on the server is whole afterwards."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.cli.conftest import Run, one_line_error
from tests.conftest import PASSWORD, Newsroom
from tests.netfault import FaultyLink

FAST = {"NEWSDESK_PG_ANSWER_SECONDS": "1.5"}
START = 3.0  # a Python process starting on a busy two-core machine


@pytest.fixture
def backend() -> str:
    return "postgresql"


@pytest.fixture
def cli(cli_process: Run) -> Run:
    # Whole processes: how long one takes to end against a dead link is the point, and its
    # deadlines and sockets must not be the test runner's.
    return cli_process


@pytest.fixture
def team(link: FaultyLink, newsroom: Newsroom) -> str:
    return link.url(str(newsroom.path))


def _article(cli: Run, team: str, tmp_path: Path) -> int:
    source = tmp_path / "draft.md"
    source.write_text("# 断网测试稿\n\n第一段。\n", encoding="utf-8")
    made = cli("--db", team, "article", "import", str(source), "--as", "ma", password=PASSWORD)
    assert made.returncode == 0, made.stderr
    return int(made.stdout.strip())


def _timed(cli: Run, *args: str, env: dict[str, str] | None = None) -> tuple[object, float]:
    started = time.monotonic()
    result = cli(*args, password=PASSWORD, env=env)
    return result, time.monotonic() - started


def _body(cli: Run, team: str, article_id: int) -> str:
    shown = cli("--db", team, "article", "show", str(article_id), "--json")
    assert shown.returncode == 0, shown.stderr
    return str(json.loads(shown.stdout)["body"])


def _whole(cli: Run, team: str) -> None:
    """The server's record holds together: every change complete or absent, the audit log's
    hash chain unbroken."""
    checked = cli("--db", team, "verify")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_every_command_ends_in_seconds_against_a_dead_link(
    cli: Run, link: FaultyLink, team: str, tmp_path: Path
) -> None:
    article_id = _article(cli, team, tmp_path)
    edit = tmp_path / "edit.md"
    edit.write_text("# 断网测试稿\n\n第二段，断网时改的。\n", encoding="utf-8")
    link.black_hole()
    for command in (
        ("queue",),
        ("article", "edit", str(article_id), "--file", str(edit), "--as", "ma"),
        ("submit", str(article_id), "--as", "ma"),
    ):
        result, waited = _timed(cli, "--db", team, *command, env=FAST)
        one_line_error(result, "does not answer (waited 2 s); nothing was changed")  # type: ignore[arg-type]
        assert "127.0.0.1" in result.stderr and "?" not in result.stderr  # type: ignore[attr-defined]
        assert waited < 2 + START, (command, waited)

    link.refuse()
    for command in (("queue",), ("submit", str(article_id), "--as", "ma")):
        result, waited = _timed(cli, "--db", team, *command, env=FAST)
        one_line_error(result, "Connection refused); nothing was changed")  # type: ignore[arg-type]
        assert waited < START, (command, waited)

    link.restore()
    assert "第一段。" in _body(cli, team, article_id)
    _whole(cli, team)


def test_the_shipped_deadline_ends_a_command_within_ten_seconds(
    cli: Run, link: FaultyLink, team: str
) -> None:
    link.black_hole()
    result, waited = _timed(cli, "--db", team, "queue", env={"LANG": "zh_CN.UTF-8"})
    one_line_error(result, "没有应答（已等 5 秒），未做任何改动")  # type: ignore[arg-type]
    assert 5 <= waited < 10


@pytest.mark.parametrize("reaches_server", [True, False])
def test_a_save_whose_answer_is_lost_says_so_and_is_whole_either_way(
    cli: Run, link: FaultyLink, team: str, tmp_path: Path, reaches_server: bool
) -> None:
    article_id = _article(cli, team, tmp_path)
    edit = tmp_path / "edit.md"
    edit.write_text("# 断网测试稿\n\n提交那一刻断了网。\n", encoding="utf-8")
    # The link dies at the COMMIT of this very save (after its new text went by): before the
    # server has it, or after (then the server saved it and only the answer is lost).
    link.black_hole_on(b"COMMIT", reaches_server=reaches_server, after="提交那一刻".encode())
    result, waited = _timed(
        cli, "--db", team, "article", "edit", str(article_id), "--file", str(edit), "--as", "ma",
        env=FAST,
    )  # fmt: skip
    # Letting go of the edit lock afterwards meets the dead link too; the line still tells
    # the weightier news, that the save may have been made.
    one_line_error(result, "may or may not have been saved")  # type: ignore[arg-type]
    assert waited < 2 * 2 + START

    link.restore()
    body = _body(cli, team, article_id)
    assert ("提交那一刻断了网。" in body) is reaches_server
    assert ("第一段。" in body) is not reaches_server
    _whole(cli, team)


def test_a_link_that_dies_in_the_middle_of_a_save_changes_nothing(
    cli: Run, link: FaultyLink, team: str, tmp_path: Path
) -> None:
    article_id = _article(cli, team, tmp_path)
    edit = tmp_path / "edit.md"
    edit.write_text("# 断网测试稿\n\n写到一半断了网。\n", encoding="utf-8")
    # The new text reaches the server inside the transaction, and then nothing more does.
    link.black_hole_on("写到一半".encode(), reaches_server=True)
    result, _ = _timed(
        cli, "--db", team, "article", "edit", str(article_id), "--file", str(edit), "--as", "ma",
        env=FAST,
    )  # fmt: skip
    one_line_error(result, "nothing was changed")  # type: ignore[arg-type]

    link.restore()
    body = _body(cli, team, article_id)
    assert "第一段。" in body and "写到一半" not in body
    _whole(cli, team)
