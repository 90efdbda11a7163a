"""The in-process runner (tests/cli/inprocess.py) answers as the real process does, and leaves
nothing of a command behind in the test's process."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import Run
from tests.conftest import PASSWORD


@pytest.mark.parametrize(
    "argv",
    [
        ("queue", "--json"),  # stdout, status 0
        ("queue", "--state", "nonsense"),  # argparse's usage error: SystemExit(2), stderr
        ("queue", "--help"),  # SystemExit(0), stdout
        ("article", "show", "999"),  # refused: one line, status 1
        ("proofread", "a.md", "--json"),  # an error finding: status 1, stdout and stderr
        ("submit", "1", "--as", "ma"),  # signs in from NEWSDESK_PASSWORD
        ("user", "passwd", "ma", "--as", "admin"),  # no new password: stdin is no terminal
    ],
)
def test_the_same_answer_as_a_real_process(
    cli: Run, cli_process: Run, db_path: Path, tmp_path: Path, argv: tuple[str, ...]
) -> None:
    (tmp_path / "a.md").write_text("全县布署春耕。\n", encoding="utf-8")
    env = {"NEWSDESK_LANG": "zh"}  # the language comes from the environment given
    inside = cli(*argv, db=db_path, password=PASSWORD, env=env)
    real = cli_process(*argv, db=db_path, password=PASSWORD, env=env)
    assert (inside.returncode, inside.stdout, inside.stderr) == (
        real.returncode,
        real.stdout,
        real.stderr,
    )


def test_nothing_of_a_command_is_left_behind(cli: Run, db_path: Path, tmp_path: Path) -> None:
    logger = logging.getLogger("newsdesk")
    before = (
        dict(os.environ), os.getcwd(), (sys.stdin, sys.stdout, sys.stderr),
        list(logger.handlers), logger.level,
    )  # fmt: skip
    done = cli("queue", db=db_path, password=PASSWORD, env={"NEWSDESK_LANG": "en"}, stdin="x\n")
    assert done.returncode == 0, done.stderr
    after = (
        dict(os.environ), os.getcwd(), (sys.stdin, sys.stdout, sys.stderr),
        list(logger.handlers), logger.level,
    )  # fmt: skip
    assert after == before
    assert "NEWSDESK_PASSWORD" not in os.environ and Path.cwd() != tmp_path


def test_a_relative_path_is_read_from_the_test_folder(
    cli: Run, db_path: Path, tmp_path: Path
) -> None:
    # As the real process, started in tmp_path: "own.txt" is the test's file, found there.
    (tmp_path / "own.txt").write_text("布署 → 部署\n", encoding="utf-8")
    done = cli("settings", "set", "typos", "--file", "own.txt", "--as", "admin", db=db_path,
               password=PASSWORD)  # fmt: skip
    assert done.returncode == 0, done.stderr
    shown = cli("settings", "show", "typos", db=db_path)
    assert "布署 → 部署" in shown.stdout
