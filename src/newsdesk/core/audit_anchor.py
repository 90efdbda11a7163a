"""The end of the audit log never moves backwards.

A hash chain shows an entry changed or removed in the middle, not entries cut off its end. So
the newest entry's id and hash are also kept outside the log (a row the database moves forward
on every append and refuses to move back; for a SQLite file also a file beside it). A write
that finds the log shorter than that anchor is refused, and `verify` keeps failing, until an
administrator restores a backup or accepts the cut: an audited entry, numbered after the lost
ones (ids are never reused), that says which entries are gone and why it was accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from newsdesk.core.audit import next_entry
from newsdesk.core.errors import AdminRequired, AuditLogCut, InvalidInput
from newsdesk.core.models import AuditEntry, Role, User
from newsdesk.core.repository import Repository

CUT_ACCEPTED = "audit_cut_accepted"


@dataclass(frozen=True)
class Cut:
    first_missing: int  # ids first_missing..last_missing are gone
    last_missing: int
    replaced: bool = False  # the anchored entry is there but is not the one written

    def words(self) -> tuple[str, str]:
        if self.replaced:
            return (
                f"第 {self.last_missing} 条已不是当初写入的那条",
                f"entry {self.last_missing} is not the one that was written",
            )
        if self.first_missing == self.last_missing:
            return (f"第 {self.last_missing} 条不见了", f"entry {self.last_missing} is missing")
        return (
            f"第 {self.first_missing}–{self.last_missing} 条不见了",
            f"entries {self.first_missing}-{self.last_missing} are missing",
        )


def find_cut(last: AuditEntry | None, anchor: tuple[int, str] | None) -> Cut | None:
    """What is missing from the end of the log, judged by its anchor; None if nothing is."""
    if anchor is None or anchor[0] <= 0:
        return None
    anchor_id, anchor_hash = anchor
    last_id = last.id if last is not None else 0
    if last_id < anchor_id:
        return Cut(last_id + 1, anchor_id)
    if last is not None and last_id == anchor_id and last.hash != anchor_hash:
        return Cut(anchor_id, anchor_id, replaced=True)
    return None


def refuse_if_cut(repo: Repository, last: AuditEntry | None) -> None:
    """Call before appending: a log cut short is not written on."""
    cut = find_cut(last, repo.audit_anchor())
    if cut is not None:
        raise AuditLogCut(*cut.words())


def accept_cut(repo: Repository, admin: User, at: datetime, reason: str) -> AuditEntry:
    """Record, as `admin`, that the entries the anchor names are gone: the log goes on after
    them (never reusing their ids), and says so for good. Call inside a write transaction."""
    if Role.ADMIN not in admin.roles:
        raise AdminRequired(("接受审计日志的截断", "accept a cut in the audit log"))
    reason = reason.strip()
    if len(reason) < 3:
        raise InvalidInput(
            "请写明原因（至少 3 个字），它将留在审计日志里",
            "give a reason (at least 3 characters): it stays in the audit log",
        )
    last = repo.last_audit_entry()
    anchor = repo.audit_anchor()
    cut = find_cut(last, anchor)
    if cut is None or anchor is None:
        raise InvalidInput(
            "审计日志没有被截断，无需接受", "the audit log is not cut short: nothing to accept"
        )
    detail: dict[str, object] = {
        "missing_from": cut.first_missing,
        "missing_to": cut.last_missing,
        "anchor_hash": anchor[1],
        "replaced": cut.replaced,
        "reason": reason,
    }
    entry = next_entry(last, at, admin.id, CUT_ACCEPTED, None, detail, entry_id=anchor[0] + 1)
    repo.append_audit(entry)
    return entry
