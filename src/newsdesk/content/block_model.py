"""An article's Markdown as top-level blocks with exact spans: what the visual editor edits.

The visual editor shows an article as rich text but the Markdown stays the record: a block the
writer did not touch must come back byte for byte, or "changes since I signed" would fill with
noise (see docs/visual-editor.md). So the article is cut where markdown-it's own block parser
starts a top-level block (the project's parser: indented code off, tables, footnotes), each
block keeping its source text and the line break and blank lines after it. `join` of the
blocks is the article exactly; `compose` puts untouched blocks' bytes and edited blocks' new
Markdown together.

Lines no top-level token covers but which are not blank (link reference definitions, which
markdown-it turns into no token) become "definition" blocks. Front matter at the very start is
its own block: markdown-it would read it as a rule and a heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markdown_it.token import Token

from newsdesk.content.markdown_html import parser

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n.*?\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_LINE_END = re.compile(r"\r\n|\r|\n")
_PICTURE = re.compile(r'\A!\[[^\]\n]*\]\((?:<[^>\n]*>|[^()\s]+)(?:[ \t]+"[^"\n]*")?\)\Z')

_KINDS = {
    "paragraph_open": "paragraph",
    "heading_open": "heading",
    "blockquote_open": "quote",
    "bullet_list_open": "list",
    "ordered_list_open": "list",
    "table_open": "table",
    "hr": "rule",
    "fence": "code",
    "html_block": "html",
    "footnote_reference_open": "footnote",
    "definition": "definition",
}
# The kinds the visual editor edits; the others are shown locked and written back as they were.
EDITABLE = frozenset({"paragraph", "heading", "quote", "list", "table", "picture", "rule"})


@dataclass(frozen=True)
class Block:
    """One top-level block: `text` is its source without its last line break; `end` is that
    line break and the blank lines after it ("" for an article's last line without one)."""

    kind: str
    text: str
    end: str
    start: int  # offset of `text` in the article
    first_line: int  # its first line, counted as markdown-it counts (from 0)

    @property
    def source(self) -> str:
        return self.text + self.end

    @property
    def editable(self) -> bool:
        return self.kind in EDITABLE


@dataclass(frozen=True)
class Article:
    lead: str  # blank lines before the first block
    blocks: tuple[Block, ...]

    def join(self) -> str:
        return self.lead + "".join(block.source for block in self.blocks)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(match.end() for match in _LINE_END.finditer(text))
    return starts


def _kind(token_type: str, text: str) -> str:
    kind = _KINDS.get(token_type, "other")
    if kind == "paragraph" and _PICTURE.match(text.strip()):
        return "picture"
    return kind


def body_start(text: str) -> int:
    """Where the Markdown after the front matter (if any) starts: block lines count from here."""
    front = _FRONT_MATTER.match(text)
    return front.end() if front else 0


def split_article(text: str) -> Article:
    """`text` cut into top-level blocks; `split_article(text).join() == text` always."""
    return parse_article(text)[0]


def parse_article(text: str) -> tuple[Article, list[Token], dict[str, Any]]:
    """The article's blocks, with markdown-it's block tokens of the body (inline content not
    parsed yet) and the env holding its link and footnote definitions."""
    offset = 0
    blocks: list[Block] = []
    front = _FRONT_MATTER.match(text)
    if front:
        offset = front.end()
    body = text[offset:]
    starts = _line_starts(body)
    # The lines markdown-it sees: a final line break ends the last line, it opens none.
    line_count = len(starts) - 1 if body.endswith(("\n", "\r")) or not body else len(starts)
    tokens: list[Token] = []
    env: dict[str, Any] = {}
    md = parser()
    md.block.parse(_LINE_END.sub("\n", body).replace("\0", "\ufffd"), md, env, tokens)
    spans: list[tuple[str, int, int]] = []  # (token type, first line, line after)
    covered = 0
    for token in tokens:
        if token.level != 0 or token.nesting < 0 or token.map is None:
            continue
        first, after = token.map
        _definitions(body, starts, covered, first, spans)
        spans.append((token.type, first, max(after, first + 1)))
        covered = max(covered, after)
    _definitions(body, starts, covered, line_count, spans)

    def at(line: int) -> int:
        return starts[line] if line < len(starts) else len(body)

    lead = body[: at(spans[0][1])] if spans else body
    for i, (token_type, first, after) in enumerate(spans):
        block_start = at(first)
        following = at(spans[i + 1][1]) if i + 1 < len(spans) else len(body)
        content, end = _trailing(body[block_start:following], body[block_start : at(after)])
        kind = _kind(token_type, content)
        blocks.append(Block(kind, content, end, offset + block_start, first))
    if front:
        head, end = _trailing(text[:offset], text[:offset])
        blocks.insert(0, Block("front_matter", head, end + lead, 0, 0))
        lead = ""
    return Article(lead, tuple(blocks)), tokens, env


def _definitions(
    body: str, starts: list[int], first: int, after: int, spans: list[tuple[str, int, int]]
) -> None:
    """Lines between blocks that are not blank: link definitions (markdown-it keeps no token)."""
    while first < after and not _line(body, starts, first).strip():
        first += 1
    if first < after:
        spans.append(("definition", first, after))


def _line(body: str, starts: list[int], line: int) -> str:
    end = starts[line + 1] if line + 1 < len(starts) else len(body)
    return body[starts[line] : end]


def _trailing(source: str, covered: str) -> tuple[str, str]:
    """`source` split into its text and what follows the text's last line: the line break and
    the blank lines (which markdown-it may count in a block's lines, as lists do)."""
    content = covered.rstrip(" \t\r\n")
    # Keep the last line whole, trailing spaces included (a hard break, a table's padding).
    line_end = _LINE_END.search(source, len(content))
    cut = line_end.start() if line_end else len(source)
    return source[:cut], source[cut:]


# --- putting an article back together -------------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """A block of the new article: its Markdown text (no final line break), what follows it,
    and which block of the old article it is (None for new or rewritten blocks, whose
    neighbours are then kept apart by a blank line)."""

    text: str
    end: str = "\n"
    original: int | None = None


def compose(pieces: Iterable[Piece], lead: str = "") -> str:
    """The article from its pieces. Neighbours that were neighbours before are joined as they
    were; any other pair is separated by one blank line, so blocks never run together."""
    return compose_at(pieces, lead)[0]


def compose_at(pieces: Iterable[Piece], lead: str = "") -> tuple[str, list[int]]:
    """`compose`, and where each piece's text starts in the article (-1: an empty new piece,
    left out)."""
    out: list[str] = [lead] if lead else []
    length = len(lead)
    starts: list[int] = []
    tail = lead
    previous: int | None = -1  # the article's start: its first block follows the lead as before
    for piece in pieces:
        if not piece.text and piece.original is None:
            starts.append(-1)
            continue
        adjacent = (
            piece.original is not None and previous is not None and piece.original == previous + 1
        )
        if out and tail and not adjacent:
            gap = _gap(tail)
            out.append(gap)
            length += len(gap)
        starts.append(length)
        out.append(piece.text)
        out.append(piece.end)
        length += len(piece.text) + len(piece.end)
        tail = (tail + piece.text + piece.end)[-2:]
        previous = piece.original
    return "".join(out), starts


def _gap(tail: str) -> str:
    if tail.endswith("\n\n"):
        return ""
    return "\n" if tail.endswith("\n") else "\n\n"


def pieces_of(article: Article) -> Sequence[Piece]:
    """The untouched article as pieces (for tests: `compose` of these is the article)."""
    return [Piece(b.text, b.end, i) for i, b in enumerate(article.blocks)]
