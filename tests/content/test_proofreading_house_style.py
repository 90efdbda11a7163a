"""Spaces news copy sets on purpose (datelines, photo credits, bylines, a title before a name)
are house style; a space in the middle of running text is still reported."""

from __future__ import annotations

import pytest

from newsdesk.content.proofreading import Packs, Proofreader


@pytest.fixture(scope="module")
def reader() -> Proofreader:
    return Proofreader(Packs.shipped())


def spaces(reader: Proofreader, body: str) -> list[str]:
    """The context of every space reported, as `前 后`."""
    return [
        body[f.start - 2 : f.end + 2]
        for f in reader.check({"body": body})
        if f.rule == "punct:space"
    ]


@pytest.mark.parametrize(
    "body",
    [
        "新华社北京10月17日电 记者从国家统计局获悉，前三季度全国经济运行总体平稳。",
        "人民网南宁5月6日电 题：小山村走出致富路，村民的日子越过越红火",
        "清溪融媒讯 连日来，我县各乡镇抢抓晴好天气，组织群众开展秋收秋种工作。",
        "某某网消息 连日来，县市场监管局在全县范围内开展食品安全专项检查行动。",
        "本报讯（记者 张三 李四） 近日，县人民医院成功为一名八旬老人实施了手术。",
        "县城新区的樱花大道上，游客们正在拍照留念，享受春日好时光。（张三 摄）",
        "县城新区的樱花大道上，游客们正在拍照留念，享受春日好时光。张三 李四 摄",
        "县城新区的樱花大道上，游客们正在拍照留念。新华社发（王五 赵六 摄）",
        "图文：县融媒体中心 张三 李四 编辑：王五 审核：赵六 终审：孙七",
        "来源：清溪县融媒体中心 作者：张三 责任编辑：李四 审核：王五 终审：赵六",
        "县第一中学教师 叶某某：我们要让每一个孩子都能在家门口上好学。",
        "讲述人：安徽黟县西递村党支部书记、村主任 胡某某",
        "新华社记者王某 李某 程某（新华社“中国网事”专栏）报道全国两会。",
        "村民们说，这条路修通以后出行方便多了，农产品也好卖了。（朱某某 卢某某）",
        "清溪新闻网讯 通讯员 王某某 报道：近日，县水利局组织干部职工开展防汛演练。",
        "清溪河畔新建的滨河公园正式向市民开放，成为休闲好去处。李 明摄",
    ],
)
def test_house_style_spaces_are_not_reported(reader: Proofreader, body: str) -> None:
    assert spaces(reader, body) == []


@pytest.mark.parametrize(
    ("body", "reported"),
    [
        ("今天上午，全县召开了一次非常重要的工作会议 研究部署下一步的重点任务。", "会议 研究"),
        ("记者了解到，今年以来全县新建 改建农村公路一百二十公里，惠及群众。", "新建 改建"),
        ("图为记者在现场采访时拍到的画面，小区新建 改建的停车位仍然不够用。", "新建 改建"),
        ("县第一中学的老师们利用暑假走访了 全镇所有的留守儿童家庭，送去关爱。", "访了 全镇"),
        ("今天停电 大家请提前做好准备，有关部门正在加紧抢修供电线路。", "停电 大家"),
        ("新华社北京10月17日电 记者从国家统计局获悉，前三季度全国 经济运行平稳。", "全国 经济"),
        ("村民们说，这条路修通以后出行方便（村民 都说这样的好路以前想都不敢想）。", "村民 都说"),
        ("摄影爱好者们纷纷来到湿地公园，大家 拍摄了大量候鸟迁徙的珍贵照片。", "大家 拍摄"),
    ],
)
def test_a_space_in_running_text_is_still_reported(
    reader: Proofreader, body: str, reported: str
) -> None:
    assert spaces(reader, body) == [reported]
