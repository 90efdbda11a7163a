"""The hash-chained audit log: each entry carries the hash of the one before it, so any edit,
deletion or reordering made behind the app's back breaks the chain at a findable place."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from newsdesk.core.models import AuditEntry

GENESIS = "0" * 64


def entry_hash(
    entry_id: int,
    at: datetime,
    actor_id: int | None,
    action: str,
    article_id: int | None,
    detail: dict[str, object],
    prev_hash: str,
) -> str:
    canonical = json.dumps(
        [entry_id, at.isoformat(), actor_id, action, article_id, detail, prev_hash],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def next_entry(
    last: AuditEntry | None,
    at: datetime,
    actor_id: int | None,
    action: str,
    article_id: int | None,
    detail: dict[str, object],
    *,
    entry_id: int | None = None,
) -> AuditEntry:
    """The entry after `last`; `entry_id` only to go on after entries cut off (never reusing
    their ids: see audit_anchor)."""
    if entry_id is None:
        entry_id = last.id + 1 if last else 1
    prev = last.hash if last else GENESIS
    digest = entry_hash(entry_id, at, actor_id, action, article_id, detail, prev)
    return AuditEntry(entry_id, at, actor_id, action, article_id, detail, prev, digest)


@dataclass(frozen=True)
class ChainReport:
    entries: int
    first_broken: int | None  # id of the first entry that does not fit the chain
    why: str = ""
    accepted_cuts: tuple[tuple[int, int], ...] = ()  # ids an administrator recorded as lost

    @property
    def intact(self) -> bool:
        return self.first_broken is None


def verify_chain(entries: Iterable[AuditEntry]) -> ChainReport:
    prev_hash = GENESIS
    expected_id = 1
    count = 0
    cuts: list[tuple[int, int]] = []
    for entry in entries:
        count += 1
        if entry.id != expected_id and _accepted_gap(entry, expected_id):
            cuts.append((expected_id, entry.id - 1))
        elif entry.id != expected_id:
            return ChainReport(count, entry.id, f"expected entry {expected_id}, found {entry.id}")
        if entry.prev_hash != prev_hash:
            return ChainReport(count, entry.id, "does not follow the entry before it")
        recomputed = entry_hash(
            entry.id,
            entry.at,
            entry.actor_id,
            entry.action,
            entry.article_id,
            entry.detail,
            entry.prev_hash,
        )
        if recomputed != entry.hash:
            return ChainReport(count, entry.id, "its content was changed after it was written")
        prev_hash = entry.hash
        expected_id = entry.id + 1
    return ChainReport(count, None, accepted_cuts=tuple(cuts))


def _accepted_gap(entry: AuditEntry, expected_id: int) -> bool:
    """A gap in the ids is only where an administrator's entry names exactly those ids as lost
    (the entry's own hash, checked next, proves it was written so)."""
    return (
        entry.action == "audit_cut_accepted"
        and entry.detail.get("missing_from") == expected_id
        and entry.detail.get("missing_to") == entry.id - 1
    )
