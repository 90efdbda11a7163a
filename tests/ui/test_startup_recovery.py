"""A damaged database at start offers the newest good backup instead of failing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsdesk.core.errors import StoreError
from newsdesk.core.workspace import Workspace
from newsdesk.store import backups
from newsdesk.store.sqlite_store import SqliteStore
from newsdesk.ui.startup import backup_now_and_then, open_or_recover


def _ruin(db: Path) -> None:
    data = bytearray(db.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)  # every page after the first is garbage
    db.write_bytes(bytes(data))


def test_start_offers_the_newest_good_backup(db_path: Path) -> None:
    store = SqliteStore(db_path)
    assert backup_now_and_then(store) is not None
    assert backup_now_and_then(store) is None  # not again within the hour
    store.close()
    _ruin(db_path)
    asked: list[tuple[str, Path]] = []
    restored = open_or_recover(
        db_path, create=False, ask=lambda why, b: asked.append((why, b)) or True
    )
    assert asked and asked[0][1] == backups.backups(db_path)[0]
    assert Workspace(restored).users.get("ma").display_name == "马编辑"
    assert list(db_path.parent.glob("newsdesk.damaged-*.db"))
    restored.close()


def test_refusing_the_backup_or_having_none_keeps_the_error(db_path: Path) -> None:
    _ruin(db_path)
    with pytest.raises(StoreError):
        open_or_recover(db_path, create=False, ask=lambda why, b: True)  # no backup yet
    good = db_path.with_name("copy.db")
    assert not good.exists()
    backups.backup_folder(db_path).mkdir()
    stamp = (datetime.now(UTC) - timedelta(days=1)).strftime("%Y%m%d-%H%M%S")
    (backups.backup_folder(db_path) / f"newsdesk-{stamp}.db").write_bytes(b"junk" * 1000)
    with pytest.raises(StoreError):
        open_or_recover(db_path, create=False, ask=lambda why, b: True)  # the only backup is bad


def test_a_database_on_a_network_share_is_flagged_in_plain_words(
    qtbot, open_window, monkeypatch
) -> None:
    from newsdesk.store import location

    monkeypatch.setattr(location, "network_filesystem", lambda path, mounts=None: "cifs")
    window = open_window("ma")
    assert window.share_warning.text()
    assert (
        "network share (cifs)" in window.share_warning.toolTip()
        or "网络共享（cifs）" in window.share_warning.toolTip()
    )


def test_a_read_only_database_is_not_taken_for_a_damaged_one(db_path: Path) -> None:
    """No backup is offered in its place: the message says which file to make writable. Run
    without root's power over file modes (setpriv), as an ordinary user's app would be."""
    import os
    import shutil
    import subprocess
    import sys

    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        pytest.skip("root without setpriv: file modes cannot be made to count")
    store = SqliteStore(db_path)
    assert backup_now_and_then(store) is not None
    store.close()
    db_path.chmod(0o444)
    script = (
        "import sys; from pathlib import Path; from newsdesk.ui.startup import open_or_recover\n"
        "try: open_or_recover(Path(sys.argv[1]), create=False, ask=lambda w, b: print('asked'))\n"
        "except Exception as e: print(type(e).__name__, e.message('en'))\n"
    )
    prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
    ran = subprocess.run(
        [*(prefix if os.geteuid() == 0 else []), sys.executable, "-c", script, str(db_path)],
        capture_output=True, text=True, timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert ran.stdout.startswith("ReadOnlyDatabase The database file"), ran.stdout + ran.stderr
    assert "asked" not in ran.stdout
