"""`topic accept` as documented: a second accept reassigns and says so, keeps the due date and
slot it is not given, DATE alone takes the day's first free position and says which; a slot
over, a due date after the slot and a name given twice are refused in one line."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from tests.cli.conftest import Run, one_line_error
from tests.conftest import PASSWORD


def test_topic_accept_rules(cli: Run, db_path: Path) -> None:
    def run(*args: str):  # type: ignore[no-untyped-def]
        return cli(*args, db=db_path, password=PASSWORD)

    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    lead = run("topic", "add", "头条选题", "--as", "ma").stdout.strip()
    topic = run("topic", "add", "全县秋粮收购进展", "--as", "ma").stdout.strip()
    assert run("topic", "accept", lead, "--assign", "ma", "--slot", f"{tomorrow}:头条",
               "--as", "sang").returncode == 0  # fmt: skip
    one_line_error(run("topic", "accept", topic, "--assign", "ma,ma", "--as", "sang"),
                   "ma is named twice")  # fmt: skip
    one_line_error(run("topic", "accept", topic, "--assign", "ma", "--slot", yesterday,
                       "--as", "sang"), f"the slot {yesterday} is over")  # fmt: skip
    late = (date.today() + timedelta(days=2)).isoformat()
    one_line_error(run("topic", "accept", topic, "--assign", "ma", "--due", late, "--slot",
                       tomorrow, "--as", "sang"), "is after the day it goes out")  # fmt: skip

    first = run("topic", "accept", topic, "--assign", "ma", "--due", tomorrow, "--slot",
                tomorrow, "--as", "sang")  # fmt: skip
    assert first.returncode == 0 and first.stdout.strip() == "accepted", first.stderr
    assert f"slotted as {tomorrow}'s #2" in first.stderr, first.stderr
    again = run("topic", "accept", topic, "--assign", "yan", "--as", "sang")
    assert again.returncode == 0, again.stderr
    assert "assigned to 严编辑 instead of 马编辑" in again.stderr, again.stderr
    [shown] = [t for t in json.loads(cli("topic", "list", "--json", db=db_path).stdout)
               if str(t["id"]) == topic]  # fmt: skip
    assert shown["assignees"] == ["yan"] and shown["due"] == tomorrow
    assert (shown["slot"], shown["position"]) == (tomorrow, 2)
    cleared = run("topic", "accept", topic, "--assign", "yan", "--due", "none", "--slot", "none",
                  "--as", "sang")  # fmt: skip
    assert cleared.returncode == 0, cleared.stderr
    [shown] = [t for t in json.loads(cli("topic", "list", "--json", db=db_path).stdout)
               if str(t["id"]) == topic]  # fmt: skip
    assert shown["due"] is None and shown["slot"] is None
