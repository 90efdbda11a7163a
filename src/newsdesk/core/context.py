"""What every service shares: the repository, the clock, this machine's name, the audit log."""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from newsdesk.core.audit import next_entry
from newsdesk.core.audit_anchor import refuse_if_cut
from newsdesk.core.repository import Repository

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Context:
    repo: Repository
    clock: Clock = utc_now
    machine: str = field(default_factory=socket.gethostname)

    def record(
        self,
        actor_id: int | None,
        action: str,
        article_id: int | None = None,
        **detail: object,
    ) -> None:
        """Append to the audit log. Call inside the transaction whose change it records. A log
        cut short is not written on (AuditLogCut), so the whole change is refused."""
        last = self.repo.last_audit_entry()
        refuse_if_cut(self.repo, last)
        entry = next_entry(last, self.clock(), actor_id, action, article_id, detail)
        self.repo.append_audit(entry)
