"""The README's layout section and the documentation's links stay true as files move."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def layout_paths() -> list[str]:
    section = README.read_text(encoding="utf-8").split("\n## Layout\n", 1)[1]
    block = section.split("```", 2)[1]
    return [line.split()[0] for line in block.splitlines() if re.match(r"[^\s]", line)]


def test_every_path_the_layout_names_exists() -> None:
    paths = layout_paths()
    assert "src/newsdesk/core" in paths and "docs/" in paths
    assert [p for p in paths if not (ROOT / p).exists()] == []


def test_every_path_the_layout_section_mentions_exists() -> None:
    # The sub-folders named in the descriptions ("corpus/", "linux/") too.
    section = README.read_text(encoding="utf-8").split("\n## Layout\n", 1)[1]
    block = section.split("```", 2)[1]
    missing = []
    parent = ""
    for line in block.splitlines():
        words = line
        if re.match(r"[^\s]", line):
            parent, _, words = line.partition(" ")
            parent = parent.rstrip("/")
        for name in re.findall(r"\b([a-z_]+)/(?=[\s,)]|$)", words):
            if not (ROOT / parent / name).is_dir():
                missing.append(f"{parent}/{name}")
    assert missing == []


def test_every_relative_link_in_the_docs_resolves() -> None:
    broken = []
    for page in [README, *sorted((ROOT / "docs").glob("*.md"))]:
        # Markdown shown as an example, in a code span or a fenced block, links nowhere.
        text = re.sub(r"```.*?```|`[^`\n]+`", "", page.read_text(encoding="utf-8"), flags=re.S)
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
            if "://" not in target and not (page.parent / target).exists():
                broken.append(f"{page.name}: {target}")
    assert broken == []
