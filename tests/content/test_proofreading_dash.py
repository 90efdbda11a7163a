"""A single 一字线 used as a dash between Chinese words (GB/T 15834: the dash is ——), told apart
from the connecting mark (中国—东盟), which stays unreported."""

from __future__ import annotations

import pytest

from newsdesk.content.proofreading import Packs, Proofreader


@pytest.fixture(scope="module")
def reader() -> Proofreader:
    return Proofreader(Packs.shipped())


def dashes(reader: Proofreader, body: str) -> list[str]:
    return [f.suggestion for f in reader.check_text(body) if f.rule == "punct:dash"]


@pytest.mark.parametrize(
    "body",
    [
        "他只有一个心愿—让山里的孩子都能读上书。",  # before a clause
        "工业、农业、服务业—全都实现了增长。",
        "大家心里只有一个念头—我们一定要守住大堤。",
        "他说—“我们一定能行。”",  # after a verb of saying
        "目标是—今年全面完成改造任务。",  # after 是
    ],
)
def test_a_single_dash_before_a_clause_is_reported(reader: Proofreader, body: str) -> None:
    assert dashes(reader, body) == ["——"]


@pytest.mark.parametrize(
    "body",
    [
        "中国—东盟博览会在南宁开幕。",
        "先后引入阿里云、村播—菜鸟乡村等平台。",
        "西安—成都高铁开通运营。",
        "道—琼斯指数当天下跌。",
        "拉萨—那曲公路全线贯通。",
        "成都—都江堰城际铁路客流回升。",
        "沙特—也门边境局势紧张。",
        "青岛—即墨快速路通车。",
        "他只有一个心愿——让山里的孩子都能读上书。",  # the right dash
    ],
)
def test_a_connecting_mark_between_names_is_left_alone(reader: Proofreader, body: str) -> None:
    assert dashes(reader, body) == []
