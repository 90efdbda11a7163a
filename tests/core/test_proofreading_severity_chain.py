"""The chain refuses only on error findings: hints and warnings never block a level, on both
backends; a promotional column makes 广告法 terms warnings (still not blocking), and a renamed
body's old name is an error in current copy but a hint in a paragraph telling a history."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsdesk.core.errors import UnresolvedFindings
from newsdesk.core.models import ArticleContent, Level, ProofRecord, State
from tests.conftest import BACKENDS, Newsroom


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


# 最佳 (an absolute term in news copy): a hint; the half-width comma: a warning; 卫生计生委 in a
# paragraph set in 2016: a hint.
QUIET = ArticleContent(
    "清溪县秋收进行时",
    "当前正是秋收的最佳时机,各乡镇组织农机下田。\n\n"
    "2016年，全县启动家庭医生签约服务。县卫生计生委抽调骨干组成专班，逐村宣传。\n",
    author="县融媒体中心",
)


def severities(n: Newsroom, article_id: int) -> list[tuple[str, str]]:
    return [(i.finding.text, i.finding.severity) for i in n.ws.proofreading.for_article(article_id)]


def test_hints_and_warnings_never_block_any_level(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = n.ws.articles.create(n.ma, QUIET)
    assert severities(n, article_id) == [
        ("最佳", "hint"),
        (",", "warning"),
        ("卫生计生委", "hint"),
    ]
    n.ws.articles.submit(n.ma, article_id)
    n.ws.articles.approve(n.feng, article_id)
    n.ws.articles.sign(n.sang, article_id)
    assert n.ws.articles.get(article_id).state is State.APPROVED
    records = {s.level: s.proofreading for s in n.store.list_sign_offs(article_id) if s.valid}
    assert records[Level.EDITOR] == ProofRecord(found=3, fixed=0, dismissed=0)
    seen = {s.severity for s in n.store.seen_findings(article_id, Level.EDITOR)}
    assert seen == {"hint", "warning"}  # the store keeps the new grade as it is


def test_a_promotional_column_raises_absolute_terms_to_warnings_only(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = n.ws.articles.create(n.ma, replace(QUIET, column="商业推广"))
    assert ("最佳", "warning") in severities(n, article_id)
    n.ws.articles.submit(n.ma, article_id)
    assert n.ws.articles.get(article_id).state is State.AWAITING_AUDIT


def test_an_old_agency_name_in_current_copy_blocks_until_fixed(newsroom: Newsroom) -> None:
    n = newsroom
    current = replace(QUIET, body="县卫生计生委近日组织专家开展义诊活动。\n")
    article_id = n.ws.articles.create(n.ma, current)
    with pytest.raises(UnresolvedFindings, match="卫生计生委"):
        n.ws.articles.submit(n.ma, article_id)
    assert n.ws.articles.get(article_id).state is State.DRAFT
