"""The shipped typo list: entries found, and the correct text holding their letters left alone."""

from __future__ import annotations

import pytest

from newsdesk.content.proofreading import ERROR, WARNING, Packs, Proofreader


@pytest.fixture(scope="module")
def reader() -> Proofreader:
    return Proofreader(Packs.shipped())


@pytest.mark.parametrize(
    ("body", "wrong", "right"),
    [
        ("全县进入主讯期，各乡镇要做好防讯准备。", "讯期", "汛期"),
        ("严禁露天焚烧秸杆。", "秸杆", "秸秆"),
        ("为贫困户建挡立卡。", "建挡立卡", "建档立卡"),
        ("锲而不舍、弛而不息推进作风建设。", "弛而不息", "驰而不息"),
        ("庚续红色血脉。", "庚续", "赓续"),
        ("县里下拔专项资金200万元。", "下拔", "下拨"),
        ("他在会上做了简短的发言，毕竞时间有限。", "毕竞", "毕竟"),
        ("这种现像值得关注。", "现像", "现象"),
        ("他已被移送人民检查院审查起诉。", "人民检查院", "人民检察院"),
    ],
)
def test_listed_confusions_are_errors(
    reader: Proofreader, body: str, wrong: str, right: str
) -> None:
    found = [f for f in reader.check_text(body) if f.category.value == "typo" and f.text == wrong]
    assert [(f.suggestion, f.severity) for f in found] == [(right, ERROR)]


@pytest.mark.parametrize(
    ("body", "wrong", "right"),
    [("这件事的份量不轻。", "份量", "分量"), ("双方发生磨擦。", "磨擦", "摩擦")],
)
def test_non_recommended_variant_forms_are_warnings(
    reader: Proofreader, body: str, wrong: str, right: str
) -> None:
    found = [f for f in reader.check_text(body) if f.category.value == "typo" and f.text == wrong]
    assert [(f.suggestion, f.severity) for f in found] == [(right, WARNING)]


@pytest.mark.parametrize(
    "body",
    [
        "公司股份内部转让须经董事会同意。",  # 股份内 holds 份内
        "他竟选了最难的那条路。",  # 竟 + 选, not 竞选 misspelt
        "大家竟相信了这个谣言。",  # 竟 + 相信
        "犯罪嫌疑人在审讯期间如实供述。",  # 审讯期 holds 讯期
        "课题组研究竞争政策对中小企业的影响。",  # 研究竞 holds 究竞
        "道路畅通迅速恢复。",  # 通迅速 holds 通迅
        "究竟相差多少，还要再算。",  # 究竟相 holds 竟相
        "支付和结算更加便利。",  # 付和 is not listed
        "出现像去年那样的险情。",  # 出现像 holds 现像
        "对像他这样的困难户，村里一户一策。",  # 对 + 像, not 对象 misspelt
        "药物不良反应情况要及时上报。",  # 反应情况 of a drug is right
    ],
)
def test_correct_text_holding_the_letters_is_left_alone(reader: Proofreader, body: str) -> None:
    assert [f.text for f in reader.check_text(body) if f.category.value == "typo"] == []
