"""广告法 absolute terms, graded by what the copy is.

The Advertising Law (第九条) governs advertisements, not news: in news copy 最佳 or 最优 is at
most a hint (…的最佳窗口, 找到最优解), and inside quotation marks or a 《》 title it is a name
(“最佳组织奖”) and no finding at all. In promotional copy (a column for 推广, 广告, 软文) the
same words are warnings, and 世界级 and 国家级 on their own count with them; news writes those
two as plain facts (国家级非物质文化遗产).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from newsdesk.content.proofreading.findings import HINT, WARNING, Category, Hit
from newsdesk.content.proofreading.lazy_re import lazy
from newsdesk.content.proofreading.lexicon import ABSOLUTE_SOURCE as SOURCE
from newsdesk.content.proofreading.packs import Entry

PROMOTIONAL_SOURCE = "《中华人民共和国广告法》第九条（推广稿件）"
PROMOTIONAL_ONLY = ("世界级", "国家级")
# A name in quotation marks is short and has no clause in it: “最佳组织奖”, not a slogan
# (“县级统筹、部门协同”) or a sentence quoted as said (“我们要做到最好，……”).
_CLAUSE = lazy(r"[，、。；：！？,;:!?\n\x00]")
_NAME_LENGTH = 16
_QUOTES = {"“": "”", "「": "」", "‘": "’"}


def entries(words: Sequence[str]) -> tuple[Entry, ...]:
    """The workspace's list (hints until the copy is promotional), then the words that count
    only in promotional copy, unless the list has them already."""
    listed = tuple(Entry(w, "", SOURCE, severity=HINT) for w in words)
    extra = tuple(
        Entry(w, "", PROMOTIONAL_SOURCE, severity=HINT) for w in PROMOTIONAL_ONLY if w not in words
    )
    return (*listed, *extra)


def unnamed(prose: str, hits: Iterable[Hit]) -> list[Hit]:
    """`hits` without the absolute terms standing in a quoted name or a 《》 title."""
    return [
        h
        for h in hits
        if h.category is not Category.ABSOLUTE or not _in_name(prose, h.start, h.end)
    ]


def graded(hit: Hit, promotional: bool) -> Hit | None:
    """An absolute-term hit as the copy makes it: a warning in promotional copy, a hint in
    news, and nothing for a word that counts only in promotional copy."""
    if hit.category is not Category.ABSOLUTE:
        return hit
    if promotional:
        return replace(hit, severity=WARNING)
    if hit.source == PROMOTIONAL_SOURCE:
        return None
    return replace(hit, severity=HINT)


def _in_name(prose: str, start: int, end: int) -> bool:
    before, after = prose[:start], prose[end:]
    opened = before.rfind("《")
    if opened > before.rfind("》") and "》" in after.split("\n", 1)[0]:
        return True
    for open_, close in _QUOTES.items():
        at = before.rfind(open_)
        if at < 0 or at < before.rfind(close):
            continue
        closing = after.find(close)
        inside = before[at + 1 :] + after[: max(closing, 0)]
        if closing >= 0 and len(inside) <= _NAME_LENGTH and not _CLAUSE.search(inside):
            return True
    return False
