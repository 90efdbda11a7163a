"""Near-synonyms told apart by what follows them: 截至/截止, 必须/必需, 度过/渡过, 反映/反应."""

from __future__ import annotations

import pytest

from newsdesk.content.proofreading import Packs, ProofFinding, Proofreader


@pytest.fixture(scope="module")
def reader() -> Proofreader:
    return Proofreader(Packs.shipped())


def usage(reader: Proofreader, text: str) -> list[ProofFinding]:
    return [f for f in reader.check_text(text) if f.rule.startswith("typo:usage-")]


@pytest.mark.parametrize(
    ("text", "wrong", "right", "severity"),
    [
        ("截止今年9月底，全县新增就业1200人。", "截止", "截至", "hint"),
        ("截止2022年底，全县共有企业300家。", "截止", "截至", "hint"),
        ("申报材料必需在月底前报送。", "必需", "必须", "warning"),
        ("我们必需把安全放在首位。", "必需", "必须", "warning"),
        ("孩子们渡过了一个快乐的暑假。", "渡过", "度过", "warning"),
        ("全家人渡过了一个祥和的春节。", "渡过", "度过", "warning"),
        ("代表们反应了群众的诉求。", "反应", "反映", "warning"),
    ],
)
def test_the_word_the_frame_needs(
    reader: Proofreader, text: str, wrong: str, right: str, severity: str
) -> None:
    (finding,) = usage(reader, text)
    assert (finding.text, finding.suggestion, finding.severity) == (wrong, right, severity)


@pytest.mark.parametrize(
    "text",
    [
        "报名已于昨日截止。",
        "截止日期为6月30日。",
        "截止到目前，全县已完成任务。",
        "粮油是生活必需品。",
        "这是发展所必需的条件。",
        "必需物资已送达灾区。",
        "大家携手渡过难关。",
        "患者反应良好。",
        "少数人出现了过敏反应。",
    ],
)
def test_the_right_word_is_left_alone(reader: Proofreader, text: str) -> None:
    assert usage(reader, text) == []
