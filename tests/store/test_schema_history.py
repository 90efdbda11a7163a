"""The schema declared once still makes, step by step, the databases Newsdesk always made: each
version matches the shape checked in from before the declaration (tests/store/data/), and an
older database, as the old program left it, upgrades to exactly what a fresh one is."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg
import pytest
from sqlite_utils import Database, Migrations

from newsdesk.core.models import ArticleContent, Role
from newsdesk.core.workspace import Workspace
from newsdesk.store import pg_schema, schema
from newsdesk.store.history import MIGRATIONS, SCHEMA_VERSION
from newsdesk.store.pg_store import PgStore
from newsdesk.store.sqlite_store import SqliteStore
from newsdesk.store.tables import BY_NAME, INDEXES, TABLES
from tests.conftest import PASSWORD
from tests.store.schema_shape import DATA, golden, pg_shape, sqlite_shape


def test_the_versions_are_one_to_n_in_order_with_distinct_names() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, SCHEMA_VERSION + 1))
    assert len({m.name for m in MIGRATIONS}) == SCHEMA_VERSION
    assert all(m.name.startswith(f"{m.version:04d}_") for m in MIGRATIONS)
    assert set(schema.SQLITE_ONLY) | set(pg_schema.PG_ONLY) <= set(range(1, SCHEMA_VERSION + 1))
    assert schema.SCHEMA_VERSION == pg_schema.SCHEMA_VERSION == SCHEMA_VERSION


def _since(table_name: str, column_name: str) -> int:
    table = BY_NAME[table_name]
    return max(table.since, table.column(column_name).since)


def test_every_reference_and_index_names_a_column_there_by_then() -> None:
    for table in TABLES:
        for column in table.columns:
            assert _since(table.name, column.name) <= SCHEMA_VERSION, (table.name, column.name)
            if column.references:
                target, key = column.references.rstrip(")").split("(")
                assert _since(target, key) <= _since(table.name, column.name), column
        for columns in (table.primary_key, *table.unique):
            assert set(columns) <= set(table.column_names()), table.name
    for index in INDEXES:
        named = [part.split()[0] for part in index.columns.split(",")]
        assert all(_since(index.table, n) <= index.since for n in named), index.name
    live = [i.name for i in INDEXES if i.until is None]
    assert len(live) == len(set(live))


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_sqlite_steps_up_to_each_version_make_what_that_version_made(
    tmp_path: Path, version: int
) -> None:
    conn = sqlite3.connect(tmp_path / "steps.db")
    made = Migrations("newsdesk")
    for migration in MIGRATIONS[:version]:
        made(name=migration.name)(schema._step(migration))
    made.apply(Database(conn, execute_plugins=False))
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {version}")
    assert sqlite_shape(conn) == golden(f"sqlite_schema_{version}.json")
    conn.close()


def test_a_fresh_sqlite_workspace_has_todays_schema(tmp_path: Path) -> None:
    SqliteStore(tmp_path / "fresh.db", create=True).close()
    conn = sqlite3.connect(tmp_path / "fresh.db")
    assert sqlite_shape(conn) == golden(f"sqlite_schema_{SCHEMA_VERSION}.json")
    conn.close()


@pytest.mark.parametrize("old", [1, 7])
def test_a_sqlite_workspace_made_by_an_older_newsdesk_upgrades_to_todays_schema(
    tmp_path: Path, old: int
) -> None:
    path = tmp_path / f"schema-{old}.db"
    conn = sqlite3.connect(path)
    conn.executescript((DATA / f"sqlite_schema_{old}.sql").read_text(encoding="utf-8"))
    conn.close()

    store = SqliteStore(path)  # upgrades on open
    ws = Workspace(store)
    admin = ws.users.add(None, "admin", "管理员", frozenset({Role.ADMIN, Role.EDITOR}), PASSWORD)
    ws.articles.create(admin, ArticleContent("标题", "正文。"))
    assert ws.verify().ok
    store.close()
    conn = sqlite3.connect(path)
    assert sqlite_shape(conn) == golden(f"sqlite_schema_{SCHEMA_VERSION}.json")
    conn.close()


def _pg_at(url: str, version: int) -> None:
    """A server database as Newsdesk left it at `version`, by the steps up to it."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(pg_schema.SCHEMA[0])  # the version table
        for migration in MIGRATIONS[:version]:
            for statement in pg_schema.statements(migration):
                conn.execute(statement.replace("%", "%%"))
        conn.execute("INSERT INTO newsdesk_schema (version) VALUES (%s)", (version,))


def _without_versions(shape: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in shape.items() if key != "versions"}


def test_a_fresh_server_workspace_has_todays_schema(empty_pg: str) -> None:
    PgStore(empty_pg, create=True).close()
    with psycopg.connect(empty_pg) as conn:
        assert pg_shape(conn) == golden(f"pg_schema_{SCHEMA_VERSION}.json")


@pytest.mark.parametrize("old", [pg_schema.FIRST_VERSION, 7])
def test_a_server_workspace_made_by_an_older_newsdesk_upgrades_to_todays_schema(
    empty_pg: str, old: int
) -> None:
    _pg_at(empty_pg, old)
    with psycopg.connect(empty_pg) as conn:  # the steps make what that version made
        assert pg_shape(conn) == golden(f"pg_schema_{old}.json")
    PgStore(empty_pg).close()  # upgrades on open (we are the owner)
    with psycopg.connect(empty_pg) as conn:
        shape = pg_shape(conn)
    assert _without_versions(shape) == _without_versions(golden(f"pg_schema_{SCHEMA_VERSION}.json"))
    assert shape["versions"] == list(range(old, SCHEMA_VERSION + 1))
