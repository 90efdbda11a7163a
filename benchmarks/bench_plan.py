"""Planning benchmark: the 选题 board and a month of the 排期 calendar on 5,000 topics, and a
year of 工作量统计.

    python benchmarks/bench_plan.py                       # 5,000 topics, built afresh (seconds)
    python benchmarks/bench_plan.py --articles 100000     # + a year of statistics on 100k
    python benchmarks/bench_plan.py --articles 100000 --server postgresql:///

The 5,000-topic workspace is written straight through the store (rows, not service calls: the
services' rules are not what is measured, and through them it takes minutes): two 公众号,
topics over fourteen months around today, about two-thirds published, the rest proposed,
assigned, being written or dropped, up to five slots a day per account. The windows are real
widgets on the offscreen platform; a figure is the median of several openings, each a new
widget built, filled from the store and painted once.

`--articles N` builds (once, cached in bench-data/ and, with --server, as the database
newsdesk_bench_plan_N, copied from the SQLite file) a workspace of N articles that went
through the chain over the past year, with audit entries as the services write them (create,
submit, approve, sign, publish, some returns), and times `StatsService.compute` for that year.

Targets (issue 15): board and month calendar ≤ 100 ms with 5,000 topics; a year of statistics
on 100,000 articles ≤ 1 s on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from newsdesk.content.text_stats import word_count
from newsdesk.core.demo_text import generate_article
from newsdesk.core.models import ArticleContent, Level, Role, State, TopicState, User
from newsdesk.core.repository import Repository
from newsdesk.core.workspace import Workspace
from newsdesk.store.sqlite_store import SqliteStore

# Building and timing a large archive outlasts team mode's ordinary deadlines (5 s for an
# answer, 4 s a statement), which are for a person waiting on a window, not for a benchmark.
os.environ.setdefault("NEWSDESK_PG_ANSWER_SECONDS", "3600")

PASSWORD = "bench-pass"
STAFF = (
    ("admin", "管理员", Role.ADMIN),
    ("ma", "马编辑", Role.EDITOR),
    ("yan", "严编辑", Role.EDITOR),
    ("liu", "刘编辑", Role.EDITOR),
    ("zhou", "周编辑", Role.EDITOR),
    ("feng", "冯审核", Role.AUDITOR),
    ("sang", "桑出品", Role.PRODUCER),
)
SLOTS_PER_DAY = 5


class Clock:
    """The time the store is told it is, moved by the builder."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def staff(ws: Workspace) -> dict[str, User]:
    people: dict[str, User] = {}
    admin: User | None = None
    for username, name, role in STAFF:
        user = ws.users.add(admin, username, name, frozenset({role}), PASSWORD)
        admin = admin or user
        people[username] = user
    return people


# --- 5,000 topics ------------------------------------------------------------------------------


def build_topics(path: Path, count: int) -> float:
    store = SqliteStore(path, create=True)
    clock = Clock()
    ws = Workspace(store, clock=clock)
    people = staff(ws)
    ws.accounts.add(people["admin"], "xiangcun", "乡村振兴在线")
    accounts = [a.id for a in ws.accounts.list()]
    editors = [people[n].id for n in ("ma", "yan", "liu", "zhou")]
    rng = random.Random(15)
    today = date.today()
    first = today - timedelta(days=365)
    started = time.perf_counter()
    taken: set[tuple[date, int, int]] = set()
    repo: Repository = store
    with repo.transaction():
        for index in range(count):
            day = first + timedelta(days=rng.randrange(0, 365 + 60))
            account = accounts[index % len(accounts)]
            clock.now = datetime(day.year, day.month, day.day, 1, tzinfo=UTC) - timedelta(days=3)
            title, body, column = generate_article(rng, 300)
            topic_id = repo.add_topic(
                title, "采访要点与配图要求。", column, account, rng.choice(editors), clock.now
            )
            roll = rng.random()
            if day > today + timedelta(days=7):
                state = TopicState.PROPOSED if roll < 0.5 else TopicState.ACCEPTED
            elif day >= today:
                state = (TopicState.ACCEPTED, TopicState.WRITING)[int(roll < 0.5)]
            else:
                state = TopicState.DROPPED if roll < 0.12 else TopicState.DONE
            if state is TopicState.PROPOSED:
                continue
            if state is TopicState.DROPPED:
                repo.update_topic(topic_id, clock.now, state=state, drop_reason="与已发稿件重复")
                continue
            position = next(
                (p for p in range(1, SLOTS_PER_DAY + 1) if (day, account, p) not in taken), None
            )
            assignees = rng.sample(editors, rng.choice((1, 1, 2)))
            repo.set_topic_assignees(topic_id, assignees)
            changes: dict[str, object] = {"state": TopicState.ACCEPTED, "due": day}
            if position is not None:
                taken.add((day, account, position))
                changes |= {"slot": day, "position": position}
            repo.update_topic(topic_id, clock.now, **changes)
            if state is TopicState.ACCEPTED:
                continue
            content = ArticleContent(title, body, author="县融媒体中心", column=column)
            article_id = repo.create_article(
                content,
                assignees[0],
                assignees,
                clock.now,
                account,
                characters=word_count(content.body),
            )
            repo.update_topic(topic_id, clock.now, state=TopicState.WRITING, article_id=article_id)
            if state is TopicState.DONE:
                when = datetime(day.year, day.month, day.day, 10, tzinfo=UTC)
                url = f"https://mp.weixin.qq.com/s/bench-{article_id}"
                repo.set_state(
                    article_id, State.PUBLISHED, when, published_url=url, published_at=when
                )
    store.close()
    return time.perf_counter() - started


def time_windows(path: Path, repeat: int) -> None:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from newsdesk.ui.plan_calendar import PlanCalendar
    from newsdesk.ui.topic_board import TopicBoard

    def quiet(kind: QtMsgType, context: object, message: str) -> None:
        if "propagateSizeHints" not in message:  # the offscreen platform says it per window
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = SqliteStore(path)
    ws = Workspace(store)
    user = ws.users.sign_in("sang", PASSWORD)
    states = {s: len(ws.topics.list_topics(s, limit=10_000)) for s in TopicState}
    print("topics:", ", ".join(f"{s.value} {n}" for s, n in states.items()))

    def board() -> None:
        widget = TopicBoard(ws, user)
        widget.resize(1400, 800)
        widget.show()
        app.processEvents()  # laid out and painted
        widget.close()
        widget.deleteLater()

    def calendar() -> None:
        widget = PlanCalendar(ws, user)
        widget.resize(1400, 860)
        widget.show()
        app.processEvents()
        widget.close()
        widget.deleteLater()

    board()
    calendar()  # first use: fonts, styles, SQLite pages
    print(f"board opened (5 columns, 5,000 topics)   {median_ms(board, repeat):7.1f} ms median")
    print(f"month calendar opened (busiest account)  {median_ms(calendar, repeat):7.1f} ms median")
    widget = PlanCalendar(ws, user)
    widget.show()
    app.processEvents()

    def next_month() -> None:
        widget.go(1)
        app.processEvents()
        widget.go(-1)
        app.processEvents()

    print(f"calendar to next month and back          {median_ms(next_month, repeat) / 2:7.1f} ms median")  # fmt: skip
    widget.close()
    today = date.today()
    year = (today - timedelta(days=364), today)
    compute = median_ms(lambda: ws.stats.compute(*year), repeat)
    print(f"a year of statistics (5,000 topics)      {compute:7.1f} ms median")
    store.close()


# --- 100,000 articles for the statistics -------------------------------------------------------


def build_articles(repo: Repository, count: int) -> float:
    """Articles through the chain over the past year, with the audit entries the services make."""
    clock = Clock()
    ws = Workspace(repo, clock=clock)
    people = staff(ws)
    editors = [people[n] for n in ("ma", "yan", "liu", "zhou")]
    feng, sang = people["feng"], people["sang"]
    rng = random.Random(100)
    start = datetime.now(UTC) - timedelta(days=365)
    step = timedelta(days=365) / count
    started = time.perf_counter()
    batch = 2000
    for first in range(0, count, batch):
        with repo.transaction():
            for index in range(first, min(first + batch, count)):
                clock.now = start + step * index
                title, body, column = generate_article(rng, 600)
                writer = editors[index % len(editors)]
                co = [writer.id] + ([editors[(index + 1) % 4].id] if index % 5 == 0 else [])
                content = ArticleContent(
                    title, body, author="县融媒体中心", column=column, original=index % 3 == 0
                )
                article_id = repo.create_article(
                    content, writer.id, co, clock.now, characters=word_count(content.body)
                )
                ws.ctx.record(writer.id, "create", article_id, hash=content.content_hash())
                if index % 10 == 9:
                    continue  # still a draft
                digest = content.content_hash()
                repo.add_sign_off(article_id, Level.EDITOR, writer.id, digest, clock.now)
                repo.set_state(article_id, State.AWAITING_AUDIT, clock.now)
                ws.ctx.record(writer.id, "submit", article_id, hash=digest)
                if index % 17 == 0:
                    ws.ctx.record(feng.id, "return", article_id, reason="数据请核实")
                repo.add_sign_off(article_id, Level.AUDITOR, feng.id, digest, clock.now)
                repo.set_state(article_id, State.AWAITING_PRODUCTION, clock.now)
                ws.ctx.record(feng.id, "approve", article_id, hash=digest)
                repo.add_sign_off(article_id, Level.PRODUCER, sang.id, digest, clock.now)
                repo.set_state(article_id, State.APPROVED, clock.now)
                ws.ctx.record(sang.id, "sign", article_id, hash=digest)
                url = f"https://mp.weixin.qq.com/s/bench-{article_id}"
                repo.set_state(
                    article_id, State.PUBLISHED, clock.now, published_url=url,
                    published_at=clock.now,
                )  # fmt: skip
                ws.ctx.record(sang.id, "publish", article_id, url=url)
        if (first + batch) % 20000 == 0:
            print(f"  built {first + batch}/{count} ({time.perf_counter() - started:.0f} s)")
    return time.perf_counter() - started


def sqlite_articles(count: int) -> Path:
    path = Path(f"bench-data/plan-{count}.db")
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        building = path.with_suffix(".building")
        for stale in building.parent.glob(building.name + "*"):
            stale.unlink()
        store = SqliteStore(building, create=True)
        seconds = build_articles(store, count)
        store.close()
        building.rename(path)
        anchor = building.with_name(building.name + ".audit-anchor")
        if anchor.exists():
            anchor.rename(path.with_name(path.name + ".audit-anchor"))
        print(f"built {count} articles (SQLite) in {seconds:.0f} s")
    return path


def pg_articles(server: str, count: int, source: Path) -> str:
    import psycopg

    from newsdesk.store.migrate import copy_workspace
    from newsdesk.store.pg_store import PgStore

    def url(database: str) -> str:
        return server + ("" if server.endswith("/") else "/") + database

    name = f"newsdesk_bench_plan_{count}"
    with psycopg.connect(url("postgres"), autocommit=True) as admin:
        if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            store = PgStore(url(name))
            have = store.count_by_state()
            store.close()
            if sum(have.values()) >= count:
                return url(name)
            admin.execute(f"DROP DATABASE {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {name}")
    started = time.perf_counter()
    target = PgStore(url(name), create=True)
    copy_workspace(SqliteStore(source), target)
    target._execute("ANALYZE", ())
    target.close()
    print(f"copied {count} articles to PostgreSQL in {time.perf_counter() - started:.0f} s")
    return url(name)


def time_stats(repo: Repository, label: str, repeat: int) -> None:
    ws = Workspace(repo)
    today = date.today()
    year = (today - timedelta(days=364), today)
    stats = ws.stats.compute(*year)  # warm
    published = sum(n for _, n in stats.days)
    ms = median_ms(lambda: ws.stats.compute(*year), repeat)
    month = median_ms(lambda: ws.stats.compute(today.replace(day=1), today), repeat)
    print(
        f"{label}: a year of statistics {ms:7.1f} ms median, this month {month:6.1f} ms"
        f"  ({published:,} articles published in the year, {len(stats.people)} people)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--topics", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--articles", type=int, help="also time statistics on N articles")
    parser.add_argument("--server", help="PostgreSQL server for --articles, e.g. postgresql:///")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "topics.db"
        seconds = build_topics(path, args.topics)
        print(f"built {args.topics} topics through the store in {seconds:.1f} s")
        time_windows(path, args.repeat)
    if args.articles:
        source = sqlite_articles(args.articles)
        store = SqliteStore(source)
        time_stats(store, f"SQLite, {args.articles} articles", args.repeat)
        store.close()
        if args.server:
            from newsdesk.store.pg_store import PgStore

            pg = PgStore(pg_articles(args.server, args.articles, source))
            time_stats(pg, f"PostgreSQL, {args.articles} articles", args.repeat)
            pg.close()


if __name__ == "__main__":
    main()
