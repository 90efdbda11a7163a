"""Articles a newsroom really writes that once came out wrong (issue 14, item 7): a picture
inside a link, alt texts and titles broken over lines, a wide table of numbers."""

from __future__ import annotations

from newsdesk.content import render_wechat
from tests.content.wechat_checks import assert_wechat_ready, text

WECHAT = "https://mp.weixin.qq.com/s/abc"


def test_6_a_picture_linking_to_a_wechat_article_stays_clickable_without_empty_leftovers() -> None:
    result = render_wechat(f"[![上期回顾](https://example.com/a.jpg)]({WECHAT})")
    root = assert_wechat_ready(result.html)
    (figure,) = root.findall("figure")
    anchor = figure.find("a")
    assert anchor is not None and anchor.get("href") == WECHAT
    assert anchor.find("img") is not None and anchor.find("img").get("alt") == "上期回顾"
    assert figure.find("figcaption").text == "上期回顾"
    assert len(root) == 1  # no empty paragraph and no empty <a> before or after the figure
    assert result.html.count("<a ") == 1


def test_6_text_and_a_picture_in_one_wechat_link_keep_both_linked() -> None:
    root = assert_wechat_ready(
        render_wechat(f"[前文![图](https://e.com/a.jpg)后文]({WECHAT})").html
    )
    anchors = list(root.iter("a"))
    assert [a.text_content() for a in anchors] == ["前文", "", "后文"]
    assert all(a.get("href") == WECHAT for a in anchors)
    assert not any(len(a) == 0 and not a.text_content() for a in anchors)


def test_7_a_picture_linking_elsewhere_is_listed_by_its_alt_text() -> None:
    result = render_wechat(
        "县里的新学校：[![新校区全景](https://example.com/a.jpg)](https://example.com/school)"
    )
    root = assert_wechat_ready(result.html)
    assert [(n.number, n.text, n.url) for n in result.footnotes] == [
        (1, "新校区全景", "https://example.com/school")
    ]
    assert "[1] 新校区全景: https://example.com/school" in text(result.html)
    assert root.find("figure/figcaption").text_content() == "新校区全景[1]"
    assert not any(p.text_content().strip() == "[1]" for p in root.iter("p"))


def test_20_a_line_break_in_a_long_alt_text_or_title_leaves_no_space_between_chinese() -> None:
    markdown = (
        "![全县第一所寄宿制小学的新教学楼于今年九月\n正式投入使用 and\nmore](https://e.com/a.jpg)\n\n"
        '![图](https://e.com/b.jpg "县委书记在开学典礼上\n  为新生代表佩戴红领巾")'
    )
    root = assert_wechat_ready(render_wechat(markdown).html)
    first, second = root.findall("figure")
    assert (
        first.find("img").get("alt")
        == "全县第一所寄宿制小学的新教学楼于今年九月正式投入使用 and more"
    )
    assert (
        first.find("figcaption").text
        == "全县第一所寄宿制小学的新教学楼于今年九月正式投入使用 and more"
    )
    assert second.find("figcaption").text == "县委书记在开学典礼上为新生代表佩戴红领巾"


def test_17_a_wide_table_of_numbers_scrolls_instead_of_breaking_its_numbers() -> None:
    header = "| 乡镇 | " + " | ".join(f"{year}年" for year in range(2018, 2025)) + " |"
    rule = "|---|" + "---:|" * 7
    row = "| 城关镇 | " + " | ".join("1,286,500" for _ in range(7)) + " |"
    root = assert_wechat_ready(render_wechat(f"{header}\n{rule}\n{row}\n").html)
    assert "word-break:break-word" in root.get("style", "")  # the body text still wraps
    wrapper = root.find("section")
    assert "overflow-x:auto" in wrapper.get("style", "")
    table = wrapper.find("table")
    # Cells inherit from the table: the number cannot break, so the table grows and scrolls.
    assert table.get("style", "").endswith("word-break:normal")
    for cell in table.iter("td", "th"):
        assert "word-break" not in cell.get("style", "")
