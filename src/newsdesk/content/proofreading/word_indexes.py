"""Word indexes that are built from the shipped word data alone, kept with the built rules.

Building the near-word and idiom indexes (near_words.py, idioms.py) and reading the idiom
list take a one-line `newsdesk proofread` longer than loading them pickled: `compiled.py` stores what `snapshot()`
gives beside the proofreader and hands it to `seed()` when it loads one. They depend only on
the shipped data and this package's code, both part of the cache's key, so a kept index is
never stale. Elsewhere (tests, a build without a cache) each is built on first use as before.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar, cast

T = TypeVar("T")

_GETTERS: dict[str, Callable[[], object]] = {}
_BUILT: dict[str, object] = {}


def kept(build: Callable[[], T]) -> Callable[[], T]:
    """`build`'s value, built once a process or seeded from the cache."""
    name = f"{build.__module__}.{build.__qualname__}"

    @wraps(build)
    def get() -> T:
        if name not in _BUILT:
            _BUILT[name] = build()
        return cast(T, _BUILT[name])

    _GETTERS[name] = get
    return get


def snapshot() -> dict[str, object]:
    """Every kept index, built if it was not yet."""
    return {name: get() for name, get in _GETTERS.items()}


def seed(values: object) -> None:
    """Indexes from `snapshot()` of the same code and data; an unknown name is skipped."""
    if isinstance(values, dict):
        for name, value in values.items():
            if name in _GETTERS:
                _BUILT.setdefault(name, value)


def built() -> frozenset[str]:
    """The indexes this process holds (for tests)."""
    return frozenset(_BUILT)
