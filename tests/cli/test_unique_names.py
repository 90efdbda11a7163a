"""One name, one person: usernames and display names are unique in a workspace once width and
case are set aside, in the service (a line naming the clash) and in the database."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.cli.conftest import Run, one_line_error, staffed
from tests.conftest import BACKENDS, PASSWORD

NEW = {"NEWSDESK_NEW_PASSWORD": PASSWORD}


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("username", "display", "named"),
    [
        ("ma2", "马编辑", "马编辑"),  # 马编辑 the editor, 马编辑 the auditor
        ("ma3", "ＬＩ主任", "李主任"),  # not a clash: other characters
        ("MA", "马老师", "ma"),
        ("ｍａ", "马老师", "ma"),  # full-width
        ("ma4", " 严编辑 ", "严编辑"),
    ],
    ids=["same-display", "other-display", "upper-case", "full-width", "spaces"],
)
def test_a_new_user_may_not_take_a_name_already_taken(
    cli: Run,
    db_path: Path,
    backend: str,
    request: pytest.FixtureRequest,
    username: str,
    display: str,
    named: str,
) -> None:
    db = staffed(cli, db_path, backend, request)
    added = cli("user", "add", username, "--name", display, "--role", "auditor", "--as", "admin",
                db=db, password=PASSWORD, env=NEW)  # fmt: skip
    if named == "李主任":
        assert added.returncode == 0, added.stderr
        return
    one_line_error(added, named)
    users = json.loads(cli("user", "list", "--json", db=db).stdout)
    assert username not in [u["username"] for u in users]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_rename_obeys_the_same_rule(
    cli: Run, db_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    db = staffed(cli, db_path, backend, request)
    clash = cli("user", "rename", "feng", "--name", "马编辑", "--as", "admin", db=db,
                password=PASSWORD)  # fmt: skip
    one_line_error(clash, "马编辑")
    own = cli("user", "rename", "ma", "--name", "马编辑", "--as", "admin", db=db,
              password=PASSWORD)  # fmt: skip
    assert own.returncode == 0, own.stderr  # its own name again is no clash
    done = cli("user", "rename", "feng", "--name", "冯主任", "--as", "admin", db=db,
               password=PASSWORD)  # fmt: skip
    assert done.returncode == 0, done.stderr
    users = {u["username"]: u["display_name"] for u in
             json.loads(cli("user", "list", "--json", db=db).stdout)}  # fmt: skip
    assert users["feng"] == "冯主任"
    not_admin = cli("user", "rename", "yan", "--name", "严老师", "--as", "ma", db=db,
                    password=PASSWORD)  # fmt: skip
    assert not_admin.returncode == 1


def test_the_database_refuses_a_clash_the_service_did_not_see(db_path: Path) -> None:
    connection = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.IntegrityError, match="display_key"):
        connection.execute(
            "INSERT INTO users (username, display_name, roles, password_hash, created_at,"
            " username_key, display_key) VALUES ('x', '马编辑', 'auditor', '', '', 'x', '马编辑')"
        )
    connection.close()


def test_a_workspace_that_already_holds_a_clash_opens_and_verify_names_it(
    cli: Run, db_path: Path
) -> None:
    connection = sqlite3.connect(db_path)  # as a workspace from before schema 8 could be
    connection.executescript(
        """
        DROP INDEX users_username_fold; DROP INDEX users_display_fold;
        ALTER TABLE users DROP COLUMN username_key; ALTER TABLE users DROP COLUMN display_key;
        DROP TRIGGER audit_log_never_reused; DROP TRIGGER audit_log_moves_mark;
        DROP TABLE audit_mark;
        DELETE FROM _sqlite_migrations WHERE name = '0008_unique_names_audit_mark';
        PRAGMA user_version = 7;
        INSERT INTO users (username, display_name, roles, password_hash, created_at)
            SELECT 'ma2', '马编辑', 'auditor', password_hash, created_at FROM users
            WHERE username = 'feng';
        """
    )
    connection.close()
    checked = cli("verify", db=db_path)
    assert checked.returncode == 1
    assert "ma and ma2 share a display name (马编辑 / 马编辑)" in checked.stdout
    signed_in = cli("user", "list", "--json", db=db_path)
    assert signed_in.returncode == 0 and "ma2" in signed_in.stdout
    renamed = cli("user", "rename", "ma2", "--name", "马审核", "--as", "admin", db=db_path,
                  password=PASSWORD)  # fmt: skip
    assert renamed.returncode == 0, renamed.stderr
    assert cli("verify", db=db_path).returncode == 0
    again = cli("user", "rename", "ma2", "--name", "ＭＡ编辑", "--as", "admin", db=db_path,
                password=PASSWORD)  # fmt: skip
    assert again.returncode == 0  # ＭＡ编辑 is not 马编辑
