"""Health, backup and restore: what the engine can do is its dialect's (SQLite's PRAGMAs and
online backup API; a server's own checks, and pg_dump there); the audit anchor follows a restore."""

from __future__ import annotations

from pathlib import Path

from newsdesk.store.areas.audit import AuditArea


class MaintenanceArea(AuditArea):
    def integrity_problems(self) -> list[str]:
        return self._dialect.integrity_problems()

    def backup_to(self, destination: Path) -> None:
        """A consistent copy, safe while others write (a file); a server says how instead."""
        self._dialect.backup_to(destination)

    def restore_from(self, source: Path, safety_copy: Path) -> None:
        """Replace this store's contents with a backup's; what was here is first copied to
        `safety_copy`, so a restore can itself be undone."""
        self._dialect.restore_from(source, safety_copy)
        self.reset_audit_anchor()  # the restored log is the log now
