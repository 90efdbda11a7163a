"""A database on a network share is detected and named, so the user can be warned plainly."""

from __future__ import annotations

from pathlib import Path

from newsdesk.store.location import network_filesystem

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
//fileserver/newsroom /mnt/share cifs rw,vers=3.0 0 0
server:/export /srv/nfs nfs4 rw 0 0
/dev/sdb1 /mnt/share/local ext4 rw 0 0
"""


def test_network_mounts_are_named_and_local_ones_are_not() -> None:
    assert network_filesystem(Path("/mnt/share/room/newsdesk.db"), MOUNTS) == "cifs"
    assert network_filesystem(Path("/srv/nfs/newsdesk.db"), MOUNTS) == "nfs4"
    assert network_filesystem(Path("/mnt/share/local/newsdesk.db"), MOUNTS) is None
    assert network_filesystem(Path("/home/ma/newsdesk.db"), MOUNTS) is None


def test_this_machines_temp_folder_is_local(tmp_path: Path) -> None:
    assert network_filesystem(tmp_path / "x.db") is None
