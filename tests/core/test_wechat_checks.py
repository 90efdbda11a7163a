"""WeChat limits and the newsroom's word lists, as findings with positions: the limits are the\nchecks', the word lists the proofreader's, and a banned word blocks submit."""

from __future__ import annotations

import pytest

from newsdesk.content.proofreading import Category
from newsdesk.core.checks import Finding, Severity
from newsdesk.core.errors import ChecksFailed
from newsdesk.core.models import ArticleContent
from newsdesk.core.wechat_checks import parse_words, starter_list
from tests.conftest import BACKENDS, Newsroom


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Every test here that opens a newsroom runs on SQLite and on PostgreSQL."""
    return str(request.param)


def _codes(room: Newsroom, content: ArticleContent) -> dict[str, list[Finding]]:
    found: dict[str, list[Finding]] = {}
    for f in room.ws.articles.findings(content):
        found.setdefault(f.code, []).append(f)
    return found


def _words(room: Newsroom, content: ArticleContent, category: Category) -> list[Finding]:
    return [f for f in room.ws.proofreading.check(content) if f.category is category]


def test_banned_words_block_submit_and_carry_their_position(newsroom: Newsroom) -> None:
    body = "第一段。\n\n有人在群里推销代开发票业务。"
    content = ArticleContent("标题", body)
    [banned] = newsroom.ws.articles.blocking(content)
    assert banned.category is Category.BANNED and banned.severity == Severity.ERROR
    assert banned.field == "body" and body[banned.start : banned.end] == "代开发票"
    article_id = newsroom.ws.articles.create(newsroom.ma, content)
    with pytest.raises(ChecksFailed) as refused:
        newsroom.ws.articles.submit(newsroom.ma, article_id)
    assert "正文含禁用词“代开发票”" in refused.value.message("zh")
    assert "the body contains the banned word “代开发票”" in refused.value.message("en")


def test_the_word_lists_are_checked_once_by_the_proofreader(newsroom: Newsroom) -> None:
    content = ArticleContent("代开发票", "本县苹果品质全国第一，有人代开发票。")
    assert _codes(newsroom, content) == {}  # the checks leave the lists to the proofreader
    banned = _words(newsroom, content, Category.BANNED)
    assert [(f.field, f.text) for f in banned] == [("title", "代开发票"), ("body", "代开发票")]
    assert [f.text for f in _words(newsroom, content, Category.ABSOLUTE)] == ["全国第一"]


def test_absolute_terms_and_long_fields_warn_without_blocking(newsroom: Newsroom) -> None:
    content = ArticleContent(
        "标" * 65,
        "本县苹果品质全国第一，是送礼首选。",
        author="县融媒体中心记者站",
        digest="摘" * 121,
    )
    absolute = _words(newsroom, content, Category.ABSOLUTE)
    assert sorted(w.end - w.start for w in absolute) == [2, 4]
    assert all(not w.blocking for w in absolute)
    found = _codes(newsroom, content)
    assert all(w.severity is Severity.WARNING for ws in found.values() for w in ws)
    for code in ("title-too-long", "author-too-long", "digest-too-long"):
        assert code in found, code
        assert found[code][0].category is Category.LIMIT
    title = found["title-too-long"][0]
    assert "64" in title.message_zh and (title.start, title.end, title.text) == (64, 65, "标")
    assert newsroom.ws.articles.blocking(content) == []
    article_id = newsroom.ws.articles.create(newsroom.ma, content)
    newsroom.ws.articles.submit(newsroom.ma, article_id)  # warnings and hints never block


def test_a_body_over_twenty_thousand_characters_blocks(newsroom: Newsroom) -> None:
    long_body = ("县" * 999 + "\n\n") * 21
    found = _codes(newsroom, ArticleContent("标题", long_body))
    assert found["body-too-long"][0].blocking
    fits = _codes(newsroom, ArticleContent("标题", "**" + "县" * 19_990 + "**"))
    assert "body-too-long" not in fits  # markup is not counted


def test_word_list_edits_apply_at_once(newsroom: Newsroom) -> None:
    content = ArticleContent("标题", "这次会议很重要。")
    assert newsroom.ws.articles.blocking(content) == []
    newsroom.ws.settings.set(newsroom.admin, "banned_words", "# 注释行\n\n会议\n会议\n")
    assert [f.text for f in newsroom.ws.articles.blocking(content)] == ["会议"]


def test_word_list_files_are_plain_text_with_comments() -> None:
    assert parse_words("# 注释\n 甲 \n\n乙\n甲\n") == ("甲", "乙")
    assert "代开发票" in parse_words(starter_list("banned"))
    assert "最佳" in parse_words(starter_list("absolute"))


def test_a_banned_word_in_code_or_an_address_still_blocks_once(newsroom: Newsroom) -> None:
    """A reader sees a code block's words, and the list was always checked on the whole text:
    the proofreader reads prose, but the banned list it reads everywhere."""
    body = "正文。\n\n```\n代开发票\n```\n\n见 `代开发票` 与 [链接](https://x.cn/代开发票) 和 代开发票。"
    blocking = newsroom.ws.articles.blocking(ArticleContent("标题", body))
    spans = [(f.start, f.end) for f in blocking]
    assert all(body[s:e] == "代开发票" for s, e in spans)
    assert len(spans) == len(set(spans)) == body.count("代开发票") == 4
