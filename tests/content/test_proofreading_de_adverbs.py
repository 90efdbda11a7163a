"""的 after a word clean copy follows with 地, before a verb that goes on as a verb: a hint; the
noun phrases such words also make are left alone."""

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
    [
        "我们不断的完善服务机制。",
        "志愿者们热情的为游客提供服务。",
        "他们积极的投身到志愿服务中。",
        "工作人员主动的上门服务。",
        "各乡镇积极的开展清洁家园活动。",
        "他悄悄的离开了会场。",
        "老党员默默的坚守着岗位。",
        "要切实的解决这些问题。",
        "及时的发现各类安全隐患。",
        "大力的推进农村改革。",
        "各乡镇相继的召开了座谈会。",
    ],
)
def test_an_adverbial_before_a_verb_takes_di(reader: Proofreader, text: str) -> None:
    (finding,) = de_findings(reader, text)
    assert (finding.text, finding.suggestion) == ("的", "地")
    assert finding.start == text.index("的")  # the particle after the adverbial
    assert finding.severity in ("hint", "warning")


@pytest.mark.parametrize(
    "text",
    [
        "经过不断的努力，终于成功。",
        "经过不断的探索，形成了经验。",
        "随着制度不断的完善，服务更加规范。",
        "开展全面、深入、彻底的拉网式排查。",
        "这是积极的信号。",
        "他们给予了热情的帮助和支持。",
        "在妈妈的帮助下，他学会了游泳。",
        "静静的夜晚，村庄睡着了。",
        "发生了一起严重的枪击事件。",
        "掌握正确的沟通方式。",
        "得到了大力的支持和帮助。",
    ],
)
def test_the_noun_phrases_such_words_make_are_left_alone(reader: Proofreader, text: str) -> None:
    assert [f for f in de_findings(reader, text) if f.rule == "de:adverb-counts"] == []
