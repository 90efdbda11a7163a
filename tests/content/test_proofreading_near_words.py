"""A three-character word with one character swapped for one that sounds or looks the same,
as a hint."""

from __future__ import annotations

import pytest

from newsdesk.content.proofreading import HINT, Packs, Proofreader


@pytest.fixture(scope="module")
def reader() -> Proofreader:
    return Proofreader(Packs.shipped())


def near(reader: Proofreader, body: str) -> list[tuple[str, str, str]]:
    return [
        (f.text, f.suggestion, f.severity)
        for f in reader.check_text(body)
        if f.rule == "typo:near-word"
    ]


@pytest.mark.parametrize(
    ("body", "said", "word"),
    [
        ("请到三楼办工室领取材料。", "办工室", "办公室"),
        ("选举采取无计名投票方式进行。", "无计名", "无记名"),
        ("争做先进工做者。", "工做者", "工作者"),
    ],
)
def test_a_three_character_word_one_homophone_off_is_a_hint(
    reader: Proofreader, body: str, said: str, word: str
) -> None:
    assert near(reader, body) == [(said, word, HINT)]


@pytest.mark.parametrize(
    "body",
    [
        "请到三楼办公室领取材料。",  # the word itself
        "江西新干县剧团团长到场。",  # a county's name
        "负责人里查德·斯博特说。",  # a transliterated name
        "今天的会议由县长主持。",  # 天的会 is 今天 + 的 + 会议
        "大家心里都数不清有多少次了。",  # 数不清 is a phrase, not 说不清 misspelt
    ],
)
def test_words_names_and_chance_runs_are_left_alone(reader: Proofreader, body: str) -> None:
    assert near(reader, body) == []


def test_a_look_alike_is_named_as_such(reader: Proofreader) -> None:
    (finding,) = [f for f in reader.check_text("新建一座体肓馆。") if f.rule == "typo:near-word"]
    assert (finding.text, finding.suggestion, finding.severity) == ("体肓馆", "体育馆", HINT)
    assert "形近" in finding.message_zh
