"""Output to a pipe or a file on a Chinese Windows is in the ANSI code page, 936 (GBK): Python
writes the console in UTF-16, everything else in that code page. A title with a character GBK
lacks (an emoji, as 公众号 titles often have) must not stop a command mid-list."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _run(tmp_path: Path, *args: str, encoding: str) -> subprocess.CompletedProcess[bytes]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("NEWSDESK_")}
    # What Python does on a Chinese Windows when stdout is not the console.
    env.update(
        LANG="C.UTF-8",
        PYTHONIOENCODING=encoding,
        NEWSDESK_PASSWORD="code-page-1",
        NEWSDESK_NEW_PASSWORD="code-page-1",
        NEWSDESK_SECRET_STORE="file",
    )
    return subprocess.run(
        [sys.executable, "-m", "newsdesk", "--db", str(tmp_path / "n.db"), *args],
        capture_output=True,
        env=env,
        timeout=120,
        cwd=tmp_path,
    )


def test_a_title_gbk_cannot_hold_is_listed_not_fatal(tmp_path: Path) -> None:
    added = _run(tmp_path, "user", "add", "bian", "--name", "编辑甲", "--role", "admin,editor",
                 encoding="utf-8")  # fmt: skip
    assert added.returncode == 0, added.stderr
    article = tmp_path / "a.md"
    article.write_text("---\ntitle: 防汛会议召开🔥\n---\n\n全县部署防汛工作。\n", encoding="utf-8")
    imported = _run(tmp_path, "article", "import", "--as", "bian", str(article), encoding="utf-8")
    assert imported.returncode == 0, imported.stderr

    listed = _run(tmp_path, "queue", encoding="gbk")

    assert listed.returncode == 0, listed.stderr.decode("gbk", "replace")
    assert b"Traceback" not in listed.stderr
    out = listed.stdout.decode("gbk")  # valid GBK throughout: no mojibake, no cut-off line
    assert "防汛会议召开?" in out and "编辑甲" in out
