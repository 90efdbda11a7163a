"""Can this database be written, and if not, why: the file, its folder, or a -wal/-shm file.

SQLite in WAL mode writes three files: the database, `-wal` and `-shm` beside it (it creates the
last two in the database's folder, with the database's permissions). A database opened while it
was read-only leaves a read-only `-shm` behind, and once the database is writable again every
write still fails with "attempt to write a readonly database" until someone deletes that file
by hand. So, before SQLite opens a file: a side file this user owns is given the database's
permissions again (what SQLite would have given it); anything that cannot be mended is named.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from newsdesk.core.errors import ReadOnlyDatabase

SIDE_FILES = ("-wal", "-shm")


def _writable(path: Path) -> bool:
    """Opened for writing, as SQLite will (asking the kernel, not the mode bits)."""
    try:
        os.close(os.open(path, os.O_RDWR))
    except OSError:
        return False
    return True


def read_only_file(path: Path) -> ReadOnlyDatabase:
    return ReadOnlyDatabase(
        f"数据库文件 {path} 是只读的：请让当前用户可以写入它（文件属性或权限），再重试。",
        f"The database file {path} is read-only: make it writable for this user, then try again.",
    )


def read_only_folder(folder: Path) -> ReadOnlyDatabase:
    return ReadOnlyDatabase(
        f"数据库所在的文件夹 {folder} 不可写入：SQLite 要在数据库旁边建立 -wal 和 -shm 文件。"
        "请让当前用户可以写入该文件夹，或把数据库移到可写的文件夹。",
        f"The folder {folder} is read-only: SQLite must create the -wal and -shm files beside"
        " the database. Make the folder writable for this user, or move the database to a"
        " folder that is.",
    )


def read_only_side(side: Path) -> ReadOnlyDatabase:
    return ReadOnlyDatabase(
        f"{side} 是只读的（多半是数据库只读时打开留下的），且无法自动改回：请关闭所有稿件工作站后"
        "删除它，或让当前用户可以写入它。",
        f"{side} is read-only (most likely left by an opening while the database was read-only)"
        " and cannot be made writable from here: close every Newsdesk and delete it, or make it"
        " writable for this user.",
    )


def prepare_for_writing(path: Path) -> None:
    """Before SQLite opens the existing database `path`: mend what can be mended, else raise
    ReadOnlyDatabase naming the culprit (before SQLite leaves read-only side files behind)."""
    if not _writable(path):
        raise read_only_file(path)
    mode = stat.S_IMODE(path.stat().st_mode)
    for suffix in SIDE_FILES:
        side = Path(f"{path}{suffix}")
        if not side.exists() or _writable(side):
            continue
        try:
            os.chmod(side, mode | stat.S_IWUSR)
        except OSError:
            raise read_only_side(side) from None
        if not _writable(side):
            raise read_only_side(side)
    folder = path.parent
    missing = [s for s in SIDE_FILES if not Path(f"{path}{s}").exists()]
    if missing and not os.access(folder, os.W_OK | os.X_OK):
        raise read_only_folder(folder)


def culprit(path: Path) -> ReadOnlyDatabase:
    """Why a write to the open database `path` was refused as read-only."""
    if path.exists() and not _writable(path):
        return read_only_file(path)
    for suffix in SIDE_FILES:
        side = Path(f"{path}{suffix}")
        if side.exists() and not _writable(side):
            return read_only_side(side)
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return read_only_folder(path.parent)
    return read_only_file(path)
