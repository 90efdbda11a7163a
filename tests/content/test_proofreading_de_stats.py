"""的地得 by corpus counts: a finding only where the words either side take the other particle
far more often in clean newspaper text than the one written."""

from __future__ import annotations

import pytest

from newsdesk.content.proofreading import HINT, WARNING, Proofreader, de_stats
from tests.content.conftest import de


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("村民们自觉的遵守防疫规定。", [("的", "地", HINT)]),  # 自觉地 + a verb 的 seldom precedes
        ("这是一座宏伟地建筑。", [("地", "的", WARNING)]),  # 宏伟 and 建筑 both take 的
        ("他激动的说不出话来。", [("的", "地", HINT)]),  # 激动地说 far outnumbers 激动的说
    ],
)
def test_a_particle_both_neighbours_reject_is_found(
    reader: Proofreader, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert de(reader, text) == expected


def test_the_rule_names_the_statistics_it_rests_on() -> None:
    (hit,) = de_stats.hits("村民们自觉的遵守防疫规定。")
    assert (hit.rule, hit.suggestion, hit.start) == ("de:stats-adverbial", "地", 5)
    assert "人民日报" in hit.source


@pytest.mark.parametrize(
    "text",
    [
        "发挥积极的作用。",  # a verbal noun after 的: jieba tags 作用 a verb, the corpus knows
        "沉甸甸的忧虑压在心头。",
        "认真的学习态度值得肯定。",  # a noun phrase: 的 + 学习 is common in clean text
        "全面深入的调查工作已经开始。",
        "美丽的环境让人流连。",
        "他们的工作很辛苦。",
        "各地群众踊跃参加。",  # 地 in a word
        "当地政府高度重视。",
        "广场等地设置了防控点。",  # 地 a noun of its own after 等
        "记者走进多地，探访驻村第一书记。",
        "他们有的向行人发放传单，有的讲解政策。",  # 有的 is "some"
        "都密密麻麻地记着巡山的日期。",  # 记 is a verb here: 着 follows
        "这个路口每天也得有几千人出入。",  # 得 as a modal is not judged
        "今天卖出去的比平时一个星期卖的还多。",  # what was sold is more: no complement
        "重要的是落实。",  # a copula after 的
        "开展全面、深入、彻底的拉网式排查。",  # 拉网式 is a noun, whatever 拉 is
        "群众有了实实在在的获得感。",
        "这是他做的很好的一件事。",  # 很好 describes 事
        "希望学员们学有所得，提高本领。",
    ],
)
def test_clean_copy_raises_nothing(reader: Proofreader, text: str) -> None:
    assert de_stats.hits(text) == []
    assert de(reader, text) == []
