"""Near-synonyms told apart by what follows them, where a fixed list can only hold a few
collocations (《现代汉语词典》第7版, the entries named below):

- 截止 before a point in time → 截至: 截止 says that something stops (报名已截止, 截止到月底,
  截止日期); a count up to a date is 截至 (截至今年6月底, 截至目前).
- 必需 before a verb or a preposition → 必须: 必需 is "needed" (生活必需品, 所必需的), 必须 is
  "must" (必须在月底前完成).
- 渡过 before a stretch of time → 度过: 渡 is to cross water or a hardship (渡过难关), 度 to
  spend time (度过了一个愉快的假期).
- 反应 with what is reported as its object → 反映: 反应 is a reaction (不良反应, 反应迅速),
  反映 passes on (反映了群众的诉求).

Each is a warning (the frames are narrow, but a quotation may keep its speaker's words), except
截止 before a date: published government copy writes it often enough that it is a hint.
"""

from __future__ import annotations

from newsdesk.content.proofreading.findings import HINT, WARNING, Category, Hit, matches
from newsdesk.content.proofreading.lazy_re import lazy
from newsdesk.content.proofreading.worddata import word_after, word_tags

_CN_NUMBER = "一二三四五六七八九十"
_JIEZHI = lazy(
    "截止(?=(?:今年|去年|前年|当年|本年|本月|上月|目前|当前|现在|今天|昨天|今日|昨日|日前|"
    rf"本周|上周|年底|年末|月底|发稿|记者发稿|\d{{1,4}}\s*[年月日]|[{_CN_NUMBER}]{{1,3}}月))"
)
_BIXU = lazy("必需(?!品)")
_BIXU_NEXT = {"v", "p", "d", "c"}
_BIXU_WORDS = {"要", "在", "把", "将", "对", "从", "向", "给", "以", "按", "有", "是", "得"}
_TIME = (
    "假期|暑假|寒假|春节|节日|周末|晚年|童年|一生|时光|岁月|日子|夜晚|生日|国庆|中秋|元旦|佳节"
    "|长假|假日|青春|余生|大学生活|校园生活|假期生活|一天|一夜|一年|这一天|每一天"
)
_DUGUO = lazy(
    "渡过(?=(?:了)?(?:一个|一段|那段|这段|这个|那个|一次)?"
    "(?:[^，。；！？、,;!?的]{1,4}的)?"  # no Han class: each costs milliseconds at start-up
    f"(?:{_TIME}))"
)
_REACTED = "不良|过敏|化学|药物|应激|连锁|生理|心理|排异|免疫|炎症|核|聚变|裂变|条件"
_FANYING = lazy(
    "反应(?=(?:了|给|到)(?:群众|民众|百姓|居民|村民|社情民意|问题|情况|诉求|意见|建议|呼声|心声"
    "|现实|实际|时代|面貌|生活|社会|人民))"
)
_FANYING_BEFORE = lazy(f"(?:{_REACTED})$")

SOURCES = {
    "截至": "《现代汉语词典》（第7版）“截至”“截止”条",
    "必须": "《现代汉语词典》（第7版）“必须”“必需”条",
    "度过": "《现代汉语词典》（第7版）“度”“渡”条",
    "反映": "《现代汉语词典》（第7版）“反映”“反应”条",
}


def hits(prose: str) -> list[Hit]:
    found: list[Hit] = []
    for match in matches(_JIEZHI, prose, ("截止",)):
        found.append(_hit(match.start(), "截止", "截至", HINT))
    for match in matches(_BIXU, prose, ("必需",)):
        after = word_after(prose, match.end(), word_tags())
        if after in _BIXU_WORDS or (
            len(after) > 1 and word_tags().get(after) in _BIXU_NEXT and after[0] != "的"
        ):
            found.append(_hit(match.start(), "必需", "必须"))
    for match in matches(_DUGUO, prose, ("渡过",)):
        found.append(_hit(match.start(), "渡过", "度过"))
    for match in matches(_FANYING, prose, ("反应",)):
        if not _FANYING_BEFORE.search(prose, max(0, match.start() - 2), match.start()):
            found.append(_hit(match.start(), "反应", "反映"))
    return found


def _hit(start: int, wrong: str, right: str, severity: str = WARNING) -> Hit:
    return Hit(
        start,
        start + len(wrong),
        Category.TYPO,
        f"typo:usage-{right}",
        right,
        f"用词：此处应为“{right}”，不是“{wrong}”",
        f"word usage: “{right}” here, not “{wrong}”",
        SOURCES[right],
        severity,
    )
