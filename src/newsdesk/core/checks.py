"""Pre-submit checks. Pluggable: a check is any callable from content to findings.

The basic ones live here; WeChat's limits plug in beside them. A check's finding is the same
kind as the proofreader's (`newsdesk.content.proofreading.findings.Finding`); the newsroom's
word lists are the proofreader's to check, once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum

from newsdesk.content.proofreading.findings import Finding as Finding
from newsdesk.core.models import ArticleContent


class Severity(StrEnum):
    # Equal to the proofreader's grades (the strings "error", "warning", "hint").
    ERROR = "error"  # blocks submit and export
    WARNING = "warning"  # shown, never blocks
    HINT = "hint"  # a quiet note, never blocks


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
