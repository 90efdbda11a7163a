"""The real app, started as a user starts it, in its own process, to a clean exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BACKENDS, PASSWORD


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_app_starts_shows_a_preview_and_exits_cleanly(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if backend == "sqlite":
        target = str(request.getfixturevalue("db_path"))
    else:
        target = request.getfixturevalue("newsroom").store.url
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox --disable-gpu",
        NEWSDESK_PASSWORD=PASSWORD,
        NEWSDESK_LANG="zh",
    )
    done = subprocess.run(
        [sys.executable, "-m", "newsdesk", "--db", target, "gui", "--smoke", "--user", "ma"],
        capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "window and preview ready" in done.stdout
    assert "interface zh, 2 translation catalogues" in done.stdout
    assert "Traceback" not in done.stderr
    backups = list(tmp_path.rglob("newsdesk-backups"))
    assert len(backups) == (1 if backend == "sqlite" else 0)  # a server keeps its own


def test_a_wrong_password_at_start_is_one_clear_line(db_path: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    env.update(QT_QPA_PLATFORM="offscreen", NEWSDESK_PASSWORD="wrong", LANG="C.UTF-8")
    done = subprocess.run(
        [sys.executable, "-m", "newsdesk", "--db", str(db_path), "gui", "--smoke", "--user", "ma"],
        capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 1
    assert "Wrong username or password" in done.stderr and "Traceback" not in done.stderr
