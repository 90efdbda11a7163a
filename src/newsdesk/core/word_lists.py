"""Word lists as plain text: one word a line, `#` comments; the starter lists shipped."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=4)
def starter_list(name: str) -> str:  # shipped with the program: read once
    from importlib import resources  # not on every start: a cached proofreader needs no list

    path = Path(str(resources.files("newsdesk") / "resources" / "wordlists" / f"{name}.txt"))
    return path.read_text(encoding="utf-8")


def parse_words(text: str) -> tuple[str, ...]:
    """One word per line; blank lines and `#` comments ignored; duplicates dropped."""
    words = []
    for line in text.splitlines():
        word = line.strip()
        if word and not word.startswith("#") and word not in words:
            words.append(word)
    return tuple(words)
