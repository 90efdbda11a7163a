from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def cli(tmp_path: Path) -> Run:
    """Run the real `newsdesk` in a subprocess, as a user or a script would."""

    def run(
        *args: str,
        password: str | None = None,
        db: Path | None = None,
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
        command = [sys.executable, "-m", "newsdesk"]
        if db is not None:
            command += ["--db", str(db)]
        return subprocess.run(
            [*command, *args],
            capture_output=True,
            text=True,
            env=full_env,
            timeout=120,
            input=stdin,
            cwd=tmp_path,
        )

    return run


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
