"""Several processes on one database at once: no lost update, no "database is locked" reaching
anyone, the chain's rules holding under races."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsdesk.core.models import ArticleContent, Role
from newsdesk.core.workspace import Workspace
from newsdesk.store.target import open_repository
from tests.conftest import BACKENDS, PASSWORD, Newsroom
from tests.reliability.conftest import scale

ROOT = Path(__file__).resolve().parents[2]


def _run_all(commands: list[list[str]]) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen([sys.executable, "-m", "tests.reliability.race_worker", *c], env=env, cwd=ROOT,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for c in commands
    ]  # fmt: skip
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err[-3000:]
        results.append(json.loads(out))
    return results


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _target(newsroom: Newsroom) -> str:
    """What a worker process opens: the file, or the server's URL."""
    url = getattr(newsroom.store, "url", None)
    return str(url) if url else str(newsroom.path)


def test_two_auditors_approving_at_once_one_wins_the_other_is_told_why(newsroom: Newsroom) -> None:
    arts = newsroom.ws.articles
    ids = []
    for n in range(scale(15, 200)):
        article = arts.create(newsroom.ma, ArticleContent(f"稿件{n}", "正文。"))
        arts.submit(newsroom.ma, article)
        ids.append(str(article))
    start = str(time.time() + 1.5)
    feng, zhao = _run_all(
        [["approve", _target(newsroom), who, start, *ids] for who in ("feng", "zhao")]
    )
    for article in ids:
        outcomes = sorted([feng["outcome"][article], zhao["outcome"][article]])
        assert outcomes[1] == "won", outcomes
        assert outcomes[0].startswith("WrongState") and "awaiting sign-off" in outcomes[0], outcomes
    print(f"\nrace: {len(ids)} articles approved by two auditors at once, one winner each")
    assert newsroom.ws.verify().ok


def test_eight_writers_lose_no_update_and_never_see_a_locked_database(
    newsroom: Newsroom,
) -> None:
    ws = newsroom.ws
    admin = ws.users.get("admin")
    names = [f"w{n}" for n in range(8)]
    for name in names:
        ws.users.add(admin, name, f"写手{name}", frozenset({Role.EDITOR}), PASSWORD)
    shared = ws.articles.create(ws.users.get("w0"), ArticleContent("共享稿件", "开头。"), names[1:])
    seconds = scale(4, 30)
    start = time.time() + 2.0
    results = _run_all(
        [
            ["write", _target(newsroom), name, str(start), str(seconds), str(shared)]
            for name in names
        ]
    )
    unexpected = [u for r in results for u in r["unexpected"]]
    assert unexpected == []
    store = open_repository(_target(newsroom))  # a fresh look, as another PC would have
    ws = Workspace(store)
    for result in results:
        for article, body in result["expected"].items():
            assert ws.articles.get(int(article)).content.body == body  # no lost update
    assert ws.verify().ok
    writes = sum(r["writes"] for r in results)
    refusals = sum(r["refusals"] for r in results)
    print(
        f"\n8 writers for {seconds} s: {writes} writes ({writes / seconds:.0f}/s), {refusals} refusals by locks or versions, "
        f"{sum(r['searches'] for r in results)} searches"
    )
    store.close()
