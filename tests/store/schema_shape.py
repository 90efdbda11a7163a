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
