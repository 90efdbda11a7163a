"""The long fixed phrases of current-affairs copy with one character swapped for one that
sounds or looks the same (社会主义核心价直观, 铸牢中华民族共同体意织).

These phrases are written exactly as the Party and state documents write them, so a run of the
same length that keeps either end of one and differs from it in one alike character is a slip,
a warning. Shorter phrases (乡村振兴, 共同富裕) are four-character words the idiom rule already
reads; wrong formulations as such (筑牢…, “四个全面”总体布局) are 规范表述 list entries.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsdesk.content.proofreading.findings import WARNING, Category, Hit
from newsdesk.content.proofreading.worddata import shapes, sounds

SOURCE = "党的二十大报告（2022）、《中国共产党章程》等文件的固定提法"
PHRASES = (
    "习近平新时代中国特色社会主义思想",
    "中国特色社会主义",
    "社会主义核心价值观",
    "中华民族伟大复兴",
    "人类命运共同体",
    "绿水青山就是金山银山",
    "以人民为中心",
    "全面建成小康社会",
    "全面建设社会主义现代化国家",
    "中国式现代化",
    "高质量发展",
    "新发展理念",
    "新发展格局",
    "乡村振兴战略",
    "铸牢中华民族共同体意识",
    "全过程人民民主",
    "党史学习教育",
    "伟大建党精神",
    "全面从严治党",
    "党风廉政建设",
    "中央八项规定精神",
    "新时代文明实践中心",
    "新时代文明实践站",
    "社会治安综合治理",
    "扫黑除恶专项斗争",
    "爱国卫生运动",
    "全国文明城市",
    "人居环境整治",
    "高标准农田",
    "城乡居民基本医疗保险",
    "城乡居民基本养老保险",
    "最低生活保障",
    "家庭医生签约服务",
    "基本公共卫生服务",
    "中华人民共和国",
    "全国人民代表大会",
    "中国人民政治协商会议",
    "人民代表大会制度",
    "基层党组织",
)


@lru_cache(maxsize=1)
def _ends() -> dict[str, tuple[tuple[str, int], ...]]:
    """First pair and last pair → (phrase, where the pair stands in it)."""
    ends: dict[str, list[tuple[str, int]]] = {}
    for phrase in PHRASES:
        ends.setdefault(phrase[:2], []).append((phrase, 0))
        ends.setdefault(phrase[-2:], []).append((phrase, len(phrase) - 2))
    return {pair: tuple(found) for pair, found in ends.items()}


@lru_cache(maxsize=1)
def _places() -> re.Pattern[str]:
    """Where a phrase's first or last pair stands: found by the regex engine, not a loop."""
    firsts = "".join(sorted({re.escape(pair[0]) for pair in _ends()}))
    return re.compile(f"(?=[{firsts}])(?=(" + "|".join(sorted(map(re.escape, _ends()))) + "))")


def _alike(right: str, wrong: str) -> bool:
    return bool(sounds(right) & sounds(wrong) or shapes(right) & shapes(wrong))


def hits(prose: str) -> list[Hit]:
    found: dict[tuple[int, int], Hit] = {}
    ends = _ends()
    for place in _places().finditer(prose):
        i = place.start()
        for phrase, at in ends[place.group(1)]:
            start = i - at
            run = prose[start : start + len(phrase)] if start >= 0 else ""
            if len(run) != len(phrase) or run == phrase:
                continue
            differ = [k for k, (a, b) in enumerate(zip(phrase, run, strict=True)) if a != b]
            if len(differ) != 1 or not _alike(phrase[differ[0]], run[differ[0]]):
                continue
            found[(start, start + len(phrase))] = Hit(
                start,
                start + len(phrase),
                Category.TYPO,
                "typo:set-phrase",
                phrase,
                f"错别字：固定提法应为“{phrase}”",
                f"typo: the fixed phrase is “{phrase}”",
                SOURCE,
                WARNING,
            )
    return list(found.values())
