"""The workspace's proofreading lists and the proofreader built from them.

Light on purpose: `newsdesk proofread` builds its proofreader from here with a store's settings
and nothing else of the workspace, and finds it in the compiled-rules cache when nothing
changed (`newsdesk.content.proofreading.compiled`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from newsdesk.content.proofreading.packs import (
    Leader,
    OwnList,
    PackError,
    PackKind,
    parse_leaders,
    parse_own_list,
)
from newsdesk.core.word_lists import parse_words, starter_list

if TYPE_CHECKING:
    from newsdesk.content.proofreading import Proofreader

PREFIX = "proofreading."
LISTS = ("leaders", "typos", "agencies", "norms")
LIST_LABELS = {
    "leaders": ("领导名单", "leaders"),
    "typos": ("错别字", "typos"),
    "agencies": ("机构名称", "agency names"),
    "norms": ("规范表述", "norms"),
}
FIELD_WORDS = {"title": ("标题", "title"), "author": ("作者", "author"),
               "digest": ("摘要", "digest"), "body": ("正文", "body")}  # fmt: skip
# The settings a proofreader is built from, in the order of its inputs.
INPUT_KEYS = (*(PREFIX + name for name in LISTS), "account.banned_words", "account.absolute_words")


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset` in `text`."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def recipe(stored: Mapping[str, str]) -> tuple[tuple[str, ...], Callable[[], Proofreader]]:
    """The inputs (the lists as stored) and how to build the proofreader from them: from the
    cache when one was built from the same inputs, shipped data and program."""
    inputs = tuple(stored.get(key, "") for key in INPUT_KEYS)

    def compile_rules() -> Proofreader:
        from newsdesk.content.proofreading.engine import Packs, Proofreader

        own, leaders = parse_stored(stored)
        banned = parse_words(inputs[4] or starter_list("banned"))
        absolute = parse_words(inputs[5] or starter_list("absolute"))
        return Proofreader(Packs.with_own(own, leaders, banned, absolute))

    def build() -> Proofreader:
        from newsdesk.content.proofreading.compiled import cached_proofreader

        return cached_proofreader(inputs, compile_rules)

    return inputs, build


def parse_stored(
    stored: Mapping[str, str],
) -> tuple[dict[PackKind, OwnList], tuple[Leader, ...]]:
    own = {kind: _lenient(stored.get(PREFIX + kind.value, ""), own_list=True) for kind in PackKind}
    leaders = _lenient(stored.get(PREFIX + "leaders", ""), own_list=False)
    return own, leaders  # type: ignore[return-value]


def _lenient(text: str, *, own_list: bool) -> OwnList | tuple[Leader, ...]:
    """A list as stored. It was checked when saved, so a line that no longer reads (written by
    a newer program) is skipped rather than stopping every check."""

    def parse(candidate: str) -> OwnList | tuple[Leader, ...]:
        return parse_own_list(candidate) if own_list else parse_leaders(candidate)

    try:
        return parse(text)
    except PackError:
        kept: list[str] = []
        for line in text.splitlines():
            try:
                parse("\n".join([*kept, line]))
            except PackError:
                continue
            kept.append(line)
        return parse("\n".join(kept))


PROMOTIONAL_WORDS = ("推广", "广告", "软文")


def promotional_column(column: str) -> bool:
    """Whether an article in this column is promotional copy (广告法 terms are warnings)."""
    return any(word in column for word in PROMOTIONAL_WORDS)
