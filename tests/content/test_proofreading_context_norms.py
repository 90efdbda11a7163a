"""The context rules of issue 19: Taiwan, Hong Kong and Macao beside countries, 内地与台湾,
two-digit years that are dates, and a 顿号 inside an estimate. Each with what it must leave
alone: precision first."""

from __future__ import annotations

import pytest

from newsdesk.content.proofreading import Category, Packs, ProofFinding, Proofreader


@pytest.fixture(scope="module")
def reader() -> Proofreader:
    return Proofreader(Packs.shipped())


def found(reader: Proofreader, text: str, rule: str) -> list[ProofFinding]:
    findings = [f for f in reader.check_text(text) if f.rule.startswith(rule)]
    for f in findings:
        assert text[f.start : f.end] == f.text and f.source
    return findings


@pytest.mark.parametrize(
    ("text", "said", "fix"),
    [
        ("展会吸引了美国、日本、台湾等国家的客商。", "国家", "国家和地区"),
        ("来自韩国、香港、新加坡等三个国家的选手参赛。", "国家", "国家和地区"),
        ("台湾、香港地区和日本等国的客商前来洽谈。", "国", "国家和地区"),
        ("包括澳门、泰国等国家的游客。", "国家", "国家和地区"),
        ("邀请了港澳台记者和其他国家记者。", "其他国家", "外国"),
        ("香港、澳门及其它国家的游客纷至沓来。", "其它国家", "外国"),
        ("景区吸引了港澳台等外国游客。", "等外国", "和外国"),
        ("港澳台记者和其他外国记者提问。", "和其他外国", "和外国"),
        ("包括台湾在内的外国客商前来洽谈。", "在内的外国", ""),
    ],
)
def test_a_place_beside_countries_is_an_error(
    reader: Proofreader, text: str, said: str, fix: str
) -> None:
    (finding,) = found(reader, text, "norm:")
    assert (finding.text, finding.suggestion, finding.severity) == (said, fix, "error")
    assert finding.category is Category.NORM and "新华社" in finding.source


@pytest.mark.parametrize(
    "text",
    [
        "展会吸引了美国、日本、台湾等国家和地区的客商。",
        "美国、日本、台湾等国家与地区的客商。",
        "台湾同胞和美国等国家的朋友欢聚一堂。",
        "来自台湾的游客和美国等国家的专家。",
        "北京、上海、香港和国家体育总局的代表。",
        "与美国、英国等国家开展合作。",
        "日本、台湾等国内外企业参展。",
        "港澳台和外国记者参加了发布会。",  # 外国 is the right word
        "美国等外国企业来县考察。",
        "香港与其他国家和地区的经贸往来。",
        "北京、香港等国务院批复的试点城市。",
        "日本、台湾等国有企业。",
        "香港的外国人越来越多。",
        "香港的发展离不开国家的支持。",
    ],
)
def test_what_does_not_set_a_place_beside_countries_is_left_alone(
    reader: Proofreader, text: str
) -> None:
    assert found(reader, text, "norm:") == []


@pytest.mark.parametrize(
    ("text", "said", "fix"),
    [
        ("加强内地与台湾的经贸往来。", "内地与台湾", "大陆与台湾"),
        ("台湾和内地的青年交流频繁。", "台湾和内地", "台湾和大陆"),
    ],
)
def test_inland_and_taiwan_is_the_mainland_and_taiwan(
    reader: Proofreader, text: str, said: str, fix: str
) -> None:
    (finding,) = found(reader, text, "norm:")
    assert (finding.text, finding.suggestion) == (said, fix)
    assert not found(reader, "加强内地与香港、澳门的合作，深化大陆与台湾的交流。", "norm:")


@pytest.mark.parametrize(
    ("text", "said", "fix"),
    [
        ("自15年以来，全县新建公路300公里。", "15", "2015"),
        ("到23年底，全县完成造林2万亩。", "23", "2023"),
        ("15年春耕时，村里引进了新品种。", "15", "2015"),
        ("截至22年底，累计发放贷款1亿元。", "22", "2022"),
        ("从98年起，他就在村里教书。", "98", "1998"),
        ("单位于19年度考核中获评优秀。", "19", "2019"),
        ("产量比21年同期增长一成。", "21", "2021"),
    ],
)
def test_a_two_digit_year_that_is_a_date(
    reader: Proofreader, text: str, said: str, fix: str
) -> None:
    (finding,) = found(reader, text, "number:short-year")
    assert (finding.text, finding.suggestion, finding.severity) == (said, fix, "warning")


@pytest.mark.parametrize(
    "text",
    [
        "这15年春节都没回家。",
        "15年春节没回家，他说对不起家人。",
        "他有15年底层工作经历。",
        "在15年前的一个夜晚。",
        "在15年里，他走遍了全县。",
        "连续15年春季植树造林。",
        "走过15年春秋。",
        "23年以来，他一直坚守在岗位上。",  # 23 years, as likely as 2023
        "15年，弹指一挥间。",
        "近10年来，全县变化巨大。",
        "这15年同期建成的房子。",
        "与15年前相比，变化巨大。",
    ],
)
def test_a_span_of_years_is_left_alone(reader: Proofreader, text: str) -> None:
    assert found(reader, text, "number:short-year") == []


@pytest.mark.parametrize(
    ("text", "said", "fix"),
    [
        ("村里有三、四个合作社。", "三、四", "三四"),
        ("会场来了五、六十人。", "五、六十", "五六十"),
        ("预计投资七、八万元。", "七、八万", "七八万"),
        ("每天走两、三公里山路。", "两、三", "两三"),
        ("只能看到前方一、二十公里。", "一、二十", "一二十"),
        ("他在村里干了二、三十年。", "二、三十", "二三十"),
        ("投资三、四十万元。", "三、四十万", "三四十万"),
    ],
)
def test_an_estimate_takes_no_dunhao(reader: Proofreader, text: str, said: str, fix: str) -> None:
    (finding,) = found(reader, text, "punct:estimate")
    assert (finding.text, finding.suggestion) == (said, fix)
    assert finding.category is Category.PUNCTUATION and "4.5.3.5" in finding.source


@pytest.mark.parametrize(
    "text",
    [
        "一、二年级学生参加了活动。",
        "第三、四季度增长明显。",
        "农业是二、三产业的基础。",
        "三、四月份雨水偏多。",
        "一、二层为商铺。",
        "荣获一、二等奖。",
        "一、二次分配协调配套。",
        "三、四个村已完成改造。",  # a list number at a paragraph's start
        "主要做法：一、二十个村结对帮扶。",
        "一、二、三个阶段依次推进。",
        "三、五个人一组。",  # not neighbours
        "上世纪五、六十年代的老房子。",
        "三、四年级的学生。",
        "读了三、四年书。",  # an estimate, but 三、四年 may also be two school years
    ],
)
def test_what_is_not_an_estimate_keeps_its_dunhao(reader: Proofreader, text: str) -> None:
    assert found(reader, text, "punct:estimate") == []
