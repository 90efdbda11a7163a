"""Several programs creating one new workspace at the same moment, as real processes: one
creates it, whole; the others wait for it and are told plainly that it exists now, never a
half-made schema's words ("not a Newsdesk database", "table … already exists")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import BACKENDS, PASSWORD

# Each process loads everything first, then waits for the same start signal: the creations
# overlap within a millisecond or two instead of a process start-up apart.
RACER = """
import os, sys, time
from newsdesk.cli import main
import newsdesk.cli.commands, newsdesk.store.sqlite_store, newsdesk.store.pg_store
import sqlite_utils
go = sys.argv[1]
while not os.path.exists(go):
    time.sleep(0.0005)
sys.exit(main(sys.argv[2:]))
"""
RACERS = 4
ROUNDS = 3


def _race(tmp_path: Path, target: str, round_: int) -> list[subprocess.CompletedProcess[str]]:
    go = tmp_path / f"go-{round_}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    env.update({"LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8",
                "NEWSDESK_NEW_PASSWORD": PASSWORD, "NEWSDESK_BUSY_TIMEOUT_MS": "30000"})  # fmt: skip
    racers = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                RACER,
                str(go),
                "--db",
                target,
                "user",
                "add",
                f"boss{n}",
                "--name",
                f"管理员{n}",
                "--role",
                "admin",
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
        )
        for n in range(RACERS)
    ]
    time.sleep(1.5)  # every racer loaded and polling
    go.touch()
    done = []
    for racer in racers:
        out, err = racer.communicate(timeout=120)
        done.append(subprocess.CompletedProcess(racer.args, racer.returncode, out, err))
    return done


@pytest.mark.parametrize("backend", BACKENDS)
def test_one_creates_the_workspace_and_the_others_are_told_so(
    tmp_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    for round_ in range(ROUNDS):
        if backend == "sqlite":
            target = str(tmp_path / f"new-{round_}.db")
        else:
            target = request.getfixturevalue("empty_pg") if round_ == 0 else _fresh_pg(request)
        results = _race(tmp_path, target, round_)
        won = [r for r in results if r.returncode == 0]
        lost = [r for r in results if r.returncode != 0]
        assert len(won) == 1, [r.stderr for r in results]
        for result in lost:
            assert result.returncode == 1, result
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1, result.stderr
            assert "already has its administrator" in lines[0], lines[0]
        listed = subprocess.run(
            [sys.executable, "-m", "newsdesk", "--db", target, "user", "list", "--json"],
            capture_output=True, text=True, env={**os.environ, "LANG": "C.UTF-8"}, check=True,
        )  # fmt: skip
        assert len(json.loads(listed.stdout)) == 1
        verified = subprocess.run(
            [sys.executable, "-m", "newsdesk", "--db", target, "verify"],
            capture_output=True, text=True, env={**os.environ, "LANG": "C.UTF-8"},
        )  # fmt: skip
        assert verified.returncode == 0, verified.stdout + verified.stderr


def _fresh_pg(request: pytest.FixtureRequest) -> str:
    import uuid

    from tests.conftest import _pg_admin, pg_url

    admin = _pg_admin()
    name = f"nd_race_{uuid.uuid4().hex[:12]}"
    admin.execute(f"CREATE DATABASE {name}")
    request.addfinalizer(
        lambda: (admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"), admin.close())
    )
    return pg_url(name)


def test_a_creation_that_takes_too_long_is_named_for_what_it_is(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3,time\n"
         f"c=sqlite3.connect({str(db)!r}, isolation_level=None)\n"
         "c.execute('PRAGMA journal_mode=WAL')\nc.execute('BEGIN IMMEDIATE')\n"
         "c.execute('CREATE TABLE being_made (x)')\nprint('holding', flush=True)\ntime.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
        env.update({"LANG": "C.UTF-8", "NEWSDESK_NEW_PASSWORD": PASSWORD,
                    "NEWSDESK_BUSY_TIMEOUT_MS": "300"})  # fmt: skip
        result = subprocess.run(
            [sys.executable, "-m", "newsdesk", "--db", str(db), "user", "add", "boss", "--name",
             "管理员", "--role", "admin"],
            capture_output=True, text=True, env=env, timeout=60,
        )  # fmt: skip
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert result.stderr.strip().splitlines() == [
            f"newsdesk: Another program is creating or upgrading the workspace {db};"
            " try again shortly."
        ]
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
