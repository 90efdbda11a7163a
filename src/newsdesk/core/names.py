"""When two names are the same name: usernames and display names are unique in a workspace
once width and case are set aside, so no reader sees one name at two levels of an article."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable


def name_key(name: str) -> str:
    """The form names are compared in: NFKC (full-width ｍａ is ma), case-folded (MA is ma),
    inner runs of spaces as one; NFKC again because case folding can undo it."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return " ".join(folded.split())


def clashes(names: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Pairs (owner, other owner) of `(owner, name)` whose names are the same name, the first
    owner of each name paired with every later one."""
    first: dict[str, str] = {}
    found: list[tuple[str, str]] = []
    for owner, name in names:
        key = name_key(name)
        if key in first:
            found.append((first[key], owner))
        else:
            first[key] = owner
    return found
