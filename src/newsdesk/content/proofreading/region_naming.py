"""Hong Kong, Macao and Taiwan named against the wrong counterpart: 香港 and 澳门 pair with 内地,
台湾 with 大陆 (大陆与香港 → 内地与香港), and their people come to the mainland, not to China
(港澳台游客来华旅游 → 来大陆（内地）旅游). 内地与台湾 is a plain string in the norms pack.
"""

from __future__ import annotations

from newsdesk.content.proofreading.findings import WARNING, Category, Hit, matches
from newsdesk.content.proofreading.lazy_re import lazy

_LIST = "新华社《新闻信息报道中的禁用词和慎用词》（2016年修订）港澳台和领土、主权类："
SOURCE = (
    _LIST + "“台湾”与“祖国大陆”（或“大陆”）为对应概念，“香港”“澳门”与“内地”为对应概念，不得混淆"
)
TO_CHINA_SOURCE = _LIST + "不得说“港澳台游客来华旅游”，而应称“港澳台游客来大陆（或内地）旅游”"
_JOIN = "(?:与|和|同|及|跟)"
# 港澳 not followed by 台: 大陆与港澳台 pairs 大陆 with Taiwan as well.
_HK_MACAO = "(?:香港|澳门|港澳(?!台))"
_MAINLAND_PAIR = lazy(
    rf"(?<!祖国)(大陆)(?:地区)?{_JOIN}{_HK_MACAO}|{_HK_MACAO}(?:特区|地区)?{_JOIN}(大陆)"
)
_PLACE = "(港澳台|台港澳|港澳|香港|澳门|台湾)"
_PEOPLE = (
    "(?:地区)?(?:的)?(?:同胞|游客|居民|青年|学生|客商|企业家|企业|投资者|记者|朋友|嘉宾|人士)?"
)
_VERB = {"来华": "来", "访华": "访问", "赴华": "赴", "来中国": "来", "到中国": "到"}
_TO_CHINA = lazy(rf"{_PLACE}{_PEOPLE}(来华|访华|赴华|来中国|到中国)")


def hits(prose: str) -> list[Hit]:
    found: list[Hit] = []
    for match in matches(_MAINLAND_PAIR, prose, ("大陆",)):
        group = 1 if match.group(1) else 2
        found.append(
            Hit(
                match.start(group),
                match.end(group),
                Category.NORM,
                "norm:mainland-hongkong",
                "内地",
                "规范表述：与香港、澳门对应的是“内地”，与台湾对应的是“大陆”",
                "norms: Hong Kong and Macao pair with 内地; 大陆 pairs with Taiwan",
                SOURCE,
                WARNING,
            )
        )
    for match in matches(_TO_CHINA, prose, ("华", "中国")):
        place = match.group(1)
        fix = (
            "大陆"
            if place == "台湾"
            else "内地"
            if place in ("香港", "澳门", "港澳")
            else "大陆（内地）"
        )
        verb = match.group(2)
        found.append(
            Hit(
                match.start(2),
                match.end(2),
                Category.NORM,
                "norm:to-china",
                _VERB[verb] + fix,
                "规范表述：港澳台居民到大陆（内地）不说“来华”“来中国”",
                "norms: people of Hong Kong, Macao or Taiwan come to the mainland, not to China",
                TO_CHINA_SOURCE,
                WARNING,
            )
        )
    return found
