"""Pre-submit checks. Pluggable: a check is any callable from content to findings.

The basic ones live here; the WeChat limits and the newsroom's word lists plug in beside them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from newsdesk.core.models import ArticleContent


class Severity(StrEnum):
    ERROR = "error"  # blocks submit and export
    WARNING = "warning"  # shown, never blocks


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message_zh: str
    message_en: str
    field: str = "body"  # which field the position refers to
    start: int = 0  # character offsets into that field, for highlighting
    end: int = 0

    @property
    def blocking(self) -> bool:
        return self.severity is Severity.ERROR


Check = Callable[[ArticleContent], Sequence[Finding]]


def title_present(content: ArticleContent) -> list[Finding]:
    if content.title.strip():
        return []
    return [Finding("title-missing", Severity.ERROR, "标题为空", "the title is empty", "title")]


def body_present(content: ArticleContent) -> list[Finding]:
    if content.body.strip():
        return []
    return [Finding("body-missing", Severity.ERROR, "正文为空", "the body is empty", "body")]


DEFAULT_CHECKS: tuple[Check, ...] = (title_present, body_present)


def run_checks(checks: Sequence[Check], content: ArticleContent) -> list[Finding]:
    findings: list[Finding] = []
    for check in checks:
        findings.extend(check(content))
    return findings
