"""Fixed strings that are wrong wherever they stand: typo pairs, renamed bodies, the news
agency's mechanical norms, and the newsroom's banned and absolute-term lists."""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from newsdesk.content.proofreading.agency_context import Period, period
from newsdesk.content.proofreading.findings import ERROR, HINT, WARNING, Category, Hit
from newsdesk.content.proofreading.packs import Entry

BANNED_SOURCE = "本单位禁用词表"
ABSOLUTE_SOURCE = "《中华人民共和国广告法》第九条；本单位极限词表"


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
                if entry.wrong:
                    self._rules.setdefault(entry.wrong.lower(), _Rule(category, entry))
        self._lengths = lengths_by_first(self._rules)

    def hits(self, prose: str) -> list[Hit]:
        if not self._rules:
            return []
        # Lists match whatever the case of Latin letters (banned words may hold some); lower-
        # casing keeps every offset unless a rare letter lowercases to two characters.
        lowered = prose.lower()
        if len(lowered) != len(prose):
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in prose)
        found: list[Hit] = []
        for start, end in longest_matches(lowered, self._rules, self._lengths):
            rule = self._rules[lowered[start:end]]
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


def lengths_by_first(words: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """First character → the lengths of the words it starts, longest first. A regular
    expression of thousands of strings took Python longer to compile (on every start, and
    again when the rules came from the cache) than every check of an article to run."""
    lengths: dict[str, set[int]] = {}
    for word in words:
        lengths.setdefault(word[0], set()).add(len(word))
    return {first: tuple(sorted(sizes, reverse=True)) for first, sizes in lengths.items()}


def longest_matches(
    text: str, words: Container[str], lengths: dict[str, tuple[int, ...]]
) -> Iterator[tuple[int, int]]:
    """Where `words` stand in `text`, left to right, not overlapping, the longest listed
    string at a place winning (as a greedy trie pattern's `finditer` would)."""
    at, end = 0, len(text)
    while at < end:
        sizes = lengths.get(text[at])
        if sizes is not None:
            for size in sizes:
                if at + size <= end and text[at : at + size] in words:
                    yield at, at + size
                    at += size
                    break
            else:
                at += 1
        else:
            at += 1


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
