"""The CLI refuses names over the core's limits in one line, and changes nothing."""

from __future__ import annotations

from pathlib import Path

from newsdesk.core.limits import ACCOUNT_TITLE_MAX, TOPIC_TITLE_MAX
from tests.cli.conftest import Run, one_line_error
from tests.conftest import PASSWORD


def test_names_over_the_limit_are_refused(cli: Run, db_path: Path) -> None:
    long_topic, long_title = "题" * 5000, "号" * (ACCOUNT_TITLE_MAX + 1)
    for args, limit in (
        (("topic", "add", long_topic, "--as", "ma"), TOPIC_TITLE_MAX),
        (("account", "add", "qingxi", "--title", long_title, "--as", "admin"), ACCOUNT_TITLE_MAX),
        (("settings", "set", "name", long_title, "--as", "admin"), ACCOUNT_TITLE_MAX),
    ):
        one_line_error(cli(*args, db=db_path, password=PASSWORD), f"at most {limit} characters")
    assert cli("topic", "list", "--json", db=db_path).stdout.strip() == "[]"
    assert "qingxi" not in cli("account", "list", db=db_path).stdout
