"""The PostgreSQL schema, made from the declaration (store/tables.py) as SQLite's is: the same
tables column for column (timestamps stay ISO text so both backends share their mapping code),
plus what only PostgreSQL has here: bigram search in a tsvector, the audit log kept append-only
and its mark moved by functions, and the version table `newsdesk_schema`.

PostgreSQL workspaces began at schema 2. SCHEMA makes a new one by every step in order, the
same steps an older workspace is upgraded by (UPGRADES), so the two cannot drift apart.
"""

from __future__ import annotations

from newsdesk.store.change_feed import CHANGE_FEED_TRIGGERS
from newsdesk.store.history import MIGRATIONS, REUSED_ID, SCHEMA_VERSION, Migration

__all__ = ["FIRST_VERSION", "PG_ONLY", "SCHEMA", "SCHEMA_VERSION", "UPGRADES", "statements"]

FIRST_VERSION = 2  # the oldest schema a PostgreSQL workspace was ever made at

# PostgreSQL's own statements, by version, after the version's declared changes and plain SQL.
PG_ONLY: dict[int, tuple[str, ...]] = {
    1: (
        """CREATE FUNCTION newsdesk_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$""",
        """CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
           FOR EACH STATEMENT EXECUTE FUNCTION newsdesk_audit_append_only()""",
        # The same Han-bigram tokens as the SQLite index (store/fts.py), as a 'simple'
        # tsvector: terms of any length match, two-character words included, through one GIN
        # index each. Derived from the texts, so `migrate` builds it rather than copies it.
        """CREATE TABLE article_search (
            article_id BIGINT PRIMARY KEY REFERENCES articles(id),
            body_tokens TSVECTOR NOT NULL,
            title_tokens TSVECTOR NOT NULL
        )""",
        "CREATE INDEX article_search_body ON article_search USING GIN (body_tokens)",
        "CREATE INDEX article_search_title ON article_search USING GIN (title_tokens)",
    ),
    # The first account took id 1 by hand: identities continue after it.
    5: ("SELECT setval(pg_get_serial_sequence('accounts', 'id'), 2, false)",),
    # The mark moves in a SECURITY DEFINER function, so the staff role appends entries without
    # any right to move the mark itself (see the README's grants). Every role reads the mark
    # (each write compares the log with it); an upgraded workspace works before its grants are
    # run again.
    8: (
        "GRANT SELECT ON audit_mark TO PUBLIC",
        f"""CREATE FUNCTION newsdesk_audit_mark() RETURNS trigger LANGUAGE plpgsql
           SECURITY DEFINER SET search_path = public AS $$
           BEGIN
             IF NEW.id <= (SELECT last_id FROM audit_mark) THEN
               RAISE EXCEPTION '{REUSED_ID}';
             END IF;
             UPDATE audit_mark SET last_id = NEW.id, last_hash = NEW.hash;
             RETURN NEW;
           END $$""",
        """CREATE TRIGGER audit_log_moves_mark BEFORE INSERT ON audit_log
           FOR EACH ROW EXECUTE FUNCTION newsdesk_audit_mark()""",
        """CREATE FUNCTION newsdesk_audit_mark_forward() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN
             IF NEW.last_id <= OLD.last_id THEN
               RAISE EXCEPTION 'the audit mark never moves backwards';
             END IF;
             RETURN NEW;
           END $$""",
        """CREATE TRIGGER audit_mark_forward BEFORE UPDATE ON audit_mark
           FOR EACH ROW EXECUTE FUNCTION newsdesk_audit_mark_forward()""",
        """CREATE TRIGGER audit_mark_kept BEFORE DELETE OR TRUNCATE ON audit_mark
           FOR EACH STATEMENT EXECUTE FUNCTION newsdesk_audit_append_only()""",
    ),
    9: CHANGE_FEED_TRIGGERS,
}


def statements(migration: Migration) -> tuple[str, ...]:
    """One version's SQL on PostgreSQL. The pg store fills a version's new columns after these
    (字数 at 6, name keys at 8): a unique index over NULLs takes the keys as they come."""
    tables, indexes = migration.changes("postgresql")
    return (*tables, *indexes, *migration.data, *PG_ONLY.get(migration.version, ()))


SCHEMA = [
    "CREATE TABLE newsdesk_schema (version INTEGER NOT NULL)",
    *(statement for migration in MIGRATIONS for statement in statements(migration)),
]

# A workspace made by an older Newsdesk gets the steps it lacks, in order, by the version each
# brings it to. Only the owner role may take them.
UPGRADES: dict[int, tuple[str, ...]] = {
    m.version: statements(m) for m in MIGRATIONS if m.version > FIRST_VERSION
}
