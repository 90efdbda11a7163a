"""Team mode on a real PostgreSQL server: what differs from SQLite, and moving up to it."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from newsdesk.core.demo import build_demo
from newsdesk.core.errors import StoreError
from newsdesk.core.models import ArticleContent, Role
from newsdesk.core.workspace import Workspace
from newsdesk.store.migrate import copy_workspace
from newsdesk.store.pg_store import PgStore
from newsdesk.store.sqlite_store import SqliteStore
from newsdesk.store.target import server_location
from tests.cli.conftest import Run
from tests.conftest import PASSWORD, Newsroom, ServerRoles


@pytest.fixture
def backend() -> str:
    return "postgresql"


def test_the_audit_log_refuses_update_and_delete_on_the_server(newsroom: Newsroom) -> None:
    raw = psycopg.connect(newsroom.store.url, autocommit=True)
    for statement in (
        "UPDATE audit_log SET detail = '{}'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
    ):
        with pytest.raises(psycopg.Error, match="append-only"):
            raw.execute(statement)
    raw.close()
    assert newsroom.ws.verify().ok


def test_a_password_in_the_url_is_never_shown(newsroom: Newsroom) -> None:
    shown = server_location("postgresql://newsdesk:s3cret@db.example/room?passfile=x").shown
    assert "s3cret" not in shown and "newsdesk:***@" in shown and "passfile" not in shown
    assert newsroom.store.location.server == newsroom.store.target


def test_a_sqlite_workspace_moves_up_with_its_history_and_verifies(
    tmp_path: Path, empty_pg: str, cli: Run
) -> None:
    source_path = tmp_path / "single-pc.db"
    source = SqliteStore(source_path, create=True)
    ids = build_demo(Workspace(source), password="demo-pass-1").article_ids
    expected_html = Workspace(source).exports.export(None, ids["approved"]).html
    source.close()

    moved = cli("migrate", "--from", str(source_path), "--to", empty_pg)
    assert moved.returncode == 0, moved.stderr
    assert "verified" in moved.stdout and "audit_log" in moved.stdout

    target = PgStore(empty_pg)
    ws = Workspace(target)
    assert ws.verify().ok
    assert ws.exports.export(None, ids["approved"]).html == expected_html
    assert [h.title for h in ws.articles.search("舟曲")]
    new = ws.articles.create(ws.users.get("ma"), ws.articles.get(ids["draft"]).content)
    assert new > max(ids.values())  # identities continue after the copied ids
    keys = target._all("SELECT username_key, display_key FROM users WHERE username = 'ma'")
    assert [tuple(k) for k in keys] == [("ma", "马编辑")]  # unique names travel with the users
    target.close()
    again = cli("migrate", "--from", str(source_path), "--to", empty_pg)
    assert again.returncode == 1 and "already holds a workspace" in again.stderr


def test_a_broken_source_is_not_moved(tmp_path: Path, empty_pg: str) -> None:
    import sqlite3

    source_path = tmp_path / "broken.db"
    source = SqliteStore(source_path, create=True)
    build_demo(Workspace(source), password="demo-pass-1")
    source.close()
    raw = sqlite3.connect(source_path)
    raw.execute("DROP TRIGGER audit_log_no_update")
    raw.execute("UPDATE audit_log SET detail = '{}' WHERE id = 2")
    raw.commit()
    raw.close()
    source, target = SqliteStore(source_path), PgStore(empty_pg, create=True)
    with pytest.raises(StoreError, match="broken at entry 2"):
        copy_workspace(source, target)
    assert target.count_users() == 0
    source.close()
    target.close()


def test_the_readme_setup_leaves_the_staff_role_unable_to_touch_the_audit_log(
    readme_server: ServerRoles,
) -> None:
    owner_url = readme_server.url(readme_server.owner)
    staff_url = readme_server.url(readme_server.staff)
    store = PgStore(staff_url)  # what every PC uses from now on
    ws = Workspace(store)
    admin = ws.users.sign_in("admin", "admin-pass-1")
    ws.users.add(admin, "ma", "马编辑", frozenset({Role.EDITOR}), PASSWORD)
    ma = ws.users.sign_in("ma", PASSWORD)
    article = ws.articles.create(ma, ArticleContent("团队模式", "正文。"))
    ws.articles.submit(ma, article)
    assert [hit.article_id for hit in ws.articles.search("团队")] == [article]
    store.close()

    with psycopg.connect(staff_url, autocommit=True) as staff:
        for statement in (
            "UPDATE audit_log SET detail = '{}'",
            "DELETE FROM audit_log",
            "TRUNCATE audit_log",
            "DROP TRIGGER audit_log_append_only ON audit_log",
            "ALTER TABLE audit_log DISABLE TRIGGER ALL",
            "UPDATE audit_mark SET last_id = 1",  # the mark only moves with an append
            "DELETE FROM audit_mark",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                staff.execute(statement)
    ws = Workspace(PgStore(owner_url))
    assert ws.verify().ok
    ws.repo.close()


def test_doctor_names_the_team_server_and_whether_it_answers(newsroom: Newsroom, cli: Run) -> None:
    here = cli("doctor", db=newsroom.store.url)
    assert "team server" in here.stdout and "reachable" in here.stdout, here.stdout
    assert "staff                       7" in here.stdout
    away = cli("doctor", db="postgresql://newsdesk@127.0.0.1:1/newsdesk")
    assert away.returncode == 1 and "Cannot reach the database server" in away.stdout
    assert "Traceback" not in away.stderr


def test_an_older_workspace_is_upgraded_by_its_owner_only(readme_server: ServerRoles) -> None:
    owner_url = readme_server.url(readme_server.owner)
    with psycopg.connect(owner_url, autocommit=True) as owner:  # as Newsdesk 0.1 left it
        owner.execute("DROP FUNCTION newsdesk_tell_change CASCADE")  # and its triggers
        owner.execute("DROP TRIGGER audit_log_moves_mark ON audit_log")
        owner.execute("DROP TABLE audit_mark")
        owner.execute("DROP FUNCTION newsdesk_audit_mark, newsdesk_audit_mark_forward")
        owner.execute("ALTER TABLE users DROP COLUMN username_key, DROP COLUMN display_key")
        owner.execute("DROP INDEX article_editors_user")
        owner.execute("DROP INDEX articles_created, sign_offs_signed")
        owner.execute("DROP TABLE topic_assignees, topics")
        owner.execute("DROP INDEX articles_published, audit_log_action_at")
        owner.execute("ALTER TABLE articles DROP COLUMN characters, DROP COLUMN original")
        owner.execute("DROP TABLE article_wechat, wechat_pushes, wechat_media")
        owner.execute("ALTER TABLE articles DROP COLUMN account_id")
        owner.execute("DROP TABLE accounts")
        owner.execute("INSERT INTO settings (key, value) VALUES ('account.name', '舟曲发布')")
        owner.execute("DROP TABLE proof_dismissals, proof_seen")
        for column in ("proof_found", "proof_fixed", "proof_dismissed"):
            owner.execute(f"ALTER TABLE sign_offs DROP COLUMN {column}")
        owner.execute("DELETE FROM newsdesk_schema WHERE version > 2")
    with pytest.raises(StoreError, match=r"one-time upgrade .* only the database.s owner"):
        PgStore(readme_server.url(readme_server.staff))
    PgStore(owner_url).close()
    with psycopg.connect(owner_url, autocommit=True) as owner:
        assert owner.execute("SELECT max(version) FROM newsdesk_schema").fetchone() == (9,)
        keys = owner.execute("SELECT username_key, display_key FROM users").fetchall()
        assert keys == [("admin", "管理员")]
        assert owner.execute("SELECT last_id FROM audit_mark").fetchone()[0] > 0
        first = owner.execute("SELECT id, name, title FROM accounts").fetchall()
        assert first == [(1, "default", "舟曲发布")]  # the workspace's name moved to its account
        assert owner.execute("SELECT to_regclass('article_editors_user')").fetchone()[0]
        assert owner.execute("SELECT to_regclass('proof_dismissals')").fetchone()[0]
        told = "SELECT count(*) FROM pg_trigger WHERE tgname LIKE '%told%'"
        assert owner.execute(told).fetchone()[0] > 0
    staff = PgStore(readme_server.url(readme_server.staff))  # and the staff carry on
    assert Workspace(staff).users.sign_in("admin", "admin-pass-1").username == "admin"
    staff.close()
