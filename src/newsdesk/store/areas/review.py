"""The review chain's records and proofreading's: sign-offs, notes (returns, reopenings, spikes,
briefs), dismissed findings, and the findings each level has seen."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from newsdesk.core.models import (
    Dismissal,
    Level,
    Note,
    NoteKind,
    ProofRecord,
    SeenFinding,
    SignOff,
    State,
)
from newsdesk.store.areas.base import SqlArea
from newsdesk.store.records import dt, dt_req, ts


class ReviewArea(SqlArea):
    def add_sign_off(
        self,
        article_id: int,
        level: Level,
        user_id: int,
        content_hash: str,
        now: datetime,
        proofreading: ProofRecord | None = None,
    ) -> None:
        record = proofreading
        self._run(
            "INSERT INTO sign_offs (article_id, level, user_id, content_hash, signed_at,"
            " proof_found, proof_fixed, proof_dismissed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                level.value,
                user_id,
                content_hash,
                ts(now),
                record.found if record else None,
                record.fixed if record else None,
                record.dismissed if record else None,
            ),
        )

    def void_sign_offs(
        self, article_id: int, levels: Sequence[Level], reason: str, now: datetime
    ) -> None:
        marks = ", ".join("?" for _ in levels)
        self._run(
            f"UPDATE sign_offs SET voided_at = ?, void_reason = ? WHERE article_id = ?"
            f" AND voided_at IS NULL AND level IN ({marks})",
            [ts(now), reason, article_id, *(lv.value for lv in levels)],
        )

    def list_sign_offs(self, article_id: int) -> list[SignOff]:
        return self.sign_offs_for([article_id]).get(article_id, [])

    def sign_offs_for(self, article_ids: Sequence[int]) -> dict[int, list[SignOff]]:
        if not article_ids:
            return {}
        among, ids = self._among("article_id", article_ids)
        found: dict[int, list[SignOff]] = {}
        for r in self._all(f"SELECT * FROM sign_offs WHERE {among} ORDER BY article_id, id", ids):
            found.setdefault(r["article_id"], []).append(
                SignOff(
                    r["id"],
                    r["article_id"],
                    Level(r["level"]),
                    r["user_id"],
                    r["content_hash"],
                    dt_req(r["signed_at"]),
                    dt(r["voided_at"]),
                    r["void_reason"],
                    None
                    if r["proof_found"] is None
                    else ProofRecord(r["proof_found"], r["proof_fixed"], r["proof_dismissed"]),
                )
            )
        return found

    def add_note(
        self,
        article_id: int,
        kind: NoteKind,
        user_id: int,
        reason: str,
        from_state: State,
        now: datetime,
    ) -> None:
        self._run(
            "INSERT INTO notes (article_id, kind, user_id, reason, from_state, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (article_id, kind.value, user_id, reason, from_state.value, ts(now)),
        )

    def list_notes(self, article_id: int) -> list[Note]:
        return [
            Note(
                r["id"],
                r["article_id"],
                NoteKind(r["kind"]),
                r["user_id"],
                r["reason"],
                dt_req(r["created_at"]),
                State(r["from_state"]),
            )
            for r in self._all(
                "SELECT * FROM notes WHERE article_id = ? ORDER BY id", (article_id,)
            )
        ]

    # --- proofreading ------------------------------------------------------------------------

    def add_dismissal(self, dismissal: Dismissal) -> None:
        d = dismissal
        self._run(
            "INSERT INTO proof_dismissals (article_id, key, category, field, text, context,"
            " reason, user_id, content_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                d.article_id,
                d.key,
                d.category,
                d.field,
                d.text,
                d.context,
                d.reason,
                d.user_id,
                d.content_hash,
                ts(d.created_at),
            ),
        )

    def list_dismissals(self, article_id: int) -> list[Dismissal]:
        return [
            Dismissal(
                r["article_id"],
                r["key"],
                r["category"],
                r["field"],
                r["text"],
                r["context"],
                r["reason"],
                r["user_id"],
                r["content_hash"],
                dt_req(r["created_at"]),
            )
            for r in self._all(
                "SELECT * FROM proof_dismissals WHERE article_id = ? ORDER BY id", (article_id,)
            )
        ]

    def seen_findings(self, article_id: int, level: Level) -> list[SeenFinding]:
        return [
            SeenFinding(r[0], r[1], r[2])
            for r in self._all(
                "SELECT key, category, severity FROM proof_seen WHERE article_id = ? AND level = ?"
                " ORDER BY key",
                (article_id, level.value),
            )
        ]

    def note_seen(
        self, article_id: int, level: Level, findings: Sequence[SeenFinding], *, fresh: bool
    ) -> None:
        if fresh:
            self._run(
                "DELETE FROM proof_seen WHERE article_id = ? AND level = ?",
                (article_id, level.value),
            )
        for f in findings:
            self._run(
                "INSERT INTO proof_seen (article_id, level, key, category, severity)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (article_id, level.value, f.key, f.category, f.severity),
            )
