"""The audit anchor's arithmetic: what counts as a cut, and which gaps verify accepts."""

from __future__ import annotations

from datetime import UTC, datetime

from newsdesk.core.audit import next_entry, verify_chain
from newsdesk.core.audit_anchor import CUT_ACCEPTED, Cut, find_cut
from newsdesk.core.models import AuditEntry

AT = datetime(2026, 3, 18, tzinfo=UTC)


def _log(count: int) -> list[AuditEntry]:
    entries: list[AuditEntry] = []
    for _ in range(count):
        entries.append(next_entry(entries[-1] if entries else None, AT, 1, "x", None, {}))
    return entries


def test_a_log_shorter_than_its_anchor_or_ending_elsewhere_is_cut() -> None:
    log = _log(5)
    anchor = (log[-1].id, log[-1].hash)
    assert find_cut(log[-1], anchor) is None
    assert find_cut(log[-1], None) is None
    assert find_cut(log[2], anchor) == Cut(4, 5)
    assert Cut(5, 5).words()[1] == "entry 5 is missing"
    assert find_cut(None, anchor) == Cut(1, 5)
    forged = next_entry(log[3], AT, 2, "y", None, {})
    assert find_cut(forged, anchor) == Cut(5, 5, replaced=True)


def test_verify_accepts_only_the_gap_an_administrator_recorded() -> None:
    log = _log(5)[:3]  # 4 and 5 cut off
    accepted = next_entry(
        log[-1], AT, 1, CUT_ACCEPTED, None, {"missing_from": 4, "missing_to": 5}, entry_id=6
    )
    report = verify_chain([*log, accepted])
    assert report.intact and report.accepted_cuts == ((4, 5),)
    wrong = next_entry(
        log[-1], AT, 1, CUT_ACCEPTED, None, {"missing_from": 4, "missing_to": 4}, entry_id=6
    )
    assert verify_chain([*log, wrong]).first_broken == 6
    plain = next_entry(log[-1], AT, 1, "x", None, {}, entry_id=6)
    assert verify_chain([*log, plain]).first_broken == 6
