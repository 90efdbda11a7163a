"""What a check reports: one kind of finding for the proofreader's rules and for the pre-submit
checks (WeChat's limits, required fields), and the stable key a person's decision hangs on."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from newsdesk.content.proofreading.lazy_re import Regex

ERROR = "error"  # must be fixed or dismissed before a level signs
WARNING = "warning"  # shown, never blocks
HINT = "hint"  # a quiet note for what is statistical or hangs on context; never blocks
SEVERITIES = (ERROR, WARNING, HINT)  # most to least serious
SEVERITY_LABELS = {ERROR: ("错误", "error"), WARNING: ("警告", "warning"), HINT: ("提示", "hint")}


class Category(StrEnum):
    TYPO = "typo"
    DE = "de"  # 的地得
    LEADER = "leader"
    AGENCY = "agency"
    NORM = "norm"
    PUNCTUATION = "punctuation"
    NUMBER = "number"
    BANNED = "banned"
    ABSOLUTE = "absolute"
    LIMIT = "limit"  # WeChat's limits: a title, author, digest or body too long
    CHECK = "check"  # any other pre-submit check: a required field, a house check plugged in


CATEGORY_LABELS: dict[Category, tuple[str, str]] = {
    Category.TYPO: ("错别字", "typo"),
    Category.DE: ("的地得", "de/di/de"),
    Category.LEADER: ("人名职务", "leader"),
    Category.AGENCY: ("机构名称", "agency name"),
    Category.NORM: ("规范表述", "norm"),
    Category.PUNCTUATION: ("标点", "punctuation"),
    Category.NUMBER: ("数字", "numbers"),
    Category.BANNED: ("禁用词", "banned word"),
    Category.ABSOLUTE: ("极限词", "absolute term"),
    Category.LIMIT: ("公众号限制", "WeChat limit"),
    Category.CHECK: ("提交检查", "check"),
}


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule's report, in offsets of the text it was given."""

    start: int
    end: int
    category: Category
    rule: str  # stable rule id, e.g. "typo:布署", "punct:ellipsis"
    suggestion: str
    zh: str
    en: str
    source: str
    severity: str = WARNING


@dataclass(frozen=True)
class Finding:
    """One finding, whoever found it: where (field and offsets into that field's text), what
    (category, rule, the words), how serious, what to say and what to put instead.

    The first seven fields are a pre-submit check's whole story, in the order checks have
    always written them; the proofreader fills in the rest."""

    rule: str  # stable rule id: "typo:布署", "punct:ellipsis", "body-too-long"
    severity: str  # ERROR, WARNING or HINT
    message_zh: str
    message_en: str
    field: str = "body"  # title, author, digest or body
    start: int = 0  # offsets into that field's text
    end: int = 0
    category: Category = Category.CHECK
    text: str = ""  # the words found (the field's text from start to end)
    suggestion: str = ""
    source: str = ""  # the authority the rule stands on
    # Stable across unrelated edits: a dismissal is recorded against it. A check's finding,
    # which cannot be dismissed, is keyed by its rule and where it is.
    key: str = ""

    def __post_init__(self) -> None:
        if not self.key:
            key = f"{self.category.value}-{self.rule}-{self.field}-{self.start}"
            object.__setattr__(self, "key", key)

    @property
    def code(self) -> str:
        """The rule id under the name pre-submit checks have always used."""
        return self.rule

    @property
    def blocking(self) -> bool:
        return self.severity == ERROR

    def message(self, lang: str) -> str:
        return self.message_zh if lang == "zh" else self.message_en


# The proofreader's findings are findings like any other; the name stays for its callers.
ProofFinding = Finding


def finding_key(field: str, rule: str, text: str, before: str, after: str) -> str:
    """The same mistake in the same words around it keeps its key, wherever the paragraph
    moves and whatever changes elsewhere; an edit right at it makes it a new finding."""
    digest = hashlib.sha1(
        "\x1f".join((field, rule, text, before, after)).encode("utf-8"), usedforsecurity=False
    ).hexdigest()
    return digest[:12]


def matches(pattern: Regex, text: str, needs: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, skipped when the text holds none of `needs`: a rule that
    cannot match costs a few substring tests instead of a scan."""
    if any(need in text for need in needs):
        yield from pattern.finditer(text)
