"""The words a reader will see, taken out of Markdown with a map back to the source.

Rules read prose, never markup: code, addresses, HTML and picture paths are not checked, and
emphasis markers do not split a word (`**布**署` is still 布署). Every prose offset maps back to
the Markdown source, so a finding can be underlined, jumped to and printed as line:column.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from enum import StrEnum

from newsdesk.content.proofreading.lazy_re import Regex, lazy

SEPARATOR = "\x00"  # stands for markup that ends a run of words (a code span, an address)

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Indented code blocks are off in the renderer (markdown_html): an indented line is prose, and
# a fence or a heading may be indented by any amount.
_FENCE = lazy(r"^[ \t]*(`{3,}|~{3,})")


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST = "list"
    QUOTE = "quote"
    TABLE = "table"
    HTML = "html"
    CODE = "code"
    PLAIN = "plain"  # an author or digest: text, not Markdown
    TITLE = "title"  # a headline: text, its parts set apart by a space


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    start: int  # offset of the block in the field's text
    text: str


@dataclass(frozen=True)
class Prose:
    text: str
    _prose_starts: tuple[int, ...]
    _source_starts: tuple[int, ...]

    def source_offset(self, index: int) -> int:
        """Where prose character `index` stands in the block's source."""
        segment = bisect_right(self._prose_starts, index) - 1
        return self._source_starts[segment] + index - self._prose_starts[segment]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.source_offset(start), self.source_offset(end - 1) + 1


def split_blocks(markdown: str) -> list[Block]:
    """Blank-line separated blocks; a fenced code block is one block, blank lines and all."""
    blocks: list[Block] = []
    lines = markdown.splitlines(keepends=True)
    position = 0
    current: list[str] = []
    current_start = 0
    fence = ""

    def close() -> None:
        if current:
            text = "".join(current)
            blocks.append(Block(_kind(text, bool(fence_block)), current_start, text))
            current.clear()

    fence_block = False
    for line in lines:
        opening = _FENCE.match(line)
        if fence:
            current.append(line)
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
                close()
                fence_block = False
        elif opening:
            close()
            fence, fence_block = opening.group(1), True
            current_start = position
            current.append(line)
        elif line.strip():
            if not current:
                current_start = position
            current.append(line)
        else:
            close()
        position += len(line)
    close()
    return blocks


def _kind(text: str, fenced: bool) -> BlockKind:
    if fenced:
        return BlockKind.CODE
    first = text.lstrip(" \t")
    if re.match(r"#{1,6}(?:\s|$)", first):
        return BlockKind.HEADING
    if first.startswith("|") or re.match(r"[^\n]*\|[^\n]*\n\s*\|?\s*:?-{3,}", text):
        return BlockKind.TABLE
    if first.startswith(">"):
        return BlockKind.QUOTE
    if re.match(r"(?:[-*+]|\d{1,9}[.)])\s", first):
        return BlockKind.LIST
    if first.startswith("<") and not re.match(r"<https?://", first):
        return BlockKind.HTML
    return BlockKind.PARAGRAPH


# Markup to take out, in priority order. "drop": the words either side join up (emphasis,
# brackets of a link); "cut": the words either side do not (code, addresses, tags). Each comes
# with the strings it cannot match without: most paragraphs of news hold none of them.
_MARKUP: list[tuple[str, tuple[str, ...], Regex]] = [
    ("cut", ("<!--",), lazy(r"<!--.*?-->", re.S)),
    ("cut", ("`",), lazy(r"(`+)(?:(?!\1).)+?\1", re.S)),
    (
        "drop",
        ("](",),
        lazy(
            r"\]\(\s*(?:<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
        ),
    ),
    ("drop", ("][",), lazy(r"\]\[[^\]\n]*\]")),
    ("cut", ("]:",), lazy(r"^[ \t]*\[[^\]\n]+\]:\s*\S+.*$", re.M)),  # a reference definition
    ("drop", ("[^",), lazy(r"\[\^[^\]\s]+\]:?")),  # footnote marks
    ("drop", ("[",), lazy(r"!?\[")),
    ("drop", ("]",), lazy(r"\]")),
    ("cut", ("<",), lazy(r"<(?:https?://|mailto:)[^>\s]*>")),
    (
        "cut",
        ("//", "www.", "WWW."),
        lazy(r"(?:https?://|www\.)[^\s<>\"'（）()，。；！？、]+", re.I),
    ),
    ("cut", ("<",), lazy(r"</?[A-Za-z][^>\n]*>")),
    ("drop", ("*", "__", "~~"), lazy(r"\*{1,3}|_{2,3}|~~")),
    ("drop", ("\\",), lazy(r"\\(?=[!-/:-@\[-`{-~])")),
    # Line starts: heading marks, quote marks, list markers, task boxes.
    ("drop", ("#",), lazy(r"^[ \t]*#{1,6}(?:[ \t]+|$)|[ \t]+#+[ \t]*$", re.M)),
    ("drop", (">",), lazy(r"^[ \t]*(?:>[ \t]?)+", re.M)),
    (
        "drop",
        ("-", "*", "+", ".", ")"),
        lazy(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?", re.M),
    ),
    (
        "cut",
        ("---",),
        lazy(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$", re.M),
    ),
    ("cut", ("-", "*", "_"), lazy(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.M)),
    ("cut", ("|",), lazy(r"\|")),
]
# ...unless the next line starts an item of its own (一、 二. （三）), which stays a line.
_HAN_BREAK = lazy(
    f"(?<=[{HAN}])[ \t]*\r?\n[ \t]*(?=[{HAN}])(?![一二三四五六七八九十]{{1,3}}[、.．]|（[一二三四五六七八九十]{{1,3}}）)"
)


def prose_of(block: Block) -> Prose:
    """The block's visible words; markup cut or dropped, offsets kept."""
    text = block.text
    if block.kind in (BlockKind.PLAIN, BlockKind.TITLE):
        return Prose(text, (0,), (0,))
    if block.kind is BlockKind.CODE:
        return Prose("", (0,), (0,))
    taken = bytearray(len(text))  # 1 where an earlier pattern already took the character
    spans: list[tuple[int, int, str]] = []
    for mode, needs, pattern in _MARKUP:
        if not any(need in text for need in needs):
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if start == end or any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            spans.append((start, end, mode))
    # A line break inside a paragraph between two Chinese characters renders as nothing.
    for match in _HAN_BREAK.finditer(text):
        start, end = match.span()
        if not any(taken[start:end]):
            spans.append((start, end, "drop"))
    spans.sort()
    pieces: list[str] = []
    prose_starts: list[int] = [0]
    source_starts: list[int] = [0]
    length = 0
    cursor = 0
    for start, end, mode in spans:
        if start > cursor:
            pieces.append(text[cursor:start])
            length += start - cursor
        if mode == "cut":
            prose_starts.append(length)
            source_starts.append(start)
            pieces.append(SEPARATOR)
            length += 1
        prose_starts.append(length)
        source_starts.append(end)
        cursor = end
    pieces.append(text[cursor:])
    return Prose("".join(pieces), tuple(prose_starts), tuple(source_starts))
