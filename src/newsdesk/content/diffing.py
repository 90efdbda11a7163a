"""Side-by-side differences between two versions of an article, for reviewers.

Lines are paired with difflib; within a changed pair the characters that differ are marked,
because a Chinese sentence is one long line and the change is usually a few characters.
"""

from __future__ import annotations

import difflib
import html
from dataclasses import dataclass
from typing import Literal

Kind = Literal["same", "changed", "added", "removed"]


@dataclass(frozen=True)
class Row:
    kind: Kind
    left: str  # HTML-escaped, with <del>/<ins> around changed characters
    right: str


def _marked(old: str, new: str) -> tuple[str, str]:
    left, right = [], []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        a, b = html.escape(old[a1:a2]), html.escape(new[b1:b2])
        if op == "equal":
            left.append(a)
            right.append(b)
        else:
            if a:
                left.append(f"<del>{a}</del>")
            if b:
                right.append(f"<ins>{b}</ins>")
    return "".join(left), "".join(right)


def side_by_side(old: str, new: str) -> list[Row]:
    old_lines, new_lines = old.splitlines(), new.splitlines()
    rows: list[Row] = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            rows += [Row("same", html.escape(line), html.escape(line)) for line in old_lines[a1:a2]]
            continue
        olds, news = old_lines[a1:a2], new_lines[b1:b2]
        for i in range(max(len(olds), len(news))):
            if i < len(olds) and i < len(news):
                rows.append(Row("changed", *_marked(olds[i], news[i])))
            elif i < len(olds):
                rows.append(Row("removed", f"<del>{html.escape(olds[i])}</del>", ""))
            else:
                rows.append(Row("added", "", f"<ins>{html.escape(news[i])}</ins>"))
    return rows


def fields_changed(old: dict[str, object], new: dict[str, object]) -> list[str]:
    """Names of the metadata fields whose values differ."""
    return [name for name in new if old.get(name) != new.get(name)]
