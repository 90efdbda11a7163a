"""An exact count of three or more significant figures in Chinese numerals before a unit is a
hint (GB/T 15835-2011 5.1.1); shorter counts, estimates, ordinals and names are left alone."""

from __future__ import annotations

import pytest

from newsdesk.content.proofreading import Packs, ProofFinding, Proofreader


@pytest.fixture(scope="module")
def reader() -> Proofreader:
    return Proofreader(Packs.shipped())


def counts(reader: Proofreader, text: str) -> list[ProofFinding]:
    return [f for f in reader.check_text(text) if f.rule == "number:chinese-count"]


@pytest.mark.parametrize(
    ("text", "said", "fix"),
    [
        ("全镇共有一千二百三十五户农户。", "一千二百三十五", "1235"),
        ("全年完成投资一百五十六亿元。", "一百五十六", "156"),
        ("学校共招收新生三百二十七名。", "三百二十七", "327"),
    ],
)
def test_a_long_exact_count_in_chinese_numerals(
    reader: Proofreader, text: str, said: str, fix: str
) -> None:
    (finding,) = counts(reader, text)
    assert (finding.text, finding.suggestion, finding.severity) == (said, fix, "hint")


@pytest.mark.parametrize(
    "text",
    [
        "共发放补贴二十三万元。",
        "三十多人参加了活动。",
        "年产量七千万吨。",
        "第二百三十五届交易会开幕。",
        "二十四节气申遗成功。",
        "党的二十大胜利召开。",
    ],
)
def test_short_counts_estimates_ordinals_and_names_are_left_alone(
    reader: Proofreader, text: str
) -> None:
    assert counts(reader, text) == []
