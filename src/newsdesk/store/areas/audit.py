"""The audit log (a hash chain) and its anchor: the newest entry's id and hash kept outside
the log, so that entries cut off its end show."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from newsdesk.core.models import AuditEntry
from newsdesk.store.areas.base import SqlArea
from newsdesk.store.records import dt_req, ts


def _entry(row: Any) -> AuditEntry:
    return AuditEntry(
        row["id"],
        dt_req(row["at"]),
        row["actor_id"],
        row["action"],
        row["article_id"],
        json.loads(row["detail"]),
        row["prev_hash"],
        row["hash"],
    )


class AuditArea(SqlArea):
    # Set by append_audit, written by the store once its transaction has committed.
    _anchor_next: tuple[int, str] | None = None

    def last_audit_entry(self) -> AuditEntry | None:
        row = self._one("SELECT * FROM audit_log ORDER BY id DESC LIMIT 1")
        return _entry(row) if row else None

    def append_audit(self, entry: AuditEntry) -> int:
        self._anchor_next = (entry.id, entry.hash)
        self._run(
            "INSERT INTO audit_log (id, at, actor_id, action, article_id, detail, prev_hash, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entry.id,
                ts(entry.at),
                entry.actor_id,
                entry.action,
                entry.article_id,
                json.dumps(entry.detail, ensure_ascii=False, sort_keys=True),
                entry.prev_hash,
                entry.hash,
            ),
        )
        return entry.id

    def iter_audit(self) -> Iterator[AuditEntry]:
        for row in self._dialect.stream("SELECT * FROM audit_log ORDER BY id"):
            yield _entry(row)

    # The anchor: in the database (audit_mark, kept by triggers) and, for a file, in a second
    # file beside it written after each commit. A hash chain cannot show that entries were cut
    # off its end; the anchor can, unless whoever cut them also rewrote the second file. On a
    # server the mark alone serves: the staff role can neither cut the log nor move the mark.

    def _write_anchor(self, entry_id: int, digest: str, *, restored: bool = False) -> None:
        path = self._dialect.anchor_file
        if path is None:
            return
        kept = self._file_anchor()
        if not restored and kept is not None and kept[0] >= entry_id:
            return  # another process wrote a newer one since: the anchor never moves back
        partial = path.with_suffix(".partial")
        try:
            partial.write_text(json.dumps({"id": entry_id, "hash": digest}), encoding="utf-8")
            partial.replace(path)
        except OSError:
            pass  # a read-only folder: the chain itself still verifies

    def audit_anchor(self) -> tuple[int, str] | None:
        """The further of the mark in the database and the file beside it."""
        known = [a for a in (self._audit_mark(), self._file_anchor()) if a is not None]
        return max(known, key=lambda a: a[0]) if known else None

    def _audit_mark(self) -> tuple[int, str] | None:
        row = self._one("SELECT last_id, last_hash FROM audit_mark")
        return (int(row[0]), str(row[1])) if row is not None and row[0] else None

    def _file_anchor(self) -> tuple[int, str] | None:
        path = self._dialect.anchor_file
        if path is None:
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return int(data["id"]), str(data["hash"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def reset_audit_anchor(self) -> None:
        path = self._dialect.anchor_file
        if path is None:
            return
        last = self.last_audit_entry()
        if last is None:
            path.unlink(missing_ok=True)
        else:
            self._write_anchor(last.id, last.hash, restored=True)
