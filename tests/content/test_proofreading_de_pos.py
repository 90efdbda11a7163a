"""的地得 by part of speech: the dictionary words either side of the particle decide, with a
warning only where the frame has one reading and a hint where it hangs on context."""

from __future__ import annotations

import pytest

from newsdesk.content.proofreading import HINT, WARNING, Proofreader
from tests.content.conftest import de


@pytest.mark.parametrize(
    ("text", "right"),
    [
        ("他渐渐的发现了问题所在。", "地"),  # adverb + verb + 了
        ("大家高兴的跳了起来。", "地"),  # adjective + verb + 了: no noun phrase reads so
        ("专家深入浅出的讲解了新政策。", "地"),  # idiom as adverbial
        ("孩子们一天天的盼着。", "地"),  # reduplicated word before a verb with 着
        ("社区干部耐心的向群众解释政策。", "地"),  # no noun phrase reads 的 + preposition
        ("志愿者们热热闹闹的忙了一整天。", "地"),
        ("任务较好的完成了。", "地"),  # 了 outweighs the degree word before
        ("老人自豪的说：“日子越过越好。”", "地"),  # a one-character verb ending the clause
        ("我们地工作还有差距。", "的"),  # a pronoun owns with 的
    ],
)
def test_frames_with_one_reading_are_warnings(reader: Proofreader, text: str, right: str) -> None:
    assert [(s, sev) for _, s, sev in de(reader, text)] == [(right, WARNING)]


@pytest.mark.parametrize(
    ("text", "right"),
    [
        ("消防员准确、迅速的进行处置。", "地"),
        ("节目编排的十分紧凑。", "得"),  # …but 他说的很对 is right
        ("大家讨论的格外热烈，", "得"),
        ("各级干部要主动的承担责任。", "地"),  # after 要 the words are the predicate
    ],
)
def test_frames_that_hang_on_context_are_hints(reader: Proofreader, text: str, right: str) -> None:
    assert [(s, sev) for _, s, sev in de(reader, text)] == [(right, HINT)]


@pytest.mark.parametrize(
    "text",
    [
        "体现在群众实实在在的获得感上。",  # the verb starts a compound noun
        "阳光洒进宽敞的阅览大厅。",
        "专家为居民做了详细的讲解。",  # an object after 做了
        "对各位来宾表示热烈的欢迎。",
        "常见的有以下几种。",  # a headless noun phrase before 有/是
        "读书最重要的是坚持。",
        "最少的包保26户。",
        "他们中有的考上了大学。",  # 有的: "some"
        "他们积极的参与。",  # may be a noun phrase: left out on purpose
        "这是沉甸甸的忧虑。",  # a state word before a verbal noun
        "发挥积极的作用。",
        "原先的考虑是先修路。",
        "这就是单纯的对非洲的援助。",  # the preposition opens a noun phrase here
        "凝聚为一种巨大的向心力、感召力。",
        "带有一种原始的真挚。",
        "总的说，形势是好的。",
        "那就更是难以衡量的收获了。",
        "他将先进的设备运来。",  # 将 is 把 here, not "will"
        "再好的愿望也要落实。",
        "围绕游客的吃、住、行打造产业链。",
        "帮助学生树立正确的禁毒观念。",  # verb + noun: a compound noun here
        "对刚起步的返乡青年给予扶持。",
        "这是他们的有声有色。",
        "要不断完善制度。",
        "县里发布的最新天气信息。",
        "这是他做的很好的一件事。",
        "他高兴得到处跑。",  # 得 then 到处, not 得到
        "这里是革命根据地，目的地就在前面。",
        "的确如此，真的很好。",
        "全县各地认真学习。",
        "他们认真地学习。",
        "他跑得很快。",
    ],
)
def test_ordinary_text_is_left_alone(reader: Proofreader, text: str) -> None:
    assert de(reader, text) == []
