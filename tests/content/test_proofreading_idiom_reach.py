"""Idioms jieba tags as nouns or names (众志成城, 安居乐业) are idioms to the misspelt-idiom rule
too, a word in the middle of four characters is no other reading of them (座无需席), and an
idiom proper keeps its particle (一举两的)."""

from __future__ import annotations

import pytest

from newsdesk.content.proofreading import Packs, ProofFinding, Proofreader


@pytest.fixture(scope="module")
def reader() -> Proofreader:
    return Proofreader(Packs.shipped())


def idiom_findings(reader: Proofreader, text: str) -> list[ProofFinding]:
    return [f for f in reader.check_text(text) if f.rule.startswith("idiom:")]


@pytest.mark.parametrize(
    ("text", "said", "meant"),
    [
        ("全县干部群众众志成诚，抗击洪灾。", "众志成诚", "众志成城"),
        ("移民新村的群众安居乐叶。", "安居乐叶", "安居乐业"),
        ("春日的公园里鸟语花相。", "鸟语花相", "鸟语花香"),
        ("演出当晚座无需席。", "座无需席", "座无虚席"),
        ("这项改革可谓一举两的。", "一举两的", "一举两得"),
        ("党员干部脚踏实的干事创业。", "脚踏实的", "脚踏实地"),
    ],
)
def test_a_misspelt_idiom_is_found(reader: Proofreader, text: str, said: str, meant: str) -> None:
    (finding,) = idiom_findings(reader, text)
    assert (finding.text, finding.suggestion) == (said, meant)


@pytest.mark.parametrize(
    "text",
    [
        "这家小企业的成长引人瞩目。",
        "采取有理有力有节的措施。",
        "启动应急反应机制。",
        "全县众志成城，抗击洪灾。",
        "记者作了翔实的调查。",
        "他的心应该放宽些。",
    ],
)
def test_a_word_of_its_own_is_left_alone(reader: Proofreader, text: str) -> None:
    assert idiom_findings(reader, text) == []
