"""A year written with two digits where the words around it make it a date: 自15年以来, 到23年底,
15年春耕时 → 2015年 (GB/T 15835-2011: a year is written in full). "24年3月" is in numbers.py.

"15年" is as often a span of fifteen years (这15年, 15年春节没回家, 15年底层工作): only a year
after a word that dates (于 自 从 到 至 截至 在) or at a sentence's start, and followed by a
part of a year (年初 年底 年度 上半年 春季 秋收 …), or after 自/从 by 以来, 起, 开始.
"""

from __future__ import annotations

import re
from datetime import date

from newsdesk.content.proofreading.findings import WARNING, Category, Hit, matches
from newsdesk.content.proofreading.numbers import SOURCE

# A part of a year, with what may follow it: 底 not in 底层, 初 not in 初心, 春 not in 春华秋实.
_PART = (
    r"(?:初|底|末)(?![\u4e00-\u9fff])|(?:初|底|末)(?=[的前时起至将已全])"
    r"|度|上半年|下半年|[春夏秋冬](?:季|天)|春[耕播]|夏[收种粮]|秋[收种播粮]|冬[季训]|[春夏秋冬](?=[，,])"
)
_SINCE = r"以来|起|开始"
_DATED = re.compile(
    rf"(?:(?<=[于到至在])|(?<=截至)|(?<=截止)|(?<![^。！？；;!?\n\x00]))(?<!\d)(\d{{2}})年(?={_PART})"
    rf"|(?<=[自从])(?<!\d)(\d{{2}})年(?=(?:{_PART}|{_SINCE}))"
)


def hits(prose: str) -> list[Hit]:
    found: list[Hit] = []
    for match in matches(_DATED, prose, ("年",)):
        group = 1 if match.group(1) else 2
        short = int(match.group(group))
        century = 2000 if short <= date.today().year % 100 + 1 else 1900
        found.append(
            Hit(
                match.start(group),
                match.end(group),
                Category.NUMBER,
                "number:short-year",
                str(century + short),
                "数字：年份不能简写",
                "numbers: write the year in full",
                SOURCE,
                WARNING,
            )
        )
    return found
