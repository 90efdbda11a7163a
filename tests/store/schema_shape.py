"""A database's schema as plain data, for comparing a fresh database, an upgraded one and the
shape checked in from before the schema was declared once (tests/store/data/)."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"


def normalised(sql: str) -> str:
    """SQL with its layout taken out: the same statement however it was indented."""
    sql = re.sub(r"\s+", " ", sql.strip())
    sql = re.sub(r"\(\s+", "(", sql)
    sql = re.sub(r"\s+\)", ")", sql)
    return re.sub(r"\s+,", ",", sql)


def sqlite_shape(conn: sqlite3.Connection) -> dict[str, Any]:
    objects = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master"
        " WHERE name NOT LIKE 'sqlite_autoindex%' ORDER BY type, name"
    ).fetchall()
    migrations = conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = 'newsdesk' ORDER BY name"
    ).fetchall()
    return {
        "objects": [[t, n, tbl, normalised(sql or "")] for t, n, tbl, sql in objects],
        "user_version": conn.execute("PRAGMA user_version").fetchone()[0],
        "application_id": conn.execute("PRAGMA application_id").fetchone()[0],
        "migrations": [row[0] for row in migrations],
    }


def pg_shape(conn: Any) -> dict[str, Any]:
    def rows(sql: str) -> list[list[Any]]:
        return [list(r) for r in conn.execute(sql).fetchall()]

    return {
        "columns": rows(
            "SELECT table_name, ordinal_position, column_name, data_type, is_nullable,"
            " column_default, is_identity, identity_generation FROM information_schema.columns"
            " WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"
        ),
        "constraints": rows(
            "SELECT c.conrelid::regclass::text, c.conname, c.contype::text,"
            " pg_get_constraintdef(c.oid) FROM pg_constraint c"
            " JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public'"
            " ORDER BY 1, 2"
        ),
        "indexes": rows(
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"
            " ORDER BY 1, 2"
        ),
        "triggers": rows(
            "SELECT t.tgrelid::regclass::text, t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t"
            " JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = 'public' AND NOT t.tgisinternal ORDER BY 1, 2"
        ),
        "functions": [
            [name, definer, normalised(source)]
            for name, definer, source in conn.execute(
                "SELECT p.proname, p.prosecdef, p.prosrc FROM pg_proc p"
                " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'"
                " ORDER BY 1"
            ).fetchall()
        ],
        "public_grants": rows(
            "SELECT table_name, privilege_type FROM information_schema.role_table_grants"
            " WHERE grantee = 'PUBLIC' AND table_schema = 'public' ORDER BY 1, 2"
        ),
        "versions": [r[0] for r in conn.execute("SELECT version FROM newsdesk_schema ORDER BY 1")],
    }


def golden(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def write_newest(server: str = "postgresql:///") -> list[Path]:
    """Check in the shape of a new schema version, from fresh databases of this code (after
    adding a migration: `python -m tests.store.schema_shape`). An existing version's files are
    history and are never written again."""
    import tempfile
    import uuid

    import psycopg

    from newsdesk.store.history import SCHEMA_VERSION
    from newsdesk.store.pg_store import PgStore
    from newsdesk.store.sqlite_store import SqliteStore

    written = []
    lite, pg = (
        DATA / f"sqlite_schema_{SCHEMA_VERSION}.json",
        DATA / f"pg_schema_{SCHEMA_VERSION}.json",
    )
    if not lite.exists():
        with tempfile.TemporaryDirectory() as folder:
            SqliteStore(Path(folder) / "fresh.db", create=True).close()
            conn = sqlite3.connect(Path(folder) / "fresh.db")
            shape = sqlite_shape(conn)
            conn.close()
        lite.write_text(json.dumps(shape, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(lite)
    if not pg.exists():
        name = f"nd_shape_{uuid.uuid4().hex[:8]}"
        base = server if server.endswith("/") else server + "/"
        with psycopg.connect(base + "postgres", autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {name}")
            try:
                PgStore(base + name, create=True).close()
                with psycopg.connect(base + name) as conn:
                    shape = pg_shape(conn)
            finally:
                admin.execute(f"DROP DATABASE {name} WITH (FORCE)")
        pg.write_text(json.dumps(shape, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(pg)
    return written


if __name__ == "__main__":
    print("\n".join(str(path) for path in write_newest()) or "nothing new to write")
