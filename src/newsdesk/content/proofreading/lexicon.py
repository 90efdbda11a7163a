"""Fixed strings that are wrong wherever they stand: typo pairs, renamed bodies, the news
agency's mechanical norms, and the newsroom's banned and absolute-term lists."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from newsdesk.content.proofreading.agency_context import Period, period
from newsdesk.content.proofreading.findings import ERROR, HINT, WARNING, Category, Hit
from newsdesk.content.proofreading.packs import Entry

BANNED_SOURCE = "本单位禁用词表"
ABSOLUTE_SOURCE = "《中华人民共和国广告法》第九条；本单位极限词表"
Trie = dict[str, "Trie"]


@dataclass(frozen=True)
class _Rule:
    category: Category
    entry: Entry


def word_entries(words: Sequence[str], category: Category) -> tuple[Entry, ...]:
    """A banned or absolute-term list as entries with nothing to suggest."""
    severity, source = (
        (ERROR, BANNED_SOURCE) if category is Category.BANNED else (WARNING, ABSOLUTE_SOURCE)
    )
    return tuple(Entry(w, "", source, severity=severity) for w in words)


class Lexicon:
    def __init__(self, packs: Sequence[tuple[Category, Sequence[Entry]]]) -> None:
        """`packs` in priority order: the first category to list a string reports it."""
        self._rules: dict[str, _Rule] = {}
        for category, entries in packs:
            for entry in entries:
                self._rules.setdefault(entry.wrong.lower(), _Rule(category, entry))
        self._pattern = re.compile(bucketed_pattern(self._rules)) if self._rules else None

    def hits(self, prose: str) -> list[Hit]:
        if self._pattern is None:
            return []
        # Lists match whatever the case of Latin letters (banned words may hold some); lower-
        # casing keeps every offset unless a rare letter lowercases to two characters.
        lowered = prose.lower()
        if len(lowered) != len(prose):
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in prose)
        found: list[Hit] = []
        for match in self._pattern.finditer(lowered):
            rule = self._rules[match.group(0)]
            start, end = match.span()
            entry = rule.entry
            if _inside_exception(prose, start, entry):
                continue
            hit = _hit(rule.category, entry, start, end, prose[start:end])
            if rule.category is Category.AGENCY:
                when = period(prose, start, entry)
                if when is Period.PAST:
                    continue
                if when is Period.LIKELY_PAST:
                    hit = replace(hit, severity=HINT)
            found.append(hit)
        return found


def trie_pattern(words: Iterable[str]) -> str:
    """One regular expression for many strings, shared prefixes written once: Python's regex
    engine tries a long alternation branch by branch at every position, a trie a few at most.
    Greedy, so the longest listed string at a position wins, as with longest-first."""
    trie: Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: Trie) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


_BUCKETS = 8


def bucketed_pattern(words: Iterable[str]) -> str:
    """`trie_pattern` split by first character into a few groups, each behind a class of its
    first characters. The regex engine tries a trie's top branches one by one; with a thousand
    first characters that was most of a check's time. Now a place costs a few class tests and
    the branches of one group."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word)
    firsts = sorted(by_first)
    size = max(1, -(-len(firsts) // _BUCKETS))
    groups = [firsts[n : n + size] for n in range(0, len(firsts), size)]
    return "|".join(
        "(?=["
        + "".join(re.escape(c) for c in group)
        + "])"
        + trie_pattern([w for c in group for w in by_first[c]])
        for group in groups
    )


def _inside_exception(prose: str, start: int, entry: Entry) -> bool:
    for exception in entry.exceptions:
        at = exception.find(entry.wrong)
        while at >= 0:
            if start >= at and prose.startswith(exception, start - at):
                return True
            at = exception.find(entry.wrong, at + 1)
    return False


def _hit(category: Category, entry: Entry, start: int, end: int, text: str) -> Hit:
    wrong, right = text, entry.right
    if category is Category.TYPO:
        zh, en = f"错别字：“{wrong}”应为“{right}”", f"typo: “{wrong}” should be “{right}”"
    elif category is Category.AGENCY:
        since = f"{entry.year} 年起" if entry.year else "现"
        zh = f"机构名称已变更：“{wrong}”{since}为“{right}”"
        en = f"renamed body: “{wrong}” is now “{right}”" + (
            f" (since {entry.year})" if entry.year else ""
        )
    elif category is Category.NORM:
        zh, en = f"规范表述：“{wrong}”应为“{right}”", f"norm: write “{right}”, not “{wrong}”"
    elif category is Category.BANNED:
        zh, en = f"禁用词“{wrong}”", f"banned word “{wrong}”"
    else:
        zh, en = f"广告法极限词“{wrong}”", f"absolute term (Advertising Law) “{wrong}”"
    return Hit(
        start,
        end,
        category,
        f"{category.value}:{entry.wrong}",
        right,
        zh,
        en,
        entry.source or "本单位词表",
        entry.severity,
    )
