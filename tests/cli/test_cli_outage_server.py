"""The command line when the server itself goes away (issue 24): stopped and restarted (every
session closed, new connections refused until it is back), stopped in the middle of a save, and
a port where nothing listens at all. Each command ends within seconds with one line and exit
1, a change that may have been saved says so, and the record on the server is whole after."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

from tests.cli.conftest import Run, one_line_error
from tests.cli.test_cli_outage import START, _article, _body, _timed, _whole
from tests.conftest import Newsroom
from tests.netfault import FaultyLink

REFUSED = "Connection refused); nothing was changed"


@pytest.fixture
def backend() -> str:
    return "postgresql"


@pytest.fixture
def team(link: FaultyLink, newsroom: Newsroom) -> str:
    return link.url(str(newsroom.path))


def _commands(article_id: int, edit: Path) -> list[tuple[str, ...]]:
    return [
        ("queue",),
        ("article", "edit", str(article_id), "--file", str(edit), "--as", "ma"),
        ("submit", str(article_id), "--as", "ma"),
    ]


def _edit(tmp_path: Path, body: str) -> Path:
    edit = tmp_path / "edit.md"
    edit.write_text(f"# 断网测试稿\n\n{body}\n", encoding="utf-8")
    return edit


def test_a_stopped_server_is_said_at_once_and_a_restarted_one_works(
    cli: Run, link: FaultyLink, team: str, tmp_path: Path
) -> None:
    article_id = _article(cli, team, tmp_path)
    edit = _edit(tmp_path, "服务器停了时改的。")
    link.stop_server()
    for command in _commands(article_id, edit):
        result, waited = _timed(cli, "--db", team, *command)
        one_line_error(result, REFUSED)  # type: ignore[arg-type]
        assert "127.0.0.1" in result.stderr  # type: ignore[attr-defined]
        assert waited < START, (command, waited)

    link.restore()  # the server is back: nothing of the refused commands happened
    assert "第一段。" in _body(cli, team, article_id)
    shown, _ = _timed(cli, "--db", team, "queue")
    assert shown.returncode == 0, shown  # type: ignore[attr-defined]
    for command in _commands(article_id, edit)[1:]:  # and the same commands now go through
        result, _ = _timed(cli, "--db", team, *command)
        assert result.returncode == 0, result  # type: ignore[attr-defined]
    assert "服务器停了时改的。" in _body(cli, team, article_id)
    _whole(cli, team)


@pytest.mark.parametrize("reaches_server", [True, False])
def test_a_server_stopping_at_the_commit_says_whether_the_save_may_be_made(
    cli: Run, link: FaultyLink, team: str, tmp_path: Path, reaches_server: bool
) -> None:
    article_id = _article(cli, team, tmp_path)
    edit = _edit(tmp_path, "提交那一刻服务器停了。")
    # The server stops as this save's COMMIT arrives: before it has it, or just after.
    link.stop_server_on(b"COMMIT", reaches_server=reaches_server, after="提交那一刻".encode())
    result, waited = _timed(
        cli, "--db", team, "article", "edit", str(article_id), "--file", str(edit), "--as", "ma"
    )
    # A COMMIT that never reached the server and one whose answer never came look alike from
    # here: the line says the change may or may not have been saved, and to look first.
    one_line_error(result, "may or may not have been saved")  # type: ignore[arg-type]
    assert waited < START + 1

    link.restore()
    body = _body(cli, team, article_id)
    assert ("提交那一刻服务器停了。" in body) is reaches_server
    assert ("第一段。" in body) is not reaches_server
    _whole(cli, team)


def test_a_server_stopping_in_the_middle_of_a_save_changes_nothing(
    cli: Run, link: FaultyLink, team: str, tmp_path: Path
) -> None:
    article_id = _article(cli, team, tmp_path)
    edit = _edit(tmp_path, "写到一半服务器停了。")
    link.stop_server_on("写到一半".encode(), reaches_server=True)
    result, waited = _timed(
        cli, "--db", team, "article", "edit", str(article_id), "--file", str(edit), "--as", "ma"
    )
    one_line_error(result, "nothing was changed")  # type: ignore[arg-type]
    assert waited < START + 1

    link.restore()
    body = _body(cli, team, article_id)
    assert "第一段。" in body and "写到一半" not in body
    _whole(cli, team)


def _nothing_listening() -> int:
    """A local port that was free a moment ago: connecting to it is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_port_where_nothing_listens_is_refused_at_once(cli: Run, tmp_path: Path) -> None:
    team = f"postgresql://newsdesk:secret@127.0.0.1:{_nothing_listening()}/newsdesk"
    edit = _edit(tmp_path, "没人听。")
    started = time.monotonic()
    for command in _commands(1, edit):
        result, waited = _timed(cli, "--db", team, *command)
        one_line_error(result, REFUSED)  # type: ignore[arg-type]
        assert "secret" not in result.stderr  # type: ignore[attr-defined]
        assert waited < START, (command, waited)
    assert time.monotonic() - started < 10
