"""The proofreading rules on text: what each category catches, what it must leave alone, and
offsets that point into the Markdown source."""

from __future__ import annotations

import pytest

from newsdesk.content.proofreading import (
    Category,
    Entry,
    Leader,
    Packs,
    ProofFinding,
    Proofreader,
)

LEADERS = (
    Leader("王建国", ("县委书记",)),
    Leader("李明华", ("县委副书记", "县长")),
    Leader("张卫东", ("县人大常委会主任",)),
    Leader("陈晓燕", ("县政协主席",)),
    Leader("赵丽萍", ("县委常委", "宣传部部长")),
    Leader("孙国平", ("县委常委", "常务副县长")),
    Leader("周海涛", ("副县长",)),
    Leader("吴淑芬", ("副县长",)),
)


@pytest.fixture(scope="module")
def reader() -> Proofreader:
    return Proofreader(Packs.with_own({}, LEADERS, ("六合彩",), ("最佳",)))


def found(reader: Proofreader, body: str, **fields: str) -> list[ProofFinding]:
    findings = reader.check({"body": body, **fields})
    for f in findings:
        text = body if f.field == "body" else fields[f.field]
        assert text[f.start : f.end] == f.text, f  # offsets index the field as written
        assert f.key.startswith(f.category.value + "-")
        assert f.source and f.message_zh and f.message_en
    return findings


def one(reader: Proofreader, body: str, category: Category) -> ProofFinding:
    hits = [f for f in found(reader, body) if f.category is category]
    assert len(hits) == 1, hits
    return hits[0]


# --- the listed categories ------------------------------------------------------------------


def test_a_typo_pair_is_found_with_its_suggestion_and_source(reader: Proofreader) -> None:
    finding = one(reader, "县里召开会议，布署下一步工作。", Category.TYPO)
    assert (finding.text, finding.suggestion, finding.severity) == ("布署", "部署", "error")
    assert "咬文嚼字" in finding.source or "现代汉语词典" in finding.source


def test_markup_inside_a_word_does_not_hide_it_and_code_and_addresses_are_not_read(
    reader: Proofreader,
) -> None:
    body = "会议**布**署工作。\n\n`布署` 是代码。\n\n见[网站](https://example.cn/布署)。\n\n```\n布署\n```\n"
    findings = found(reader, body)
    assert [(f.category, f.text) for f in findings] == [(Category.TYPO, "布**署")]


def test_an_exception_keeps_a_correct_longer_word(reader: Proofreader) -> None:
    entry = Entry("按装", "安装", "测试", exceptions=("按装修",))
    mine = Proofreader(Packs(typos=(entry,)))
    assert [f.text for f in mine.check({"body": "按装修标准计算，按装空调。"})] == ["按装"]


def test_a_renamed_body_is_found_unless_the_text_speaks_of_the_past(reader: Proofreader) -> None:
    finding = one(reader, "县国土资源局开展执法检查。", Category.AGENCY)
    assert finding.suggestion == "自然资源局"
    for past in (
        "原县国土资源局局长张某出席。",
        "2016年，县国土资源局完成确权登记。",
        "县国土资源局更名为县自然资源局。",
    ):
        assert not [f for f in found(reader, past) if f.category is Category.AGENCY], past


def test_norms_banned_and_absolute_words(reader: Proofreader) -> None:
    assert one(reader, "村长带领村民修路。", Category.NORM).suggestion == "村委会主任"
    banned = one(reader, "严禁参与六合彩。", Category.BANNED)
    assert banned.severity == "error" and banned.suggestion == ""
    assert one(reader, "这是最佳时机。", Category.ABSOLUTE).severity == "hint"  # news copy


# --- leaders ---------------------------------------------------------------------------------


def test_a_title_that_is_not_theirs(reader: Proofreader) -> None:
    finding = one(reader, "县长王建国主持会议。", Category.LEADER)
    assert (finding.text, finding.suggestion) == ("县长", "县委书记")
    finding = one(reader, "副县长孙国平出席。", Category.LEADER)
    assert (finding.text, finding.suggestion) == ("副县长", "常务副县长")
    assert one(reader, "王建国县长讲话。", Category.LEADER).text == "县长"


def test_a_name_with_a_wrong_character_next_to_their_title(reader: Proofreader) -> None:
    finding = one(reader, "县委书记王建囯强调，要抓好落实。", Category.LEADER)
    assert (finding.text, finding.suggestion, finding.severity) == ("王建囯", "王建国", "error")
    assert one(reader, "吴淑芳副县长出席。", Category.LEADER).suggestion == "吴淑芬"


def test_leaders_out_of_protocol_order(reader: Proofreader) -> None:
    finding = one(reader, "县领导李明华、王建国、张卫东出席。", Category.LEADER)
    assert finding.suggestion == "王建国、李明华、张卫东"
    assert finding.severity == "warning"


def test_correct_titles_and_other_people_are_left_alone(reader: Proofreader) -> None:
    for text in (
        "县委书记王建国，县委副书记、县长李明华，县人大常委会主任张卫东出席。",
        "县委常委、宣传部部长赵丽萍参加。县委宣传部部长赵丽萍表示。",
        "县委常委、常务副县长孙国平主持。李明华县长强调。",
        "村党支部书记王建华介绍，村民王建军说。",
        "县领导王建国、李明华、张卫东、陈晓燕出席。",
    ):
        assert found(reader, text) == [], text


# --- 的地得, punctuation, numbers ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("他跑的很快。", "的", "得"),
        ("这项工作做的非常扎实。", "的", "得"),
        ("大家认认真真的做好每一件事。", "的", "地"),
        ("他笑眯眯的说：“好。”", "的", "地"),
        ("我们认真的学习了文件。", "的", "地"),
    ],
)
def test_de_di_de_in_unambiguous_frames(
    reader: Proofreader, text: str, wrong: str, right: str
) -> None:
    finding = one(reader, text, Category.DE)
    assert (finding.text, finding.suggestion) == (wrong, right)


def test_de_di_de_leaves_noun_phrases_alone(reader: Proofreader) -> None:
    for text in (
        "方方面面的工作都要做好。",
        "妈妈的说法没错。",
        "取得了很好的成绩。",
        "种地很辛苦。",
        "问题及时得到解决。",
        "这是他做的很好的一件事。",
        "的确如此。",
    ):
        assert not [f for f in found(reader, text) if f.category is Category.DE], text


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("我们,你们都来了。", ",", "，"),
        ("会议强调:要抓好落实。", ":", "："),
        ("会议结束了.大家散去。", ".", "。"),
        ("好了。。", "。。", "。"),
        ("还有很多......", "......", "……"),
        ("还有很多…", "…", "……"),
        ("他停了一下—“我们一定办好。”", "—", "——"),
        ("这是一个--重要的时刻。", "--", "——"),
        ("他们召开了(扩大)会议。", "(扩大)", "（扩大）"),
        ("一.加强领导", ".", "、"),
    ],
)
def test_punctuation(reader: Proofreader, text: str, wrong: str, right: str) -> None:
    finding = one(reader, text, Category.PUNCTUATION)
    assert (finding.text, finding.suggestion) == (wrong, right)


def test_marks_real_news_writes_widely_are_left_alone(reader: Proofreader) -> None:
    for text in (
        "1、加强组织领导\n2、强化督查落实\n",  # GB/T 15834 wants "1." but news writes "1、"
        "落实中国—东盟首脑会晤成果，开通西安—成都高铁。",  # 一字线 as a connecting mark
        "20时—次日8时有小雨。’98新年音乐会。",
    ):
        assert not [f for f in found(reader, text) if f.category is Category.PUNCTUATION], text


def test_unpaired_quotes_and_the_quotation_that_runs_over_paragraphs(reader: Proofreader) -> None:
    assert one(reader, "他说：“我们一定办好。", Category.PUNCTUATION).text == "“"
    assert one(reader, "《清溪县志出版。", Category.PUNCTUATION).text == "《"
    running = "他说：“第一段话。\n\n“第二段话。”\n"
    assert found(reader, running) == []


def test_a_space_between_chinese_characters_but_not_in_a_headline_or_byline(
    reader: Proofreader,
) -> None:
    body = "今天上午，全县召开了一次非常重要的工作会议 研究部署下一步的重点任务。\n"
    assert one(reader, body, Category.PUNCTUATION).rule == "punct:space"
    title = "县委常委会召开会议 研究部署森林防火工作"
    assert found(reader, "正文。", title=title) == []
    assert found(reader, "记者 张三 通讯员 李四 报道\n") == []


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("二0二四年全县粮食增产。", "二0二四", "2024"),
        ("全县有3千人参加。", "3千", "3000"),
        ("增长百分之5。", "百分之5", "5%"),
        ("总投资1万5千元。", "1万5千", "1.5万"),
        ("共有２０个村。", "２０", "20"),
        ("24年3月开工。", "24", "2024"),
        ("3月18号召开。", "18号", "18日"),
        ("二○二四年工作总结。", "二○二四", "二〇二四"),
    ],
)
def test_numbers(reader: Proofreader, text: str, wrong: str, right: str) -> None:
    finding = one(reader, text, Category.NUMBER)
    assert (finding.text, finding.suggestion) == (wrong, right)


def test_numbers_written_as_the_standard_allows_are_left_alone(reader: Proofreader) -> None:
    for text in (
        "2024年3月18日，全县12.6万亩耕地、3.5亿元投资、98.6%的覆盖率。",
        "三四个人、十几个村、二十多万元、三百多亩，第一季度，一是、二是。",
        "“十四五”期间，二〇二四年工作总结。3千米长的隧道。投资一千二百万元，年产七千万吨。",
    ):
        assert not [f for f in found(reader, text) if f.category is Category.NUMBER], text


# --- title, author and digest; keys ----------------------------------------------------------


def test_title_author_and_digest_are_checked_too(reader: Proofreader) -> None:
    findings = found(reader, "正文。", title="全县布署春耕", digest="截止目前完成三成。")
    assert {(f.field, f.text) for f in findings} == {("title", "布署"), ("digest", "截止目前")}


def test_a_key_survives_unrelated_edits_and_changes_with_the_words_around_it(
    reader: Proofreader,
) -> None:
    body = "第一段，会议布署工作。\n\n第二段。\n"
    key = one(reader, body, Category.TYPO).key
    moved = "新加的开头一段。\n\n第二段。\n\n第一段，会议布署工作。\n"
    assert one(reader, moved, Category.TYPO).key == key
    assert one(reader, "第一段，会上布署工作。\n", Category.TYPO).key != key
    twice = found(reader, "会议布署工作。\n\n会议布署工作。\n")
    assert len({f.key for f in twice}) == 2  # the same words twice are two findings


def test_a_title_held_then_is_not_a_wrong_title(reader: Proofreader) -> None:
    for then in ("时任县长王建国主持会议。", "原县长王建国出席。", "曾任副县长孙国平讲话。"):
        assert not [f for f in found(reader, then) if f.category is Category.LEADER], then
    assert one(reader, "现任县长王建国主持会议。", Category.LEADER).text == "县长"
