"""Markdown cut into top-level blocks that render the same alone as in their article.

The incremental renderer caches its work per block, so a cut may only fall where no Markdown
construct crosses it: before a line at column 0 that follows a blank line, is not a list item
(it could continue the list above), and is not inside a fenced code block or an HTML block of
CommonMark's kinds 1-5 (the only blocks a blank line does not end). Such a line ends any list,
quote, footnote or code block nested in an item: whatever it starts is a new top-level block.

Fences and HTML blocks are followed only when they open at column 0 after a blank line. Right
after another line, a fence-like line may open a fence, or be the inside of an HTML block or
the address of a link definition; indented (by any amount: indented code blocks are off, see
markdown_html) it may be top-level or inside a list item. Only a full parse can tell, so `split_blocks` then answers None and the caller
renders the article whole (rare in news copy).
"""

from __future__ import annotations

import re
from itertools import pairwise

_MARKER_START = frozenset("-+*0123456789")
_LIST_ITEM = re.compile(r"(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")
_FENCE = re.compile(r"(`{3,}|~{3,})(.*)$")
# markdown-it's HTML block kinds 1-5: (start, end) patterns, as rules_block/html_block.py has them
_HTML_BLOCKS = (
    (
        re.compile(r"<(?a:(script|pre|style|textarea))(?=(\s|>|$))", re.IGNORECASE),
        re.compile(r"</(?a:(script|pre|style|textarea))>", re.IGNORECASE),
    ),
    (re.compile(r"<!--"), re.compile(r"-->")),
    (re.compile(r"<\?"), re.compile(r"\?>")),
    (re.compile(r"<![A-Za-z]"), re.compile(r">")),
    (re.compile(r"<!\[CDATA\["), re.compile(r"\]\]>")),
)
_OPENER = re.compile(
    r"[ \t]+(?:```|~~~|<(?:script|pre|style|textarea)(?:[\s>]|$)|<!--|<\?|<![A-Za-z]|<!\[CDATA\[)",
    re.IGNORECASE,
)


def _closes_fence(line: str, marker: str, length: int) -> bool:
    stripped = line.lstrip(" \t")
    if not stripped.startswith(marker * length):
        return False
    return not stripped.lstrip(marker).strip(" \t")


def split_blocks(body: str) -> list[str] | None:
    """`body` (newlines already "\\n") as consecutive slices that join back to it exactly, each
    starting a top-level block; None when an indented fence or HTML block makes that unsure."""
    # Runs on every keystroke over the whole article: one pass, a regex only where a line's
    # first character allows a match.
    starts = [0]
    fence: tuple[str, int] | None = None
    html_end: re.Pattern[str] | None = None
    previous_blank = False
    offset = 0
    for line in body.split("\n"):
        at, offset = offset, offset + len(line) + 1
        if fence is not None:
            if _closes_fence(line, *fence):
                fence = None
            previous_blank = False
            continue
        if html_end is not None:
            if html_end.search(line):
                html_end = None
            previous_blank = False
            continue
        first = line[:1]
        if first in ("", " ", "\t"):
            if not line.strip(" \t"):
                previous_blank = True
                continue
            if _OPENER.match(line):
                return None
        else:
            if previous_blank and at and not (first in _MARKER_START and _LIST_ITEM.match(line)):
                starts.append(at)
            if first in "`~":
                fenced = _FENCE.match(line)
                if fenced and not (first == "`" and "`" in fenced.group(2)):
                    if not (previous_blank or at == 0):
                        return None
                    fence = (first, len(fenced.group(1)))
            elif first == "<":
                for start, end in _HTML_BLOCKS:
                    if start.match(line):
                        if not (previous_blank or at == 0):
                            return None
                        html_end = None if end.search(line) else end
                        break
        previous_blank = False
    starts.append(len(body))
    return [body[a:b] for a, b in pairwise(starts)]
