"""The starter list of 广告法 terms holds the advertising superlatives news copy seldom uses:
warnings in promotional copy, hints in news."""

from __future__ import annotations

from newsdesk.content.proofreading import Packs, Proofreader
from newsdesk.core.wechat_checks import parse_words, starter_list


def test_advertising_superlatives_warn_in_promotional_copy_only() -> None:
    reader = Proofreader(Packs.shipped((), parse_words(starter_list("absolute"))))
    text = "本店商品价格最实惠，品质行业领先。"
    promoted = reader.check_text(text, promotional=True)
    assert [(f.text, f.severity) for f in promoted if f.category == "absolute"] == [
        ("最实惠", "warning"),
        ("行业领先", "warning"),
    ]
    news = reader.check_text(text)
    assert {f.severity for f in news if f.category == "absolute"} == {"hint"}
