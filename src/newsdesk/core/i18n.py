"""Which language user-facing text from the core is worded in.

The core raises typed errors carrying data; wording happens at the edge. The CLI picks the
language from the locale (Simplified Chinese on a Chinese system, English otherwise).
"""

import locale
import os

ZH = "zh"
EN = "en"


def language_from_environment() -> str:
    override = os.environ.get("NEWSDESK_LANG", "")
    if override:
        return ZH if override.lower().startswith("zh") else EN
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return ZH if value.lower().startswith("zh") else EN
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return ZH if code.lower().startswith("zh") else EN
