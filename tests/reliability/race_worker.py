"""One of several processes working one database at once.

    python -m tests.reliability.race_worker approve DB USER START IDS...   race to approve
    python -m tests.reliability.race_worker write DB USER START SECONDS SHARED

DB is a database file or a postgresql:// URL.

Prints one JSON object: what it did, and every error that was not a rule's refusal.
"""

from __future__ import annotations

import json
import sys
import time

from newsdesk.core.errors import ChainRefusal, DatabaseBusy, LockHeld, NewsdeskError, StaleSave
from newsdesk.core.models import ArticleContent
from newsdesk.core.workspace import Workspace
from newsdesk.store.target import open_repository


def _wait(start: float) -> None:
    while time.time() < start:
        time.sleep(0.001)


def approve(ws: Workspace, username: str, start: float, ids: list[int]) -> dict[str, object]:
    user = ws.users.get(username)
    outcome: dict[str, str] = {}
    _wait(start)
    for article in ids:
        try:
            ws.articles.approve(user, article)
            outcome[str(article)] = "won"
        except ChainRefusal as refusal:
            outcome[str(article)] = type(refusal).__name__ + ": " + refusal.message("en")
    return {"outcome": outcome}


def write(
    ws: Workspace, username: str, start: float, seconds: float, shared: int
) -> dict[str, object]:
    user = ws.users.get(username)
    arts, locks = ws.articles, ws.locks
    expected: dict[str, str] = {}
    writes = refusals = searches = 0
    unexpected: list[str] = []
    _wait(start)
    end = time.time() + seconds
    i = 0
    while time.time() < end:
        i += 1
        try:
            if i % 5 == 1:
                article = arts.create(
                    user, ArticleContent(f"{username} 的稿件 {i}", f"{username} 正文 {i}。")
                )
                expected[str(article)] = f"{username} 正文 {i}。"
                writes += 1
            elif i % 5 in (2, 3) and expected:
                article = int(sorted(expected)[i % len(expected)])
                current = arts.get(article)
                locks.acquire(user, article)
                body = f"{username} 改写 {i}。"
                arts.save(
                    user, article, ArticleContent(current.content.title, body), current.version
                )
                expected[str(article)] = body
                writes += 1
            elif i % 5 == 4:
                current = arts.get(shared)  # everyone wants this one: locks and versions decide
                locks.acquire(user, shared)
                arts.save(
                    user,
                    shared,
                    ArticleContent("共享稿件", f"{username} 写 {i}。"),
                    current.version,
                )
                locks.release(user, shared)
                writes += 1
            else:
                arts.search("正文", limit=5)
                searches += 1
        except (LockHeld, StaleSave, ChainRefusal):
            refusals += 1
        except DatabaseBusy as busy:
            unexpected.append("busy: " + busy.message("en"))
        except NewsdeskError as error:
            unexpected.append(type(error).__name__ + ": " + error.message("en"))
    return {
        "writes": writes,
        "refusals": refusals,
        "searches": searches,
        "expected": expected,
        "unexpected": unexpected,
    }


def main() -> None:
    mode, db, username, start = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    ws = Workspace(open_repository(db), machine=f"pc-{username}")
    if mode == "approve":
        result = approve(ws, username, start, [int(x) for x in sys.argv[5:]])
    else:
        result = write(ws, username, start, float(sys.argv[5]), int(sys.argv[6]))
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
