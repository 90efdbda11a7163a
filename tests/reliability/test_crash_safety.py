"""SIGKILL a process in the middle of imports, saves, submits and approvals, again and again:
the database stays intact, its audit chain verifies, every acknowledged write is there and
no half record exists."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from newsdesk.core.workspace import Workspace
from newsdesk.store.sqlite_store import SqliteStore
from tests.reliability.conftest import scale

ROOT = Path(__file__).resolve().parents[2]


def _kill_repeatedly(db: Path, acks: Path, kills: int) -> int:
    rng = random.Random(20241124)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    killed = 0
    for seed in range(kills):
        worker = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.crash_worker", str(db), str(acks), str(seed)],
            env=env, cwd=ROOT, stderr=subprocess.PIPE,
        )  # fmt: skip
        # Killed mid-work: some time after its first acknowledged write, not a fixed time after
        # start, which on a loaded machine fell in start-up and left nothing to check.
        before, deadline = acks.stat().st_size, time.monotonic() + 30
        while worker.poll() is None and acks.stat().st_size == before:
            if time.monotonic() > deadline:
                break
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.55))
        if worker.poll() is None:
            worker.send_signal(signal.SIGKILL)
            killed += 1
        _, err = worker.communicate(timeout=30)
        assert worker.returncode in (-signal.SIGKILL, 0), err.decode()[-2000:]
    return killed


def test_killed_writers_lose_nothing_they_acknowledged(db_path: Path, tmp_path: Path) -> None:
    acks = tmp_path / "acks.txt"
    acks.touch()
    killed = _kill_repeatedly(db_path, acks, scale(12, 300))
    lines = acks.read_text(encoding="utf-8").splitlines()
    print(f"\ncrash safety: {killed} kills, {len(lines)} acknowledged writes")
    assert killed >= 1 and len(lines) > 10

    raw = sqlite3.connect(db_path)
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    # No half records: every article's current revision exists and carries its version.
    assert (
        raw.execute(
            "SELECT count(*) FROM articles a LEFT JOIN revisions r ON r.id = a.revision_id"
            " WHERE r.id IS NULL OR r.version != a.version OR r.article_id != a.id"
        ).fetchone()[0]
        == 0
    )
    raw.close()

    store = SqliteStore(db_path)
    ws = Workspace(store)
    assert ws.verify().ok
    audit = [(e.action, e.article_id) for e in ws.repo.iter_audit()]
    for line in lines:
        kind, article, *rest = line.split()
        current = ws.articles.get(int(article))  # raises if the acknowledged article is gone
        if kind == "save":
            version, digest = int(rest[0]), rest[1]
            saved = [r for r in ws.repo.list_revisions(int(article)) if r.version == version]
            assert saved and saved[0].content_hash == digest, line
        elif kind in ("submit", "approve"):
            assert (kind, int(article)) in audit, line
        assert current.id == int(article)
    store.close()
