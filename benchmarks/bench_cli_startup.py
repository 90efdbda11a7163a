"""Command-line start-up: `newsdesk queue` and `newsdesk proofread` against `sqlite-utils tables`.

    python benchmarks/bench_cli_startup.py [--rounds 15]

Makes a demo workspace (`newsdesk demo --json`), signs in as its administrator through
NEWSDESK_PASSWORD (`verify --as admin`, to check the workspace is usable without a
terminal), then runs in turns, N rounds:

- `newsdesk --db X queue`
- `newsdesk --db X proofread one-line.md` (a one-line Markdown file, the workspace's lists)
- `sqlite-utils tables X` (the console script in the same virtualenv: the floor for "a Python
  command-line tool that opens this SQLite file and lists something")

Alternating spreads the machine's noise over all three alike. Prints the median and the spread
(lowest to highest) of each, by the wall clock and in CPU time (what the process itself used:
steadier where other work shares the machine), and each newsdesk command's median over the
floor's.
Target (issue 21): both ≤ 1.0×.

Our modules are byte-compiled first, as an installed copy has them.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
SRC = Path(__file__).resolve().parent.parent / "src"


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock seconds from start to exit, and the CPU seconds the process used (user and
    system: steadier than the wall clock on a machine others are using too)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    assert child.stderr is not None
    error = child.stderr.read().decode()
    child.stderr.close()
    if child.returncode not in (0, 1):  # proofread exits 1 on an error finding
        raise SystemExit(f"{command} failed ({child.returncode}): {error}")
    return elapsed, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15, help="alternating rounds (default 15)")
    rounds = parser.parse_args().rounds
    compileall.compile_dir(str(SRC), quiet=1)
    newsdesk = [str(BIN / "newsdesk")]
    floor = [str(BIN / "sqlite-utils")]
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    env["LANG"] = "C.UTF-8"
    with tempfile.TemporaryDirectory() as folder:
        # The compiled-rules cache, logs and settings in the throw-away folder, not the user's.
        for var in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
            env[var] = str(Path(folder) / var.lower())
        db = Path(folder) / "bench.db"
        made = subprocess.run([*newsdesk, "--db", str(db), "demo", "--json"],
                              capture_output=True, text=True, env=env, check=True)  # fmt: skip
        admin = next(u for u in json.loads(made.stdout)["users"] if u["username"] == "admin")
        signed = subprocess.run(
            [*newsdesk, "--db", str(db), "verify", "--as", "admin"],
            capture_output=True, text=True, check=False,
            env={**env, "NEWSDESK_PASSWORD": admin["password"]},
        )  # fmt: skip
        if signed.returncode != 0:
            raise SystemExit(f"signing in as admin failed: {signed.stderr}")
        article = Path(folder) / "one-line.md"
        article.write_text("全县召开春耕生产工作会议。\n", encoding="utf-8")
        commands = {
            "newsdesk queue": [*newsdesk, "--db", str(db), "queue"],
            "newsdesk proofread": [*newsdesk, "--db", str(db), "proofread", str(article)],
            "sqlite-utils tables": [*floor, "tables", str(db)],
        }
        for command in commands.values():  # warm the page cache and the compiled-rules cache
            timed(command, env)
        wall: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(rounds):
            for name, command in commands.items():
                took, used = timed(command, env)
                wall[name].append(took)
                cpu[name].append(used)
    print(f"{rounds} rounds, alternating; median (lowest–highest), ms")
    for title, times in (("wall clock", wall), ("CPU (user + system)", cpu)):
        medians = {name: statistics.median(values) for name, values in times.items()}
        print(f"{title}:")
        for name, values in times.items():
            print(
                f"  {name:<20} {medians[name] * 1000:6.0f}"
                f"  ({min(values) * 1000:.0f}–{max(values) * 1000:.0f})"
            )
        base = medians["sqlite-utils tables"]
        for name in ("newsdesk queue", "newsdesk proofread"):
            print(f"  {name} / sqlite-utils tables: {medians[name] / base:.2f}× (target ≤ 1.00×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
