"""Two-digit years in frames that leave no other reading (GB/T 15835-2011: a year is written in
full), beside those `years.py` finds by the part of a year that follows:

- a comparison: 比15年增长, 与15年相比, 较19年下降 (a span of years is compared with 前:
  与15年前相比, which is left alone);
- a date of an event: 于15年建成, 于18年正式投用;
- a range that starts from a year: 从15年到18年, 自16年至19年 (both), 从15年至今, and the
  second year of a pair whose first is in full: 2014、15年, 2014年至15年, 2014—15两年;
- two years compared: 18年与19年相比 (both).

A range without 从/自 (判处10年至15年), or of a term, an age or a sentence (有效期从15年到20年
不等), is a span of years and is left alone.
"""

from __future__ import annotations

from datetime import date

from newsdesk.content.proofreading.findings import WARNING, Category, Hit, matches
from newsdesk.content.proofreading.lazy_re import lazy
from newsdesk.content.proofreading.numbers import SOURCE

_COMPARED = lazy(
    r"[比较与同和](\d\d)年(?=增长|增加|下降|减少|提高|降低|上升|相比|相较|持平|翻番|翻了)"
)
_EVENT = lazy(
    r"于(\d\d)年(?=建成|开工|竣工|投用|投入|投产|启动|完成|成立|获得|获评|被评|被授予|正式"
    r"|首次|开始|实施|出台|印发|建立|创建|挂牌|动工|落成|开通|通车|撤销|设立|合并)"
)
_FROM = lazy(r"[从自](\d\d)年(?:到|至)(\d\d)年(?!不等)")
# A term, a sentence, an age or a life running from so many years to so many: 有效期从15年到20年.
_SPAN_BEFORE = lazy(r"[期限龄刑命]")
_TILL_NOW = lazy(r"[从自](\d\d)年(?=至今|到现在|到今天|到目前)")
_PAIR_COMPARED = lazy(r"(\d\d)(?<!\d\d\d)年(?:与|和|同)(\d\d)年(?=相比|相较|比较|对比)")
_AFTER_FULL = lazy(r"(?:19|20)\d\d(?<!\d\d\d\d\d)年?[、至到—–\-～~](\d\d)(?=年|两年)")

_DIGITS = tuple("0123456789０１２３４５６７８９")
# Each pattern opens with what it matches, not a lookbehind (which is tried at every
# position). What each frame cannot match without: "年" stands in nearly every paragraph of news.
_NEEDS = (
    (
        _COMPARED,
        ("年增", "年下降", "年减少", "年提高", "年降低", "年上升", "年相", "年持平", "年翻"),
    ),
    (_EVENT, tuple("于" + d for d in _DIGITS)),
    (_FROM, ("从", "自")),
    (_TILL_NOW, ("从", "自")),
    (_PAIR_COMPARED, ("相比", "相较", "比较", "对比")),
    (_AFTER_FULL, ("19", "20", "１９", "２０")),
)


def hits(prose: str) -> list[Hit]:
    found: list[Hit] = []
    for pattern, needs in _NEEDS:
        for match in matches(pattern, prose, needs):
            if pattern is _FROM and _SPAN_BEFORE.search(
                prose, max(0, match.start() - 6), match.start()
            ):
                continue
            for group in range(1, (pattern.groups or 0) + 1):
                found.append(_hit(match.start(group), match.end(group), match.group(group)))
    return found


def _hit(start: int, end: int, short: str) -> Hit:
    century = 2000 if int(short) <= date.today().year % 100 + 1 else 1900
    return Hit(
        start,
        end,
        Category.NUMBER,
        "number:short-year",
        str(century + int(short)),
        "数字：年份不能简写",
        "numbers: write the year in full",
        SOURCE,
        WARNING,
    )
