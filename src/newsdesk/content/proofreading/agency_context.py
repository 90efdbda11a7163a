"""Whether a renamed body's old name is used as a current name (an error) or as what it was.

Certain it is the past: right after 原 or 时任 (原县国土资源局, 时任县卫生计生委主任), in a
sentence about the reform itself (更名, 组建, 前身…), or in a sentence set in a year before the
rename. Likely the past, so only a hint: a paragraph that tells a history (a year before the
rename, 时任, 曾任, 更名前, 前身, 当时, 原县…) around a sentence that says nothing of time itself.
"""

from __future__ import annotations

import re
from enum import Enum

from newsdesk.content.proofreading.lazy_re import lazy
from newsdesk.content.proofreading.packs import Entry

_SENTENCE_END = "。！？；!?;\n\x00"
# Words of a sentence that speaks of the reform itself, where the old name is the point.
_REFORM_TALK = lazy(r"更名|改名|改为|组建|撤销|撤并|整合|划入|划转|机构改革|挂牌|前身")
_FORMER = lazy(r"(?:原|时任|曾任)(?:[\u4e00-\u9fff]{0,8}?(?:省|市|州|盟|县|区|旗|镇|乡))?$")
_HISTORY = lazy(r"时任|曾任|更名前|前身|当时|彼时|原(?:国家|省|市|州|县|区|镇|乡)")
_YEAR = lazy(r"(?<!\d)((?:19|20)\d\d)年")


class Period(Enum):
    CURRENT = "current"  # an old name used as today's: an error
    LIKELY_PAST = "likely past"  # a paragraph telling a history: a hint
    PAST = "past"  # certainly the old name as an old name: nothing


def period(prose: str, start: int, entry: Entry) -> Period:
    """`prose` is the paragraph, `start` where the old name stands in it."""
    before = prose[max(0, start - 12) : start]
    clause = re.split(r"[，,、。！？；\n\x00]", before)[-1]
    if _FORMER.search(clause):
        return Period.PAST
    begin = max(prose.rfind(c, 0, start) for c in _SENTENCE_END) + 1
    ends = [i for i in (prose.find(c, start) for c in _SENTENCE_END) if i >= 0]
    sentence = prose[begin : min(ends) if ends else len(prose)]
    if _REFORM_TALK.search(sentence) or _earlier_year(sentence, entry):
        return Period.PAST
    if _HISTORY.search(prose) or _earlier_year(prose, entry):
        return Period.LIKELY_PAST
    return Period.CURRENT


def _earlier_year(text: str, entry: Entry) -> bool:
    return entry.year is not None and any(int(y) < entry.year for y in _YEAR.findall(text))
