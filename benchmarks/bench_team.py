"""Team-mode benchmark: four PCs working through the chain on one PostgreSQL server.

    python benchmarks/bench_team.py --articles 100000            # builds newsdesk_bench_100000 once
    python benchmarks/bench_team.py --articles 10000 --seconds 20 --server postgresql:///

Four client processes, each with its own connection and its own person, as four PCs would be:
two editors write, save and submit; an auditor approves; a producer signs. All of them look at
their 我的待办 and search between actions, and every client watches for others' changes the way
the app does (the change marker every 2 s). Printed: median and 95th-percentile milliseconds per
operation over all clients, and how long a change took to show on another client (from the
audit entry's time to the moment a watching client saw the marker move).

Targets (issue 7): queue ≤ 20 ms, search ≤ 100 ms, save ≤ 30 ms, a change visible ≤ 3 s.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import random
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

import psycopg

from newsdesk.core.demo import generate_bulk
from newsdesk.core.demo_text import generate_article
from newsdesk.core.errors import NewsdeskError
from newsdesk.core.models import ArticleContent, Role, State
from newsdesk.core.workspace import Workspace
from newsdesk.store.pg_store import PgStore

# Building and timing a large archive outlasts team mode's ordinary deadlines (5 s for an
# answer, 4 s a statement), which are for a person waiting on a window, not for a benchmark.
os.environ.setdefault("NEWSDESK_PG_ANSWER_SECONDS", "3600")

PASSWORD = "bench-pass"
WATCH_S = 2.0  # the app's WATCH_MS
PEOPLE = {
    "ma": ("马编辑", Role.EDITOR),
    "yan": ("严编辑", Role.EDITOR),
    "feng": ("冯审核", Role.AUDITOR),
    "sang": ("桑出品", Role.PRODUCER),
}
TERMS = ["舟曲", "防汛", "教育", "城关镇", "森林防火", "确保各项任务落到", "乡村振兴", "汛"]
T = TypeVar("T")


def _url(server: str, database: str) -> str:
    return server + ("" if server.endswith("/") else "/") + database


def build(server: str, database: str, count: int) -> None:
    with psycopg.connect(_url(server, "postgres"), autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,))
        if exists.fetchone():
            store = PgStore(_url(server, database))
            have = store._one("SELECT count(*) FROM articles")
            store.close()
            if have and int(have[0]) >= count:
                return
            admin.execute(f"DROP DATABASE {database} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {database}")
    store = PgStore(_url(server, database), create=True)
    ws = Workspace(store)
    admin_user = ws.users.add(None, "admin", "管理员", frozenset({Role.ADMIN}), PASSWORD)
    for username, (name, role) in PEOPLE.items():
        ws.users.add(admin_user, username, name, frozenset({role}), PASSWORD)
    start = time.perf_counter()
    generate_bulk(
        ws,
        ws.users.get("ma"),
        count,
        progress=lambda done: (
            print(f"  built {done}/{count} ({time.perf_counter() - start:.0f} s)", flush=True)
            if done % 10000 == 0
            else None
        ),
    )
    store._execute("ANALYZE", ())
    print(f"built {count} articles in {time.perf_counter() - start:.0f} s")
    store.close()


class Client:
    """One PC: a person, a connection, timings, and the app's change watch."""

    def __init__(self, url: str, username: str, seed: int) -> None:
        self.store = PgStore(url)
        self.ws = Workspace(self.store, machine=f"pc-{username}")
        self.user = self.ws.users.sign_in(username, PASSWORD)
        self.rng = random.Random(seed)
        self.times: dict[str, list[float]] = defaultdict(list)
        self.marker = self.store.change_marker()
        self.next_watch = time.monotonic() + WATCH_S

    def timed(self, label: str, fn: Callable[[], T]) -> T:
        start = time.perf_counter()
        result = fn()
        self.times[label].append((time.perf_counter() - start) * 1000)
        return result

    def watch(self) -> None:
        """What the app's timer does; when the marker moved, how old is the newest change that
        someone else made?"""
        if time.monotonic() < self.next_watch:
            return
        self.next_watch += WATCH_S
        marker = self.timed("watch (change marker)", self.store.change_marker)
        if marker == self.marker:
            return
        seen = datetime.now(UTC)
        # The oldest change someone else made since the last look waited longest to be seen.
        row = self.store._one(
            "SELECT min(at) FROM audit_log WHERE id > ? AND actor_id <> ?",
            (self.marker[0], self.user.id),
        )
        self.marker = marker
        if row is not None and row[0] is not None:
            at = datetime.fromisoformat(str(row[0]))
            self.times["change visible elsewhere"].append((seen - at).total_seconds() * 1000)

    def browse(self) -> list[Any]:
        tasks = self.timed("queue: my tasks", lambda: self.ws.articles.my_tasks(self.user))
        state = self.rng.choice([State.DRAFT, State.AWAITING_AUDIT, State.APPROVED])
        self.timed("queue: page by state", lambda: self.ws.articles.queue(state, limit=50))
        term = self.rng.choice(TERMS)
        self.timed("search (20 hits + snippets)", lambda: self.ws.articles.search(term, 20))
        return tasks

    def editor_turn(self) -> None:
        title, body, column = generate_article(self.rng, 3000)
        content = ArticleContent(title, body, author="县融媒体中心", column=column)
        article_id = self.timed(
            "create article", lambda: self.ws.articles.create(self.user, content)
        )
        self.ws.locks.acquire(self.user, article_id)
        for n in range(3):
            version = self.ws.articles.get(article_id).version
            content = ArticleContent(title, content.body + f"补充第{n + 1}段。", column=column)
            self.timed(
                "save with revision",
                lambda c=content, v=version: self.ws.articles.save(self.user, article_id, c, v),
            )
            self.watch()
        self.ws.locks.release(self.user, article_id)
        self.timed("submit", lambda: self.ws.articles.submit(self.user, article_id))

    def reviewer_turn(
        self, tasks: list[Any], act: Callable[[Any, int], object], label: str
    ) -> None:
        if not tasks:
            time.sleep(0.05)  # nothing waiting: a person would read the news
            return
        article_id = self.rng.choice(tasks).id
        self.timed("open article", lambda: self.ws.articles.details(article_id))
        # Taken by someone else in the meantime: the app would say so.
        with contextlib.suppress(NewsdeskError):
            self.timed(label, lambda: act(self.user, article_id))


def work(url: str, username: str, seconds: float, think: float, out: Any) -> None:
    client = Client(url, username, seed=hash(username) & 0xFFFF)
    arts = client.ws.articles
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        tasks = client.browse()
        client.watch()
        role = PEOPLE[username][1]
        if role is Role.EDITOR:
            client.editor_turn()
        elif role is Role.AUDITOR:
            client.reviewer_turn(tasks, arts.approve, "approve")
        else:
            client.reviewer_turn(tasks, arts.sign, "sign off")
        client.watch()
        time.sleep(think)
    client.store.close()
    out.put(dict(client.times))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--server", default="postgresql:///")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=0.2, help="pause between turns, s")
    args = parser.parse_args()
    database = f"newsdesk_bench_{args.articles}"
    build(args.server, database, args.articles)
    url = _url(args.server, database)
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("ANALYZE")  # fresh statistics, as autovacuum keeps a working server

    out: Any = multiprocessing.Queue()
    clients = [
        multiprocessing.Process(target=work, args=(url, name, args.seconds, args.think, out))
        for name in PEOPLE
    ]
    for process in clients:
        process.start()
    merged: dict[str, list[float]] = defaultdict(list)
    for _ in clients:
        for label, samples in out.get().items():
            merged[label].extend(samples)
    for process in clients:
        process.join()

    store = PgStore(url)
    total = store._one("SELECT count(*) FROM articles")
    store.close()
    print(f"\n{len(clients)} clients for {args.seconds:.0f} s on {total[0] if total else '?'}")
    print(f"{'operation':<32}{'n':>7}{'median ms':>11}{'p95 ms':>10}{'max ms':>10}")
    for label in sorted(merged):
        samples = sorted(merged[label])
        p95 = samples[max(0, int(len(samples) * 0.95) - 1)]
        print(
            f"{label:<32}{len(samples):>7}{statistics.median(samples):>11.1f}"
            f"{p95:>10.1f}{samples[-1]:>10.1f}"
        )


if __name__ == "__main__":
    main()
