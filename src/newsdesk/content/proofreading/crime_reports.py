"""罪犯 before a verdict: a person arrested, detained or under investigation is a 犯罪嫌疑人.

新华社《新闻信息报道中的禁用词和慎用词》（2016年修订）法律法规类: 对刑事案件当事人，在法院宣判
有罪之前，不使用“罪犯”，而应使用“犯罪嫌疑人”. Whether a verdict has come is context, so this
is a warning, and only in a sentence that tells of the stage before it (抓获, 刑拘, 立案, 侦查…)
and names no verdict or sentence (判处, 服刑, 有期徒刑…). 罪犯 in a sentence about prisons,
sentencing or a historical war crime says nothing of an open case and is left alone.
"""

from __future__ import annotations

from newsdesk.content.proofreading.findings import HINT, WARNING, Category, Hit, matches
from newsdesk.content.proofreading.lazy_re import lazy

SOURCE = (
    "新华社《新闻信息报道中的禁用词和慎用词》（2016年修订）法律法规类："
    "对刑事案件当事人，在法院宣判有罪之前，不使用“罪犯”，而应使用“犯罪嫌疑人”"
)
# 犯人 inside 侵犯人身, 冒犯人家, 触犯人民… is not the noun.
_CONVICT = lazy(r"罪犯|(?<![侵冒触进违干来再])犯人(?![身权民格家])")
_BEFORE_VERDICT = lazy(
    r"抓获|抓捕|被抓|落网|归案|刑拘|刑事拘留|拘留|逮捕|批捕|立案|侦查|侦办|侦破|破获|涉嫌|"
    r"审查起诉|移送起诉|提起公诉|投案|自首|追逃|在逃|缉拿|通缉"
)
_AFTER_VERDICT = lazy(
    r"判处|判决|宣判|判刑|获刑|被判|服刑|刑满|释放|监狱|狱|徒刑|死刑|缓刑|减刑|假释|改造|"
    r"战犯|战争罪|定罪|有罪"
)
_SENTENCE = lazy(r"[^。！？!?\n\x00]+")
LABEL_SOURCE = (
    "新华社《新闻信息报道中的禁用词和慎用词》（2016年修订）法律法规类：在案件报道中指称“小偷”"
    "“强奸犯”等时，不要使用其社会身份或者籍贯作标签式前缀，如“工人小偷”“教授罪犯”“河南小偷”"
)
_PROVINCES = (
    "河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|"
    "云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|北京|天津|上海|重庆|香港|澳门"
)
_STATIONS = "农民工|农民|工人|民工|教授|教师|大学生|研究生|学生|博士|医生|护士|司机|保安|白领|干部"
_LABELLED = lazy(
    f"(?:{_PROVINCES}|{_STATIONS})(?:籍)?(?:小偷|窃贼|盗贼|歹徒|劫匪|罪犯|骗子|强奸犯|杀人犯|人贩子)"
)


def hits(prose: str) -> list[Hit]:
    found = _labels(prose)
    if "罪犯" not in prose and "犯人" not in prose:
        return found
    for sentence in _SENTENCE.finditer(prose):
        text = sentence.group(0)
        if not _BEFORE_VERDICT.search(text) or _AFTER_VERDICT.search(text):
            continue
        for match in matches(_CONVICT, text, ("罪犯", "犯人")):
            found.append(
                Hit(
                    sentence.start() + match.start(),
                    sentence.start() + match.end(),
                    Category.NORM,
                    "norm:suspect-not-convict",
                    "犯罪嫌疑人",
                    f"规范表述：宣判有罪之前称“犯罪嫌疑人”，不称“{match.group(0)}”",
                    f"norm: before a verdict the person is a 犯罪嫌疑人 (suspect),"
                    f" not “{match.group(0)}” (convict)",
                    SOURCE,
                    WARNING,
                )
            )
    return found


def _labels(prose: str) -> list[Hit]:
    """工人小偷, 河南小偷: a person's station or home province as a label for an offender."""
    return [
        Hit(
            *match.span(),
            Category.NORM,
            "norm:offender-label",
            "",
            f"规范表述：不以社会身份或籍贯给涉案人员贴标签（“{match.group(0)}”）",
            f"norm: do not label an offender by station or home province (“{match.group(0)}”)",
            LABEL_SOURCE,
            HINT,
        )
        for match in matches(
            _LABELLED,
            prose,
            ("小偷", "窃贼", "盗贼", "歹徒", "劫匪", "罪犯", "骗子", "犯", "人贩子"),
        )
    ]
