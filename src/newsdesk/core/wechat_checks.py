"""Checks against WeChat's limits (docs/wechat-html.md).

Over-long title, author or digest warn; a body over WeChat's limit blocks. Every finding
carries the field and character offsets, so the editor can highlight it. The newsroom's
word lists (banned words, 广告法 absolute terms) are not checked here but by the proofreader,
once: its banned-word findings block submit and export with these.
"""

from __future__ import annotations

from newsdesk.content.proofreading.findings import Category
from newsdesk.content.text_stats import visible_length
from newsdesk.core.checks import Check, Finding, Severity
from newsdesk.core.models import ArticleContent
from newsdesk.core.word_lists import parse_words as parse_words
from newsdesk.core.word_lists import starter_list as starter_list

TITLE_LIMIT = 64
AUTHOR_LIMIT = 8
DIGEST_LIMIT = 120
BODY_LIMIT = 20_000
SOURCE = "微信公众平台图文消息限制"
_FIELD_WORDS = {"title": "标题", "author": "作者", "digest": "摘要", "body": "正文"}


def _too_long(field: str, limit: int, severity: Severity, note_zh: str, note_en: str) -> Check:
    def check(content: ArticleContent) -> list[Finding]:
        text = getattr(content, field)
        length = visible_length(text) if field == "body" else len(text.strip())
        if length <= limit:
            return []
        # The characters past the limit in a line field; the body is marked as a whole.
        start, end = (limit, len(text)) if field != "body" else (0, 0)
        return [
            Finding(
                f"{field}-too-long",
                severity,
                f"{_FIELD_WORDS[field]}有 {length} 字，超过公众号上限 {limit} 字{note_zh}",
                f"the {field} has {length} characters, over WeChat's {limit}{note_en}",
                field,
                start,
                end,
                Category.LIMIT,
                text[start:end],
                source=SOURCE,
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
