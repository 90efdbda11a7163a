"""Estimates, ranges and figures written in a form GB/T 15835-2011 does not allow:

- 几 with Arabic digits (10几个, 几10年 → 十几个, 几十年): an estimate with 几 is written in
  Chinese numerals (4.2: 十几 二十几 几千);
- two neighbouring Arabic digits as an estimate (3、4个 → 三四个): such estimates are Chinese
  numerals, and they take no 顿号 (4.2; GB/T 15834-2011 4.5.3.5);
- a range that leaves 万, 亿 or % off its first figure (15～30%, 9～16亿 → 15%～30%, 9亿～16亿:
  the standard's own examples of what not to write, since 9～16亿 reads as 9 to 16 hundred
  million);
- 约 (大约) and 左右 around one figure (约20人左右): both say "about", one of them goes;
- a year in Chinese numerals with 零 for 〇 (二零二四年 → 二〇二四年: 〇 in a number that names,
  零 in one that counts), and a year typed with the letter O for a zero (2O24年 → 2024年);
- a party congress or session by Arabic digits (19届4中全会, 党的20大, 14届全国人大1次会议 →
  十九届四中全会, 党的二十大, 十四届全国人大一次会议): the standard's own example is
  十一届全国人大一次会议 (不写为11届全国人大1次会议), and 六方会谈 (不写为6方会谈);
- a month and day that name an event or a day (“3.15”, 5.12汶川地震) with a full stop for the
  间隔号 (GB/T 15834-2011: “3·15”消费者权益日, “9·11”事件);
- a measured figure with a decimal in Chinese numerals (百分之十五点三, 三点五万吨 → 15.3%,
  3.5万吨): a measurement is written in Arabic digits (4.1.1). A percentage of two or more
  digits in Chinese numerals (百分之三十五) is only a hint: 4.3 lets short ones go either way
  (百分之八); long exact counts before a unit are chinese_counts.py's.
"""

from __future__ import annotations

import re

from newsdesk.content.proofreading.findings import HINT, WARNING, Category, Hit, matches
from newsdesk.content.proofreading.lazy_re import lazy
from newsdesk.content.proofreading.numbers import SOURCE, chinese_value

_SEVERAL = lazy(r"(?<![\d.])(\d+)几|几(\d+)(?![\d.])")
_COUNTED = (
    "个|名|位|人|户|家|天|周|次|岁|座|条|棵|辆|台|件|本|张|份|篇|斤|公斤|吨|米|公里|亩|元|块|倍|"
    "小时|分钟|趟|批|所|间|栋|处|项"
)
_NEIGHBOURS = lazy(rf"(?<![\d.、第A-Za-z_])([1-8])、([2-9])(?=(?:{_COUNTED})(?![\d]))")
_RANGE = lazy(
    r"(?<![A-Za-z0-9_.\-－~～—–/])(\d+(?:\.\d+)?)\s?[～~—–\-－]\s?(\d+(?:\.\d+)?)(%|‰|万|亿)(?![\d])"
)
_NUMERAL = "〇零一二两三四五六七八九十百千万亿"
_ABOUT = lazy(
    rf"(大约|约)(?:有|为|计|合|达|占)?((?:\d+(?:\.\d+)?|[{_NUMERAL}]+)[^\s，。；！？、,;:：“”（）()]{{0,6}}?)左右"
)
# 约 as the tail of a word (签约, 节约, 制约 …) is not "about".
_NOT_ABOUT = "签节制预邀契条公盟违履毁赴特婚相合解践誓爽失守租和规立隐简俭缔"
_DECIMAL = lazy(
    rf"(百分之)?([{_NUMERAL}]+)点([〇零一二三四五六七八九]+)"
    r"(?(1)|(?=%|‰|个百分点|万|亿|倍|公里|千米|米|吨|公斤|千克|亩|公顷|平方|元))"
)
_CN = "〇一二三四五六七八九"
_PERCENT_WORDS = lazy(r"百分之([一二三四五六七八九十]+)(?![点〇零一二三四五六七八九十百千万])")
_YEAR_LING = lazy(r"(?<![〇零一二两三四五六七八九十百千万])[〇零一二三四五六七八九]{4}(?=年)")
_YEAR_LETTER_O = lazy(r"(?<![A-Za-z0-9])(?=[0-9Oo]{4}年)[12Oo][0-9Oo]{3}(?=年)")
_SESSIONS = lazy(
    r"(?<![\d.])(\d{1,2})届(?:(\d)中全会|(全国人大|全国政协|人大|政协)(\d)次(?:会议|全会))"
    r"|党的(\d{1,2})大|(?<![\d.])(\d{1,2})中全会|(?<![\d.])(\d)方会谈"
)


# Quoted (“3.15”宣传活动) before an event, a day or what is done on it; bare (5.12汶川地震) only
# before an event or a named day, since 3.5 before 活动 may be a figure.
_EVENT = r"(?:汶川)?(?:特大|大)?(?:地震|事件|事故|案|晚会|纪念日|国际消费者权益日|消费者权益日)"
_EVENT_DATE = lazy(
    r"(?<![\d.])(“)?(1[0-2]|[1-9])[.．](3[01]|[12]\d|[1-9])"
    rf"(?(1)”(?=宣传|活动|主题|前夕|期间|当天|{_EVENT})|(?={_EVENT}))"
)
_PUNCT_SOURCE = (
    "GB/T 15834-2011《标点符号用法》间隔号：月、日之间用间隔号表示事件、节日（“3·15”消费者权益日）"
)


_ABOUT_SOURCE = (
    "《现代汉语词典》（第7版）“约”“左右”条：二者都表示大概的数目（同用于一个数则语义重复）"
)


def _hit(start: int, end: int, rule: str, fix: str, zh: str, en: str, grade: str = WARNING) -> Hit:
    source = _ABOUT_SOURCE if rule == "number:about-twice" else SOURCE
    return Hit(start, end, Category.NUMBER, rule, fix, zh, en, source, grade)


def _chinese(number: int, before_ji: bool) -> str:
    """The round number 几 goes with: 10 → 十, 20 → 二十, 100 → 一百 before 几 (一百几) and 百
    after it (几百); "" for any other."""
    if number == 10:
        return "十"
    if 10 < number < 100 and number % 10 == 0 and before_ji:
        return _CN[number // 10] + "十"  # 二十几; 几二十 is no number
    if number in (100, 1000):
        return ("一" if before_ji else "") + {100: "百", 1000: "千"}[number]
    return ""


def numeral(number: int) -> str:
    """1–99 in Chinese numerals: 4 → 四, 19 → 十九, 20 → 二十."""
    tens, units = divmod(number, 10)
    if not tens:
        return _CN[units]
    return ("" if tens == 1 else _CN[tens]) + "十" + ("" if not units else _CN[units])


def hits(prose: str) -> list[Hit]:
    found: list[Hit] = []
    for match in matches(_EVENT_DATE, prose, (".", "．")):
        found.append(
            Hit(
                match.start(2),
                match.end(3),
                Category.PUNCTUATION,
                "punct:date-interpunct",
                f"{match.group(2)}·{match.group(3)}",
                "标点：表示事件、节日的月日之间用间隔号“·”",
                "punctuation: a month and day naming an event take the middle dot “·”",
                _PUNCT_SOURCE,
                WARNING,
            )
        )
    for match in matches(_YEAR_LING, prose, ("零",)):
        if "零" in match.group(0):
            found.append(
                _hit(
                    *match.span(),
                    "number:year-ling",
                    match.group(0).replace("零", "〇"),
                    "数字：年份中的“0”写作“〇”，不写作“零”",
                    "numbers: a zero in a year is written 〇, not 零",
                )
            )
    for match in matches(_YEAR_LETTER_O, prose, ("O", "o")):
        if re.search("[Oo]", match.group(0)) and re.search(r"\d", match.group(0)):
            found.append(
                _hit(
                    *match.span(),
                    "number:letter-o",
                    match.group(0).translate(str.maketrans("Oo", "00")),
                    "数字：年份中误用字母“O”代替数字“0”",
                    "numbers: the letter O typed for a zero in a year",
                )
            )
    for match in matches(_SESSIONS, prose, ("届", "党的", "中全会", "方会谈")):
        found.append(
            _hit(
                *match.span(),
                "number:session",
                re.sub(r"\d+", lambda m: numeral(int(m.group(0))), match.group(0)),
                "数字：届次、会议名称中的序数用汉字数字",
                "numbers: a congress or session is numbered in Chinese numerals",
            )
        )
    for match in matches(_SEVERAL, prose, ("几",)):
        digits = match.group(1) or match.group(2)
        words = _chinese(int(digits), before_ji=bool(match.group(1)))
        fix = (words + "几" if match.group(1) else "几" + words) if words else ""
        found.append(
            _hit(
                *match.span(),
                "number:ji-digits",
                fix,
                "数字：含“几”的概数用汉字数字",
                "numbers: an estimate with 几 is written in Chinese numerals",
            )
        )
    for match in matches(_NEIGHBOURS, prose, ("、",)):
        first, second = int(match.group(1)), int(match.group(2))
        if second != first + 1:
            continue
        found.append(
            _hit(
                *match.span(),
                "number:digit-estimate",
                _CN[first] + _CN[second],
                "数字：相邻两数连用表示概数，用汉字数字，中间不用顿号",
                "numbers: two neighbouring numbers as an estimate are Chinese numerals, no 、",
            )
        )
    for match in matches(_RANGE, prose, ("%", "‰", "万", "亿")):
        low, high, sign = match.group(1), match.group(2), match.group(3)
        if float(low) >= float(high):
            continue  # not a range: a date (2023-24), a score or a code
        found.append(
            _hit(
                *match.span(),
                "number:range-sign",
                f"{low}{sign}～{high}{sign}",
                f"数字：数值范围的前一个数值也要带“{sign}”",
                f"numbers: both ends of the range take “{sign}”",
            )
        )
    for match in matches(_ABOUT, prose, ("左右",)):
        before = prose[match.start() - 1] if match.start() else ""
        if match.group(1) == "约" and before and before in _NOT_ABOUT:
            continue
        found.append(
            _hit(
                *match.span(),
                "number:about-twice",
                match.group(0)[: -len("左右")],
                "数字：“约”与“左右”都表示概数，不同时使用",
                "numbers: 约 and 左右 both mean “about”; keep one",
            )
        )
    for match in matches(_DECIMAL, prose, ("点",)):
        whole = chinese_value(match.group(2))
        fraction = chinese_value(match.group(3))
        if whole is None or fraction is None:
            continue
        number = f"{whole}.{match.group(3).translate(str.maketrans(_CN + '零', '01234567890'))}"
        found.append(
            _hit(
                *match.span(),
                "number:chinese-decimal",
                number + ("%" if match.group(1) else ""),
                "数字：计量的数值用阿拉伯数字",
                "numbers: a measured figure is written in Arabic digits",
            )
        )
    for match in matches(_PERCENT_WORDS, prose, ("百分之",)):
        value = chinese_value(match.group(1))
        if value is None or sum(d != "0" for d in str(value)) < 2:
            continue  # 百分之八, 百分之三十: either form
        found.append(
            _hit(
                *match.span(),
                "number:chinese-percent",
                f"{value}%",
                "数字：多位的百分数宜用阿拉伯数字",
                "numbers: a percentage of two or more digits reads better in Arabic digits",
                HINT,
            )
        )
    return found
