"""Every command the parser knows is in the README's command list (as sqlite-utils's docs test).

The list is the fenced block under "## The command line". A command counts as documented when a
line of that block starts with it (`submit|approve|sign ID` names three), and a sub-command when
it follows its parent on such a line: right after it, after a `|` (`user list … | disable NAME`)
or after a `[` (`settings [show …]`).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.cli.parser import build_parser

README = Path(__file__).resolve().parents[2] / "README.md"


def command_paths(
    parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[str, ...]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield (*prefix, name)
                yield from command_paths(child, (*prefix, name))


def command_block() -> list[str]:
    section = README.read_text(encoding="utf-8").split("\n## The command line\n", 1)[1]
    block = section.split("```", 2)[1]
    # Commands sit two spaces in; deeper lines continue the description of the one above.
    return [line for line in block.splitlines() if re.match(r"  \S", line)]


def documented(path: tuple[str, ...], lines: list[str]) -> bool:
    head = rf"(?:\S+\|)*{re.escape(path[0])}(?:\|\S+)*(?=\s|$)"
    tail = "".join(
        rf"\s+(?:[^\n]*?(?:\|\s*|\[))?{re.escape(word)}(?=[\s\]|]|$)" for word in path[1:]
    )
    pattern = re.compile(rf"  {head}{tail}")
    return any(pattern.match(line) for line in lines)


PATHS = sorted(command_paths(build_parser()))


def test_the_parser_has_commands_and_sub_commands() -> None:
    # The walk must reach nested parsers, or the test below would pass on nothing.
    assert ("queue",) in PATHS
    assert ("article", "edit") in PATHS
    assert ("topic", "accept") in PATHS


@pytest.mark.parametrize("path", PATHS, ids=" ".join)
def test_every_command_is_in_the_readme(path: tuple[str, ...]) -> None:
    assert documented(path, command_block()), f"`newsdesk {' '.join(path)}` is not in README.md"


def test_a_missing_command_is_noticed() -> None:
    lines = command_block()
    assert documented(("user", "disable"), lines)
    assert documented(("approve",), lines)
    assert not documented(("article", "nonesuch"), lines)
    assert not documented(("nonesuch",), lines)
