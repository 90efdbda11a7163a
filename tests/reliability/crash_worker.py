"""Works a database as fast as it can until it is killed: imports, saves, submits, approvals.

    python -m tests.reliability.crash_worker DB ACKS SEED

After each call returns (its transaction committed) it appends one line to ACKS and fsyncs it:
everything listed there must survive the kill.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

from newsdesk.core.importing import read_article_file
from newsdesk.core.models import ArticleContent
from newsdesk.core.workspace import Workspace
from newsdesk.store.sqlite_store import SqliteStore

SAMPLE = (
    Path(__file__).resolve().parents[2] / "src/newsdesk/resources/demo/county-meeting-report.md"
)


def main(db: str, acks: str, seed: int) -> None:
    rng = random.Random(seed)
    ws = Workspace(SqliteStore(Path(db)))
    ma, feng = ws.users.get("ma"), ws.users.get("feng")
    log = open(acks, "a", encoding="utf-8")  # noqa: SIM115

    def ack(line: str) -> None:
        log.write(line + "\n")
        log.flush()
        os.fsync(log.fileno())

    mine: list[int] = []
    for i in range(10_000):
        roll = rng.random()
        if roll < 0.2 or not mine:
            article = ws.import_article(ma, read_article_file(SAMPLE)).article_id
            mine.append(article)
            ack(f"create {article}")
        elif roll < 0.8:
            article = rng.choice(mine)
            current = ws.articles.get(article)
            if current.state.value != "draft":
                continue
            ws.locks.acquire(ma, article)
            body = f"{current.content.body}\n\n第{seed}-{i}次修改，增加一段文字。"
            content = ArticleContent(f"稿件 {seed}-{i}", body)
            saved = ws.articles.save(ma, article, content, current.version)
            ack(f"save {article} {saved.version} {content.content_hash()}")
        elif roll < 0.9:
            article = rng.choice(mine)
            if ws.articles.get(article).state.value == "draft":
                ws.articles.submit(ma, article)
                ack(f"submit {article}")
        else:
            article = rng.choice(mine)
            if ws.articles.get(article).state.value == "awaiting_audit":
                ws.articles.approve(feng, article)
                ack(f"approve {article}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
