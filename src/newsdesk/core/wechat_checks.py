"""Checks against WeChat's limits (docs/wechat-html.md) and the newsroom's word lists.

Banned words block submit and export; 广告法 absolute terms and over-long title, author or
digest warn. Every finding carries the field and character offsets, so the editor can
highlight it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from newsdesk.content.text_stats import visible_length
from newsdesk.core.checks import Check, Finding, Severity
from newsdesk.core.models import ArticleContent
from newsdesk.core.word_lists import parse_words as parse_words
from newsdesk.core.word_lists import starter_list as starter_list

TITLE_LIMIT = 64
AUTHOR_LIMIT = 8
DIGEST_LIMIT = 120
BODY_LIMIT = 20_000
_FIELDS = ("title", "author", "digest", "body")
_FIELD_WORDS = {"title": "标题", "author": "作者", "digest": "摘要", "body": "正文"}


@lru_cache(maxsize=16)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    # Longest first, so that 全网最低 is reported rather than a shorter word inside it.
    ordered = sorted(words, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in ordered), re.IGNORECASE)


def word_check(
    words: Callable[[], str], *, severity: Severity, code: str, zh: str, en: str
) -> Check:
    """A check that finds each listed word in every text field. `words` is read on every run,
    so an administrator's edit to the list applies at once."""

    def check(content: ArticleContent) -> list[Finding]:
        pattern = _pattern(parse_words(words()))
        if pattern is None:
            return []
        findings = []
        for field in _FIELDS:
            text = getattr(content, field)
            for match in pattern.finditer(text):
                word = match.group(0)
                findings.append(
                    Finding(
                        code,
                        severity,
                        f"{_FIELD_WORDS[field]}含{zh}“{word}”",
                        f"the {field} contains the {en} “{word}”",
                        field,
                        match.start(),
                        match.end(),
                    )
                )
        return findings

    return check


def _too_long(field: str, limit: int, severity: Severity, note_zh: str, note_en: str) -> Check:
    def check(content: ArticleContent) -> list[Finding]:
        text = getattr(content, field)
        length = visible_length(text) if field == "body" else len(text.strip())
        if length <= limit:
            return []
        return [
            Finding(
                f"{field}-too-long",
                severity,
                f"{_FIELD_WORDS[field]}有 {length} 字，超过公众号上限 {limit} 字{note_zh}",
                f"the {field} has {length} characters, over WeChat's {limit}{note_en}",
                field,
                limit if field != "body" else 0,
                len(text) if field != "body" else 0,
            )
        ]

    return check


def limit_checks() -> tuple[Check, ...]:
    return (
        _too_long(
            "title", TITLE_LIMIT, Severity.WARNING, "（接口发布限 32 字）", " (the API allows 32)"
        ),
        _too_long("author", AUTHOR_LIMIT, Severity.WARNING, "", ""),
        _too_long("digest", DIGEST_LIMIT, Severity.WARNING, "", ""),
        _too_long(
            "body", BODY_LIMIT, Severity.ERROR, "，公众号无法保存", "; WeChat will not save it"
        ),
    )


def newsroom_checks(banned: Callable[[], str], absolute: Callable[[], str]) -> Sequence[Check]:
    return (
        *limit_checks(),
        word_check(
            banned, severity=Severity.ERROR, code="banned-word", zh="禁用词", en="banned word"
        ),
        word_check(
            absolute,
            severity=Severity.WARNING,
            code="absolute-term",
            zh="广告法极限词",
            en="absolute term (Advertising Law)",
        ),
    )
