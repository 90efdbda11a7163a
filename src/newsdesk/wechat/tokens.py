"""Access tokens, kept per (API base, AppID) for the life of the process.

Every window, worker and client object of one process shares a token, so a push of eight
articles with twenty pictures costs one `stable_token` call, not thirty. Tokens are renewed a
few minutes before WeChat says they expire (its normal mode hands out the next token in the
last five minutes anyway).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

MARGIN_SECONDS = 300.0

Key = tuple[str, str]  # (API base, AppID)


@dataclass(frozen=True)
class _Token:
    value: str
    good_until: float


class TokenCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tokens: dict[Key, _Token] = {}

    def get(self, key: Key, now: float) -> str | None:
        with self._lock:
            token = self._tokens.get(key)
        return token.value if token is not None and now < token.good_until else None

    def put(self, key: Key, value: str, expires_in: float, now: float) -> None:
        # A short-lived token (never seen, but the field is WeChat's to set) is used for half
        # its life rather than not at all.
        life = expires_in - MARGIN_SECONDS if expires_in > 2 * MARGIN_SECONDS else expires_in / 2
        with self._lock:
            self._tokens[key] = _Token(value, now + life)

    def drop(self, key: Key, value: str) -> None:
        """Forget `value` unless another thread has already replaced it with a newer token."""
        with self._lock:
            token = self._tokens.get(key)
            if token is not None and token.value == value:
                del self._tokens[key]

    def values(self) -> list[str]:
        with self._lock:
            return [token.value for token in self._tokens.values()]

    def clear(self) -> None:
        with self._lock:
            self._tokens.clear()


CACHE = TokenCache()


def forget_tokens() -> None:
    """Drop every cached token (after `wechat setup` changes an account, and between tests)."""
    CACHE.clear()
