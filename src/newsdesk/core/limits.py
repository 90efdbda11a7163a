"""How long a name may be, defined once: the core refuses longer ones (CLI and app alike) and
the app's line edits stop there (setMaxLength), so nothing long enough to break a layout, the
review form or a list gets into the store."""

from __future__ import annotations

from newsdesk.core.errors import InvalidInput, Words

ACCOUNT_TITLE_MAX = 30  # a 公众号's name, as readers see it: WeChat's own limit is 30
TOPIC_TITLE_MAX = 64  # a 选题's title: WeChat's limit for an article title in its editor

ACCOUNT_TITLE: Words = ("公众号名称", "account title")
TOPIC_TITLE: Words = ("选题标题", "topic title")


def check_length(value: str, limit: int, what: Words) -> str:
    """`value` when it has at most `limit` characters, else the refusal naming both."""
    if len(value) > limit:
        raise InvalidInput(
            f"{what[0]}最多 {limit} 个字，这个有 {len(value)} 个",
            f"a {what[1]} has at most {limit} characters; this one has {len(value)}",
        )
    return value
