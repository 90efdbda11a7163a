"""A value built on a thread of its own, for a use soon after.

CPython runs one thread's Python at a time, but a thread waiting in C (a password's scrypt, a
dialog, QtWebEngine starting its processes) lets another run: work that only computes (compiling
the proofreading rules) is done by the time it is needed instead of after.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)


class Prebuilt(Generic[T]):
    """`build()` started now on a daemon thread; `take(inputs)` waits for it and gives its
    value if it was built from these `inputs`, else None (as on a failed build: the caller
    builds it itself and meets the error where it can report it)."""

    def __init__(self, inputs: Hashable, build: Callable[[], T]) -> None:
        self.inputs = inputs
        self._value: T | None = None
        self._thread = threading.Thread(
            target=self._run, args=(build,), name="newsdesk-prebuild", daemon=True
        )
        self._thread.start()

    def _run(self, build: Callable[[], T]) -> None:
        try:
            self._value = build()
        except Exception:  # reported by the caller's own build
            log.debug("building ahead failed", exc_info=True)

    def take(self, inputs: Hashable) -> T | None:
        self._thread.join()
        return self._value if inputs == self.inputs else None
