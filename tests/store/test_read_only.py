"""A database that was read-only becomes writable again without anyone deleting files by hand,
and what cannot be mended is named: the file, its folder, or the -shm beside it.

Tests run as root here, and root ignores file modes; so the CLI runs without the capabilities
that let it (setpriv drops CAP_DAC_OVERRIDE), as an ordinary user's program would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import one_line_error
from tests.conftest import PASSWORD

_DROP = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def _as_a_user(tmp_path: Path, db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    env |= {"LANG": "C.UTF-8", "NEWSDESK_PASSWORD": PASSWORD, "PYTHONIOENCODING": "utf-8"}
    prefix = _DROP if os.geteuid() == 0 else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "newsdesk", "--db", str(db), *args],
        capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path,
    )  # fmt: skip


@pytest.fixture
def room(tmp_path: Path, db_path: Path) -> Iterator[Path]:
    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        pytest.skip("root without setpriv: file modes cannot be made to count")
    folder = tmp_path / "room"
    folder.mkdir()
    db = folder / "ro.db"
    shutil.copy(db_path, db)
    probe = _as_a_user(tmp_path, db, "user", "list")
    assert probe.returncode == 0, probe.stderr
    yield db
    folder.chmod(0o755)


def test_a_database_opened_read_only_is_writable_again_once_its_file_is(
    tmp_path: Path, room: Path
) -> None:
    room.chmod(0o444)
    refused = _as_a_user(tmp_path, room, "topic", "add", "河口镇春耕", "--as", "ma")
    one_line_error(refused, f"The database file {room} is read-only")
    room.chmod(0o644)
    done = _as_a_user(tmp_path, room, "topic", "add", "河口镇春耕", "--as", "ma")
    assert done.returncode == 0, done.stderr


def _read_while_read_only(db: Path) -> None:
    """What another program (or an older Newsdesk) does: read the database while its file is
    read-only, which leaves a read-only -shm (SQLite gives it the database's mode)."""
    db.chmod(0o444)
    prefix = _DROP if os.geteuid() == 0 else []
    read = "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute('SELECT 1 FROM users')"
    subprocess.run([*prefix, sys.executable, "-c", read, str(db)], check=True, timeout=60)
    db.chmod(0o644)


def test_a_read_only_shm_left_behind_is_mended_or_named(tmp_path: Path, room: Path) -> None:
    shm = Path(f"{room}-shm")
    _read_while_read_only(room)
    assert not os.stat(shm).st_mode & 0o200  # the leftover the issue describes
    done = _as_a_user(tmp_path, room, "topic", "add", "河口镇春耕", "--as", "ma")
    assert done.returncode == 0, done.stderr
    if os.geteuid() != 0:
        return  # only root can give the file to someone else
    _read_while_read_only(room)
    os.chown(shm, 65534, 65534)  # another user's: not ours to change
    refused = _as_a_user(tmp_path, room, "topic", "add", "城关镇征兵", "--as", "ma")
    one_line_error(refused, f"{shm} is read-only")


def test_a_writable_file_in_a_read_only_folder_names_the_folder(tmp_path: Path, room: Path) -> None:
    room.parent.chmod(0o555)
    refused = _as_a_user(tmp_path, room, "topic", "add", "河口镇春耕", "--as", "ma")
    one_line_error(refused, f"The folder {room.parent} is read-only")
