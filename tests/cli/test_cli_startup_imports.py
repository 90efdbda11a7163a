"""What `newsdesk queue` and its like load: the workspace's articles and the store, not the
renderer, exporting, pushing, PostgreSQL or the other commands' libraries (issue 21: `queue` no
slower than `sqlite-utils tables`; benchmarks/bench_cli_startup.py prints the times)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSWORD

# Each costs start-up time, and listing, searching or showing articles needs none of them.
LATER = (
    "markdown_it",  # the renderer
    "mdit_py_plugins",
    "lxml",
    "nh3",
    "yaml",
    "pygments",
    "httpx",  # the 公众号 API client
    "keyring",
    "psycopg",  # team mode, only for a postgresql:// workspace
    "PIL",
    "mammoth",
    "bs4",
    "fpdf",
    "openpyxl",
    "sqlite_utils",  # only to create or upgrade a database
    "importlib.metadata",  # the version number is read without it
    "platformdirs",  # only without --db, or to write a log or crash report
    "newsdesk.cli.proofing",
    "newsdesk.cli.planning",
    "newsdesk.cli.pushing",
    "newsdesk.core.demo",
    "newsdesk.core.exporting",
    "newsdesk.core.pushing",
    "newsdesk.core.review_forms",
    "newsdesk.core.media",
    "newsdesk.core.settings",
    "newsdesk.content.wechat",
    "newsdesk.content.themes",
    "newsdesk.content.proofreading.engine",
    "newsdesk.store.migrate",
    "newsdesk.store.pg_store",
)
SCRIPT = """
import json, sys
from newsdesk.cli import main
status = main(sys.argv[1:])
sys.stdout.flush()
print(json.dumps({"status": status, "loaded": sorted(sys.modules)}), file=sys.stderr)
"""


def loaded_by(*argv: str, db: Path) -> tuple[int, str, list[str]]:
    """Run `newsdesk ARGV` in a fresh interpreter: its status, output and what it imported."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    env |= {"NEWSDESK_DB": str(db), "NEWSDESK_PASSWORD": PASSWORD, "LANG": "C.UTF-8"}
    done = subprocess.run([sys.executable, "-c", SCRIPT, *argv],
                          capture_output=True, text=True, env=env, timeout=120)  # fmt: skip
    report = json.loads(done.stderr.strip().splitlines()[-1])
    heavy = [m for m in report["loaded"] if m.startswith(LATER)]
    return report["status"], done.stdout, heavy


@pytest.mark.parametrize(
    "argv",
    [
        ("queue",),
        ("queue", "--json"),
        ("search", "春耕"),
        ("user", "list"),
        ("verify",),
    ],
)
def test_reading_commands_load_only_what_they_need(db_path: Path, argv: tuple[str, ...]) -> None:
    status, _, heavy = loaded_by(*argv, db=db_path)
    assert status == 0 and heavy == []


def test_queue_lists_the_articles_without_the_rest(db_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "a.md"
    source.write_text("---\ntitle: 春耕\n---\n全县部署春耕。\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    imported = subprocess.run(
        [sys.executable, "-m", "newsdesk", "--db", str(db_path), "article", "import",
         str(source), "--as", "ma"],
        capture_output=True, text=True, env={**env, "NEWSDESK_PASSWORD": PASSWORD}, timeout=120,
    )  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    status, out, heavy = loaded_by("queue", "--json", db=db_path)
    assert status == 0 and [a["title"] for a in json.loads(out)] == ["春耕"]
    assert heavy == []


def test_an_acting_command_signs_in_without_the_rest(db_path: Path) -> None:
    # A chain action on an article that is not there: signed in (scrypt), refused by the
    # service, and nothing of export, push or the renderer loaded on the way.
    status, _, heavy = loaded_by("spike", "999", "--reason", "重复", "--as", "ma", db=db_path)
    assert status == 1 and heavy == []
