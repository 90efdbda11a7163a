"""`proofread` starts without the renderer, the workspace's services or the other commands:
what keeps its start-up near a third of what it was (bench_proofread.py prints the times)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSWORD

HEAVY = (
    "markdown_it",
    "lxml",
    "nh3",
    "yaml",
    "httpx",
    "newsdesk.cli.commands",
    "newsdesk.core.workspace",
    "newsdesk.core.proofreading",
    "newsdesk.content.wechat",
    "newsdesk.content.markdown_html",
)
SCRIPT = """
import json, sys
from newsdesk.cli import main
status = main(sys.argv[1:])
sys.stdout.flush()
print(json.dumps({"status": status, "loaded": sorted(sys.modules)}), file=sys.stderr)
"""


@pytest.mark.parametrize("workspace", [False, True])
def test_proofread_loads_none_of_the_rest(tmp_path: Path, db_path: Path, workspace: bool) -> None:
    article = tmp_path / "a.md"
    article.write_text("全县布署春耕。\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    env["NEWSDESK_DB"] = str(db_path if workspace else tmp_path / "none.db")
    env["NEWSDESK_PASSWORD"] = PASSWORD
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, "proofread", str(article), "--json"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert report["status"] == 1 and json.loads(result.stdout)[0]["text"] == "布署"
    assert [m for m in report["loaded"] if m.startswith(HEAVY)] == []


COMPILED = """
import json, sys
from newsdesk.cli import main
from newsdesk.content.proofreading.lazy_re import LazyPattern
status = main(sys.argv[1:])
sys.stdout.flush()
patterns = [
    value
    for name, module in list(sys.modules.items())
    if name.startswith("newsdesk.content.proofreading.")
    for value in vars(module).values()
    if isinstance(value, LazyPattern)
]
compiled = sum(p._compiled is not None for p in patterns)
from newsdesk.content.proofreading import de_stats
counts = de_stats._counts.cache_info().currsize
report = {"status": status, "patterns": len(patterns), "compiled": compiled, "counts": counts}
print(json.dumps(report), file=sys.stderr)
"""


def test_a_one_line_proofread_compiles_few_of_the_rules_patterns(tmp_path: Path) -> None:
    """Each pattern with a CJK range costs `re` about a millisecond to compile: the rules'
    module-level patterns are compiled when first used, and one line uses a handful."""
    article = tmp_path / "a.md"
    article.write_text("全县布署春耕。\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    env["NEWSDESK_DB"] = str(tmp_path / "none.db")
    result = subprocess.run(
        [sys.executable, "-c", COMPILED, "proofread", str(article), "--json"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert report["status"] == 1 and json.loads(result.stdout)[0]["text"] == "布署"
    assert report["patterns"] >= 60  # the module-level patterns are lazy ones
    assert report["compiled"] <= 12
    assert report["counts"] == 0  # no 地 in the line: the 的地得 counts are not read
