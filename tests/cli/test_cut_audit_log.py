"""Entries cut off the end of the audit log stay found: no write goes on over the cut, ids are
never reused, and `verify` fails until an administrator records the cut (or restores)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.cli.conftest import Run, one_line_error, staffed
from tests.conftest import BACKENDS, PASSWORD


def _sql(db: Path | str, *statements: str) -> list[tuple[object, ...]]:
    """Statements run straight on the database, as someone holding the file (or the server's
    owner) could; the last one's rows."""
    rows: list[tuple[object, ...]] = []
    if isinstance(db, Path):
        connection = sqlite3.connect(db)
        for statement in statements:
            rows = connection.execute(statement).fetchall()
        connection.commit()
        connection.close()
        return rows
    import psycopg

    with psycopg.connect(db, autocommit=True) as server:
        for statement in statements:
            cursor = server.execute(statement)
            rows = cursor.fetchall() if cursor.description else []
    return rows


def _cut(db: Path | str, entries: int) -> None:
    if isinstance(db, Path):
        _sql(db, "DROP TRIGGER audit_log_no_delete",
             f"DELETE FROM audit_log WHERE id > (SELECT max(id) - {entries} FROM audit_log)")  # fmt: skip
        Path(f"{db}.audit-anchor").unlink()  # whoever cut the log removed this too
    else:
        _sql(db, "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
             f"DELETE FROM audit_log WHERE id > (SELECT max(id) - {entries} FROM audit_log)",
             "ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")  # fmt: skip


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_cut_log_refuses_writes_until_an_administrator_records_the_cut(
    cli: Run, db_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    db = staffed(cli, db_path, backend, request)
    for title in ("河口镇春耕", "城关镇征兵", "县医院义诊"):
        added = cli("topic", "add", title, "--as", "ma", db=db, password=PASSWORD)
        assert added.returncode == 0, added.stderr
    [(written,)] = _sql(db, "SELECT max(id) FROM audit_log")
    assert isinstance(written, int)
    _cut(db, 2)

    checked = cli("verify", db=db)
    assert checked.returncode == 1 and str(written) in checked.stdout, checked.stdout
    refused = cli("topic", "add", "乡村振兴", "--as", "ma", db=db, password=PASSWORD)
    one_line_error(refused, f"entries {written - 1}-{written} are missing")
    assert cli("verify", db=db).returncode == 1  # still failing: nothing papered over it
    assert _sql(db, "SELECT max(id) FROM audit_log") == [(written - 2,)]

    not_admin = cli("verify", "--accept-cut", "--reason", "误删", "--as", "ma", db=db,
                    password=PASSWORD)  # fmt: skip
    assert not_admin.returncode == 1 and "Traceback" not in not_admin.stderr
    accepted = cli("verify", "--accept-cut", "--reason", "硬盘故障，无备份可恢复", "--as",
                   "admin", db=db, password=PASSWORD)  # fmt: skip
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert f"{written - 1}-{written}" in accepted.stdout
    assert cli("verify", db=db).returncode == 0

    again = cli("topic", "add", "乡村振兴", "--as", "ma", db=db, password=PASSWORD)
    assert again.returncode == 0, again.stderr
    ids = [row[0] for row in _sql(db, "SELECT id FROM audit_log ORDER BY id")]
    assert written - 1 not in ids and written not in ids  # never reused
    # the admin's record of the cut, then ma's sign-in and topic
    assert ids[-4:] == [written - 2, written + 1, written + 2, written + 3]
    reuse = (
        f"INSERT INTO audit_log SELECT {written}, at, actor_id, action, article_id, detail,"
        " prev_hash, hash FROM audit_log WHERE id = 1"
    )
    with pytest.raises(Exception, match="never reused"):
        _sql(db, reuse)
