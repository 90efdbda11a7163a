"""Opening the workspace at start: a damaged database offers the newest good backup, and a
backup is made at start and once a day."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newsdesk.core.errors import DatabaseMissing, InvalidInput, ReadOnlyDatabase, StoreError
from newsdesk.core.repository import Repository
from newsdesk.store import backups, open_repository

log = logging.getLogger("newsdesk")
Ask = Callable[[str, Path], bool]  # (why the database cannot be used, the backup) -> restore?
START_BACKUP_MS = 2000  # the start backup, at the latest this long after the window shows


class Once:
    """`work` the first time this is called, nothing after (whichever signal comes first)."""

    def __init__(self, work: Callable[[], object]) -> None:
        self._work: Callable[[], object] | None = work

    def __call__(self, *_: object) -> None:
        work, self._work = self._work, None
        if work is not None:
            work()


def open_or_recover(path: Path, *, create: bool, ask: Ask) -> Repository:
    """The store at `path`; if it is damaged and a good backup exists, offer that instead.
    Refusing (or having no backup) raises the original error."""
    try:
        store = open_repository(str(path), create=create)
        store.users_count_probe()
        return store
    except (DatabaseMissing, InvalidInput, ReadOnlyDatabase):
        raise  # not damage: a backup would not help (the message names what to change)
    except StoreError as error:
        candidate = backups.newest_good(path)
        if candidate is None or not ask(error.message("zh"), candidate):
            raise
        damaged = backups.replace_with(path, candidate, datetime.now(UTC))
        log.warning("restored %s from %s; the damaged file is %s", path, candidate, damaged)
        return open_repository(str(path))


def backup_now_and_then(store: Repository, *, daily: bool = False) -> Path | None:
    """At start: unless one is under an hour old. Later, each hour: unless one is under a day."""
    age = timedelta(days=1) if daily else timedelta(hours=1)
    try:
        made = backups.rotate(store, datetime.now(UTC), min_age=age)
    except StoreError as error:
        log.error("automatic backup failed: %s", error.message("en"))
        return None
    if made is not None:
        log.info("automatic backup %s", made)
    return made
