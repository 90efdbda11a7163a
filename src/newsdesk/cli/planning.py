"""选题, 排期 and 工作量统计 on the command line."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from newsdesk.cli import output
from newsdesk.cli.session import Session
from newsdesk.core.dates import LAST_DAY, parse_day
from newsdesk.core.models import TOPIC_STATE_LABELS, Topic, TopicState
from newsdesk.core.stats import PEOPLE_NOTE, PERSON_COLUMNS
from newsdesk.core.stats_export import person_rows, stats_json, write_csv, write_xlsx
from newsdesk.core.topics import KEEP, PlanDay, parse_position, position_label


def _slot(text: str) -> tuple[date, int | None]:
    """DATE:POSITION; DATE alone is that day's first free position (said when accepted)."""
    day, _, position = text.partition(":")
    return parse_day(day), parse_position(position) if position.strip() else None


def topic_json(s: Session, topic: Topic) -> dict[str, Any]:
    users = s.workspace().users
    return {
        "id": topic.id,
        "title": topic.title,
        "brief": topic.brief,
        "column": topic.column,
        "account": s.workspace().accounts.by_id(topic.account_id).name,
        "state": topic.state.value,
        "proposed_by": users.by_id(topic.proposed_by).username,
        "assignees": [users.by_id(i).username for i in topic.assignees],
        "due": topic.due.isoformat() if topic.due else None,
        "slot": topic.slot.isoformat() if topic.slot else None,
        "position": topic.position,
        "article_id": topic.article_id,
        "drop_reason": topic.drop_reason or None,
        "created_at": topic.created_at.isoformat(),
        "updated_at": topic.updated_at.isoformat(),
    }


def topic_line(s: Session, topic: Topic) -> str:
    state = output.word(TOPIC_STATE_LABELS[topic.state], s.lang)
    slot = ""
    if topic.slot and topic.position:
        slot = f"{topic.slot.isoformat()} {output.word(position_label(topic.position), s.lang)}"
    return f"{topic.id}\t{state}\t{slot}\t{topic.title}"


def topic_add(s: Session) -> int:
    ws = s.workspace()
    topic_id = ws.topics.propose(
        s.actor(), s.args.title, s.args.brief or "", s.args.column or "", s.args.account
    )
    print(topic_id)
    return 0


def topic_accept(s: Session) -> int:
    ws = s.workspace()
    assignees = [name.strip() for name in s.args.assign.split(",") if name.strip()]
    due = KEEP if s.args.due is None else None if s.args.due == "none" else parse_day(s.args.due)
    slot = KEEP if s.args.slot is None else None if s.args.slot == "none" else _slot(s.args.slot)
    actor = s.actor()
    before = ws.topics.get(s.args.id)
    topic = ws.topics.accept(actor, s.args.id, assignees, due, slot)
    users = ws.users
    if before.state is TopicState.ACCEPTED and set(before.assignees) != set(topic.assignees):
        was = "、".join(users.by_id(i).display_name for i in before.assignees)
        now = "、".join(users.by_id(i).display_name for i in topic.assignees)
        _note(s.t(f"承办人由 {was} 改为 {now}", f"assigned to {now} instead of {was}"))
    if isinstance(slot, tuple) and slot[1] is None and topic.slot and topic.position:
        zh, en = position_label(topic.position)
        _note(
            s.t(
                f"排在 {topic.slot.isoformat()} 的{zh}",
                f"slotted as {topic.slot.isoformat()}'s {en}",
            )
        )
    print(topic.state.value)
    return 0


def _note(text: str) -> None:
    print(f"newsdesk: {text}", file=sys.stderr)


def topic_start(s: Session) -> int:
    print(s.workspace().topics.start(s.actor(), s.args.id))
    return 0


def topic_drop(s: Session) -> int:
    topic = s.workspace().topics.drop(s.actor(), s.args.id, s.args.reason)
    print(topic.state.value)
    return 0


def topic_list(s: Session) -> int:
    state = TopicState(s.args.state) if s.args.state else None
    topics = s.workspace().topics.list_topics(state, s.args.account)
    if s.args.json:
        output.emit_json([topic_json(s, t) for t in topics])
    else:
        for topic in topics:
            print(topic_line(s, topic))
    return 0


def _range(s: Session, default_days: int) -> tuple[date, date]:
    first = parse_day(s.args.start) if s.args.start else date.today()
    # The default span stops at the calendar's end rather than run past it.
    last = (
        parse_day(s.args.end) if s.args.end else min(first + timedelta(days=default_days), LAST_DAY)
    )
    return first, last


def _day_json(s: Session, day: PlanDay) -> dict[str, Any]:
    return {
        "date": day.day.isoformat(),
        "account": s.workspace().accounts.by_id(day.account_id).name,
        "planned": [
            {
                "position": t.position,
                "topic_id": t.id,
                "title": t.title,
                "state": t.state.value,
                "article_id": t.article_id,
            }
            for t in day.planned
        ],
        "published": [
            {"article_id": a, "title": title, "published_at": when.isoformat()}
            for a, title, when in day.published
        ],
    }


def plan(s: Session) -> int:
    first, last = _range(s, 6)
    days = s.workspace().topics.plan(first, last, s.args.account)
    if s.args.json:
        output.emit_json([_day_json(s, d) for d in days])
        return 0
    for day in days:
        if not (day.planned or day.published):
            continue
        account = s.workspace().accounts.by_id(day.account_id).title
        print(f"{day.day.isoformat()}  {account}")
        for topic in day.planned:
            where = output.word(position_label(topic.position or 1), s.lang)
            print(
                f"  {where}\t{topic.title}\t{output.word(TOPIC_STATE_LABELS[topic.state], s.lang)}"
            )
        for article_id, title, when in day.published:
            sent = s.t("已发布", "published")
            print(f"  {sent}\t{title}\t#{article_id} {when.astimezone().strftime('%H:%M')}")
    return 0


def stats(s: Session) -> int:
    first, last = parse_day(s.args.start), parse_day(s.args.end)
    s.refuse_to_overwrite([Path(f) for f in (s.args.xlsx, s.args.csv) if f])
    with s.store.unhurried():  # years of a large archive may outlast ordinary deadlines
        result = s.workspace().stats.compute(first, last)
    if s.args.xlsx:
        write_xlsx(result, Path(s.args.xlsx))
        print(s.args.xlsx)
    elif s.args.csv:
        write_csv(result, Path(s.args.csv))
        print(s.args.csv)
    elif s.args.json:
        output.emit_json(stats_json(result))
    else:
        headers = [zh if s.lang == "zh" else en for _, zh, en in PERSON_COLUMNS]
        print("\t".join(headers))
        for row in person_rows(result):
            print("\t".join(str(v) for v in row))
        print(f"\n{s.t(*PEOPLE_NOTE)}")
    if not result.people:
        print(s.t("这段时间没有工作记录。", "No work recorded in this range."), file=sys.stderr)
    return 0
