"""`newsdesk doctor` names each part the desktop app needs and fails when one is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.cli import qt_files
from tests.cli.conftest import Run


def test_doctor_reports_every_part_present_here(cli: Run) -> None:
    done = cli("doctor")
    assert done.returncode == 0, done.stdout
    for part in (
        "Qt platform plugin",
        "QtWebEngine",
        "Qt Chinese (qtbase_zh_CN)",
        "Newsdesk Chinese",
    ):
        assert any(
            line.startswith(part) and line.endswith("ok") for line in done.stdout.splitlines()
        ), part


def test_a_bundle_without_webengine_or_chinese_is_reported(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake = tmp_path / "PySide6"
    (fake / "Qt" / "plugins" / "platforms").mkdir(parents=True)
    (fake / "Qt" / "plugins" / "platforms" / "libqxcb.so").write_bytes(b"")
    monkeypatch.setattr(qt_files, "qt_root", lambda: fake)
    status = dict(qt_files.checks())
    assert status["Qt platform plugin"] is not None
    assert status["QtWebEngine"] is None and status["Qt Chinese (qtbase_zh_CN)"] is None
