"""Where news copy sets words apart with a space on purpose (house style, not a slip): after a
dateline (新华社北京10月17日电 题：…, 某某网讯 …, 央视网消息 连日来…), in a photo credit (张三 摄,
（张三 李四 摄）), in a credit or byline (图文：县融媒体中心 张三, （记者 张三 李四）), and between
a person's title and name in a caption or an interview (县第一中学教师 叶某某：…). A space in the
middle of running text is still a slip.
"""

from __future__ import annotations

import re

from newsdesk.content.proofreading.lazy_re import lazy
from newsdesk.content.proofreading.prose import HAN

_SPACE = "[ \u3000]"
_WORD = "[^\\s，。；！？、：:“”（）()《》]"
# Where news outlets' names end: 新华社, 华商报, 深圳新闻网, 央视网, 某某台, 客户端.
_OUTLET = f"{_WORD}{{0,12}}(?:社|报|网|台|刊|客户端|频道|融媒)"
_DATE = r"\d{1,2}月\d{1,2}日"
_BRACKETED = r"(?:（[^）\n]*）|\([^)\n]*\))?"
_DATELINE = lazy(
    "^[ \t\u3000]*(?:"
    f"{_WORD}{{0,16}}讯"  # 本报讯, 青海新闻网讯, 云上崇阳讯
    f"|{_OUTLET}{_WORD}{{0,12}}?(?:电|消息)"  # 新华社北京3月18日电, 央视网消息
    f"|{_WORD}{{0,12}}{_DATE}电"  # 北京3月18日电
    f"){_BRACKETED}[ \t\u3000]*$"
)
# The words that open a credit or byline line: 图文：…, 记者 张三, 文/张三 图/李四.
_CREDIT_LINE = lazy(
    "^[ \t\u3000]*(?:图文|文图|文字|图片|摄影|摄像|视频|记者|通讯员|特约记者|见习记者|编辑|"
    "责任编辑|责编|主编|校对|审核|审校|初审|复审|终审|出品|监制|策划|统筹|制作|来源|供稿|作者|撰稿|"
    "文|图)"
    f"(?:[：:/︱｜|]|{_SPACE})"
)
# One or more names and 摄: 张三 摄, 张三 李四 摄影, 新华社记者 杨楹 摄, and a two-character name
# spaced out to the width of three (张 军摄).
_PHOTO_CREDIT = lazy(
    f"(?:^|(?<=[\\s（(：:。！？；，、/]))[{HAN}·]{{1,8}}(?:{_SPACE}+[{HAN}·]{{1,8}})*{_SPACE}*"
    "(?<!拍)摄(?:影|像)?(?=$|[\\s）)。，；])"
)
# A parenthesis holding only names and credit words set apart by spaces: （记者 张三 李四）,
# （朱凌云 卢晓君）, （图文：县融媒体中心 张三）.
_CREDIT_PARENS = lazy(
    f"[（(](?:[{HAN}·]{{1,12}}(?:[：:/]{_SPACE}*|{_SPACE}+)){{1,8}}[{HAN}·]{{1,12}}[）)]"
)
# Reporters named one after another wherever the byline stands: 新华社记者王炳坤 付光宇 程士华,
# 通讯员 张启龙 报道.
_REPORTERS = lazy(
    f"(?:记者|通讯员|摄影|摄像)(?:{_SPACE}*[{HAN}·]{{2,4}})(?:{_SPACE}+[{HAN}·]{{2,4}})*"
    f"(?:{_SPACE}+报道)?(?={_SPACE}*(?:$|[（(）)，。、；：:]))"
)
_CREDIT_WORDS = lazy(r"记者|通讯员|摄|图|文|编辑|供稿|来源|通讯")
# A person's title, then the name: …教师 叶某某：, …村主任 胡傲立 (a caption or an interview).
_TITLES = (
    "书记|主任|委员|主席|部长|局长|厅长|县长|市长|区长|镇长|乡长|村长|处长|科长|所长|站长|院长|"
    "校长|园长|馆长|社长|会长|行长|董事长|总经理|经理|厂长|队长|组长|班长|主管|负责人|理事长|"
    "秘书长|教师|老师|教授|医生|医师|护士|护士长|民警|警官|辅警|干部|职工|工人|员工|村民|居民|"
    "农民|市民|党员|代表|志愿者|学生|讲述人|网格员|指导员|技术员|工程师|律师|法官|检察官|"
    "演员|作者|主播|主持人|传承人|农户|种植户|养殖户|老板|店主|游客|家长|选手|运动员|专家|"
    "研究员|大学生|驻村工作队员|第一书记"
)
_TITLE_NAME = lazy(f"(?:{_TITLES}){_SPACE}+(?=[{HAN}·]{{2,4}}(?:[：:）)]|{_SPACE}|$))")


def allowed(line: str, start: int, end: int) -> bool:
    """Whether the space `line[start:end]` (between two Chinese characters) is house style."""
    if _DATELINE.match(line[:start]):
        return True
    if _CREDIT_LINE.match(line) and not re.search("[，。！？；]", line[:start]):
        return True
    for pattern in (_PHOTO_CREDIT, _REPORTERS):
        if any(m.start() <= start and end <= m.end() for m in pattern.finditer(line)):
            return True
    for match in _CREDIT_PARENS.finditer(line):
        if match.start() < start and end < match.end():
            inside = match.group(0)[1:-1]
            names = re.split(f"{_SPACE}+", inside.strip())
            if _CREDIT_WORDS.search(inside) or all(2 <= len(n) <= 4 for n in names):
                return True
    return any(m.end() == end for m in _TITLE_NAME.finditer(line))
