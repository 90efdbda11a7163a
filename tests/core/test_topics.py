"""选题 and 排期 through the services on both backends: who may do what in which state (walked
as a table, like the chain's), the draft a topic starts, done when published, the plan."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from newsdesk.core.errors import (
    ChainRefusal,
    InvalidInput,
    NotAssigned,
    ReasonRequired,
    RoleRequired,
    SlotTaken,
    TopicWrongState,
)
from newsdesk.core.models import NoteKind, TopicState
from newsdesk.core.topics import TopicAction, parse_position
from tests.conftest import BACKENDS, Newsroom


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


DAY = date(2026, 3, 20)


def in_state(n: Newsroom, state: TopicState) -> int:
    topics = n.ws.topics
    topic_id = topics.propose(n.ma, "全县秋粮收购进展", "走访三个收购点", "要闻")
    if state is TopicState.PROPOSED:
        return topic_id
    if state is TopicState.DROPPED:
        topics.drop(n.sang, topic_id, "与上周稿件重复")
        return topic_id
    topics.accept(n.sang, topic_id, ["ma", "yan"], DAY)
    if state is TopicState.WRITING:
        topics.start(n.ma, topic_id)
    return topic_id


# (action, who, state) -> allowed; everything not listed here is refused.
ALLOWED = {
    (TopicAction.ACCEPT, "sang", TopicState.PROPOSED),
    (TopicAction.ACCEPT, "admin", TopicState.PROPOSED),
    (TopicAction.ACCEPT, "li", TopicState.PROPOSED),
    (TopicAction.ACCEPT, "sang", TopicState.ACCEPTED),
    (TopicAction.ACCEPT, "admin", TopicState.ACCEPTED),
    (TopicAction.ACCEPT, "li", TopicState.ACCEPTED),
    (TopicAction.START, "ma", TopicState.ACCEPTED),
    (TopicAction.START, "yan", TopicState.ACCEPTED),
    (TopicAction.DROP, "ma", TopicState.PROPOSED),  # its proposer, before it is accepted
    *((TopicAction.DROP, who, state) for who in ("sang", "admin", "li")
      for state in (TopicState.PROPOSED, TopicState.ACCEPTED, TopicState.WRITING)),
    *((TopicAction.SLOT, who, state) for who in ("sang", "admin", "li")
      for state in (TopicState.PROPOSED, TopicState.ACCEPTED, TopicState.WRITING)),
}  # fmt: skip


def attempt(n: Newsroom, action: TopicAction, who: str, topic_id: int) -> bool:
    actor = getattr(n, who)
    topics = n.ws.topics
    day = DAY + timedelta(days=topic_id)  # a day of its own: slots never collide here
    try:
        if action is TopicAction.ACCEPT:
            topics.accept(actor, topic_id, ["yan"], None, (day, 2))
        elif action is TopicAction.SLOT:
            topics.reslot(actor, topic_id, (day, 3))
        elif action is TopicAction.START:
            topics.start(actor, topic_id)
        else:
            topics.drop(actor, topic_id, "选题调整，暂不安排")
    except ChainRefusal:
        return False
    return True


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize(
    "state", [TopicState.PROPOSED, TopicState.ACCEPTED, TopicState.WRITING, TopicState.DROPPED]
)
def test_who_may_do_what_to_a_topic_in_which_state(newsroom: Newsroom, state: TopicState) -> None:
    n = newsroom
    for action in TopicAction:
        for who in ("admin", "ma", "yan", "feng", "sang", "li"):
            topic_id = in_state(n, state)
            expected = (action, who, state) in ALLOWED
            assert attempt(n, action, who, topic_id) is expected, (action, who, state)


def test_a_topic_from_proposal_to_publication(newsroom: Newsroom) -> None:
    n, topics = newsroom, newsroom.ws.topics
    topic_id = topics.propose(n.feng, "城关镇老旧小区改造", "回访改造后的三个小区", "民生")
    accepted = topics.accept(n.sang, topic_id, ["ma", "yan"], DAY, (DAY, 1))
    assert accepted.state is TopicState.ACCEPTED
    assert accepted.assignees == (n.ma.id, n.yan.id) and accepted.slot == DAY
    with pytest.raises(NotAssigned):
        topics.start(n.li, topic_id)
    article_id = topics.start(n.yan, topic_id)
    details = n.ws.articles.details(article_id)
    assert details.article.content.title == "城关镇老旧小区改造"
    assert details.article.content.column == "民生"
    assert details.article.editor_ids == (n.yan.id, n.ma.id)  # the starter and the others
    assert [(note.kind, note.reason) for note in details.notes] == [
        (NoteKind.BRIEF, "回访改造后的三个小区")
    ]
    assert topics.get(topic_id).state is TopicState.WRITING
    arts = n.ws.articles
    n.ws.locks.acquire(n.yan, article_id)
    content = details.article.content
    arts.save(n.yan, article_id, content.__class__(content.title, "城关镇老旧小区改造完成。\n",
                                                 column=content.column), 1)  # fmt: skip
    n.ws.locks.release(n.yan, article_id)
    arts.submit(n.yan, article_id)
    arts.approve(n.feng, article_id)
    arts.sign(n.sang, article_id)
    arts.publish(n.sang, article_id, "https://mp.weixin.qq.com/s/laojiu")
    assert topics.get(topic_id).state is TopicState.DONE  # read from its article
    assert [t.id for t in topics.list_topics(TopicState.DONE)] == [topic_id]
    actions = [e.action for e in n.store.iter_audit() if e.action.startswith("topic_")]
    assert actions == ["topic_propose", "topic_accept", "topic_start"]


def test_a_slot_holds_one_topic_and_a_drop_needs_a_reason(newsroom: Newsroom) -> None:
    n, topics = newsroom, newsroom.ws.topics
    first = topics.propose(n.ma, "头条一")
    second = topics.propose(n.ma, "头条二")
    topics.accept(n.sang, first, ["ma"], None, (DAY, 1))
    with pytest.raises(SlotTaken, match="头条一"):
        topics.accept(n.sang, second, ["ma"], None, (DAY, 1))
    free = topics.free_position(topics.get(second), DAY)
    moved = topics.accept(n.sang, second, ["ma"], None, (DAY, free))
    assert moved.position == 2
    with pytest.raises(ReasonRequired):
        topics.drop(n.sang, first, "no")
    topics.drop(n.sang, first, "活动取消，不再报道")
    topics.reslot(n.sang, second, (DAY, 1))  # a dropped topic frees its slot
    assert topics.get(second).position == 1
    with pytest.raises(TopicWrongState):
        topics.start(n.ma, first)
    with pytest.raises(RoleRequired):
        topics.accept(n.sang, second, ["feng"])  # only editors write
    with pytest.raises(InvalidInput):
        parse_position("次条9")
    assert (parse_position("头条"), parse_position("次条1"), parse_position("3")) == (1, 2, 3)


def test_the_plan_shows_each_days_slots_and_what_went_out(newsroom: Newsroom) -> None:
    n, topics = newsroom, newsroom.ws.topics
    lead = topics.propose(n.ma, "头条选题")
    second = topics.propose(n.ma, "次条选题")
    topics.accept(n.sang, second, ["ma"], None, (DAY, 2))
    topics.accept(n.sang, lead, ["ma"], None, (DAY, 1))
    days = topics.plan(DAY - timedelta(days=1), DAY + timedelta(days=1))
    assert [d.day for d in days] == [DAY - timedelta(days=1), DAY, DAY + timedelta(days=1)]
    assert [t.title for t in days[1].planned] == ["头条选题", "次条选题"]
    assert days[0].planned == days[2].planned == []
    with pytest.raises(InvalidInput):
        topics.plan(DAY, DAY - timedelta(days=1))
