"""What `--db` understands, and `newsdesk` alone on a terminal without a screen."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import Run, one_line_error

NO_SCREEN = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}


def test_no_command_without_a_screen_prints_the_usage(cli: Run) -> None:
    result = cli(env=NO_SCREEN)
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("usage: newsdesk")
    assert "topic" in result.stderr and "no screen" in result.stderr


def test_an_empty_db_is_refused_not_taken_as_the_default(cli: Run, db_path: Path) -> None:
    one_line_error(cli("--db", "", "queue", env={"NEWSDESK_DB": str(db_path)}), "--db is empty")


def test_a_url_of_another_kind_names_what_is_understood(cli: Run) -> None:
    for target in ("mysql://root@localhost/news", "sqlite:///tmp/x.db", "https://example.com/db"):
        result = cli("--db", target, "queue")
        one_line_error(result, "a SQLite file path or a postgresql:// URL")
        assert target.split("://")[0] in result.stderr
