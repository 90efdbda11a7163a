"""The project's canonical Markdown for a block the visual editor rewrote.

Only a block the writer edited is written here (untouched blocks keep their bytes, see
block_model). The forms are those the source editor's toolbar and the Word import write:
`## 标题`, `**粗体**`, `*斜体*`, `- ` bullets nested by the parent's marker width, `1. ` numbers,
`> ` quotes, pipe tables with a `---` row, `![说明](media/…)`, `---`, backtick fences. Text is
escaped so that what the writer typed stays text: a `*` or `[` typed in visual mode is a
character, not markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import groupby

HARD_BREAK = "\u2028"  # Qt's line separator: a line break inside a paragraph (Shift+Enter)


@dataclass(frozen=True)
class Span:
    """A run of text with one formatting. `raw` is Markdown written back as it is (a footnote
    reference, inline HTML): a piece of the source the visual editor shows but does not edit."""

    text: str
    bold: bool = False
    italic: bool = False
    strike: bool = False
    code: bool = False
    href: str | None = None
    raw: str | None = None


@dataclass(frozen=True)
class ListItem:
    depth: int  # 0 for the outermost list
    ordered: bool
    spans: tuple[Span, ...]
    start: int = 1  # an ordered list's first number (its first item's)


_ESCAPED = re.compile(r"([\\`*_\[\]~])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_LINE_START = re.compile(
    r"^([ \t]*)(#{1,6}(?=[ \t]|$)|>|[-+*](?=[ \t]|$)|(\d{1,9})([.)])(?=[ \t]|$))"
)
_SETEXT = re.compile(r"^([ \t]*)([=-]+[ \t]*)$")
_BANG = re.compile(r"(?<!\\)!(?=\[)")
_AUTOLINK = re.compile(r"^(?:https?|mailto):[^\s<>]*$")
_TASK = re.compile(r"^\\\[([ xX])\\\](?=[ \t]|$)")


def escape(text: str) -> str:
    """Plain text as Markdown that shows it as it is, wherever it stands in a line."""
    text = _ESCAPED.sub(r"\\\1", text)
    text = _ENTITY.sub("&amp;", text)
    return _TAG_START.sub("&lt;", text)


def _escape_line_start(line: str) -> str:
    match = _LINE_START.match(line)
    if match:
        lead, mark = match.group(1), match.group(2)
        mark = f"{match.group(3)}\\{match.group(4)}" if match.group(3) else "\\" + mark
        return lead + mark + line[match.end() :]
    setext = _SETEXT.match(line)
    if setext:
        return setext.group(1) + "\\" + setext.group(2)
    return line


def _code(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


Run = tuple[frozenset[str], str]  # the emphasis marks of a piece of Markdown text, and it


def _styled(spans: Sequence[Span]) -> str:
    """Spans of one link (or of no link) with their emphasis. Runs of one style are merged
    (`**县政府**`, not `**县**` `**政府**`) and emphasis nests: a mark that lasts longer opens
    first, so bold with an italic word inside is `**县*政府*召开**`."""
    lines: list[list[Run]] = [[]]
    for span in spans:
        if span.raw is not None:
            text, marks = span.raw, frozenset[str]()
        else:
            text = _code(span.text) if span.code else escape(span.text)
            marks = frozenset(
                mark
                for mark, on in (("~~", span.strike), ("**", span.bold), ("*", span.italic))
                if on
            )
        # Each line on its own: a delimiter run cannot span a hard break.
        for i, piece in enumerate(text.split(HARD_BREAK)):
            if i:
                lines.append([])
            line = lines[-1]
            if line and line[-1][0] == marks:
                line[-1] = (marks, line[-1][1] + piece)
            elif piece:
                line.append((marks, piece))
    return HARD_BREAK.join(_emphasised(line) for line in lines)


def _emphasised(runs: list[Run]) -> str:
    out: list[str] = []
    stack: list[str] = []
    for i, (marks, piece) in enumerate([*runs, (frozenset(), "")]):
        if not piece.strip(" \t") and i < len(runs):
            marks = frozenset(stack)  # spaces alone: `** **` would not be bold
        closing: list[str] = []
        while any(mark not in marks for mark in stack):
            closing.append(stack.pop())
        opening = sorted(
            (mark for mark in marks if mark not in stack), key=lambda m: -_extent(runs, i, m)
        )
        # Delimiters next to a space neither open nor close: the spaces go outside them.
        if closing and out:
            kept = out[-1].rstrip(" \t")
            out[-1:] = [kept, "".join(closing), out[-1][len(kept) :]]
        if opening:
            kept = piece.lstrip(" \t")
            out.append(piece[: len(piece) - len(kept)])
            piece = kept
        out.append("".join(opening))
        stack.extend(opening)
        out.append(piece)
    return "".join(out)


def _extent(runs: list[Run], start: int, mark: str) -> int:
    end = start
    while end < len(runs) and mark in runs[end][0]:
        end += 1
    return end - start


def inline(spans: Sequence[Span]) -> str:
    """A paragraph's text as Markdown (one logical line; hard breaks as `\\` line ends)."""
    out: list[str] = []
    for href, grouped in groupby(spans, key=lambda s: s.href):
        group = list(grouped)
        text = _styled(group)
        if href is not None:
            label = "".join(s.text for s in group)
            if label == href and _AUTOLINK.match(href):
                text = f"<{href}>"
            else:
                target = f"<{href}>" if re.search(r"[\s()<>]", href) else href
                text = f"[{text}]({target})"
        out.append(text)
    # A typed `!` before a link would make it a picture.
    joined = _BANG.sub(r"\\!", "".join(out))
    lines = joined.split(HARD_BREAK)
    lines = [_escape_line_start(line.strip(" \t")) for line in lines]
    return "\\\n".join(lines)


def paragraph(spans: Sequence[Span]) -> str:
    return inline(_trimmed(spans))


def heading(level: int, spans: Sequence[Span]) -> str:
    # A heading is bold as it is: the writer's bold there is the heading's own.
    plain = [replace(s, text=s.text.replace(HARD_BREAK, " "), bold=False) for s in spans]
    text = inline(_trimmed(plain))
    text = re.sub(r"^\\(#)", r"\1", text)  # after `## ` a `#` starts no heading
    return f"{'#' * max(1, min(level, 6))} {text}".rstrip()


def quote(paragraphs: Sequence[Sequence[Span]]) -> str:
    blocks = [paragraph(p) for p in paragraphs]
    if not any(blocks):
        return ">" if blocks else ""
    lines: list[str] = []
    for i, block in enumerate(b for b in blocks if b):
        if i:
            lines.append(">")
        lines.extend(f"> {line}" for line in block.split("\n"))
    return "\n".join(lines)


def bullet_list(items: Sequence[ListItem]) -> str:
    """Items of one list, nested by depth: each level is indented by its parent's marker width
    (CommonMark's rule), numbers counted per run of one level."""
    lines: list[str] = []
    indents: list[int] = []  # per depth: where this depth's markers start
    numbers: list[int] = []
    for item in items:
        depth = min(item.depth, len(indents))  # no skipping levels
        del indents[depth + 1 :], numbers[depth + 1 :]
        if depth == len(indents):
            indents.append(_child_indent(lines, indents))
            numbers.append(item.start - 1)
        numbers[depth] += 1
        marker = f"{numbers[depth]}. " if item.ordered else "- "
        text = inline(_trimmed(item.spans))
        text = _TASK.sub(r"[\1]", text)  # a task box `[ ]` at an item's start stays a box
        pad = " " * indents[depth]
        continuation = " " * (indents[depth] + len(marker))
        body = text.replace("\n", "\n" + continuation)
        lines.append(f"{pad}{marker}{body}".rstrip())
    return "\n".join(lines)


def _child_indent(lines: list[str], indents: list[int]) -> int:
    if not lines or not indents:
        return 0
    last = lines[-1].split("\n")[0]
    match = re.match(r"^( *)(?:- |\d+\. )", last)
    return len(match.group(0)) if match else indents[-1] + 2


def table(rows: Sequence[Sequence[Sequence[Span]]], aligns: Sequence[str] = ()) -> str:
    """A pipe table; the first row is the header. `aligns` per column: "left", "right",
    "center" or "" (the renderer's default)."""
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    marks = {"left": ":---", "right": "---:", "center": ":---:"}
    delimiter = [marks.get(aligns[i] if i < len(aligns) else "", "---") for i in range(width)]

    def line(cells: Sequence[str]) -> str:
        return "|" + "|".join(f" {c} " if c else " " for c in cells) + "|"

    def cell(spans: Sequence[Span]) -> str:
        text = inline(_trimmed(spans)).replace("\\\n", "<br>").replace("|", "\\|")
        return text

    out = []
    for i, row in enumerate(rows):
        cells = [cell(c) for c in row] + [""] * (width - len(row))
        out.append(line(cells))
        if i == 0:
            out.append(line(delimiter))
    return "\n".join(out)


def picture(src: str, alt: str = "", title: str = "") -> str:
    alt = " ".join(alt.replace("]", "］").split())
    target = f"<{src}>" if re.search(r"[\s()<>]", src) else src
    if title:
        title = " ".join(title.replace('"', "”").split())
        return f'![{alt}]({target} "{title}")'
    return f"![{alt}]({target})"


def rule() -> str:
    return "---"


def fence(code: str, language: str = "") -> str:
    longest = max((len(run) for run in re.findall(r"^[ \t]*(`{3,})", code, re.M)), default=2)
    marker = "`" * (longest + 1)
    return f"{marker}{language}\n{code}\n{marker}" if code else f"{marker}{language}\n{marker}"


def _trimmed(spans: Sequence[Span]) -> list[Span]:
    """Without the spaces at the paragraph's edges (Markdown drops them anyway)."""
    out = [s for s in spans if s.text or s.raw]
    edge = " \t" + HARD_BREAK
    while out and out[0].raw is None and not out[0].text.lstrip(edge):
        out.pop(0)
    while out and out[-1].raw is None and not out[-1].text.rstrip(edge):
        out.pop()
    if out and out[0].raw is None:
        out[0] = replace(out[0], text=out[0].text.lstrip(edge))
    if out and out[-1].raw is None:
        out[-1] = replace(out[-1], text=out[-1].text.rstrip(edge))
    return out
