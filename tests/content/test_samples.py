"""The shared samples render, import and export cleanly (their copies ship as the demo)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.content import render_wechat
from newsdesk.content.docx import docx_to_markdown
from newsdesk.content.wechat import folder_resolver
from newsdesk.core.demo import build_demo
from newsdesk.core.workspace import Workspace
from newsdesk.store.sqlite_store import SqliteStore
from tests.content.wechat_checks import assert_wechat_ready, parse, text

DEMO = Path(__file__).resolve().parents[2] / "src" / "newsdesk" / "resources" / "demo"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "samples"


def test_the_demo_copies_match_the_shared_samples() -> None:
    if not SHARED.is_dir():
        pytest.skip("the shared samples are not beside this checkout")
    for sample in SHARED.iterdir():
        if sample.suffix in {".md", ".docx"} and sample.name != "README.md":
            assert (DEMO / sample.name).read_bytes() == sample.read_bytes(), sample.name


@pytest.mark.parametrize(
    "name", ["zhouqu-vocational-award.md", "county-meeting-report.md", "tricky-formatting.md"]
)
@pytest.mark.parametrize("theme", ["default", "accent", "longread"])
def test_each_markdown_sample_renders_cleanly(name: str, theme: str) -> None:
    source = (DEMO / name).read_text(encoding="utf-8")
    result = render_wechat(source, theme=theme, resolve_image=folder_resolver(DEMO))
    assert result.warnings == []
    assert_wechat_ready(result.html)
    assert "---" not in text(result.html) and "title:" not in result.html


def test_the_word_sample_renders_cleanly_once_imported() -> None:
    converted = docx_to_markdown((DEMO / "forest-fire-meeting.docx").read_bytes())
    result = render_wechat(converted.markdown, resolve_image=converted.pictures.get)
    assert result.warnings == []
    root = assert_wechat_ready(result.html)
    assert [h.text for h in root.iter("h1", "h2")] == [
        "全县秋季森林防火工作会议召开", "一、压实防火责任", "二、重点时段安排"
    ]  # fmt: skip
    assert root.find(".//figcaption").text == "图为会议现场。"


def test_the_demo_workspace_exports_its_signed_articles_cleanly(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "demo.db", create=True)
    ws = Workspace(store)
    ids = build_demo(ws, password="demo-pass-1").article_ids
    for key in ("approved", "published"):
        export = ws.exports.export(None, ids[key])
        assert export.warnings == []
        assert_wechat_ready(export.html)
        assert "编辑丨" in text(export.html) and "出品丨桑出品" in text(export.html)
    approved = parse(ws.exports.export(None, ids["approved"]).html)
    assert approved.find(".//img").get("src").startswith("data:image/jpeg;base64,")
    assert next(a.get("href") for a in approved.iter("a")).startswith("https://mp.weixin.qq.com/s/")
    for key in ("draft", "draft_from_word", "awaiting_audit"):
        assert_wechat_ready(ws.exports.preview(ids[key]).html)
    store.close()
