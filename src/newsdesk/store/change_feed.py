"""What changed in the workspace, told rather than polled for.

On PostgreSQL, migration 0009's triggers (CHANGE_FEED_TRIGGERS, below) call
`pg_notify('newsdesk_changes', <table>)` at the end of every statement that changes a table the
app shows; `PgChangeFeed` (pg_change_feed.py) holds one connection of its own that LISTENs on
that channel, so every PC hears a commit the moment it is made.
The notifications of one transaction arrive together at its COMMIT (the server folds repeats).

A LISTEN connection is idle most of the time, and an idle link that died says nothing: the feed
asks the server for a one-row answer after PING_SECONDS of silence, under the same deadlines as
every other call (`pg_liveness`), so a dead link or a stopped server is known in about
`answer_seconds()` + PING_SECONDS, and the caller is told by the store's own errors
(`ServerUnreachable`, `ServerSilent`). Notifications sent while the link was down are lost:
whoever reconnects must treat everything as changed (`EVERYTHING`).

On SQLite, `PRAGMA data_version` on a connection of the feed's own moves whenever another
connection (this app's store, another window, the CLI) commits to the file: a local read of a
few microseconds, cheap enough for a timer. It cannot say which table changed, so a move
reports `EVERYTHING`.

No Qt here: `ui/workspace_watcher.py` turns a feed into signals.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Protocol

from newsdesk.core.errors import StoreError

CHANNEL = "newsdesk_changes"
# The tables whose changes show somewhere in the app (lists, counts, the open article, the
# planning windows). The audit log, search index, picture store, settings, the WeChat upload
# cache and 三校's seen-findings record change along with these or show nowhere.
TOLD_BY_STATEMENT = (
    "articles",
    "revisions",
    "article_editors",
    "sign_offs",
    "notes",
    "proof_dismissals",
    "accounts",
    "wechat_pushes",
    "article_wechat",
    "topics",
    "topic_assignees",
    "users",
)
WATCHED_TABLES = frozenset({*TOLD_BY_STATEMENT, "locks"})

# PostgreSQL's side, migration 0009_change_feed (pg_schema takes it as schema 9; like every
# applied migration, never edit it: a change is a new migration). Each statement that changes
# a table above tells, at its COMMIT, which table: statement level, so a thousand-row copy is
# one notification, and the server folds repeats within a transaction. A lock's heartbeat
# (every minute from every open article) changes nothing a PC shows, so locks tell only when
# one is taken, handed over or let go. The function runs as whoever changed the table;
# pg_notify is open to every role, the staff role included.
CHANGE_FEED_TRIGGERS = (
    f"""CREATE FUNCTION newsdesk_tell_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME); RETURN NULL; END $$""",
    *(
        f"""CREATE TRIGGER {table}_told AFTER INSERT OR UPDATE OR DELETE ON {table}
           FOR EACH STATEMENT EXECUTE FUNCTION newsdesk_tell_change()"""
        for table in TOLD_BY_STATEMENT
    ),
    """CREATE TRIGGER locks_told AFTER INSERT OR DELETE ON locks
       FOR EACH ROW EXECUTE FUNCTION newsdesk_tell_change()""",
    """CREATE TRIGGER locks_told_handover AFTER UPDATE ON locks FOR EACH ROW
       WHEN (OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.acquired_at IS DISTINCT FROM
             NEW.acquired_at OR OLD.machine IS DISTINCT FROM NEW.machine)
       EXECUTE FUNCTION newsdesk_tell_change()""",
)
EVERYTHING = WATCHED_TABLES
NOTHING: frozenset[str] = frozenset()
PING_SECONDS = 1.0  # silence after which the feed checks that the server is still there


class ChangeFeed(Protocol):
    def changes(self, timeout: float) -> frozenset[str]:
        """The tables changed since the last call, waiting up to `timeout` seconds for one
        (empty when nothing changed). Raises ServerUnreachable when the server is gone."""

    def close(self) -> None: ...


def open_change_feed(target: str) -> ChangeFeed:
    """A feed for the workspace at `target`: a postgresql:// URL (with its password, not the
    masked `target` of a store) or a SQLite file path."""
    if target.startswith(("postgresql://", "postgres://")):
        from newsdesk.store.pg_change_feed import PgChangeFeed  # psycopg only for team mode

        return PgChangeFeed(target)
    return SqliteChangeFeed(Path(target))


class SqliteChangeFeed:
    """`PRAGMA data_version` on a read-only connection of its own; never waits."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            # check_same_thread off: a watcher may be made on one thread and read on another;
            # it is only ever used by one at a time.
            self._conn = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            self._version = self._read()
        except sqlite3.Error as error:
            raise StoreError(f"{path}: {error}") from None

    def _read(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def changes(self, timeout: float = 0.0) -> frozenset[str]:
        try:
            version = self._read()
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: {error}") from None
        if version == self._version:
            return NOTHING
        self._version = version
        return EVERYTHING

    def close(self) -> None:
        self._conn.close()
