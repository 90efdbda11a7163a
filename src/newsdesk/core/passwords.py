"""Password hashing with scrypt (memory-hard, in the standard library)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

# n=2**14, r=8 costs 16 MiB and ~50 ms: slow for a guesser, unnoticeable at sign-in.
_N, _R, _P = 2**14, 8, 1
_MAXMEM = 64 * 1024 * 1024
MIN_LENGTH = 6


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, maxmem=_MAXMEM)
    return f"scrypt${_N}${_R}${_P}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt_b64, digest_b64 = stored.split("$")
        if scheme != "scrypt":
            return False
        salt = base64.b64decode(salt_b64)
        expected = base64.b64decode(digest_b64)
        actual = hashlib.scrypt(
            password.encode("utf-8"),
            salt=salt,
            n=int(n),
            r=int(r),
            p=int(p),
            maxmem=_MAXMEM,
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def dummy_verify(password: str) -> None:
    """Spend the same time as a real check, so an unknown username is not told apart by timing."""
    verify_password(password, _DUMMY)


_DUMMY = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="


def sign_in_delay(failed_attempts: int) -> int:
    """Seconds a user must wait after this many consecutive failures (0 = may try now).

    Three free tries for typos, then 2, 4, 8 … seconds, capped at five minutes.
    """
    if failed_attempts < 3:
        return 0
    return int(min(2 ** (failed_attempts - 2), 300))
