"""Where the database file lives, and whether SQLite can be trusted there.

SQLite's locking (and WAL's shared memory) does not work over network filesystems: a database
on a shared drive used from two PCs gets corrupted sooner or later (sqlite.org/useovernet.html).
We cannot make that safe, so we detect it and say so; team mode (PostgreSQL) is the answer.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_TYPES = frozenset(
    [
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "sshfs",
        "fuse.sshfs",
        "9p",
        "afs",
        "ncpfs",
        "glusterfs",
        "fuse.glusterfs",
        "ceph",
        "fuse.ceph",
        "davfs",
        "fuse.davfs2",
        "fuse.rclone",
        "lustre",
    ]
)


def _mount_type(path: Path, mounts: str) -> str:
    best, kind = "", ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        if (str(path) == point or str(path).startswith(point.rstrip("/") + "/")) and len(
            point
        ) > len(best):
            best, kind = point, fields[2]
    return kind


def network_filesystem(path: Path, mounts: str | None = None) -> str | None:
    """The network filesystem holding `path` ("cifs", "nfs4", "UNC share"…), or None."""
    target = path.expanduser().resolve()
    if sys.platform == "win32":
        text = str(target)
        if text.startswith("\\\\"):
            return "UNC share"
        import ctypes

        drive = os.path.splitdrive(text)[0] + "\\"
        remote = 4  # DRIVE_REMOTE
        kernel32 = getattr(ctypes, "windll").kernel32  # noqa: B009 (Windows only)
        return "network drive" if kernel32.GetDriveTypeW(drive) == remote else None
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    kind = _mount_type(target if target.exists() else target.parent, mounts)
    return kind if kind in NETWORK_TYPES else None


WARNING = (
    "数据库位于网络共享（{kind}）上。SQLite 在网络共享上不可靠，多台电脑同时使用会损坏数据。"
    "请把数据库放在本机，或使用团队模式（PostgreSQL）。",
    "The database is on a network share ({kind}). SQLite is not safe there: used from several "
    "PCs it will get corrupted. Keep the database on this PC, or use team mode (PostgreSQL).",
)
