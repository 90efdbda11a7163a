"""The one SQL store: every area of the workspace (`newsdesk.store.areas`) on one dialect.

`SqliteStore` (a file on this PC) and `PgStore` (a team server) are this class on the two
dialects; neither is a kind of the other. Thread use: one store per thread (it holds one
connection)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from newsdesk.core.repository import Location
from newsdesk.store.areas.articles import ArticlesArea
from newsdesk.store.areas.maintenance import MaintenanceArea
from newsdesk.store.areas.review import ReviewArea
from newsdesk.store.areas.stats import StatsArea
from newsdesk.store.areas.topics import TopicsArea
from newsdesk.store.areas.users import UsersArea
from newsdesk.store.areas.wechat import WechatArea
from newsdesk.store.areas.workspace import WorkspaceArea
from newsdesk.store.dialect import Dialect, Row


class SqlStore(
    UsersArea,
    WechatArea,
    ArticlesArea,
    ReviewArea,
    TopicsArea,
    StatsArea,
    MaintenanceArea,
    WorkspaceArea,
):
    def __init__(self, dialect: Dialect) -> None:
        self._dialect = dialect
        self._anchor_next = None

    # --- where it is ---------------------------------------------------------------------------

    @property
    def location(self) -> Location:
        return self._dialect.location

    @property
    def target(self) -> str:
        return self._dialect.location.shown

    # --- the connection ------------------------------------------------------------------------

    def close(self) -> None:
        self._dialect.close()

    def unhurried(self) -> AbstractContextManager[None]:
        """For long jobs (a migration, a year of statistics): a server's deadlines are lifted
        inside; a file on this PC has none."""
        return self._dialect.unhurried()

    def try_again(self) -> None:
        self._dialect.try_again()

    def users_count_probe(self) -> int:
        """Read a real table: a damaged file often opens and fails only at its first read."""
        return self._dialect.probe()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing, serialised against other writers (the dialect says how). The audit
        anchor beside a file moves only once the entries it names are committed."""
        if self._dialect.in_transaction:
            with self._dialect.transaction():
                yield  # nested: the outer transaction decides
            return
        try:
            with self._dialect.transaction():
                yield
        except BaseException:
            self._anchor_next = None
            raise
        if self._anchor_next is not None:
            self._write_anchor(*self._anchor_next)
            self._anchor_next = None

    def _batches(self, sql: str, size: int) -> Iterator[list[Row]]:
        return self._dialect.batches(sql, size)

    def _execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self._dialect.many(sql, rows)
