"""Numbers by GB/T 15835-2011: the mixed and half-converted forms no style allows (二0二四年,
二○二四年, 3千, 百分之5, 1万5千, 24年3月, full-width digits, 18号 for a date). Chinese numerals
on their own (七千万吨, 三四个, 二十多万元) are a choice of style the standard leaves open, so
they are never reported.
"""

from __future__ import annotations

import re
from datetime import date

from newsdesk.content.proofreading.findings import WARNING, Category, Hit, matches
from newsdesk.content.proofreading.lazy_re import lazy

SOURCE = "GB/T 15835-2011《出版物上数字用法》"
_DIGITS = "〇零一二三四五六七八九"
_ORDER = "〇一二三四五六七八九"
_VALUES = {c: i for i, c in enumerate(_ORDER)} | {"零": 0, "两": 2, "○": 0}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_MIXED_YEAR = lazy(r"(?<![\d〇零一二三四五六七八九○])[0-9〇零一二三四五六七八九○]{4}(?=年)")
_THOUSANDS = lazy(r"(?<![\d.])(\d+(?:\.\d+)?)([千百])(万|亿)?(?![米克瓦帕赫焦卡伏升兆分])")
_PERCENT = lazy(r"百分之(\d+(?:\.\d+)?)")
_WAN_QIAN = lazy(r"(?<![\d.])(\d+)万(\d)千(?![米克瓦])")
_FULL_WIDTH = lazy(r"[０-９]+(?:[．.][０-９]+)?")
_SHORT_YEAR = lazy(r"(?<![\d年])(\d{2})年(?=\d{1,2}月)")
_DAY_HAO = lazy(r"(?<=\d月)(\d{1,2})号")


def _hit(start: int, end: int, rule: str, suggestion: str, zh: str, en: str) -> Hit:
    return Hit(start, end, Category.NUMBER, rule, suggestion, zh, en, SOURCE, WARNING)


def chinese_value(numeral: str) -> int | None:
    """一千二百 → 1200, 二〇二四 → 2024 (digit by digit when there is no unit); None if unsure."""
    if not any(c in _UNITS for c in numeral):
        digits = [_VALUES.get(c) for c in numeral]
        return None if None in digits else int("".join(str(d) for d in digits))
    total, current = 0, 0
    for char in numeral:
        if char in _UNITS:
            total += (current or 1) * _UNITS[char]
            current = 0
        elif char in _VALUES:
            current = _VALUES[char]
        else:
            return None
    return total + current


def _plain(number: float) -> str:
    return str(int(number)) if number == int(number) else f"{number:g}"


def hits(prose: str) -> list[Hit]:
    found: list[Hit] = []
    for match in matches(_MIXED_YEAR, prose, ("年",)):
        text = match.group(0)
        if not (re.search(r"\d", text) and re.search(f"[{_DIGITS}○]", text)) and "○" not in text:
            continue
        if re.search(r"\d", text):  # half converted: all digits, as news writes years
            value = chinese_value(text.translate(str.maketrans("0123456789", _ORDER)))
            fix = str(value) if value is not None else ""
        else:  # ○ (a circle) for 〇 (the numeral zero)
            fix = text.replace("○", "〇")
        found.append(
            _hit(
                *match.span(),
                "number:mixed-year",
                fix,
                "数字：年份中汉字数字与阿拉伯数字混用",
                "numbers: a year mixes Chinese and Arabic numerals",
            )
        )
    for match in matches(_THOUSANDS, prose, ("千", "百")):
        number = float(match.group(1)) * _UNITS[match.group(2)]
        found.append(
            _hit(
                *match.span(),
                "number:digit-with-qian",
                _plain(number) + (match.group(3) or ""),
                f"数字：阿拉伯数字后不用“{match.group(2)}”",
                f"numbers: no “{match.group(2)}” after Arabic digits",
            )
        )
    for match in matches(_PERCENT, prose, ("百分之",)):
        found.append(
            _hit(
                *match.span(),
                "number:percent",
                f"{match.group(1)}%",
                "数字：“百分之”后接阿拉伯数字应写作百分号",
                "numbers: write a percentage with digits as “%”",
            )
        )
    for match in matches(_WAN_QIAN, prose, ("千",)):
        found.append(
            _hit(
                *match.span(),
                "number:wan-qian",
                f"{match.group(1)}.{match.group(2)}万",
                "数字：应写作小数加“万”",
                "numbers: write it as a decimal with 万",
            )
        )
    for match in matches(_FULL_WIDTH, prose, tuple("０１２３４５６７８９")):
        half = match.group(0).translate(str.maketrans("０１２３４５６７８９．", "0123456789."))
        found.append(
            _hit(
                *match.span(),
                "number:full-width",
                half,
                "数字：应使用半角阿拉伯数字",
                "numbers: use half-width Arabic digits",
            )
        )
    for match in matches(_SHORT_YEAR, prose, ("年",)):
        short = int(match.group(1))
        century = 2000 if short <= date.today().year % 100 + 1 else 1900
        found.append(
            _hit(
                match.start(1),
                match.end(1),
                "number:short-year",
                str(century + short),
                "数字：年份不能简写",
                "numbers: write the year in full",
            )
        )
    for match in matches(_DAY_HAO, prose, ("号",)):
        found.append(
            _hit(
                *match.span(),
                "number:hao",
                f"{match.group(1)}日",
                "数字：日期用“日”，不用“号”",
                "numbers: dates take 日, not 号",
            )
        )
    return found
