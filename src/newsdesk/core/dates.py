"""The calendar Newsdesk works in: every day a user types (a due date, a slot, a plan's or a
statistics window's range) lies in [FIRST_DAY, LAST_DAY]. Python's own calendar ends at years 1
and 9999, where a range's day-after or a time-zone shift overflows; a newsroom's plans and
records need nothing near either end."""

from __future__ import annotations

from datetime import date

from newsdesk.core.errors import InvalidInput

FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2099, 12, 31)


def checked_day(day: date) -> date:
    """`day`, or the worded refusal if it lies outside the range Newsdesk plans and counts."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InvalidInput(
            f"日期须在 {FIRST_DAY.isoformat()} 至 {LAST_DAY.isoformat()} 之间：{day.isoformat()}",
            f"dates run from {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}: {day.isoformat()}",
        )
    return day


def parse_day(text: str) -> date:
    """A typed YYYY-MM-DD, in range."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            f"日期格式应为 YYYY-MM-DD：{text}", f"not a date YYYY-MM-DD: {text}"
        ) from None
    return checked_day(day)


def checked_range(first: date, last: date) -> tuple[date, date]:
    checked_day(first), checked_day(last)
    if last < first:
        raise InvalidInput("结束日期早于开始日期", "the end date is before the start date")
    return first, last
