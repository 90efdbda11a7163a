"""One call per chain action, for the window and the CLI: each action reaches its service."""

from __future__ import annotations

import pytest

from newsdesk.core.chain_actions import holding_lock, perform
from newsdesk.core.errors import LockHeld
from newsdesk.core.models import Action, ArticleContent, State
from tests.conftest import Newsroom

URL = "https://mp.weixin.qq.com/s/abc"


def test_an_article_goes_the_whole_chain_and_back_through_perform(newsroom: Newsroom) -> None:
    n = newsroom
    arts = n.ws.articles
    article_id = arts.create(n.ma, ArticleContent("标题", "正文。"))
    for who, action, note, state in (
        (n.ma, Action.SUBMIT, "", State.AWAITING_AUDIT),
        (n.feng, Action.RETURN, "再改改", State.DRAFT),
        (n.ma, Action.SUBMIT, "", State.AWAITING_AUDIT),
        (n.feng, Action.APPROVE, "", State.AWAITING_PRODUCTION),
        (n.sang, Action.SIGN, "", State.APPROVED),
        (n.sang, Action.REOPEN, "标题要改", State.DRAFT),
    ):
        perform(arts, who, article_id, action, note)
        assert arts.get(article_id).state is state, action
    perform(arts, n.ma, article_id, Action.SPIKE, "不发了")
    assert arts.get(article_id).state is State.SPIKED
    with pytest.raises(ValueError):
        perform(arts, n.ma, article_id, Action.EXPORT)


def test_holding_lock_lets_go_even_when_the_edit_fails(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = n.ws.articles.create(n.ma, ArticleContent("标题", "正文。"))
    with pytest.raises(RuntimeError), holding_lock(n.ws.locks, n.ma, article_id):
        assert n.ws.locks.holder(article_id) is not None
        raise RuntimeError("the save failed")
    assert n.ws.locks.holder(article_id) is None
    n.ws.locks.acquire(n.li, article_id)
    with pytest.raises(LockHeld), holding_lock(n.ws.locks, n.ma, article_id):
        pass
    assert n.ws.locks.holder(article_id).user_id == n.li.id  # someone else's lock stays
