"""A Qt warning fails the test that caused it (pyproject: qt_log_level_fail), unless it is one
of the few messages the offscreen test machine itself emits (qt_log_ignore)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

INNER = """
from PySide6.QtCore import qWarning


def test_a_warning_from_our_code(qtbot):
    qWarning("QObject::connect: No such signal Editor::edited()")


def test_noise_of_the_offscreen_platform(qtbot):
    qWarning("This plugin does not support propagateSizeHints()")


def test_noise_words_inside_a_real_warning(qtbot):
    qWarning("Widget: This plugin does not support raise() and more")
"""


def test_a_qt_warning_fails_the_test_and_only_known_noise_is_let_through(tmp_path: Path) -> None:
    (tmp_path / "test_inner.py").write_text(INNER, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    pytest = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider"]
    config = ["-c", str(ROOT / "pyproject.toml"), "--rootdir", str(tmp_path)]
    run = subprocess.run(
        [*pytest, *config, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    out = run.stdout
    assert run.returncode == 1, out
    assert "test_inner.py::test_a_warning_from_our_code" in out, out
    assert "test_inner.py::test_noise_words_inside_a_real_warning" in out, out
    assert "test_noise_of_the_offscreen_platform" not in out, out
    assert "2 failed, 1 passed" in out, out
