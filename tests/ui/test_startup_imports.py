"""What starting the app loads: only what its first window needs. Heavy modules that serve a
dialog, a file format or another command load when first used (issue 14: start-up)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# Each costs start-up time and memory, and nothing on the first window needs it.
LATER = (
    "newsdesk.cli.commands",  # the other commands (export, demo, PostgreSQL migration…)
    "psycopg",  # team mode's server, only for a postgresql:// workspace
    "httpx",  # the 公众号 API client, only when pushing
    "keyring",
    "mammoth",  # Word import
    "bs4",  # HTML paste and Word import
    "markdownify",
    "PIL",  # pictures
    "pygments",  # code blocks
    "yaml",  # front matter
    "fpdf",  # the review form
    "openpyxl",  # word lists from Excel
    "importlib.metadata",  # the version number, read without it
    "newsdesk.ui.admin_dialog",
    "newsdesk.ui.push_dialog",
    "newsdesk.ui.diff_dialog",
    "PySide6.QtPdf",
    "PySide6.QtCharts",  # statistics
    "newsdesk.ui.topic_board",  # the planning windows
    "newsdesk.ui.plan_calendar",
    "newsdesk.ui.stats_view",
    "newsdesk.content.proofreading.engine",  # built on a thread of its own, at sign-in
)


def loaded_after(code: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", f"import sys\n{code}\nprint(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    modules = set(done.stdout.split())
    return [name for name in LATER if name in modules]


def test_the_app_loads_only_what_its_first_window_needs() -> None:
    # What `newsdesk gui` imports before its window: the command line's start, then the app.
    assert loaded_after("import newsdesk.cli, newsdesk.cli.desktop, newsdesk.ui.app") == []


def test_opening_an_up_to_date_database_needs_no_sqlite_utils(db_path: Path) -> None:
    code = (
        "from pathlib import Path\n"
        "from newsdesk.store.sqlite_store import SqliteStore\n"
        f"store = SqliteStore(Path({str(db_path)!r}))\n"
        "assert 'sqlite_utils' not in sys.modules, 'sqlite_utils loaded'\n"
        "store.close()"
    )
    assert loaded_after(code) == []
