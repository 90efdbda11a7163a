"""Fault, race and hostile-input tests. CI runs them in a reduced form; `make reliability`
(NEWSDESK_FULL=1) runs the full counts and prints the figures."""

from __future__ import annotations

import os

FULL = os.environ.get("NEWSDESK_FULL") == "1"


def scale(reduced: int, full: int) -> int:
    return full if FULL else reduced
