"""地 between two words that clean copy only ever joins with 的 (→ 的): 美丽地乡村,
丰富多彩地活动.

de_stats judges 地 for 的 only after a word jieba tags an adjective, and jieba's tags miss
some (美丽: ns). The counts in de_counts.txt (1998 人民日报, tagged) say it without tags: 美丽
stands before 的 28 times and before 地 never; 乡村 and 活动 follow 的 and never 地. A word
seen often and only before 的, then one seen only after it, with 地 between them: a warning.
"""

from __future__ import annotations

import re

from newsdesk.content.proofreading import de_pos, de_stats
from newsdesk.content.proofreading.findings import WARNING, Category, Hit
from newsdesk.content.proofreading.lazy_re import lazy

_LEFT_SEEN = 10  # the word before 地 seen this often before 的, never before 地
_RIGHT_SEEN = 3  # the word after it seen this often after 的, never after 地
_HAN = lazy("[\u4e00-\u9fff]")


def hits(prose: str) -> list[Hit]:
    found: list[Hit] = []
    if "地" not in prose:
        return found  # the counts take longer to read than a one-line check to run
    counts = de_stats._counts()
    for particle in re.finditer("地", prose):
        at = particle.start()
        if at == 0 or not _HAN.match(prose, at - 1) or not _HAN.match(prose, at + 1):
            continue
        if prose[at - 1 : at + 1] in de_stats._lexicon():
            continue  # 各地, 当地; 中国内地经济, 以外地游客: words whatever the longer match
        left, right = de_stats._left_word(prose, at), de_stats._right_word(prose, at + 1)
        left_de, left_di, _ = counts.words.get(("L", left), (0, 0, 0))
        right_de, right_di, _ = counts.words.get(("R", right), (0, 0, 0))
        if left_di or right_di or left_de < _LEFT_SEEN or right_de < _RIGHT_SEEN:
            continue
        if len(left) < 2 or len(right) < 2 or de_pos.inside_word(prose, at, left, right):
            continue
        if right in counts.verbs or left in counts.adverbial:
            continue  # a verb after it, or a word that is also an adverbial: 地 may be right
        found.append(
            Hit(
                at,
                at + 1,
                Category.DE,
                "de:attributive-counts",
                "的",
                "的地得：定语后应用“的”（“地”→“的”）",
                "de/di/de: use 的 after an attribute (“地” → “的”)",
                de_stats.SOURCE,
                WARNING,
            )
        )
    return found
