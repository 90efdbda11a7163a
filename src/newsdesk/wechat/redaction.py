"""Keeping the access token and the AppSecret out of logs and messages.

WeChat wants the token in the query string, and httpx logs every request URL at INFO: its
records are rewritten before any handler sees them. The AppSecret only ever travels in the
body of `stable_token`, which nothing logs; errors that quote WeChat are redacted all the same.
"""

from __future__ import annotations

import logging
import re

_TOKEN_IN_URL = re.compile(r"(access_token=)[^&\s\"'#]+")
MASK = "***"


def redact(text: str, *values: str) -> str:
    """`text` with any `access_token=` value and each of `values` masked."""
    text = _TOKEN_IN_URL.sub(r"\g<1>" + MASK, text)
    for value in values:
        if value:
            text = text.replace(value, MASK)
    return text


class _RedactTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        return True


_FILTER = _RedactTokens()


def guard_http_logs() -> None:
    """Install the filter on httpx's logger (idempotent; httpcore logs no URLs)."""
    logger = logging.getLogger("httpx")
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)
