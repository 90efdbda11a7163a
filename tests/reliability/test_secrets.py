"""Passwords and their hashes never leave the users table: not through --json, logs or exports."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.cli.conftest import Run
from tests.conftest import PASSWORD


def test_no_password_or_hash_in_any_output(cli: Run, db_path: Path, tmp_path: Path) -> None:
    raw = sqlite3.connect(db_path)
    raw.row_factory = sqlite3.Row
    columns = [c[1] for c in raw.execute("PRAGMA table_info(users)")]
    secret_column = next(c for c in columns if "pass" in c or "hash" in c)
    hashes = [r[0] for r in raw.execute(f"SELECT {secret_column} FROM users")]
    raw.close()
    assert all(PASSWORD not in h for h in hashes)  # stored hashed, never in clear
    pieces = {h[-24:] for h in hashes} | {PASSWORD}

    source = tmp_path / "a.md"
    source.write_text("---\ntitle: 标题\n---\n正文。\n", encoding="utf-8")
    article = cli(
        "article", "import", str(source), "--as", "ma", db=db_path, password=PASSWORD
    ).stdout.strip()
    for who, what in (("ma", "submit"), ("feng", "approve"), ("sang", "sign")):
        assert cli(what, article, "--as", who, db=db_path, password=PASSWORD).returncode == 0
    cli(
        "submit", article, "--as", "ma", db=db_path, password="wrong-password"
    )  # a failed sign-in is logged
    outputs = [
        cli("user", "list", "--json", db=db_path).stdout,
        cli("article", "show", article, "--json", db=db_path).stdout,
        cli("queue", "--json", db=db_path).stdout,
        cli("export", article, "-o", str(tmp_path / "page.html"), db=db_path).stdout,
        cli("settings", "show", "--json", db=db_path).stdout,
        (tmp_path / "page.html").read_text(encoding="utf-8"),
    ]
    raw = sqlite3.connect(db_path)
    outputs += [row[0] for row in raw.execute("SELECT detail FROM audit_log")]
    raw.close()
    outputs += [
        p.read_text(encoding="utf-8", errors="replace") for p in (tmp_path / "home").rglob("*.log")
    ]
    for text in outputs:
        for piece in pieces:
            assert piece not in text
