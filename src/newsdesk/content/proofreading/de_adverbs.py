"""的 after a word that clean copy nearly always follows with 地, before a verb that goes on
as a verb (→ 地): 不断的完善服务机制, 逐步的完善相关制度, 热情的为游客提供服务.

The part-of-speech and collocation rules (de_pos, de_stats) weigh the verb after 的 as often
a verbal noun (不断的发展, 经过不断的努力), and rightly so. What they leave is the word before
的 whose own counts settle it: in the tagged 人民日报 (de_counts.txt) 不断 stands before 地 24
times and before 的 twice. Such a word, then a verb that takes an object or 了/着 (not a
clause's end, where it may be a noun), and no verb or preposition before the word that would
make the phrase an object (经过不断的探索), is an adverbial: a hint, as every statistical rule.
The same words before a preposition that opens the verb's phrase (热情的为游客提供服务)
count as well, whatever jieba's tag for them (热情: n).
"""

from __future__ import annotations

import re

from newsdesk.content.proofreading import de_pos, de_stats
from newsdesk.content.proofreading.findings import HINT, Category, Hit
from newsdesk.content.proofreading.lazy_re import lazy
from newsdesk.content.proofreading.worddata import word_tags

_ADVERBIAL_SHARE = 0.75  # of the word's uses before 的 or 地, at least this many before 地
_ADVERBIAL_SEEN = 5  # and seen before 地 this often
_HAN = lazy("[\u4e00-\u9fff]")
_GOES_ON = ("object", "aspect")
# Adverbs in 《现代汉语词典》 (第7版) that the counts saw too seldom to judge: 大力的推进
_ADVERBS = frozenset(
    ("大力", "逐步", "逐渐", "逐一", "陆续", "相继", "竭力", "极力", "尽力", "全力", "日益", "日渐")
)
_DETERMINERS = (
    "各",
    "每",
    "全县",
    "全市",
    "全省",
    "全体",
    "一系列",
    "一批",
    "一些",
    "这",
    "那",
    "有关",
    "相关",
    "本",
    "该",
    "其",
    "所有",
)


def _adverbial(word: str) -> bool:
    de, di, _ = de_stats._counts().words.get(("L", word), (0, 0, 0))
    return di >= _ADVERBIAL_SEEN and di >= _ADVERBIAL_SHARE * (de + di)


def _determined(prose: str, at: int) -> bool:
    """What follows the verb opens with a determiner (各项, 相关, 这些): an object, not the
    head of a compound noun (严重的枪击事件, 正确的沟通方式)."""
    return prose.startswith(_DETERMINERS, at)


def hits(prose: str) -> list[Hit]:
    found: list[Hit] = []
    for particle in re.finditer("的", prose):
        at = particle.start()
        if at == 0 or not _HAN.match(prose, at - 1) or not _HAN.match(prose, at + 1):
            continue
        left, right = de_stats._left_word(prose, at), de_stats._right_word(prose, at + 1)
        counts, tags = de_stats._counts(), word_tags()
        # jieba lists the doubled adverbials with their particle (悄悄的, 慢慢的), not 妈妈的
        doubled = len(left) == 2 and left[0] == left[1] and left + "的" in tags
        doubled = doubled and tags.get(right) == "v"
        adverb = _adverbial(left) or left in _ADVERBS
        if len(left) < 2 or not (left in counts.adverbial or adverb or doubled):
            continue
        if de_pos.inside_word(prose, at, left, right) and not doubled:
            continue  # (jieba lists 悄悄的, 静静的 as words: a doubled word's 的 is still read)
        if de_pos._before(prose, at - len(left)) is not None:
            continue  # 经过不断的探索, 做了及时的处理: the phrase is an object
        end = at + 1 + len(right)
        if (
            prose[end : end + 1] in de_stats._SUFFIXES
            or prose[end + 1 : end + 2] in de_stats._FORMS
        ):
            continue  # 彻底的拉网式排查: the verb is part of a noun
        goes_on = de_pos._verb_stands(prose, end)
        verb = (
            word_tags().get(right) == "v"
            and right not in de_pos._COPULAS
            and goes_on in _GOES_ON
            and (adverb or (left in counts.adverbial and _determined(prose, end)))
        )
        # 悄悄的离开了, 默默的奉献着: a doubled word before a verb with 了 or 着
        doubled = doubled and goes_on in ("aspect", "closing-le")
        only_verb = right in counts.verbs and goes_on is not None and goes_on != "clause"
        if not (verb or only_verb or doubled or de_pos._preposition_follows(prose, at, right)):
            continue
        found.append(
            Hit(
                at,
                at + 1,
                Category.DE,
                "de:adverb-counts",
                "地",
                "的地得：状语后应用“地”（“的”→“地”）",
                "de/di/de: use 地 after an adverbial (“的” → “地”)",
                de_stats.SOURCE,
                HINT,
            )
        )
    return found
