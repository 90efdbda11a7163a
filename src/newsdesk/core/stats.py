"""工作量统计: what each person did in a month (or any range), per column and per account, for
绩效考核. Every number comes from the audit log and the store, counted by the database, so it
agrees with the history `verify` proves.

Per person: articles created; co-edited (created in the range with them as a co-editor);
submitted, audited and signed off (their sign-offs that still hold: a voided one is no work
done); published (articles they edit, published in the range) with their 字数 and originals;
returns given (as a reviewer) and received (on articles they edit); proofreading findings fixed
at their level (by those sign-offs). The 合计 row counts each article once (PEOPLE_NOTE).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date

from newsdesk.core.accounts import AccountService
from newsdesk.core.context import Context
from newsdesk.core.dates import checked_range
from newsdesk.core.topics import day_bounds
from newsdesk.core.users import UserService

_ACTIONS = ("create", "return")
_SIGN_OFFS = {"editor": "submitted", "auditor": "audited", "producer": "signed_off"}
PERSON_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("name", "姓名", "name"),
    ("created", "新建", "created"),
    ("co_edited", "合作编辑", "co-edited"),
    ("submitted", "提交审核", "submitted"),
    ("audited", "审核通过", "audited"),
    ("signed_off", "签发", "signed off"),
    ("published", "发布稿件", "published"),
    ("characters", "发布字数", "characters"),
    ("originals", "原创", "originals"),
    ("returns_given", "退回他人", "returns given"),
    ("returns_received", "被退回", "returns received"),
    ("findings_fixed", "校对改正", "findings fixed"),
)
# Said under the per-person table wherever it is shown (app, CLI text, the .xlsx sheet).
PEOPLE_NOTE = (
    "合作稿件计入每位编辑；合计行每篇稿件只计一次，故可能小于各人之和。",
    "A co-edited article counts for each of its editors; the total (合计) counts each article "
    "once, so it can be less than the sum of the rows.",
)
GROUP_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("name", "名称", "name"),
    ("published", "发布稿件", "published"),
    ("characters", "发布字数", "characters"),
    ("originals", "原创", "originals"),
)


@dataclass
class PersonStats:
    user_id: int
    username: str
    name: str
    created: int = 0
    co_edited: int = 0
    submitted: int = 0
    audited: int = 0
    signed_off: int = 0
    published: int = 0
    characters: int = 0
    originals: int = 0
    returns_given: int = 0
    returns_received: int = 0
    findings_fixed: int = 0

    def busy(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self)[3:])


@dataclass(frozen=True)
class GroupStats:
    name: str  # a column (栏目) or an account's title
    published: int
    characters: int
    originals: int


@dataclass(frozen=True)
class WorkStats:
    first: date
    last: date
    people: list[PersonStats]
    columns: list[GroupStats]
    accounts: list[GroupStats]
    days: list[tuple[date, int]]  # articles published each day

    total: PersonStats  # each article once (see PEOPLE_NOTE)

    def totals(self) -> PersonStats:
        return self.total


class StatsService:
    def __init__(self, ctx: Context, users: UserService, accounts: AccountService) -> None:
        self._ctx, self._users, self._accounts = ctx, users, accounts

    def compute(self, first: date, last: date) -> WorkStats:
        checked_range(first, last)
        start, end = day_bounds(first, last)
        repo = self._ctx.repo
        people = {u.id: PersonStats(u.id, u.username, u.display_name) for u in self._users.list()}
        named = {"create": "created", "return": "returns_given"}
        for actor, action, count in repo.actions_by_actor(start, end, _ACTIONS):
            if actor in people:
                setattr(people[actor], named[action], count)
        for user_id, level, count, fixed in repo.live_sign_offs(start, end):
            if user_id in people:
                setattr(people[user_id], _SIGN_OFFS[level], count)
                people[user_id].findings_fixed += fixed
        for user_id, count in repo.co_edited(start, end):
            if user_id in people:
                people[user_id].co_edited = count
        for user_id, count in repo.returns_received(start, end):
            if user_id in people:
                people[user_id].returns_received = count
        for user_id, count, characters, originals in repo.published_by_editor(start, end):
            if user_id in people:
                person = people[user_id]
                person.published, person.characters, person.originals = (
                    count,
                    characters,
                    originals,
                )
        titles = {a.id: a.title for a in self._accounts.list()}
        by_column: dict[str, list[int]] = {}
        by_account: dict[int, list[int]] = {}
        per_day: Counter[date] = Counter()
        for column, account_id, *numbers in repo.published_groups(start, end):
            for tally in (
                by_column.setdefault(column, [0, 0, 0]),
                by_account.setdefault(account_id, [0, 0, 0]),
            ):
                for index, number in enumerate(numbers):
                    tally[index] += number
        for hour, count in repo.published_per_hour(start, end):
            per_day[hour.astimezone().date()] += count
        columns = _groups({name or "（未分栏目）": t for name, t in by_column.items()})
        accounts = _groups({titles.get(a, str(a)): t for a, t in by_account.items()})
        days = [
            (date.fromordinal(n), per_day.get(date.fromordinal(n), 0))
            for n in range(first.toordinal(), last.toordinal() + 1)
        ]
        busy = [p for p in people.values() if p.busy()]
        busy.sort(key=lambda p: (-p.published, -p.characters, p.user_id))
        total = _sum(people.values())
        # What a co-edited article credits to each editor counts once in the total.
        total.published, total.characters, total.originals = (
            sum(g.published for g in accounts),
            sum(g.characters for g in accounts),
            sum(g.originals for g in accounts),
        )
        total.co_edited = repo.co_edited_articles(start, end)
        total.returns_received = total.returns_given  # one return, however many editors
        return WorkStats(first, last, busy, columns, accounts, days, total)


def _sum(people: Iterable[PersonStats]) -> PersonStats:
    total = PersonStats(0, "", "合计")
    for person in people:
        for f in fields(person)[3:]:
            setattr(total, f.name, getattr(total, f.name) + getattr(person, f.name))
    return total


def _groups(tallies: dict[str, list[int]]) -> list[GroupStats]:
    """Busiest first."""
    groups = [GroupStats(name, *tally) for name, tally in tallies.items()]
    return sorted(groups, key=lambda g: (-g.published, g.name))
