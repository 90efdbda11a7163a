"""An unexpected error in the CLI leaves a report for support: the newest few are kept, and only
this user can read them (0600 in a 0700 folder), as the app's own log."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.core.private_files import CRASH_REPORTS_KEPT

# The real `main`, with a command that fails as no user input should make it fail.
CRASHING = """
import sys
import newsdesk.cli.commands as commands
def dispatch(session):
    raise RuntimeError("unexpected number " + sys.argv[1])
commands.dispatch = dispatch
from newsdesk.cli import main
sys.exit(main(["queue"]))
"""


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_crash_reports_are_kept_a_few_at_a_time_and_private(tmp_path: Path) -> None:
    home = tmp_path / "state"
    env = {**os.environ, "XDG_STATE_HOME": str(home), "LANG": "C.UTF-8"}
    old = home / "newsdesk" / "log" / "cli-crash.log"  # an older version's single report
    old.parent.mkdir(parents=True)
    old.write_text("old", encoding="utf-8")
    old.parent.chmod(0o755)
    said = []
    for run in range(CRASH_REPORTS_KEPT + 2):
        done = subprocess.run(
            [sys.executable, "-c", CRASHING, str(run)],
            capture_output=True, text=True, env=env, timeout=60,
        )  # fmt: skip
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        said.append(done.stderr.split("written to ", 1)[1].split(". Please", 1)[0])
    folder = home / "newsdesk" / "log"
    reports = sorted(folder.glob("cli-crash*.log"))
    assert len(reports) == CRASH_REPORTS_KEPT and not old.exists()
    assert [str(r) for r in reports] == said[-CRASH_REPORTS_KEPT:]
    assert [r.read_text(encoding="utf-8").splitlines()[-1] for r in reports] == [
        f"RuntimeError: unexpected number {n}" for n in range(2, CRASH_REPORTS_KEPT + 2)
    ]
    assert {_mode(r) for r in reports} == {0o600}
    assert _mode(folder) == 0o700 and _mode(home / "newsdesk") == 0o755  # made by the test


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_folders_the_report_creates_are_private(tmp_path: Path) -> None:
    home = tmp_path / "fresh"
    env = {**os.environ, "XDG_STATE_HOME": str(home), "LANG": "C.UTF-8"}
    subprocess.run([sys.executable, "-c", CRASHING, "0"], env=env, timeout=60, check=False,
                   capture_output=True)  # fmt: skip
    assert _mode(home) == _mode(home / "newsdesk") == _mode(home / "newsdesk" / "log") == 0o700
