"""我的待办 is exactly what the chain allows each person next, however many drafts pile up."""

from __future__ import annotations

import pytest

from newsdesk.core.models import Action, ArticleContent
from tests.conftest import BACKENDS, STAFF, Newsroom

WANTED = (Action.SUBMIT, Action.APPROVE, Action.SIGN, Action.PUBLISH)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _everyone_may(newsroom: Newsroom, username: str) -> list[int]:
    """The slow, obvious answer: every article, asked of the chain one by one."""
    arts, user = newsroom.ws.articles, getattr(newsroom, username)
    everything = arts.queue(None, limit=10_000)
    return [
        s.id
        for s in everything
        if any(arts.permitted(user, s.id)[action] is None for action in WANTED)
    ]


def test_my_tasks_match_the_chain_for_everyone(newsroom: Newsroom) -> None:
    arts, n = newsroom.ws.articles, newsroom

    def article(by: str, title: str, co: tuple[str, ...] = ()) -> int:
        newsroom.clock.advance(seconds=1)
        return arts.create(getattr(n, by), ArticleContent(title, f"{title}的正文。"), co)

    audit = article("ma", "待审")
    arts.submit(n.ma, audit)
    produce = article("yan", "待出品", ("ma",))
    arts.submit(n.yan, produce)
    arts.approve(n.feng, produce)
    by_li = article("ma", "李主任审过")
    arts.submit(n.ma, by_li)
    arts.approve(n.li, by_li)  # li audited: li may not also sign it
    signed = article("yan", "已签发")
    arts.submit(n.yan, signed)
    arts.approve(n.zhao, signed)
    arts.sign(n.sang, signed)
    returned = article("ma", "被退回")
    arts.submit(n.ma, returned)
    arts.return_(n.feng, returned, "数据请核实。")
    spiked = article("ma", "作废")
    arts.spike(n.ma, spiked, "重复稿件。")
    # Two hundred and fifty newer drafts: the work waiting for review must not drop out of sight.
    with newsroom.ws.repo.transaction():
        for i in range(250):
            article("yan", f"草稿{i}")

    for username, _, _ in STAFF:
        tasks = [s.id for s in arts.my_tasks(getattr(n, username), limit=500)]
        assert tasks == _everyone_may(newsroom, username), username
    assert [s.id for s in arts.my_tasks(n.feng)] == [audit]  # under 250 newer drafts
    assert {s.id for s in arts.my_tasks(n.sang)} == {produce, by_li, signed}
    assert {s.id for s in arts.my_tasks(n.li)} == {audit, produce, signed}  # not by_li: audited it
    assert [s.id for s in arts.my_tasks(n.ma)] == [returned]
    assert spiked not in {s.id for s in arts.my_tasks(n.admin)}
