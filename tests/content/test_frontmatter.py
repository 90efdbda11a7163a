"""Front matter is metadata, never body text."""

from __future__ import annotations

import pytest

from newsdesk.content.frontmatter import FrontMatterError, parse


def test_front_matter_fields_leave_the_body() -> None:
    doc = parse("---\ntitle: 标题\nauthor: 县融媒体中心\noriginal: true\n---\n\n正文第一段。\n")
    assert doc.meta == {"title": "标题", "author": "县融媒体中心", "original": True}
    assert doc.body == "正文第一段。\n"


def test_a_leading_heading_becomes_the_title_when_none_is_given() -> None:
    doc = parse("# 舟曲县召开会议\n\n会议要求……\n")
    assert doc.meta["title"] == "舟曲县召开会议"
    assert doc.body == "会议要求……\n"


def test_editors_may_be_a_list_or_a_comma_separated_string() -> None:
    assert parse("---\neditors: ma，yan\n---\n正文").meta["editors"] == ["ma", "yan"]
    assert parse("---\neditors: [ma, yan]\n---\n正文").meta["editors"] == ["ma", "yan"]


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: [未闭合\n---\n正文",
        "---\n- 列表\n---\n正文",
        "---\noriginal: 是的\n---\n正文",
        "---\ntitle: {a: 1}\n---\n正文",
    ],
)
def test_bad_front_matter_is_refused_with_a_reason(text: str) -> None:
    with pytest.raises(FrontMatterError):
        parse(text)


def test_a_horizontal_rule_later_in_the_body_is_not_front_matter() -> None:
    doc = parse("正文\n\n---\n\n来源：县政府办公室\n")
    assert doc.meta == {} and "来源" in doc.body
