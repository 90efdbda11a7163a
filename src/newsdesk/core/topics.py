"""选题 and 排期: topics proposed (报题), accepted and assigned (派题), slotted into a day's push
(头条 and 次条), written and published, or dropped with a reason.

The rules are pure functions like the chain's (`check`, `permitted`); the service applies them
inside the transaction that makes each change, and every change is in the audit log. A topic
is `done` when its article is published: that is read from the article, never stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import Enum, StrEnum
from typing import Literal

from newsdesk.core.accounts import AccountService
from newsdesk.core.articles import ArticleService
from newsdesk.core.chain import MIN_REASON_LENGTH, judged
from newsdesk.core.context import Context
from newsdesk.core.dates import checked_day, checked_range
from newsdesk.core.errors import (
    ChainRefusal,
    InvalidInput,
    NotAssigned,
    NotFound,
    ReasonRequired,
    RoleRequired,
    SlotTaken,
    TopicWrongState,
)
from newsdesk.core.limits import TOPIC_TITLE, TOPIC_TITLE_MAX, check_length
from newsdesk.core.models import (
    ROLE_LABELS,
    TOPIC_STATE_LABELS,
    ArticleContent,
    NoteKind,
    Role,
    State,
    Topic,
    TopicState,
    User,
)
from newsdesk.core.users import UserService

MAX_POSITION = 8  # a push holds a 头条 and up to seven 次条


class _Keep(Enum):
    KEEP = "keep"


KEEP: Literal[_Keep.KEEP] = _Keep.KEEP  # accept(): leave the due date or slot as it is
_TOPIC_WORDS = ("选题", "topic")


class TopicAction(StrEnum):
    ACCEPT = "accept"  # assign (and slot): 派题
    SLOT = "slot"  # put on a day and position, or take off
    START = "start"  # 开始写稿: the draft
    DROP = "drop"


TOPIC_ACTION_LABELS: dict[TopicAction, tuple[str, str]] = {
    TopicAction.ACCEPT: ("派题", "accept"),
    TopicAction.SLOT: ("排期", "schedule"),
    TopicAction.START: ("开始写稿", "start writing"),
    TopicAction.DROP: ("放弃", "drop"),
}

FROM_STATES: dict[TopicAction, frozenset[TopicState]] = {
    TopicAction.ACCEPT: frozenset({TopicState.PROPOSED, TopicState.ACCEPTED}),
    TopicAction.SLOT: frozenset({TopicState.PROPOSED, TopicState.ACCEPTED, TopicState.WRITING}),
    TopicAction.START: frozenset({TopicState.ACCEPTED}),
    TopicAction.DROP: frozenset({TopicState.PROPOSED, TopicState.ACCEPTED, TopicState.WRITING}),
}


def position_label(position: int) -> tuple[str, str]:
    """1 is the 头条 (lead), 2 to 8 the 次条 (second, third…)."""
    if position == 1:
        return "头条", "lead"
    return f"次条{position - 1}", f"#{position}"


def parse_position(text: str) -> int:
    """头条, 次条1…次条7, or 1…8 (1 is the 头条)."""
    text = text.strip()
    if text in ("头条", "lead"):
        return 1
    if text.startswith("次条") and text[2:].isdecimal():
        number = int(text[2:]) + 1
    elif text.isdecimal():  # not isdigit: "²" is a digit int() cannot read
        number = int(text)
    else:
        number = 0
    if not 1 <= number <= MAX_POSITION:
        raise InvalidInput(
            f"位置应为 头条、次条1 至 次条{MAX_POSITION - 1}，或 1 至 {MAX_POSITION}：{text}",
            f"a position is 头条, 次条1 to 次条{MAX_POSITION - 1}, or 1 to {MAX_POSITION}: {text}",
        )
    return number


def check_plan(
    today: date, due: date | None, slot_day: date | None, *, due_new: bool, slot_new: bool
) -> None:
    """派题's dates, as a planner expects them: nothing newly set on a day already over, and
    the due date not after the day the piece goes out. `*_new` says which is being set now (a
    date kept from before is not judged again for being over)."""
    for value, new, zh, en in (
        (slot_day, slot_new, "排期", "the slot"),
        (due, due_new, "截稿日期", "the due date"),
    ):
        if new and value is not None and value < today:
            raise InvalidInput(
                f"{zh} {value.isoformat()} 已经过去", f"{en} {value.isoformat()} is over"
            )
    if due is not None and slot_day is not None and due > slot_day:
        raise InvalidInput(
            f"截稿日期 {due.isoformat()} 晚于推送日期 {slot_day.isoformat()}",
            f"the due date {due.isoformat()} is after the day it goes out ({slot_day.isoformat()})",
        )


def check_assignees(usernames: Sequence[str]) -> None:
    if not usernames:
        raise InvalidInput("派题须指定至少一位承办人", "accepting a topic assigns someone")
    seen: set[str] = set()
    for name in usernames:
        if name in seen:
            raise InvalidInput(f"{name} 被指定了两次", f"{name} is named twice")
        seen.add(name)


def _planner(actor: User) -> bool:
    return actor.has_role(Role.PRODUCER) or actor.is_admin


def check(action: TopicAction, actor: User, topic: Topic) -> None:
    """Raise the refusal that forbids `actor` doing `action` to `topic` now, or return."""
    words = TOPIC_ACTION_LABELS[action]
    if topic.state not in FROM_STATES[action]:
        raise TopicWrongState(words, TOPIC_STATE_LABELS[topic.state])
    if action in (TopicAction.ACCEPT, TopicAction.SLOT) and not _planner(actor):
        raise RoleRequired(words, ROLE_LABELS[Role.PRODUCER], actor.display_name)
    if action is TopicAction.START and actor.id not in topic.assignees:
        raise NotAssigned(words, actor.display_name)
    if action is TopicAction.DROP and not _planner(actor):
        own = topic.proposed_by == actor.id and topic.state is TopicState.PROPOSED
        if not own:
            raise RoleRequired(words, ROLE_LABELS[Role.PRODUCER], actor.display_name)


def permitted(actor: User, topic: Topic) -> dict[TopicAction, ChainRefusal | None]:
    """Every action with None where allowed, or the refusal to show as the reason it is not."""
    return judged(TopicAction, lambda action: check(action, actor, topic))


@dataclass(frozen=True)
class PlanDay:
    """One day of one account: the slots planned, and what actually went out."""

    day: date
    account_id: int
    planned: list[Topic] = field(default_factory=list)
    published: list[tuple[int, str, datetime]] = field(default_factory=list)  # id, title, when


def day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """[first 00:00, the day after last 00:00) in this PC's time zone."""
    start = datetime.combine(first, time()).astimezone()
    end = datetime.combine(date.fromordinal(last.toordinal() + 1), time()).astimezone()
    return start, end


class TopicService:
    def __init__(
        self,
        ctx: Context,
        users: UserService,
        accounts: AccountService,
        articles: ArticleService,
    ) -> None:
        self._ctx, self._users, self._accounts, self._articles = ctx, users, accounts, articles

    # --- reading -------------------------------------------------------------------------

    def get(self, topic_id: int) -> Topic:
        topic = self._ctx.repo.get_topic(topic_id)
        if topic is None:
            raise NotFound(_TOPIC_WORDS, topic_id)
        return topic

    def list_topics(
        self, state: TopicState | None = None, account: str | None = None, limit: int = 500
    ) -> list[Topic]:
        account_id = self._accounts.get(account).id if account else None
        return self._ctx.repo.list_topics([state] if state else None, limit, account_id)

    def plan(self, first: date, last: date, account: str | None = None) -> list[PlanDay]:
        """Each day of [first, last] for each account (or the one named): planned slots in
        position order, and the articles published that day (by this PC's calendar)."""
        checked_range(first, last)
        accounts = [self._accounts.get(account)] if account else self._accounts.list()
        days = {
            (date.fromordinal(n), a.id): PlanDay(date.fromordinal(n), a.id)
            for n in range(first.toordinal(), last.toordinal() + 1)
            for a in accounts
        }
        only = accounts[0].id if account else None
        for topic in self._ctx.repo.slotted_topics(first, last, only):
            if topic.slot is not None and (topic.slot, topic.account_id) in days:
                days[(topic.slot, topic.account_id)].planned.append(topic)
        start, end = day_bounds(first, last)
        for article_id, title, when, account_id in self._ctx.repo.published_in(start, end, only):
            local = when.astimezone().date()
            if (local, account_id) in days:
                days[(local, account_id)].published.append((article_id, title, when))
        return sorted(days.values(), key=lambda d: (d.day, d.account_id))

    # --- changing ------------------------------------------------------------------------

    def propose(
        self,
        actor: User,
        title: str,
        brief: str = "",
        column: str = "",
        account: str | None = None,
    ) -> int:
        """报题: anyone on the staff."""
        actor = self._users.fresh(actor)
        title = title.strip()
        if not title:
            raise InvalidInput("选题标题不能为空", "a topic needs a title")
        check_length(title, TOPIC_TITLE_MAX, TOPIC_TITLE)
        account_id = self._accounts.get(account).id
        with self._ctx.repo.transaction():
            topic_id = self._ctx.repo.add_topic(
                title, brief.strip(), column.strip(), account_id, actor.id, self._ctx.clock()
            )
            self._ctx.record(actor.id, "topic_propose", None, topic=topic_id, title=title)
        return topic_id

    def accept(
        self,
        actor: User,
        topic_id: int,
        assignees: Sequence[str],
        due: date | _Keep | None = KEEP,
        slot: tuple[date, int | None] | _Keep | None = KEEP,
    ) -> Topic:
        """派题: a producer or an administrator assigns editors, a due date, a slot. Accepting
        again replaces the editors; a due date or slot left as KEEP stays as it was, None
        clears it. A slot's position None is that day's first free one."""
        actor = self._users.fresh(actor)
        if isinstance(due, date):
            checked_day(due)
        if isinstance(slot, tuple):
            checked_day(slot[0])
        check_assignees(assignees)
        people = [self._users.get(name) for name in assignees]
        for person in people:
            if not person.has_role(Role.EDITOR):
                raise RoleRequired(
                    ("承办选题", "be assigned a topic"),
                    ROLE_LABELS[Role.EDITOR],
                    person.display_name,
                )
        with self._ctx.repo.transaction():
            topic = self.get(topic_id)
            check(TopicAction.ACCEPT, actor, topic)
            now = self._ctx.clock()
            if isinstance(slot, tuple) and slot[1] is None:
                slot = (slot[0], self.free_position(topic, slot[0]))
            new_due = topic.due if due is KEEP else due
            placed = (topic.slot, topic.position) if slot is KEEP else slot
            check_plan(
                now.astimezone().date(),
                new_due,
                placed[0] if placed else None,
                due_new=due is not KEEP,
                slot_new=slot is not KEEP,
            )
            if isinstance(slot, tuple):
                self._free(topic, slot[0], slot[1] or 1)
            self._ctx.repo.set_topic_assignees(topic_id, [p.id for p in people])
            changes: dict[str, object] = {"state": TopicState.ACCEPTED, "due": new_due}
            if slot is not KEEP:
                changes |= {
                    "slot": slot[0] if slot else None,
                    "position": slot[1] if slot else None,
                }
            self._ctx.repo.update_topic(topic_id, now, **changes)
            self._ctx.record(
                actor.id,
                "topic_accept",
                None,
                topic=topic_id,
                assignees=[p.id for p in people],
                due=new_due.isoformat() if new_due else None,
                slot=f"{placed[0].isoformat()}:{placed[1]}" if placed and placed[0] else None,
            )
        return self.get(topic_id)

    def reslot(self, actor: User, topic_id: int, slot: tuple[date, int] | None) -> Topic:
        """Put the topic on another day or position (calendar drag), or take it off."""
        actor = self._users.fresh(actor)
        if slot is not None:
            checked_day(slot[0])
        with self._ctx.repo.transaction():
            topic = self.get(topic_id)
            check(TopicAction.SLOT, actor, topic)
            if slot is not None:
                check_plan(
                    self._ctx.clock().astimezone().date(),
                    None,
                    slot[0],
                    due_new=False,
                    slot_new=True,
                )
                self._free(topic, *slot)
            self._ctx.repo.update_topic(
                topic_id,
                self._ctx.clock(),
                slot=slot[0] if slot else None,
                position=slot[1] if slot else None,
            )
            self._ctx.record(
                actor.id,
                "topic_slot",
                None,
                topic=topic_id,
                slot=f"{slot[0].isoformat()}:{slot[1]}" if slot else None,
            )
        return self.get(topic_id)

    def free_position(self, topic: Topic, day: date) -> int:
        """The first position of `day` no other topic of the account holds (for a drop on a
        day without a position)."""
        taken = {
            t.position
            for t in self._ctx.repo.slotted_topics(day, day, topic.account_id)
            if t.id != topic.id and t.state is not TopicState.DROPPED
        }
        for position in range(1, MAX_POSITION + 1):
            if position not in taken:
                return position
        raise InvalidInput(
            f"{day.isoformat()} 的 {MAX_POSITION} 个位置都已排满",
            f"all {MAX_POSITION} positions of {day.isoformat()} are taken",
        )

    def _free(self, topic: Topic, day: date, position: int) -> None:
        if not 1 <= position <= MAX_POSITION:
            parse_position(str(position))  # raises the worded refusal
        for other in self._ctx.repo.slotted_topics(day, day, topic.account_id):
            live = other.state is not TopicState.DROPPED
            if other.id != topic.id and other.position == position and live:
                raise SlotTaken(day.isoformat(), position_label(position), other.title)

    def start(self, actor: User, topic_id: int) -> int:
        """开始写稿: the draft (title, column, account; the brief as a note), linked."""
        actor = self._users.fresh(actor)
        with self._ctx.repo.transaction():
            topic = self.get(topic_id)
            check(TopicAction.START, actor, topic)
            others = [self._users.by_id(i).username for i in topic.assignees if i != actor.id]
            content = ArticleContent(topic.title, "", column=topic.column)
            article_id = self._articles.create(actor, content, others, topic.account_id)
            now = self._ctx.clock()
            if topic.brief:
                self._ctx.repo.add_note(
                    article_id, NoteKind.BRIEF, actor.id, topic.brief, State.DRAFT, now
                )
            self._ctx.repo.update_topic(
                topic_id, now, state=TopicState.WRITING, article_id=article_id
            )
            self._ctx.record(actor.id, "topic_start", article_id, topic=topic_id, title=topic.title)
        return article_id

    def drop(self, actor: User, topic_id: int, reason: str) -> Topic:
        """放弃, with a reason: a producer or an administrator; the proposer, while proposed."""
        actor = self._users.fresh(actor)
        reason = reason.strip()
        with self._ctx.repo.transaction():
            topic = self.get(topic_id)
            check(TopicAction.DROP, actor, topic)
            if len(reason) < MIN_REASON_LENGTH:
                raise ReasonRequired(TOPIC_ACTION_LABELS[TopicAction.DROP], MIN_REASON_LENGTH)
            self._ctx.repo.update_topic(
                topic_id, self._ctx.clock(), state=TopicState.DROPPED, drop_reason=reason
            )
            self._ctx.record(actor.id, "topic_drop", None, topic=topic_id, reason=reason)
        return self.get(topic_id)
