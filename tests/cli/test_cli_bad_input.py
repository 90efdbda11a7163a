"""Bad input gets one clear line and exit 1, and changes nothing on disk."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

from newsdesk.cli.parser import build_parser
from tests.cli.conftest import Run, one_line_error
from tests.conftest import PASSWORD


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_unreadable_and_non_utf8_files(cli: Run, db_path: Path, tmp_path: Path) -> None:
    gbk = tmp_path / "gbk.md"
    gbk.write_bytes("---\ntitle: 测试\n---\n舟曲县召开会议。".encode("gbk"))
    binary = tmp_path / "image.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    bad_yaml = tmp_path / "bad.md"
    bad_yaml.write_text("---\ntitle: [未闭合\n---\n正文", encoding="utf-8")
    before = fingerprint(db_path)
    cases = [
        (gbk, "GBK"),
        (binary, "not a text file"),
        (tmp_path / "absent.md", "no such file"),
        (bad_yaml, "front matter"),
        (tmp_path / "notes.pdf", "only .md"),
    ]
    for path, expected in cases:
        one_line_error(
            cli("article", "import", str(path), "--as", "ma", db=db_path, password=PASSWORD),
            expected,
        )
    assert fingerprint(db_path) == before


def test_corrupt_and_foreign_database_files(cli: Run, tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all" * 50)
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    for path, expected in ((garbage, "not an SQLite file"), (foreign, "another program")):
        before = fingerprint(path)
        one_line_error(cli("queue", db=path), expected)
        one_line_error(
            cli(
                "user",
                "add",
                "a",
                "--name",
                "甲",
                "--role",
                "admin",
                db=path,
                env={"NEWSDESK_NEW_PASSWORD": PASSWORD},
            ),
            expected,
        )
        assert fingerprint(path) == before
    one_line_error(cli("queue", db=tmp_path / "missing.db"), "There is no database")
    assert not (tmp_path / "missing.db").exists()


def test_a_database_locked_by_another_process(cli: Run, db_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3,sys,time\n"
            f"c=sqlite3.connect({str(db_path)!r}, isolation_level=None)\n"
            "c.execute('BEGIN EXCLUSIVE')\nprint('locked', flush=True)\ntime.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        result = cli(
            "submit",
            "1",
            "--as",
            "ma",
            db=db_path,
            password=PASSWORD,
            env={"NEWSDESK_BUSY_TIMEOUT_MS": "300"},
        )
        one_line_error(result, "locked by another program")
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()


def test_verify_reports_tampering(cli: Run, db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET action = 'forged' WHERE id = 2")
    conn.commit()
    conn.close()
    result = cli("verify", db=db_path)
    assert result.returncode == 1
    assert "broken at entry 2" in result.stdout


def test_every_command_and_option_has_help_text() -> None:
    parser = build_parser()
    missing: list[str] = []

    def walk(p: object, path: str) -> None:
        for action in p._actions:  # type: ignore[attr-defined]
            if action.dest in ("help", "version"):
                continue
            if getattr(action, "choices", None) and hasattr(action, "_choices_actions"):
                helps = {c.dest: c.help for c in action._choices_actions}
                for name, sub in action.choices.items():
                    if not helps.get(name):
                        missing.append(f"{path} {name}")
                    walk(sub, f"{path} {name}")
            elif not action.help:
                missing.append(f"{path} {action.dest}")

    walk(parser, "newsdesk")
    assert missing == []


def test_version_and_gui_without_a_screen(cli: Run) -> None:
    version = cli("--version")
    assert version.returncode == 0 and version.stdout.startswith("newsdesk ")
    no_screen = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}
    one_line_error(cli("gui", env=no_screen), "no screen")


def test_a_refused_first_user_leaves_no_database_behind(cli: Run, tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    one_line_error(
        cli("user", "add", "boss", "--name", "管理员", "--role", "admin", db=db),
        "NEWSDESK_NEW_PASSWORD",
    )
    one_line_error(
        cli(
            "user",
            "add",
            "boss",
            "--name",
            "管理员",
            "--role",
            "chief",
            db=db,
            env={"NEWSDESK_NEW_PASSWORD": PASSWORD},
        ),
        "unknown role",
    )
    assert not db.exists()
