"""Claims of cure in health copy: what an article promoting a hospital, a clinic or a remedy
must not say.

Two sources say the same: 新华社《新闻信息报道中的禁用词和慎用词》 社会生活类第3条 (医药报道中
不得含有“疗效最佳”“根治”“安全预防”“安全无副作用”等词语，药品报道中不得含有“药到病除”“无效
退款”“保险公司保险”…“药之王”“国家级新药”等词语) and 《广告法》第十六条 (医疗、药品、医疗器械
广告不得含有表示功效、安全性的断言或者保证，不得说明治愈率或者有效率). News may report such a
claim (a court case over a fake remedy), so nothing here blocks: a claim in the copy's own
voice is a warning, a claim inside quotation marks (someone else's words) a hint; in
promotional copy every one is a warning. Words that are
plain news elsewhere (根治欠薪, 有效率 of a policy) count only in a sentence about illness or
treatment, and only as hints.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsdesk.content.proofreading.findings import HINT, WARNING, Category, Hit
from newsdesk.content.proofreading.lazy_re import lazy

XINHUA = "新华社《新闻信息报道中的禁用词和慎用词》（2016年修订）社会生活类第3条：医药报道中不得含有"
AD_LAW = "《中华人民共和国广告法》第十六条：医疗、药品、医疗器械广告不得"
# Claims in any sentence: nobody writes these in news except as a claim.
_CLAIMS = {
    "药到病除": f"{XINHUA}“药到病除”",
    "包治百病": f"{AD_LAW}含有表示功效的断言或者保证",
    "无效退款": f"{XINHUA}“无效退款”",
    "安全无副作用": f"{XINHUA}“安全无副作用”",
    "无毒副作用": f"{AD_LAW}含有表示安全性的断言或者保证",
    "无任何副作用": f"{AD_LAW}含有表示安全性的断言或者保证",
    "疗效最佳": f"{XINHUA}“疗效最佳”",
    "药之王": f"{XINHUA}“药之王”",
    "国家级新药": f"{XINHUA}“国家级新药”",
    "永不复发": f"{AD_LAW}含有表示功效的断言或者保证",
    "一次根治": f"{AD_LAW}含有表示功效的断言或者保证",
    "彻底根治": f"{AD_LAW}含有表示功效的断言或者保证",
    "一次治愈": f"{AD_LAW}含有表示功效的断言或者保证",
    "彻底治愈": f"{AD_LAW}含有表示功效的断言或者保证",
    "保证治愈": f"{AD_LAW}含有表示功效的断言或者保证",
}
# Only where the sentence is about illness (根治欠薪, 有效率 of a scheme are news), and as hints:
# a health report may give a hospital's 治愈率 as a fact.
_MEDICAL_ONLY = {
    "根治": f"{XINHUA}“根治”",
    "治愈率": f"{AD_LAW}说明治愈率或者有效率",
    "痊愈率": f"{AD_LAW}说明治愈率或者有效率",
    "有效率": f"{AD_LAW}说明治愈率或者有效率",
    "总有效率": f"{AD_LAW}说明治愈率或者有效率",
    "安全预防": f"{XINHUA}“安全预防”",
}
_MEDICAL = lazy(r"病|症|患者|病人|疗|医|药|诊|癌|瘤|炎|痛|康复|治愈|痊愈")
_ALL = {**_CLAIMS, **_MEDICAL_ONLY}
_PATTERN = lazy("|".join(sorted(map(re.escape, _ALL), key=len, reverse=True)))
# 广告法 forbids stating a rate (治愈率达98%), not naming one (早治疗能提高治愈率).
_RATES = ("治愈率", "痊愈率", "有效率", "总有效率")
_STATED = lazy(r"^[^，,；;]{0,6}?(?:\d|百分之)")
_SENTENCE = lazy(r"[^。！？!?\n\x00]+")
_QUOTES = (("“", "”"), ("‘", "’"), ("「", "」"))


def hits(prose: str) -> list[Hit]:
    found: list[Hit] = []
    if not any(word in prose for word in ("治", "愈", "药", "副作用", "退款", "复发", "有效率")):
        return found
    for sentence in _SENTENCE.finditer(prose):
        text = sentence.group(0)
        medical = bool(_MEDICAL.search(_PATTERN.sub("", text)))
        for match in _PATTERN.finditer(text):
            word = match.group(0)
            if word in _MEDICAL_ONLY and not medical:
                continue
            if word in _RATES and not _STATED.match(text[match.end() :]):
                continue
            quoted = _quoted(prose, sentence.start() + match.start())
            severity = HINT if word in _MEDICAL_ONLY or quoted else WARNING
            found.append(
                Hit(
                    sentence.start() + match.start(),
                    sentence.start() + match.end(),
                    Category.NORM,
                    "norm:medical-claim",
                    "",
                    f"规范表述：医药内容不宜作“{word}”一类疗效断言或保证",
                    f"norm: health copy should not claim a cure or a success rate (“{word}”)",
                    _ALL[word],
                    severity,
                )
            )
    return found


def _quoted(prose: str, at: int) -> bool:
    before = prose[:at]
    return any(before.rfind(open_) > before.rfind(close) for open_, close in _QUOTES)


def graded(hit: Hit, promotional: bool) -> Hit:
    """In promotional copy (an advertisement for a hospital or a remedy) every claim of cure is
    a warning: there 广告法 第十六条 applies as written."""
    if promotional and hit.rule == "norm:medical-claim" and hit.severity == HINT:
        return replace(hit, severity=WARNING)
    return hit
