"""地 between words clean copy only joins with 的 (→ 的); 地 in words and before verbs left."""

from __future__ import annotations

import pytest

from newsdesk.content.proofreading import Packs, ProofFinding, Proofreader


@pytest.fixture(scope="module")
def reader() -> Proofreader:
    return Proofreader(Packs.shipped())


def de_findings(reader: Proofreader, text: str) -> list[ProofFinding]:
    return [f for f in reader.check_text(text) if f.rule.startswith("de:")]


@pytest.mark.parametrize(
    "text",
    ["美丽地乡村越来越多。", "开展了丰富多彩地活动。", "把村子建成了美丽地家园。"],
)
def test_di_between_an_attribute_and_a_noun_is_de(reader: Proofreader, text: str) -> None:
    (finding,) = de_findings(reader, text)
    assert (finding.text, finding.suggestion, finding.severity) == ("地", "的", "warning")


@pytest.mark.parametrize(
    "text",
    [
        "大家积极地行动起来。",
        "他认真地工作。",
        "各地积极响应。",
        "中国内地经济稳步增长。",
        "以外地游客居多。",
        "当地群众热情地接待了我们。",
    ],
)
def test_di_that_is_right_is_left_alone(reader: Proofreader, text: str) -> None:
    assert de_findings(reader, text) == []
