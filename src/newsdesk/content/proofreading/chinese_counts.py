"""An exact count of three or more significant figures written in Chinese numerals before a
unit (一千二百三十五户 → 1235户, 一百五十六亿元 → 156亿元): GB/T 15835-2011 (5.1.1) asks for
Arabic numerals wherever numbers count or measure, and leaves the choice open only where few
digits make no difference (三十多人, 二十三万元, 七千万吨 are left alone, as are ordinals,
第二十三届, and names such as 二十四节气). A hint: house styles differ.
"""

from __future__ import annotations

from newsdesk.content.proofreading.findings import HINT, Category, Hit, matches
from newsdesk.content.proofreading.lazy_re import lazy
from newsdesk.content.proofreading.numbers import SOURCE, chinese_value

_NUMERAL = "零〇一二两三四五六七八九十百千"
_UNITS = "户人元个家名所辆吨亩米平次项件台座条只头斤克株棵间套份场"
_COUNT = lazy(
    f"(?<![{_NUMERAL}第周星期初])([{_NUMERAL}]{{3,}})(万|亿|万亿)?(?=余?(?:多)?(?:公里|公斤|千克|平方米|[{_UNITS}]))"
)
_SIGNIFICANT = set("一二两三四五六七八九")


def hits(prose: str) -> list[Hit]:
    found: list[Hit] = []
    for match in matches(_COUNT, prose, tuple("百千")):
        numeral = match.group(1)
        if sum(char in _SIGNIFICANT for char in numeral) < 3:
            continue
        value = chinese_value(numeral.replace("两", "二"))
        if value is None:
            continue
        found.append(
            Hit(
                match.start(1),
                match.end(1),
                Category.NUMBER,
                "number:chinese-count",
                str(value),
                "数字：计量的数字宜用阿拉伯数字",
                "numbers: write a count in Arabic numerals",
                SOURCE,
                HINT,
            )
        )
    return found
