"""The app's log holds tracebacks: it and its rotated copies are this user's alone."""

from __future__ import annotations

import logging
import stat
import sys
from pathlib import Path

import pytest

from newsdesk.ui import paths


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_the_app_log_and_its_rotations_are_private(tmp_path: Path) -> None:
    folder = paths.private_folder(tmp_path / "made" / "log")
    old = folder / "newsdesk.log"
    old.write_text("from an older version\n", encoding="utf-8")
    old.chmod(0o644)
    handler = paths.PrivateLogHandler(old, maxBytes=200, backupCount=2, encoding="utf-8")
    logger = logging.getLogger("newsdesk.test-private-log")
    logger.addHandler(handler)
    try:
        for n in range(20):
            logger.error("unexpected error %d with a long enough line to rotate the log", n)
    finally:
        logger.removeHandler(handler)
        handler.close()
    logs = sorted(folder.glob("newsdesk.log*"))
    assert [p.name for p in logs] == ["newsdesk.log", "newsdesk.log.1", "newsdesk.log.2"]
    assert {stat.S_IMODE(p.stat().st_mode) for p in logs} == {0o600}
    assert stat.S_IMODE(folder.stat().st_mode) == stat.S_IMODE(folder.parent.stat().st_mode)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_recovery_copies_of_unsaved_text_are_private_too() -> None:
    folder = paths.recovery_dir()
    folder.chmod(0o755)  # as an older version made it
    assert stat.S_IMODE(paths.recovery_dir().stat().st_mode) == 0o700
