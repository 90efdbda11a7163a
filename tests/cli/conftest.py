from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.inprocess import PROCESS_ONLY, command_of, run_in_process

Run = Callable[..., subprocess.CompletedProcess[str]]


def _runner(tmp_path: Path, *, in_process: bool) -> Run:
    def run(
        *args: str,
        password: str | None = None,
        db: Path | str | None = None,
        env: dict[str, str] | None = None,
        stdin: str | None = None,
    ) -> subprocess.CompletedProcess[str]:
        full_env = {
            key: value for key, value in os.environ.items() if not key.startswith("NEWSDESK_")
        }
        # An AppSecret a command keeps goes to a file under the test's config folder, never to
        # the keyring of the desktop the tests run on.
        full_env.update(
            {"LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "NEWSDESK_SECRET_STORE": "file"}
        )
        if password is not None:
            full_env["NEWSDESK_PASSWORD"] = password
        if env:
            full_env.update(env)
        argv = [*(["--db", str(db)] if db is not None else []), *args]
        if in_process and command_of(argv) not in PROCESS_ONLY:
            return run_in_process(argv, full_env, tmp_path, stdin)
        return subprocess.run(
            [sys.executable, "-m", "newsdesk", *argv],
            capture_output=True,
            text=True,
            env=full_env,
            timeout=120,
            input=stdin,
            cwd=tmp_path,
        )

    return run


@pytest.fixture
def cli(tmp_path: Path) -> Run:
    """Run the real `newsdesk` as a user or a script would: its `main` inside this process
    (tests/cli/inprocess.py: same environment, folder, input, output and exit status, nothing
    left behind), except the desktop app, which always gets a process of its own."""
    return _runner(tmp_path, in_process=True)


@pytest.fixture
def cli_process(tmp_path: Path) -> Run:
    """`newsdesk` in a subprocess of its own, where the process boundary is the point: the
    entry point, a real exit status, a server that goes away mid-command."""
    return _runner(tmp_path, in_process=False)


def one_line_error(result: subprocess.CompletedProcess[str], expected: str) -> None:
    """A refusal as users must see it: exit 1, one line on stderr naming why, no traceback."""
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], result.stderr


def staffed(cli: Run, db_path: Path, backend: str, request: pytest.FixtureRequest) -> Path | str:
    """A workspace with the shared test staff: the SQLite template's copy, or an empty server
    database filled through the real CLI with the same people."""
    from tests.conftest import PASSWORD, STAFF

    if backend == "sqlite":
        return db_path
    db: str = request.getfixturevalue("empty_pg")
    env = {"NEWSDESK_NEW_PASSWORD": PASSWORD}
    admin = STAFF[0][0]
    for username, name, roles in STAFF:
        acting = () if username == admin else ("--as", admin)
        added = cli("user", "add", username, "--name", name, "--role",
                    ",".join(r.value for r in roles), *acting, db=db, password=PASSWORD,
                    env=env)  # fmt: skip
        assert added.returncode == 0, added.stderr
    return db
