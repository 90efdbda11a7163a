"""Store benchmark: open, queue, search and save on a generated archive.

    python benchmarks/bench_store.py --articles 10000
    python benchmarks/bench_store.py --articles 100000 --db bench-data/100k.db   # reuses the file

Prints median and 95th-percentile milliseconds per operation, the database size against the
text it holds, and how long building took. Targets (issue 2): open ≤ 5 ms, queue page ≤ 10 ms,
search ≤ 50 ms, save with revision ≤ 20 ms, database ≤ 2.5 × text.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from newsdesk.core.demo import generate_bulk
from newsdesk.core.models import ArticleContent, Role, State
from newsdesk.core.workspace import Workspace
from newsdesk.store.sqlite_store import SqliteStore

TERMS = {
    2: ["舟曲", "教育", "防汛"],
    4: ["防汛减灾", "森林防火", "城关镇召"],
    8: ["全社会共同参与的", "确保各项任务落到", "对工作不力的严肃"],
}


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def build(path: Path, count: int) -> float:
    store = SqliteStore(path, create=True)
    ws = Workspace(store)
    admin = ws.users.add(None, "admin", "管理员", frozenset({Role.ADMIN}), "bench-pass")
    editor = ws.users.add(admin, "ma", "马编辑", frozenset({Role.EDITOR}), "bench-pass")
    start = time.perf_counter()
    generate_bulk(
        ws,
        editor,
        count,
        progress=lambda done: (
            print(f"  built {done}/{count}", flush=True) if done % 10000 == 0 else None
        ),
    )
    store.close()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--db", type=Path, help="database file (built if absent)")
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    path = args.db or Path(f"bench-data/store-{args.articles}.db")
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        seconds = build(path, args.articles)
        print(
            f"built {args.articles} articles in {seconds:.1f} s "
            f"({args.articles / seconds:.0f} articles/s)"
        )
    store = SqliteStore(path)
    ws = Workspace(store)
    editor = ws.users.sign_in("ma", "bench-pass")
    counts = ws.articles.counts()
    total = sum(counts.values())
    rng = random.Random(1)
    ids = [rng.randint(1, total) for _ in range(args.repeat)]
    it = iter(ids * 2)

    print(f"\narticles: {total}")
    print(f"{'operation':<34}{'median ms':>10}{'p95 ms':>10}")

    def row(label: str, result: tuple[float, float]) -> None:
        print(f"{label:<34}{result[0]:>10.2f}{result[1]:>10.2f}")

    row("open article", timed(lambda: ws.articles.get(next(it)), args.repeat))
    row("queue page (all, 50)", timed(lambda: ws.articles.queue(None, 50), args.repeat))
    row("my tasks (200 of them)", timed(lambda: ws.articles.my_tasks(editor), args.repeat))
    row(
        "queue page (draft, 50, deep)",
        timed(lambda: ws.articles.queue(State.DRAFT, 50, offset=rng.randint(0, 500)), args.repeat),
    )
    for length, terms in TERMS.items():
        cycle = iter(terms * args.repeat)
        row(
            f"search {length}-char (20 hits+snippet)",
            timed(lambda c=cycle: ws.articles.search(next(c), 20), min(args.repeat, 60)),
        )
    drafts = iter(rng.sample(range(1, total + 1), min(total, args.repeat)))

    def save() -> None:
        article = ws.articles.get(next(drafts))
        changed = ArticleContent(article.content.title, article.content.body + "补充。")
        ws.articles.save(editor, article.id, changed, article.version)

    row("save with revision (fsync)", timed(save, min(total, args.repeat)))
    size = path.stat().st_size + (
        path.with_name(path.name + "-wal").stat().st_size
        if path.with_name(path.name + "-wal").exists()
        else 0
    )
    text = sum(len(r[0].encode()) + len(r[1].encode()) for r in _current_texts(store))
    print(
        f"\ndatabase {size / 2**20:.1f} MiB, current text {text / 2**20:.1f} MiB UTF-8: "
        f"{size / text:.2f} x"
    )
    store.close()


def _current_texts(store: SqliteStore) -> list[tuple[str, str]]:
    import zlib

    rows = store._conn.execute(
        "SELECT r.title, r.body FROM articles a JOIN revisions r ON r.id = a.revision_id"
    )
    return [(title, zlib.decompress(body).decode()) for title, body in rows]


if __name__ == "__main__":
    main()
