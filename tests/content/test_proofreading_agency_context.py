"""A renamed body's old name: an error as a current name, nothing where it is plainly the past,
a hint where the paragraph tells a history."""

from __future__ import annotations

import pytest

from newsdesk.content.proofreading import ERROR, HINT, Category, Packs, Proofreader


@pytest.fixture(scope="module")
def reader() -> Proofreader:
    return Proofreader(Packs.shipped())


def agencies(reader: Proofreader, body: str) -> list[tuple[str, str]]:
    return [
        (f.text, f.severity) for f in reader.check({"body": body}) if f.category is Category.AGENCY
    ]


def test_todays_copy_naming_an_old_body_as_current_is_an_error(reader: Proofreader) -> None:
    assert agencies(reader, "县卫生计生委近日组织专家开展义诊活动。") == [("卫生计生委", ERROR)]
    assert agencies(reader, "县卫生计生委主任张某某在会上讲话。") == [("卫生计生委", ERROR)]


@pytest.mark.parametrize(
    "body",
    [
        "时任县卫生计生委主任的张某某带队下乡。",
        "原县卫生计生委办公楼已改作社区卫生服务中心。",
        "2016年，县卫生计生委启动家庭医生签约服务。",
        "县卫生健康委的前身是县卫生计生委。",
    ],
)
def test_plainly_the_past_is_no_finding(reader: Proofreader, body: str) -> None:
    assert agencies(reader, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "2016年，家庭医生签约服务在全县铺开。县卫生计生委抽调骨干组成专班，逐村宣传。",
        "当时全县只有一家医院。县卫生计生委多方协调，建起了第一批村卫生室。",
        "张某某曾任县卫生计生委副主任。那几年，县卫生计生委的工作重心是基层医疗。",
    ],
)
def test_a_paragraph_telling_a_history_lowers_it_to_a_hint(reader: Proofreader, body: str) -> None:
    assert {severity for _, severity in agencies(reader, body)} == {HINT}


def test_the_history_of_one_paragraph_does_not_excuse_the_next(reader: Proofreader) -> None:
    body = "2016年，全县启动家庭医生签约服务。\n\n目前，县卫生计生委正在推进医共体建设。\n"
    assert agencies(reader, body) == [("卫生计生委", ERROR)]
