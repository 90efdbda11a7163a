"""Taiwan, Hong Kong and Macao set beside countries: listed among 国家 (美国、日本、台湾等国家 →
国家和地区), followed by 其他国家 (港澳台记者和其他国家记者 → 外国记者), or counted among 外国
(港澳台等外国游客, 包括台湾在内的外国客商). 港澳台和外国 is right: 外国 is what they are not.

Both are judged within one clause, and only where the place is an item of its own in the list
(台湾同胞和美国等国家的朋友 lists 台湾同胞, not 台湾). "内地与台湾" is a plain string: it is in
the norms pack.
"""

from __future__ import annotations

import re

from newsdesk.content.proofreading.findings import ERROR, Category, Hit, matches
from newsdesk.content.proofreading.lazy_re import lazy

SOURCE = (
    "新华社《新闻信息报道中的禁用词和慎用词》（2016年修订）港澳台和领土、主权类："
    "香港、澳门、台湾不得与国家并列；确需并列时称“国家和地区”"
)
PLACES = ("台湾", "台湾地区", "中国台湾", "香港", "中国香港", "香港特区", "澳门", "中国澳门",
          "澳门特区", "港澳台", "港澳", "台港澳", "港台")  # fmt: skip
_CLAUSE_END = lazy(r"[，,。！？!?；;：:（）()“”‘’《》\n\x00]")
# Not 同 or 或, which begin words after a place name (台湾同胞).
_CONJUNCTION = lazy(r"、|以及|和|及|与")
# 国家 closing a list: 等国家, 等国, 三个国家 (a list that ends without 等 or a count may run on
# into another noun: 香港和国家体育总局), unless it already goes on 和地区.
_AND_REGIONS = r"(?![和与及或、]?(?:地区|区域))"
# A region may stand between 等 and 国家 (台湾、韩国等亚洲国家); a count may go without 个
# (香港、新加坡和马来西亚三国).
_REGION = "(?:亚洲|东南亚|东盟|亚太|周边|沿线|西方|欧美|欧洲|非洲|拉美|发达|发展中|友好|邻近)?"
_COUNTRIES = lazy(
    rf"(等{_REGION}|[两三四五六七八九十几多\d]+个?)"
    r"(国家(?![级队])|国(?=[的之间中和与及，。、；：！？,.;:!?）)\s]|$))" + _AND_REGIONS
)
_OTHER_COUNTRIES = lazy(r"(?:其他|其它|其余|别的)国家" + _AND_REGIONS)
# 外国 and 国外 alike: 港澳台等国外游客 counts them among what is outside the country.
_AMONG_FOREIGN = lazy(r"(等|在内的|(?:以及|及|和|与)(?:其他|其它|其余|别的))(外国|国外)")
# 包括台湾在内的30多个国家: counted among the countries.
_COUNTED_AMONG = lazy(
    r"在内的(?:[两三四五六七八九十百几多\d]+多?个?|各)(国家|国(?=[的之间中和与及，。、；：！？,.;:!?）)\s]|$|[嘉代客游友]))"
    + _AND_REGIONS
)
# After a place, what may stand between it and the list's joint: a group of people of it.
_PEOPLE = lazy(
    r"(?:地区)?(?:的)?(?:记者|媒体|同胞|青年|学生|客商|企业|游客|居民|人士|代表|嘉宾|选手|球队|师生|"
    r"专家|学者|艺术家|运动员|朋友|投资者|商人)?$"
)


def _among_countries(match: re.Match[str], group: int) -> Hit:
    """A place counted among the countries: its word for them should be 国家和地区."""
    return Hit(
        match.start(group),
        match.end(group),
        Category.NORM,
        "norm:place-among-countries",
        "国家和地区",
        "规范表述：香港、澳门、台湾不能与国家并列，应称“国家和地区”",
        "norm: Taiwan, Hong Kong and Macao are not countries; write 国家和地区",
        SOURCE,
        ERROR,
    )


def hits(prose: str) -> list[Hit]:
    if not any(place in prose for place in ("台", "港", "澳")):
        return []
    found: list[Hit] = []
    for match in matches(_COUNTRIES, prose, ("国",)):
        clause = _clause_before(prose, match.start())
        alone = match.group(1).startswith("等") and clause.endswith(PLACES)  # 台湾等国
        if _listed_among(clause) or alone:
            found.append(_among_countries(match, 2))
    for match in matches(_OTHER_COUNTRIES, prose, ("国家",)):
        if _beside(_clause_before(prose, match.start())):
            found.append(
                Hit(
                    match.start(),
                    match.end(),
                    Category.NORM,
                    "norm:other-countries",
                    "外国",
                    f"规范表述：与港澳台并列时不称“{match.group(0)}”，应称“外国”",
                    f"norm: beside Hong Kong, Macao or Taiwan write 外国, not {match.group(0)}",
                    SOURCE,
                    ERROR,
                )
            )
    for match in matches(_COUNTED_AMONG, prose, ("在内的",)):
        if _ends_with_place(_clause_before(prose, match.start())):
            found.append(_among_countries(match, 1))
    for match in matches(_AMONG_FOREIGN, prose, ("外国", "国外")):
        if _ends_with_place(_clause_before(prose, match.start())):
            found.append(
                Hit(
                    match.start(),
                    match.end(),
                    Category.NORM,
                    "norm:among-foreign",
                    "" if match.group(1) == "在内的" else "和" + match.group(2),
                    "规范表述：香港、澳门、台湾不属于“外国”",
                    "norm: Hong Kong, Macao and Taiwan are not 外国 (foreign countries)",
                    SOURCE,
                    ERROR,
                )
            )
    return found


def _clause_before(prose: str, end: int) -> str:
    start = max((m.end() for m in _CLAUSE_END.finditer(prose, max(0, end - 60), end)), default=-1)
    return prose[max(start, end - 60, 0) : end]


def _items(clause: str) -> list[str]:
    return [item for item in _CONJUNCTION.split(clause) if item]


def _listed_among(clause: str) -> bool:
    """Whether the clause before 国家 is a list with one of the places as an item of its own
    (the first item may follow other words: 包括台湾、日本)."""
    items = _items(clause)
    if len(items) < 2:
        return False
    first, rest = items[0], [item.removesuffix("等") for item in items[1:]]
    return first.endswith(PLACES) or any(item in PLACES for item in rest)


def _beside(clause: str) -> bool:
    """Whether the clause before 其他国家 ends with one of the places (and perhaps who of it),
    joined to it: 港澳台记者和其他国家, 台湾、香港及其他国家."""
    joint = re.search(r"(?:、|以及|和|及|与|或)$", clause)
    if joint is None:
        return False
    return _ends_with_place(clause[: joint.start()])


def _ends_with_place(text: str) -> bool:
    """Whether `text` ends with one of the places, perhaps with who of it after (港澳台记者)."""
    people = _PEOPLE.search(text)
    return (text[: people.start()] if people else text).endswith(PLACES)
