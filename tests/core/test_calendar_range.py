"""Every day a user gives the planning and statistics services lies in Newsdesk's calendar
(core/dates.py): the ends of Python's calendar are refused with a worded message, not a crash."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from newsdesk.core.dates import FIRST_DAY, LAST_DAY, parse_day
from newsdesk.core.errors import InvalidInput
from tests.conftest import BACKENDS, Newsroom

ENDS = (date.min, date(1999, 12, 31), date(2100, 1, 1), date.max)


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_the_ends_of_the_calendar_are_refused_in_words(newsroom: Newsroom) -> None:
    n = newsroom
    topics, stats = n.ws.topics, n.ws.stats
    topic_id = topics.propose(n.ma, "年终盘点")
    for day in ENDS:
        calls: list[tuple[Callable[..., object], tuple[object, ...], dict[str, object]]] = [
            (topics.plan, (day, LAST_DAY), {}),
            (topics.plan, (FIRST_DAY, day), {}),
            (stats.compute, (day, LAST_DAY), {}),
            (stats.compute, (FIRST_DAY, day), {}),
            (topics.accept, (n.sang, topic_id, ["ma"]), {"due": day}),
            (topics.accept, (n.sang, topic_id, ["ma"]), {"slot": (day, 1)}),
            (topics.reslot, (n.sang, topic_id, (day, 1)), {}),
        ]
        for call, args, keywords in calls:
            with pytest.raises(InvalidInput, match="2000-01-01"):
                call(*args, **keywords)
    assert topics.get(topic_id).slot is None and topics.get(topic_id).due is None
    # The range's own ends are fine, and a whole century is counted without trouble.
    topics.accept(n.sang, topic_id, ["ma"], due=LAST_DAY, slot=(LAST_DAY, 1))
    [last] = topics.plan(LAST_DAY, LAST_DAY)
    assert [t.id for t in last.planned] == [topic_id]
    assert len(stats.compute(FIRST_DAY, LAST_DAY).days) == (LAST_DAY - FIRST_DAY).days + 1
    assert topics.plan(FIRST_DAY, FIRST_DAY)[0].day == FIRST_DAY


def test_typed_days_are_parsed_and_checked_in_one_place() -> None:
    assert parse_day(" 2026-12-03 ") == date(2026, 12, 3)
    for text, words in (("9999-12-31", "2099-12-31"), ("0001-01-01", "2000-01-01"),
                        ("2026-13-01", "YYYY-MM-DD"), ("明天", "YYYY-MM-DD")):  # fmt: skip
        with pytest.raises(InvalidInput, match=words):
            parse_day(text)
