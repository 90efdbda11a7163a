"""Every id and count a command takes is checked by the parser: a usage error (exit 2), never a
crash deep in the store (SQLite integers stop at 2**63 - 1)."""

from __future__ import annotations

import argparse
import contextlib
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.cli import parser as cli_parser
from tests.cli.conftest import Run, one_line_error

TOO_LARGE = "99999999999999999999999"


def _numeric_arguments(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser, argparse.Action]]:
    """(command path, its parser, the argument) for every argument typed as an id or count."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _numeric_arguments(sub, (*path, name))
        elif action.type in (cli_parser._id, cli_parser._count):
            yield path, parser, action


def _usage_error(parser: argparse.ArgumentParser, argv: list[str]) -> str:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit) as stop:
        parser.parse_args(argv)
    assert stop.value.code == 2, argv
    return err.getvalue()


def test_every_id_and_count_refuses_what_the_store_cannot_hold() -> None:
    found = list(_numeric_arguments(cli_parser.build_parser()))
    commands = {(" ".join(path), action.dest) for path, _, action in found}
    for expected in (
        ("article show", "id"), ("submit", "id"), ("form", "id"), ("push", "ids"),
        ("topic accept", "id"), ("queue", "limit"), ("search", "limit"), ("push", "wait"),
    ):  # fmt: skip
        assert expected in commands
    for path, parser, action in found:
        for bad in (TOO_LARGE, str(2**63), "abc", "-1"):
            argv = [action.option_strings[0], bad] if action.option_strings else [bad]
            message = _usage_error(parser, argv)
            assert bad in message, (path, action.dest, message)
            assert "required" not in message, (path, action.dest, message)
        # The largest value the store holds is still well-formed.
        assert action.type(str(2**63 - 1)) == 2**63 - 1, (path, action.dest)


@pytest.mark.parametrize(
    "argv",
    [
        ("article", "show", TOO_LARGE),
        ("submit", TOO_LARGE, "--as", "ma"),
        ("topic", "accept", TOO_LARGE, "--assign", "ma", "--as", "sang"),
        ("queue", "--limit", TOO_LARGE),
    ],
)
def test_the_real_command_says_usage_not_crash(
    cli: Run, db_path: Path, argv: tuple[str, ...]
) -> None:
    result = cli(*argv, db=db_path, password="x")
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert TOO_LARGE in result.stderr


def test_a_slot_position_in_odd_digits_is_refused_in_one_line(cli: Run, db_path: Path) -> None:
    topic = cli("topic", "add", "选题", "--as", "ma", db=db_path, password="pass-1234")
    for position in ("²", "次条²", TOO_LARGE):
        one_line_error(
            cli("topic", "accept", topic.stdout.strip(), "--assign", "ma", "--slot",
                f"2026-12-03:{position}", "--as", "sang", db=db_path, password="pass-1234"),
            "a position is 头条",
        )  # fmt: skip
