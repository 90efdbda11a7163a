"""Misspelt idioms and set phrases found from the idiom data and readings, not from a list of
misspellings: what is caught, how sure it is, and what ordinary text it leaves alone."""

from __future__ import annotations

import pytest

from newsdesk.content.proofreading import HINT, WARNING, Category, Packs, Proofreader


@pytest.fixture(scope="module")
def reader() -> Proofreader:
    return Proofreader(Packs.shipped())


def typos(reader: Proofreader, text: str) -> list[tuple[str, str, str]]:
    return [
        (f.text, f.suggestion, f.severity)
        for f in reader.check_text(text)
        if f.category is Category.TYPO
    ]


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("各部门全力以付做好防汛工作。", "全力以付", "全力以赴"),
        ("施工有条不稳地推进。", "有条不稳", "有条不紊"),
        ("要防患于未燃，把隐患消除在萌芽状态。", "防患于未燃", "防患于未然"),
        ("困难被抛到九宵云外。", "九宵云外", "九霄云外"),
        ("利润下降，生产难以维继。", "难以维继", "难以为继"),
        ("游客们坚持不泄地攀登。", "坚持不泄", "坚持不懈"),
    ],
)
def test_an_idiom_with_a_homophone_swapped_in_is_a_warning_with_the_idiom_suggested(
    reader: Proofreader, text: str, wrong: str, right: str
) -> None:
    assert typos(reader, text) == [(wrong, right, WARNING)]


def test_a_set_phrase_or_frequent_word_off_by_a_homophone_is_only_a_hint(
    reader: Proofreader,
) -> None:
    assert typos(reader, "大家为乡村发展出谋化策。") == [("出谋化策", "出谋划策", HINT)]
    assert typos(reader, "车辆一字排凯。") == [("一字排凯", "一字排开", HINT)]


def test_a_character_that_looks_alike_is_a_hint(reader: Proofreader) -> None:
    findings = [f for f in reader.check_text("大家迫不及侍。") if f.category is Category.TYPO]
    assert [(f.text, f.suggestion, f.severity) for f in findings] == [
        ("迫不及侍", "迫不及待", HINT)
    ]
    assert "形近" in findings[0].message_zh


def test_a_listed_misspelling_is_reported_once_by_the_list(reader: Proofreader) -> None:
    findings = [f for f in reader.check_text("望大家再接再励。") if f.category is Category.TYPO]
    assert [(f.text, f.rule, f.severity) for f in findings] == [
        ("再接再励", "typo:再接再励", "error")
    ]


def test_a_misspelling_jieba_keeps_as_a_rare_idiom_is_still_caught(reader: Proofreader) -> None:
    # jieba lists 前扑后继 (3) beside 前仆后继; the rare form is not taken for a word
    assert typos(reader, "战士们前扑后继。") == [("前扑后继", "前仆后继", WARNING)]


@pytest.mark.parametrize(
    "text",
    [
        "各项工作要在5月底前完成。",  # 底前 is not 提前 misspelt: 月底 is a word
        "案件在进一步审理中。",  # 在 + 进一步, not 再进一步
        "加强居民的消防应急反应能力。",  # 应急 is a word: not 应激反应
        "宁可十防九空，不可失防万一。",
        "今年以来，全县新增就业岗位三千个。",
        "要把学习教育与为民办实事结合起来。",
        "大家出谋划策，一起全力以赴。",
        "欧盟经过翔实的调查证实。",  # 的 is for the 的地得 rules, not 实地调查
        "小企业的发展引人瞩目。",  # 瞩目 is a word: not 引人注目 misspelt
        "日渐增多的车辆。",  # 日渐 + 增多: two words, not 日见增多
    ],
)
def test_ordinary_text_that_is_near_an_idiom_is_left_alone(reader: Proofreader, text: str) -> None:
    assert typos(reader, text) == []
