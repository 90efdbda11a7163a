"""WeChat limits and the newsroom's word lists, as findings with positions."""

from __future__ import annotations

import pytest

from newsdesk.core.checks import Severity
from newsdesk.core.errors import ChecksFailed
from newsdesk.core.models import ArticleContent
from newsdesk.core.wechat_checks import parse_words, starter_list
from tests.conftest import BACKENDS, Newsroom


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Every test here that opens a newsroom runs on SQLite and on PostgreSQL."""
    return str(request.param)


def _codes(room: Newsroom, content: ArticleContent) -> dict[str, list]:
    found: dict[str, list] = {}
    for f in room.ws.articles.findings(content):
        found.setdefault(f.code, []).append(f)
    return found


def test_banned_words_block_submit_and_carry_their_position(newsroom: Newsroom) -> None:
    body = "第一段。\n\n有人在群里推销代开发票业务。"
    content = ArticleContent("标题", body)
    banned = _codes(newsroom, content)["banned-word"]
    assert len(banned) == 1 and banned[0].severity is Severity.ERROR
    assert banned[0].field == "body" and body[banned[0].start : banned[0].end] == "代开发票"
    article_id = newsroom.ws.articles.create(newsroom.ma, content)
    with pytest.raises(ChecksFailed) as refused:
        newsroom.ws.articles.submit(newsroom.ma, article_id)
    assert "代开发票" in refused.value.message("zh") and "代开发票" in refused.value.message("en")


def test_absolute_terms_and_long_fields_warn_without_blocking(newsroom: Newsroom) -> None:
    content = ArticleContent(
        "标" * 65,
        "本县苹果品质全国第一，是送礼首选。",
        author="县融媒体中心记者站",
        digest="摘" * 121,
    )
    found = _codes(newsroom, content)
    assert sorted(w.end - w.start for w in found["absolute-term"]) == [2, 4]
    assert all(w.severity is Severity.WARNING for ws in found.values() for w in ws)
    for code in ("title-too-long", "author-too-long", "digest-too-long"):
        assert code in found, code
    assert "64" in found["title-too-long"][0].message_zh
    article_id = newsroom.ws.articles.create(newsroom.ma, content)
    newsroom.ws.articles.submit(newsroom.ma, article_id)  # warnings never block


def test_a_body_over_twenty_thousand_characters_blocks(newsroom: Newsroom) -> None:
    long_body = ("县" * 999 + "\n\n") * 21
    found = _codes(newsroom, ArticleContent("标题", long_body))
    assert found["body-too-long"][0].blocking
    fits = _codes(newsroom, ArticleContent("标题", "**" + "县" * 19_990 + "**"))
    assert "body-too-long" not in fits  # markup is not counted


def test_word_list_edits_apply_at_once(newsroom: Newsroom) -> None:
    content = ArticleContent("标题", "这次会议很重要。")
    assert "banned-word" not in _codes(newsroom, content)
    newsroom.ws.settings.set(newsroom.admin, "banned_words", "# 注释行\n\n会议\n会议\n")
    assert len(_codes(newsroom, content)["banned-word"]) == 1


def test_word_list_files_are_plain_text_with_comments() -> None:
    assert parse_words("# 注释\n 甲 \n\n乙\n甲\n") == ("甲", "乙")
    assert "代开发票" in parse_words(starter_list("banned"))
    assert "最佳" in parse_words(starter_list("absolute"))
