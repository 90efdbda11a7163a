"""The review form wraps whatever it prints: a long account title, article title, names or
link stays on the page, and the 稿件编号 is never pushed off it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from newsdesk.content.review_form import FormPage, Signature, render_forms

PAGE_WIDTH_PT = 595.3  # A4


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_long_text_wraps_inside_the_page(tmp_path: Path) -> None:
    long_account = "清溪县融媒体中心" * 25
    page = FormPage(
        account=long_account,
        article_id=4321,
        title="全县重点项目建设现场观摩活动举行" * 12,
        column="要闻" * 30,
        author="县融媒体中心" * 20,
        characters=1234,
        state="已发布",
        original=True,
        content_hash="a" * 64,
        signatures=[Signature("编辑", "马编辑" * 30, "2026-12-07 10:00", "发现 0", "b" * 64)],
        returns=[("2026-12-06", "冯审核", "第二段数据请核实" * 30)],
        published_at="2026-12-07 12:00",
        published_url="https://mp.weixin.qq.com/s/" + "x" * 300,
        generated="由稿件工作站生成",
    )
    pdf = tmp_path / "form.pdf"
    pdf.write_bytes(render_forms([page]))
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout  # fmt: skip
    words = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<', boxes)
    assert words
    outside = [text for x_min, x_max, text in words if float(x_max) > PAGE_WIDTH_PT + 0.5]
    assert outside == [], outside[:3]
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert "稿件编号" in text and "4321" in text
