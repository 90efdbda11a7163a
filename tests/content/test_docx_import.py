"""Word files as reporters send them come out as Markdown a person would have written."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from newsdesk.content import docx as docx_module
from newsdesk.content.docx import DocxError, docx_to_markdown
from newsdesk.content.html_markdown import html_to_markdown

SAMPLE = (
    Path(__file__).resolve().parents[2] / "src/newsdesk/resources/demo/forest-fire-meeting.docx"
)


def test_the_sample_word_file_becomes_clean_markdown() -> None:
    result = docx_to_markdown(SAMPLE.read_bytes())
    md = result.markdown
    assert md.startswith("# 全县秋季森林防火工作会议召开\n\n10月28日")
    assert "**安排部署今冬明春森林防火工作**。" in md
    assert (
        "## 一、压实防火责任\n\n- 严格落实县、乡、村三级责任\n- 加强重点区域巡查\n- 做好物资储备"
        in md
    )
    assert "| 时段 | 要求 |\n| --- | --- |\n| 清明节 | 24小时值守 |\n| 春节 | 全员在岗 |" in md
    assert '![](word-picture-1.jpg "图为会议现场。")' in md
    assert "图为会议现场。\n" not in md.replace('"图为会议现场。")', "")  # caption not repeated
    assert "https://www.example.gov.cn/fire" in md and "\\_" not in md
    assert "\n\n\n" not in md and not re.search(r"[ \t]$", md, re.M)
    assert list(result.pictures) == ["word-picture-1.jpg"]
    assert result.pictures["word-picture-1.jpg"][:3] == b"\xff\xd8\xff"


def _ten_pages() -> bytes:
    """The sample with its body repeated into a ten-page document (about 30 screens of text)."""
    source = zipfile.ZipFile(SAMPLE)
    xml = source.read("word/document.xml").decode("utf-8")
    start, end = xml.index("<w:body>") + len("<w:body>"), xml.rindex("<w:sectPr")
    body = xml[start:end]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = (xml[:start] + body * 25 + xml[end:]).encode("utf-8")
            target.writestr(item, data)
    return out.getvalue()


def test_a_ten_page_document_stays_clean() -> None:
    md = docx_to_markdown(_ten_pages()).markdown
    assert md.count("## 一、压实防火责任") == 25 and md.count("| 清明节 | 24小时值守 |") == 25
    assert "\n\n\n" not in md and "****" not in md and "** **" not in md
    assert "<" not in md.replace("<https", "")  # no HTML left over


def test_runs_split_by_word_are_merged_and_indents_dropped() -> None:
    md = html_to_markdown(
        "<p>\u3000\u3000县<strong>政</strong><strong>府</strong><strong> </strong>召开会议。</p>"
        "<p></p><p>\xa0</p><p>第二段<br>换行</p>"
    )
    assert md == "县**政府**召开会议。\n\n第二段\\\n换行\n"


def test_pasted_web_html_is_sanitised_first() -> None:
    md = html_to_markdown(
        '<div class="x"><script>alert(1)</script><p onclick="x()">文字<a href="https://a.example">链</a></p>'
        '<iframe src="https://e.example"></iframe></div>',
        sanitise=True,
    )
    assert md == "文字[链](https://a.example)\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"plain text, not a zip", "不是有效的 Word 文件"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "旧版 .doc"),
        (SAMPLE.read_bytes()[:3000], "不是有效的 Word 文件"),
    ],
)
def test_bad_files_get_a_plain_reason(data: bytes, expected: str) -> None:
    with pytest.raises(DocxError) as refused:
        docx_to_markdown(data)
    assert expected in refused.value.zh and refused.value.en


def test_a_zip_without_a_document_or_that_unpacks_too_far_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    empty = io.BytesIO()
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(DocxError, match="no document body"):
        docx_to_markdown(empty.getvalue())
    monkeypatch.setattr(docx_module, "MAX_UNPACKED_BYTES", 10_000)
    with pytest.raises(DocxError, match="unpacks to far too much"):
        docx_to_markdown(SAMPLE.read_bytes())
