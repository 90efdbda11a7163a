"""Each rule of docs/wechat-html.md on hand-written inputs, hostile ones included."""

from __future__ import annotations

import base64
import re
from pathlib import Path
from urllib.parse import quote

import pytest

from newsdesk.content import render_wechat
from newsdesk.content.wechat import folder_resolver
from tests.content.wechat_checks import assert_wechat_ready, parse, text

PNG_1PX = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def render(markdown: str, **kw: object) -> str:
    html = render_wechat(markdown, **kw).html  # type: ignore[arg-type]
    assert_wechat_ready(html)
    return html


# --- the fragment (rules 1-5) ----------------------------------------------------------------


def test_1_one_root_section_carries_the_base_text_style() -> None:
    root = parse(render("第一段。\n\n第二段。"))
    style = root.get("style")
    assert "text-align:justify" in style and "word-break" in style and "letter-spacing" in style
    assert [child.tag for child in root] == ["p", "p"]


def test_1_empty_input_is_still_one_styled_section() -> None:
    html = render("")
    assert html.startswith("<section style=") and parse(html).text_content() == ""


@pytest.mark.parametrize(
    "markdown",
    [
        "# 一\n\n## 二\n\n### 三\n\n#### 四\n\n##### 五\n\n###### 六",
        "> 引用\n>\n> > 嵌套引用",
        "| a | b |\n|---|:-:|\n| 1 | 2 |",
        "```\ncode\n```",
        "![图](https://example.com/a.png)",
        "段落",
    ],
)
def test_2_every_block_carries_its_own_inline_style(markdown: str) -> None:
    html = render(markdown)
    assert "class=" not in html and " id=" not in html and "<style" not in html


def test_2_raw_html_cannot_bring_classes_ids_or_positioning() -> None:
    html = render('<div class="x" id="y" style="position:fixed;top:0;color:red">浮层</div>\n')
    assert "浮层" in html
    assert "position" not in html and "class" not in html and 'id="' not in html


def test_3_no_whitespace_between_blocks_and_no_empty_paragraphs() -> None:
    html = render("一\n\n\n\n二\n\n<p></p>\n\n<p>   </p>\n\n- 项\n\n> 引\n\n三\n")
    assert "><p" in html and "\n" not in html
    assert html.count("<p") == 5  # 一, 二, the item, the quote's paragraph, 三


def test_4_body_text_is_near_black_and_never_pure_black() -> None:
    for theme in ("default", "accent", "longread"):
        root = parse(render("正文", theme=theme))
        colour = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})", root.get("style")).group(1)
        assert colour.lower() not in {"#000", "#000000"}
        assert "background" not in root.get("style")


HOSTILE = [
    '<script>alert("x")</script>',
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">点我</a>',
    '<a href="JaVaScRiPt:alert(1)">点我</a>',
    '<a href="vbscript:msgbox(1)">点我</a>',
    "[点我](javascript:alert(1))",
    "[点我](JAVASCRIPT:alert(1))",
    "![图](javascript:alert(1))",
    '<iframe src="https://evil.example"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="https://evil.example"><input name="a"><button>提交</button></form>',
    '<style>p{color:red}</style><link rel="stylesheet" href="x.css">',
    '<div onclick="steal()" onmouseover="steal()">文字</div>',
    '<svg onload="alert(1)"><script>alert(1)</script></svg>',
    '<p style="background:url(javascript:alert(1))">文字</p>',
    "<!-- 注释 --><p>文字</p>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">点我</a>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_5_nothing_executable_survives(hostile: str) -> None:
    html = render(f"前文\n\n{hostile}\n\n后文 {hostile} 结束")
    lowered = html.lower()
    for bad in ("<script", "<iframe", "<object", "<embed", "<form", "<input", "<button", "<style",
                "<link", "<svg", "javascript:", "vbscript:", "onerror", "onclick", "onload",
                "onmouseover", "data:text", "image/svg"):  # fmt: skip
        assert bad not in lowered, bad
    assert "前文" in html and "后文" in html


def test_5_the_sample_with_script_and_handlers_comes_out_clean() -> None:
    sample = (
        Path(__file__).resolve().parents[2] / "src/newsdesk/resources/demo/tricky-formatting.md"
    )
    if not sample.exists():
        sample = Path(__file__).resolve().parents[3] / "shared/samples/tricky-formatting.md"
    html = render(sample.read_text(encoding="utf-8"))
    assert "steal" not in html and "alert" not in html and "evil" not in html
    assert "点击这里" in html and "危险链接" in html


# --- links (rules 6-9) -------------------------------------------------------------------------


def test_6_only_published_wechat_articles_stay_links() -> None:
    root = parse(render("见[往期](https://mp.weixin.qq.com/s/abc)和[官网](https://example.com)。"))
    anchors = root.findall(".//a")
    assert [a.get("href") for a in anchors] == ["https://mp.weixin.qq.com/s/abc"]
    assert anchors[0].get("style")


def test_7_other_links_become_numbered_footnotes_with_a_references_block() -> None:
    result = render_wechat(
        "看[甲](https://a.example/x?y=1&z=2)、[乙](http://b.example)和[又是甲](https://a.example/x?y=1&z=2)。"
        "裸链接 https://c.example 不变。"
    )
    assert_wechat_ready(result.html)
    body = text(result.html)
    assert "甲[1]" in body and "乙[2]" in body and "又是甲[1]" in body
    assert "https://c.example 不变" in body
    assert "参考资料" in body
    assert "[1] 甲: https://a.example/x?y=1&z=2" in body
    assert "[2] 乙: http://b.example" in body
    assert [(f.number, f.url) for f in result.footnotes] == [
        (1, "https://a.example/x?y=1&z=2"),
        (2, "http://b.example"),
    ]
    sup = parse(result.html).find(".//sup")
    assert sup.text == "[1]" and sup.get("style")


def test_7_autolinks_stay_plain_text_without_a_footnote() -> None:
    result = render_wechat("地址：<https://example.com/page>")
    assert "https://example.com/page" in text(result.html) and not result.footnotes
    assert "<a" not in result.html


def test_8_in_page_anchors_and_heading_ids_are_removed() -> None:
    html = render("## 第一部分\n\n跳到[第一部分](#第一部分)或[顶部](#top)。")
    assert "href" not in html and "id=" not in html and "#top" not in html
    assert "跳到第一部分或顶部。" in text(html)


def test_9_markdown_footnotes_share_the_numbering_without_back_links() -> None:
    result = render_wechat(
        "先有链接[网](https://x.example)，再有脚注[^a]，又一个[^b]。\n\n[^a]: 数据来源：县统计局。\n[^b]: 第二条。"
    )
    assert_wechat_ready(result.html)
    body = text(result.html)
    assert "网[1]" in body and "脚注[2]" in body and "一个[3]" in body
    assert "[2] 数据来源：县统计局。" in body and "[3] 第二条。" in body
    assert "↩" not in result.html and "fnref" not in result.html and "<hr" not in result.html
    assert [f.text for f in result.footnotes] == ["网", "数据来源：县统计局。", "第二条。"]


# --- lists (rules 10-12) -----------------------------------------------------------------------


def _items(html: str) -> list[tuple[str, str]]:
    """(padding-left, text) of each list item paragraph, in order."""
    root = parse(html)
    out = []
    for p in root.iter("p"):
        match = re.search(r"padding-left:([\d.]+em)", p.get("style", ""))
        if match:
            out.append((match.group(1), p.text_content()))
    return out


def test_10_lists_have_literal_markers_padding_and_no_list_elements() -> None:
    html = render("- 甲\n  - 甲一\n    - 甲一一\n      - 甲一一一\n- 乙\n")
    assert "<ul" not in html and "<li" not in html and "<ol" not in html
    items = _items(html)
    assert [t for _, t in items] == ["• 甲", "• 甲一", "• 甲一一", "• 甲一一一", "• 乙"]
    pads = [float(p.removesuffix("em")) for p, _ in items]
    assert pads[0] < pads[1] < pads[2] < pads[3] and pads[4] == pads[0]


def test_10_ordered_lists_honour_the_start_number_and_nest_by_two_or_three_spaces() -> None:
    html = render("3. 三\n4. 四\n   1. 四之一\n   2. 四之二\n5. 五\n")
    assert [t for _, t in _items(html)] == ["3. 三", "4. 四", "1. 四之一", "2. 四之二", "5. 五"]
    raw = render('<ol start="7"><li>七</li><li>八</li></ol>')
    assert [t for _, t in _items(raw)] == ["7. 七", "8. 八"]


def test_10_one_marker_per_item_even_for_loose_lists() -> None:
    html = render("- 第一段\n\n  第二段\n\n- 另一项\n")
    items = [t for _, t in _items(html)]
    assert items == ["• 第一段第二段", "• 另一项"]
    assert html.count("•") == 2 and "<br>" in html


def test_11_label_and_text_stay_on_one_line_and_code_keeps_its_lines() -> None:
    html = render("1. **时间**：5月1日\n2. 代码：\n\n   ```\n   a = 1\n   b = 2\n   ```\n3. 之后\n")
    items = _items(html)
    assert items[0][1] == "1. 时间：5月1日"
    first = parse(html).find("p")
    assert first.find("p") is None and first.find("strong") is not None
    pre = parse(html).find(".//pre")
    assert pre is not None and "a&nbsp;=&nbsp;1<br>" in html.replace("</span>", "").replace(
        "<span>", ""
    )
    assert [t for _, t in items][-1] == "3. 之后"


def test_12_task_lists_show_boxes_as_text() -> None:
    html = render("- [x] 已完成\n- [ ] 未完成\n1. [x] 编号的\n")
    assert [t for _, t in _items(html)] == ["☑ 已完成", "☐ 未完成", "1. ☑ 编号的"]
    assert "<input" not in html and "[x]" not in html


# --- code (rules 13-14) ------------------------------------------------------------------------


def test_13_code_blocks_use_nbsp_br_and_inline_colours() -> None:
    html = render("```python\ndef f():\n\tif x:  # 注释\n\t\treturn 1\n```")
    pre = re.search(r"<pre.*?</pre>", html).group(0)
    assert "\n" not in pre and "\t" not in pre
    assert pre.count("<br>") == 2
    assert "&nbsp;&nbsp;&nbsp;&nbsp;if" in pre.replace(
        '<span style="color:#007020;font-weight:bold">', ""
    )
    assert re.search(r'<span style="color:#[0-9a-f]{6}', pre)
    assert "overflow-x:auto" in pre and "white-space:nowrap" in pre
    # no bare (whitespace) text between spans
    root = parse(html).find(".//pre/code")
    for child in root:
        assert not child.tail, repr(child.tail)
    assert not root.text


def test_13_unknown_language_and_no_language_still_keep_lines_and_spaces() -> None:
    html = render("```nosuchlang\nx  =  1\n    y\n```\n\n```\nno  language\n```\n")
    assert "x&nbsp;&nbsp;=&nbsp;&nbsp;1" in html and "&nbsp;&nbsp;&nbsp;&nbsp;y" in html
    assert "no&nbsp;&nbsp;language" in html


@pytest.mark.parametrize("indent", ["    ", "\t", "        "])
def test_an_indented_paragraph_is_a_paragraph_not_code(indent: str) -> None:
    """Text pasted from Word starts paragraphs with spaces or a tab: it is prose (indented
    code blocks are off; code is fenced, and a fence may be indented too)."""
    html = render(
        f"第一段。\n\n{indent}缩进的第二段，\n{indent}续行。\n\n{indent}```\n{indent}code\n{indent}```\n"
    )
    root = parse(html)
    assert [p.text_content() for p in root.iter("p")] == ["第一段。", "缩进的第二段，续行。"]
    assert "<pre" in html and "缩进" not in "".join(c.text_content() for c in root.iter("pre"))


def test_14_inline_code_keeps_repeated_spaces_and_is_styled() -> None:
    html = render("运行 `a  b` 即可")
    code = parse(html).find(".//code")
    assert code.get("style") and "monospace" in code.get("style")
    assert "a&nbsp;&nbsp;b" in html or "a&nbsp; b" in html or "a &nbsp;b" in html


# --- images, tables, quotes, headings (rules 15-19) -----------------------------------------------


def test_15_images_are_never_stretched_and_get_captions(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(PNG_1PX)
    html = render(
        '前文![会议现场](a.png "县政府会议")后文\n\n<img src="a.png" width="200" height="100" alt="小图">',
        resolve_image=folder_resolver(tmp_path),
    )
    root = parse(html)
    images = root.findall(".//img")
    assert len(images) == 2
    for img in images:
        style = img.get("style")
        assert "max-width:100%" in style and "display:block" in style
        assert "width:100%" not in style.replace("max-width:100%", "")
        assert img.get("width") is None and img.get("height") is None
        assert img.getparent().tag == "figure"
    assert "width:200px" in images[1].get("style")
    assert images[0].get("alt") == "会议现场"
    captions = [c.text for c in root.iter("figcaption")]
    assert captions == ["县政府会议", "小图"]
    assert [c.tag for c in root][:3] == ["p", "figure", "p"]  # the paragraph split around it


def test_16_local_images_are_embedded_and_missing_ones_named(tmp_path: Path) -> None:
    (tmp_path / "图 片.png").write_bytes(PNG_1PX)
    result = render_wechat(
        f"![a](%E5%9B%BE%20%E7%89%87.png)\n\n![b](file://{quote(str(tmp_path))}/图%20片.png)\n\n"
        "![c](images/missing.jpg)",
        resolve_image=folder_resolver(tmp_path),
    )
    assert_wechat_ready(result.html)
    sources = [img.get("src") for img in parse(result.html).iter("img")]
    assert len(sources) == 2 and all(s.startswith("data:image/png;base64,") for s in sources)
    assert "file:" not in result.html
    assert len(result.warnings) == 1 and "images/missing.jpg" in result.warnings[0]
    assert "images/missing.jpg" in result.warnings[0].en
    assert "images/missing.jpg" in text(result.html)  # a visible placeholder in the preview


def test_16_a_file_that_is_not_a_picture_is_named(tmp_path: Path) -> None:
    (tmp_path / "fake.png").write_text("not an image")
    result = render_wechat("![x](fake.png)", resolve_image=folder_resolver(tmp_path))
    assert "fake.png" in result.warnings[0] and "<img" not in result.html


def test_17_tables_scroll_and_keep_alignment() -> None:
    html = render("| 乡镇 | 面积 | 备注 |\n| :-- | --: | :-: |\n| 城关 | 1.8 | 好 |")
    root = parse(html)
    wrapper = root[0]
    assert wrapper.tag == "section" and "overflow-x:auto" in wrapper.get("style")
    table = wrapper.find("table")
    assert "border-collapse:collapse" in table.get("style")
    th = table.findall(".//th")
    td = table.findall(".//td")
    assert "background" in th[0].get("style") and "border" in td[0].get("style")
    assert "padding" in td[0].get("style")
    assert [c.get("style").rsplit(";", 1)[-1] for c in td] == [
        "text-align:left", "text-align:right", "text-align:center"
    ]  # fmt: skip


def test_18_quotes_have_zero_side_margins_and_nested_ones_differ() -> None:
    root = parse(render("> 外层\n>\n> > 内层"))
    outer = root.find("blockquote")
    inner = outer.find("blockquote")
    for block in (outer, inner):
        style = block.get("style").replace(" ", "")
        assert "margin-left:0" in style and "margin-right:0" in style
        assert "border-left" in style or "background" in style
    assert outer.get("style") != inner.get("style")


def test_19_headings_style_themselves_and_bold_keeps_their_colour() -> None:
    root = parse(render("## 标题**加粗**部分", theme="accent"))
    h2 = root.find("h2")
    for prop in ("font-size", "font-weight", "color", "margin"):
        assert prop in h2.get("style")
    heading_colour = re.search(r"(?<![-\w])color:(#\w+)", h2.get("style")).group(1)
    assert f"color:{heading_colour}" in h2.find("strong").get("style")


# --- text (rules 20-22) ------------------------------------------------------------------------


def test_20_soft_breaks_join_chinese_and_space_latin() -> None:
    html = render("县政府召开\n部署会。**重点**\n任务\nabc\ndef\n中文\nEnglish")
    body = text(html)
    assert "县政府召开部署会。重点任务" in body
    assert "abc def" in body and "中文 English" in body


def test_20_two_spaces_or_a_backslash_make_a_line_break() -> None:
    html = render("第一行  \n第二行\\\n第三行")
    p = parse(html).find("p")
    assert len(p.findall("br")) == 2
    assert "\n" not in html


def test_21_punctuation_emoji_and_special_characters_pass_through() -> None:
    source = "😀“引号”——破折号……省略《书名》【括号】℃ ≤ 5 < 6 & 7 > 3 &amp;"
    html = render(source)
    assert text(html) == source.replace("&amp;", "&")
    assert "5 &lt; 6 &amp; 7 &gt; 3" in html


def test_22_front_matter_is_never_body_text() -> None:
    html = render("---\ntitle: 标题\nauthor: 记者\n---\n\n正文")
    assert text(html) == "正文"
    broken = render_wechat("---\ntitle: [未闭合\n---\n正文")
    assert text(broken.html) == "正文" and broken.warnings
