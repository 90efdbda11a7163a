"""Two neighbouring numbers that give an estimate take no 顿号: 三、四个 → 三四个, 五、六十人 →
五六十人 (GB/T 15834-2011 4.5.3.5).

Only where the pair can be nothing but an estimate: neighbouring Chinese numerals, not part of
a longer series (一、二、三), not ordinals (第三、四季度, 一、二年级, 三、四月份 name two of a kind,
and GB/T 15834 keeps the 顿号 for such shortened forms: 二、三产业), not a list number at the
start of a line (一、二十个村), and followed by a count of something (个 天 人 万 …).
After a ten the same holds for its units: 四十五、六岁 → 四十五六岁 (GB/T 15835-2011 4.2 gives
四十五六岁), 二十三、四个 → 二十三四个; not after 第 (第十五、六条 names two articles).
"""

from __future__ import annotations

import re

from newsdesk.content.proofreading.findings import WARNING, Category, Hit, matches
from newsdesk.content.proofreading.lazy_re import lazy

SOURCE = "GB/T 15834-2011《标点符号用法》4.5.3.5：相邻两数字连用表示概数通常不用顿号"
_NEXT = {"一": "二", "二": "三", "两": "三", "三": "四", "四": "五", "五": "六", "六": "七",
         "七": "八", "八": "九"}  # fmt: skip
# What counts things after an estimate. Not 级 月 号 届 期 季 产 等 层 (grades, months,
# ordinals, floors, 二、三产业), which name two of a kind as often as they estimate; 年 only
# after 十 百 千 万.
_COUNTED = (
    "个|名|位|人|户|家|天|日|周|次|回|遍|岁|座|条|棵|株|头|只|匹|辆|台|件|本|张|份|篇|"
    "斤|公斤|吨|米|公里|里|亩|公顷|元|块|角|倍|成|小时|分钟|秒|趟|批|所|间|栋|处|项|点钟|刻|"
    "步|句|口|双|对|盒|箱|袋|碗|杯|瓶|桌|场|轮"
)
_PAIR = lazy(
    r"(?<![〇零一二两三四五六七八九十百千万亿\d、第其：:；;（(【\s])(?<!^)"
    r"([一二两三四五六七八])、([二三四五六七八九])"
    rf"([十百千]?[万亿]?)(?:多|余|来)?(?=(?:{_COUNTED}|年))",
    re.M,
)


_TENS_PAIR = lazy(
    r"(?<![〇零一二两三四五六七八九十百千万亿\d第])([二三四五六七八九]?十)([一二三四五六七八])、"
    rf"([二三四五六七八九])(?:多|余|来)?(?=(?:{_COUNTED}))"
)


def _placed(prose: str, start: int, end: int) -> bool:
    """分列二、三名, 排名在三、四位: places in a ranking, two of them, not an estimate."""
    return prose.startswith(("名", "位"), end) and any(
        word in prose[max(0, start - 3) : start] for word in ("列", "获", "排名", "居", "在")
    )


def _estimate(match: re.Match[str]) -> Hit:
    """Two neighbouring numbers with a 、 between them: the estimate written without it."""
    return Hit(
        match.start(),
        match.end(),
        Category.PUNCTUATION,
        "punct:estimate-dunhao",
        match.group(0).replace("、", "", 1),
        "标点：相邻两数字连用表示概数，中间不用顿号",
        "punctuation: no 、 between two neighbouring numbers that give an estimate",
        SOURCE,
        WARNING,
    )


def hits(prose: str) -> list[Hit]:
    found: list[Hit] = []
    for match in matches(_TENS_PAIR, prose, ("十",)):
        if _NEXT[match.group(2)] != match.group(3) or _placed(prose, match.start(), match.end()):
            continue
        found.append(_estimate(match))
    for match in matches(_PAIR, prose, ("、",)):
        first, second = match.group(1), match.group(2)
        if _NEXT[first] != second or (first == "一" and not match.group(3)):
            continue  # 一、二 before a count names the first and second as often (一、二次分配)
        if prose.startswith("年", match.end()) and (
            not match.group(3) or prose.startswith(("年代", "年级", "年度"), match.end())
        ):
            continue  # 三、四年 may be two school years; 二、三十年 is an estimate, 五、六十年代 two
        if _placed(prose, match.start(), match.end()):
            continue
        found.append(_estimate(match))
    return found
