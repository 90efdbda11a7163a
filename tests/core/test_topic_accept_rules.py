"""派题 as a careful planner expects it (README, 选题): accepting again changes only what is
given, nothing goes into a day already over, a due date is not after the day the piece goes out,
nobody is named twice, and a day without a position takes that day's first free one."""

from __future__ import annotations

from datetime import timedelta

import pytest

from newsdesk.core.errors import InvalidInput
from newsdesk.core.topics import KEEP
from tests.conftest import BACKENDS, Newsroom


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def today(n: Newsroom):  # type: ignore[no-untyped-def]
    return n.clock.now.astimezone().date()


def test_accepting_again_keeps_what_is_not_given(newsroom: Newsroom) -> None:
    n = newsroom
    topics, day = n.ws.topics, today(n) + timedelta(days=3)
    topic_id = topics.propose(n.ma, "全县秋粮收购进展")
    topics.accept(n.sang, topic_id, ["ma"], day - timedelta(days=1), (day, 2))
    again = topics.accept(n.sang, topic_id, ["yan"])  # only the people change
    assert list(again.assignees) == [n.yan.id]
    assert again.due == day - timedelta(days=1) and (again.slot, again.position) == (day, 2)
    cleared = topics.accept(n.sang, topic_id, ["yan"], None, None)  # None says "none"
    assert cleared.due is None and cleared.slot is None and cleared.position is None
    assert topics.accept(n.sang, topic_id, ["yan"], KEEP, KEEP).due is None


def test_the_past_a_late_due_date_and_a_name_twice_are_refused(newsroom: Newsroom) -> None:
    n = newsroom
    topics, now = n.ws.topics, today(n)
    topic_id = topics.propose(n.ma, "全县秋粮收购进展")
    yesterday = now - timedelta(days=1)
    cases = [
        (dict(slot=(yesterday, 1)), "is over"),
        (dict(due=yesterday), "is over"),
        (dict(due=now + timedelta(days=2), slot=(now + timedelta(days=1), 1)), "after the day"),
    ]
    for given, expected in cases:
        with pytest.raises(InvalidInput, match=expected):
            topics.accept(n.sang, topic_id, ["ma"], **given)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="ma is named twice"):
        topics.accept(n.sang, topic_id, ["ma", "yan", "ma"])
    assert not topics.get(topic_id).assignees  # nothing of a refused accept was kept
    accepted = topics.accept(n.sang, topic_id, ["ma"], now, (now, 1))  # today is fine
    assert accepted.due == now and accepted.slot == now
    # A slot given later must still not come before the due date kept from before.
    with pytest.raises(InvalidInput, match="after the day"):
        topics.accept(n.sang, topic_id, ["ma"], now + timedelta(days=3), KEEP)
    with pytest.raises(InvalidInput, match="is over"):
        topics.reslot(n.sang, topic_id, (yesterday, 1))  # the calendar obeys it too
    # Dates kept from before are not judged again for being over: the next day comes.
    n.clock.advance(days=2)
    again = topics.accept(n.sang, topic_id, ["yan"], KEEP, KEEP)
    assert again.slot == now and list(again.assignees) == [n.yan.id]
    later = topics.accept(n.sang, topic_id, ["yan"], None, KEEP)  # only the due date changes
    assert later.due is None and later.slot == now


def test_a_day_without_a_position_takes_its_first_free_one(newsroom: Newsroom) -> None:
    n = newsroom
    topics, day = n.ws.topics, today(n) + timedelta(days=1)
    lead = topics.propose(n.ma, "头条")
    topics.accept(n.sang, lead, ["ma"], None, (day, 1))
    second = topics.propose(n.ma, "次条")
    accepted = topics.accept(n.sang, second, ["ma"], None, (day, None))
    assert (accepted.slot, accepted.position) == (day, 2)
