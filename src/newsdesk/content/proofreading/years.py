"""A year written with two digits where the words around it make it a date: 自15年以来, 到23年底,
15年春耕时, 该县15年底 → 2015年 (GB/T 15835-2011: a year is written in full). "24年3月" is in numbers.py.

"15年" is as often a span of fifteen years (这15年, 15年春节没回家, 15年底层工作): only a year
after a word that dates or compares (于 自 从 到 至 截至 在 与 比 较) or at a sentence's start,
and followed by a part of a year (年初 年底 年度 同期 上半年 春季 秋收 …), or after 自/从 by
以来, 起, 开始, 至今.

Also a year wherever the word before can only take a point in time and what follows is not a
span's tail: 于15年建成, 早在15年, 是在15年成立的, 直到15年 (not 于15年内, 早在15年前, 多于15年,
在15年里, 就在15年间); and a year compared with another (与15年相比, 较15年同比).
"""

from __future__ import annotations

from datetime import date

from newsdesk.content.proofreading.findings import WARNING, Category, Hit, matches
from newsdesk.content.proofreading.lazy_re import lazy
from newsdesk.content.proofreading.number_forms import numeral as _numeral
from newsdesk.content.proofreading.numbers import SOURCE

# No Han character classes here: each costs a few milliseconds to compile at every start.
_SHORT = lazy(r"(?<!\d)(\d\d)年")
_PART = lazy(
    r"度|年[初底末]|同期|上半年|下半年|全年|[一二三四]季度|第[一二三四]季度|[春夏秋冬](?:季|天)|春[耕播]|夏[收种粮]|秋[收种播粮]|冬[季训]|[春夏秋冬][，,]"
)
# 初, 底, 末 of the year, unless a word goes on (底层, 初心): then only before one of these.
_AFTER_EDGE = "的前时起至将已全"
_SINCE = ("以来", "起", "开始", "至今")
_AT = (
    "早在",
    "就在",
    "是在",
    "直到",
    "直至",
    "到了",
    "回到",
    "截至",
    "截止",
    "相比",
    "相较",
    "比起",
    "对比",
)
# 于 as "in" (该项目于15年建成, 并于16年投入使用), not after 多 少 高 等 当 由 对 …, where it
# compares or explains a span (多于15年, 相当于15年, 由于15年没下雨, 对于15年的坚守).
_YU_NOT_AT = "多少高低大小长短等当超过早晚快慢由对至属在关基鉴限位处免利适急乐苦源出归取见"
_RANGE_FROM = lazy(r"(?:19|20)\d\d年?(?:[—–\-－～~]|至|到)$")
_COMPARED = ("相比", "同比", "相较", "比较")
# What ends a span of years or names a decade rather than a year: 15年内, 15年前, 80年代 …; after 于 在 直到
# also 15年的 15年时间 (建于98年的 is still a year).
_SPAN_TAIL = "里间内中前后来多余左以之许代级"
_SPAN_TAIL_WEAK = "的时半整零期头光如了"
_DATING = ("于", "到", "至", "在", "截至", "截止", "与", "比", "较")
_SENTENCE_START = "。！？；;!?\n\x00"
# Parts only a year has (a span of fifteen years has no 年度, 上半年 or 一季度): a year after any
# word but one that counts a span (这 近 过去 连续 满 达 历时 …).
_YEAR_ONLY = lazy(
    r"度|上半年|下半年|年[初底末]|[一二三四]季度|第[一二三四]季度|那年|那会|那时|高考|中考|春运|两会"
    r"|\d{1,2}[、至到—～~-]\d{1,2}月"
)
_SPAN_BEFORE = "这近去续满达共历用花每多余整有"
# Words 底 初 末 begin (底气, 初心, 末端): after them 15年底 is not the end of a year.
_EDGE_WORDS = {"底": "层气线子色蕴数部下盘座价片稿细牌", "初": "心衷步期次级中始见露创具恋选审稿赛夏春秋冬",
               "末": "期端尾位日梢班流"}  # fmt: skip


# A year by two Chinese digits read one by one (一五年, 二〇年底, 九八年): a span would be 十五年,
# so only neighbours (三四年, 八九年) and 三五年 (a few years) are estimates.
_SHORT_CHINESE = lazy(
    r"(?<![〇零一二两三四五六七八九十百千万亿第])([〇零一二三四五六七八九])([〇零一二三四五六七八九])年(?![级代])"
)
_DIGIT_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
_DIGIT_WORD = "〇一二三四五六七八九"


# Two years in a row: 15年、16年 and 15、16年 (as an estimate it would be 十五六年, so either way
# the digits are wrong: GB/T 15835 writes estimates by neighbouring numbers in Chinese numerals).
_PAIR = lazy(r"(?<![\d.])(\d\d)(年?)(?:、|和|与)(\d\d)年")


def _full(short: int) -> str:
    return str((2000 if short <= date.today().year % 100 + 1 else 1900) + short)


def _pairs(prose: str) -> tuple[list[Hit], set[int], set[int]]:
    """Hits for 15、16年 (one finding over both), the starts of each year of 15年、16年 (years),
    and of the 16年 already reported in 15、16年 (covered)."""
    found: list[Hit] = []
    starts: set[int] = set()
    covered: set[int] = set()
    for match in matches(_PAIR, prose, ("、", "和", "与")):
        first, second = int(match.group(1)), int(match.group(3))
        if second != first + 1:
            continue
        if match.group(2):
            starts.update((match.start(1), match.start(3)))
            continue
        before = prose[match.start() - 1 : match.start()]
        tail = prose[match.end() : match.end() + 1]
        if (before and before in _SPAN_BEFORE + "了") or (tail and tail in _SPAN_TAIL):
            # 工作了15、16年, 这15、16年来: an estimate of a span, 十五六年
            same_ten = first // 10 == second // 10
            words = _numeral(first) + (_numeral(second)[-1] if same_ten else _numeral(second))
            fix = (words, "number:digit-estimate")
            zh, en = "数字：相邻两数连用表示概数，用汉字数字，中间不用顿号", "numbers: an estimate"
        else:
            fix = (f"{_full(first)}{match.group(0)[2:-3]}{_full(second)}", "number:short-year")
            zh, en = "数字：年份不能简写", "numbers: write the year in full"
        found.append(
            Hit(
                match.start(1),
                match.end(3),
                Category.NUMBER,
                fix[1],
                fix[0],
                zh,
                en,
                SOURCE,
                WARNING,
            )
        )
        covered.add(match.start(3))
    return found, starts, covered


def _chinese_years(prose: str) -> list[Hit]:
    found: list[Hit] = []
    for match in matches(_SHORT_CHINESE, prose, ("年",)):
        tens, units = _DIGIT_VALUE[match.group(1)], _DIGIT_VALUE[match.group(2)]
        if units == tens + 1 or (tens, units) == (3, 5):
            continue  # 三四年, 三五年: a few years
        year = _full(tens * 10 + units)
        found.append(
            Hit(
                match.start(1),
                match.end(2),
                Category.NUMBER,
                "number:short-year",
                "".join(_DIGIT_WORD[int(d)] for d in year),
                "数字：年份不能简写",
                "numbers: write the year in full",
                SOURCE,
                WARNING,
            )
        )
    return found


def hits(prose: str) -> list[Hit]:
    found, paired, covered = _pairs(prose)
    found += _chinese_years(prose)
    for match in matches(_SHORT, prose, ("年",)):
        if match.start() in covered:
            continue
        before, after = prose[max(0, match.start() - 2) : match.start()], match.end()
        part = _PART.match(prose, after) is not None or _edge(prose, after)
        dated = part and (before.endswith(_DATING) or not before or before[-1] in _SENTENCE_START)
        if not dated and (not before or before[-1] not in _SPAN_BEFORE):
            dated = _YEAR_ONLY.match(prose, after) is not None or _edge_of_year(prose, after)
        since = before.endswith(("自", "从")) and (part or prose.startswith(_SINCE, after))
        pointed = match.start() in paired or _pointed(prose, match.start(), after)
        if not (dated or since or pointed):
            continue
        found.append(
            Hit(
                match.start(1),
                match.end(1),
                Category.NUMBER,
                "number:short-year",
                _full(int(match.group(1))),
                "数字：年份不能简写",
                "numbers: write the year in full",
                SOURCE,
                WARNING,
            )
        )
    return found


def _pointed(prose: str, start: int, after: int) -> bool:
    """A point in time by the word before it: 于15年建成, 早在15年, 与15年相比, and the end of
    a range that began with a full year (2015—18年, 2015年至18年)."""
    before = prose[max(0, start - 5) : start]
    if _RANGE_FROM.search(prose, max(0, start - 7), start):
        return True
    tail = prose[after : after + 1]
    if before.endswith(("与", "较", "比", "同")) and prose.startswith(_COMPARED, after):
        return True
    if tail and tail in _SPAN_TAIL:
        return False
    if before.endswith("于") and before[-2:-1] not in _YU_NOT_AT:
        return before.endswith(("始于", "建于", "生于")) or not (tail and tail in _SPAN_TAIL_WEAK)
    # 在 on its own (在15年，…): not the tail of a word (存在15年, 现在15年).
    alone = before.endswith("在") and not _han(before[-2:-1] or "。")
    return (before.endswith(_AT) or alone) and not (tail and tail in _SPAN_TAIL_WEAK)


def _edge(prose: str, at: int) -> bool:
    if prose[at : at + 1] not in ("初", "底", "末"):
        return False
    following = prose[at + 1 : at + 2]
    return not following or not _han(following) or following in _AFTER_EDGE


def _edge_of_year(prose: str, at: int) -> bool:
    edge = prose[at : at + 1]
    return edge in _EDGE_WORDS and prose[at + 1 : at + 2] not in _EDGE_WORDS[edge] + "\x00"


def _han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"
