"""Full-text search finds Chinese terms of every length, ranks title hits first, and stays in
step with edits."""

from __future__ import annotations

import pytest

from newsdesk.core.models import ArticleContent
from newsdesk.store import fts
from tests.conftest import BACKENDS, Newsroom


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Every test here that opens a newsroom runs on SQLite and on PostgreSQL."""
    return str(request.param)


BODY_ZHOUQU = "近日，舟曲县城关镇召开教育工作会议，部署2024年春季学期工作。"
BODY_OTHER = "大川镇组织开展森林防火演练，COVID-19 防控经验值得借鉴。曲"


@pytest.fixture
def two(newsroom: Newsroom) -> tuple[Newsroom, int, int]:
    a = newsroom.ws.articles.create(newsroom.ma, ArticleContent("教育简讯", BODY_ZHOUQU))
    b = newsroom.ws.articles.create(newsroom.ma, ArticleContent("防火演练", BODY_OTHER))
    return newsroom, a, b


def ids(n: Newsroom, query: str) -> list[int]:
    return [hit.article_id for hit in n.ws.articles.search(query)]


@pytest.mark.parametrize(
    ("query", "expect_first_only"),
    [
        ("舟曲", True),  # two characters: the case trigram indexes miss
        ("舟", True),  # one character
        ("曲县城关", True),  # four, across bigram boundaries
        ("城关镇召开教育工作", True),  # long
        ("2024年", True),  # digits then a Han character
        ("春季学期", True),
        ("防火", False),
        ("covid", False),  # Latin, case-folded
        ("森林 演练", False),  # several terms: all must occur
    ],
)
def test_terms_of_any_length_are_found(
    two: tuple[Newsroom, int, int], query: str, expect_first_only: bool
) -> None:
    n, a, b = two
    assert ids(n, query) == ([a] if expect_first_only else [b])


def test_a_term_absent_from_all_text_finds_nothing(two: tuple[Newsroom, int, int]) -> None:
    n, _, _ = two
    assert ids(n, "舟曲大川") == []
    assert ids(n, "召开防火") == []
    assert ids(n, "，。") == []


def test_a_single_character_at_the_end_of_a_run_is_found(two: tuple[Newsroom, int, int]) -> None:
    n, a, b = two
    assert set(ids(n, "曲")) == {a, b}  # 舟曲 in one, a lone trailing 曲 in the other


def test_title_hits_rank_above_body_hits(newsroom: Newsroom) -> None:
    n = newsroom
    body_hit = n.ws.articles.create(
        n.ma, ArticleContent("会议", "会上提到教育。" + "其他内容。" * 20)
    )
    title_hit = n.ws.articles.create(n.ma, ArticleContent("教育新闻", "正文" + "其他内容。" * 20))
    assert ids(n, "教育") == [title_hit, body_hit]


def test_snippet_shows_the_match_with_its_position(two: tuple[Newsroom, int, int]) -> None:
    n, _, _ = two
    hit = n.ws.articles.search("城关镇")[0]
    start, end = hit.highlights[0]
    assert hit.snippet[start:end] == "城关镇"


def test_search_follows_edits(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = n.ws.articles.create(n.ma, ArticleContent("标题", "原来写的是舟曲。"))
    n.ws.articles.save(n.ma, article_id, ArticleContent("标题", "现在写的是迭部。"), 1)
    assert ids(n, "舟曲") == []
    assert ids(n, "迭部") == [article_id]


def test_index_tokens_are_bigrams_with_a_run_end_marker() -> None:
    assert fts.index_text("舟曲县 A股") == "舟曲 曲县 县 a 股"
    assert fts.match_expression("舟曲县") == '"舟曲 曲县"'
    assert fts.match_expression("县") == '"县" *'
    assert fts.match_expression("第3季") == '"第 3 季" *'


def test_an_old_title_match_is_found_past_the_window_of_newer_body_matches(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fts, "BODY_WINDOW", 5)
    n = newsroom
    old = n.ws.articles.create(n.ma, ArticleContent("舟曲专题", "旧稿正文。"))
    for i in range(8):
        n.ws.articles.create(n.ma, ArticleContent(f"新稿{i}", "文中提到舟曲。"))
    found = ids(n, "舟曲")
    assert found[0] == old and len(found) == 6


def test_relevance_outranks_recency_within_the_window(newsroom: Newsroom) -> None:
    n = newsroom
    dense = n.ws.articles.create(n.ma, ArticleContent("甲", "防汛。防汛。防汛。防汛。"))
    n.ws.articles.create(n.ma, ArticleContent("乙", "防汛" + "其他。" * 200))
    assert ids(n, "防汛")[0] == dense
