"""广告法 absolute terms graded by the copy: a hint in news, nothing in a quoted name or a
《》 title, a warning in promotional copy, where 世界级 and 国家级 count too."""

from __future__ import annotations

import pytest

from newsdesk.content.proofreading import HINT, WARNING, Category, Packs, Proofreader


@pytest.fixture(scope="module")
def reader() -> Proofreader:
    return Proofreader(Packs.shipped((), ("最佳", "最优", "第一品牌")))


def absolute(reader: Proofreader, body: str, *, promotional: bool = False) -> list[tuple[str, str]]:
    return [
        (f.text, f.severity)
        for f in reader.check({"body": body}, promotional=promotional)
        if f.category is Category.ABSOLUTE
    ]


def test_in_news_copy_an_absolute_term_is_only_a_hint(reader: Proofreader) -> None:
    assert absolute(reader, "当前正是秋播的最佳窗口，各乡镇要抓紧落实。") == [("最佳", HINT)]
    assert absolute(reader, "经过反复测算，专家组找到了运输路线的最优解。") == [("最优", HINT)]


def test_a_quoted_name_or_a_title_is_no_finding(reader: Proofreader) -> None:
    assert absolute(reader, "县融媒体中心获评“最佳组织奖”。") == []
    assert absolute(reader, "她的作品《最佳拍档》入选展映。") == []
    assert absolute(reader, "该村荣获「最优人居环境村」称号。") == []


def test_a_sentence_quoted_as_said_is_not_a_name(reader: Proofreader) -> None:
    said = "他说：“我们的服务要做到最佳，让群众满意。”"
    assert absolute(reader, said) == [("最佳", HINT)]
    slogan = "提出“政府引导、最优配置、群众参与”的思路。"
    assert absolute(reader, slogan) == [("最优", HINT)]


def test_promotional_copy_makes_them_warnings_and_adds_world_and_national_class(
    reader: Proofreader,
) -> None:
    ad = "本店茶叶品质最佳，国家级工艺，世界级口感，行业第一品牌。"
    assert absolute(reader, ad, promotional=True) == [
        ("最佳", WARNING),
        ("国家级", WARNING),
        ("世界级", WARNING),
        ("第一品牌", WARNING),
    ]
    assert absolute(reader, ad) == [("最佳", HINT), ("第一品牌", HINT)]
    assert absolute(reader, "参观国家级非物质文化遗产展示馆。") == []
    # a name stays a name in an advertisement too
    assert absolute(reader, "荣获“最佳口碑奖”。", promotional=True) == []


def test_a_list_that_names_national_class_itself_keeps_it_in_news(reader: Proofreader) -> None:
    own = Proofreader(Packs.shipped((), ("国家级",)))
    assert absolute(own, "申报国家级示范区。") == [("国家级", HINT)]
