"""Markdown to raw HTML with markdown-it-py (CommonMark plus tables, strikethrough, footnotes).

CommonMark rather than Python-Markdown because reporters' files nest lists by two or three
spaces (Typora, doocs/md, the samples) and put code blocks inside list items; CommonMark
parses both as written. One CommonMark rule is off: indented code blocks (an indented
paragraph is a paragraph; code is fenced). Two render rules carry WeChat decisions: a soft line break between
two Chinese characters disappears instead of becoming a space (rule 20), and a hard break is a
bare `<br>` with no newline after it (rule 3).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace, mdTrim
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.rules_core.state_core import StateCore
from markdown_it.rules_inline.state_inline import Scanned, StateInline
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

# Han, kana, full-width forms, CJK punctuation and the general punctuation Chinese text uses
# (“ ” — …): no space is ever wanted between these across a line break.
CJK = re.compile(
    r"[\u2010-\u2027\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)


_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def join_lines(text: str) -> str:
    """Text that a line break split (a paragraph, an alt text, a title): the break goes between
    two Chinese characters and becomes one space elsewhere (rule 20)."""
    if "\n" not in text:
        return text

    def join(match: re.Match[str]) -> str:
        before, after = text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]
        return "" if before and after and CJK.match(before) and CJK.match(after) else " "

    return _LINE_BREAK.sub(join, text)


def _edge_char(children: Sequence[Token], idx: int, step: int) -> str:
    i = idx + step
    while 0 <= i < len(children):
        token = children[i]
        if token.type in {"text", "code_inline"} and token.content:
            return token.content[-1] if step < 0 else token.content[0]
        if token.type in {"softbreak", "hardbreak", "image", "html_inline"}:
            return ""
        i += step
    return ""


def _punctuation(ch: str) -> bool:
    return isMdAsciiPunct(ord(ch)) or isPunctChar(ch)


_upstream_scan_delims = StateInline.scanDelims


def _scan_delims(self: StateInline, start: int, can_split_word: bool) -> Scanned:
    """CommonMark's emphasis flanking, with Chinese text next to the `**` taken into account.

    Plain CommonMark refuses `**"项目"**经评审` (a closing run between ASCII punctuation and a
    Han character is not right-flanking), so bold silently fails in everyday Chinese copy. Per
    the CJK-friendly amendment (github.com/tats-u/markdown-cjk-friendly): a CJK neighbour helps
    a run open or close the way punctuation does, but never stops it. Runs with no CJK
    neighbour keep exact CommonMark behaviour.
    """
    if not getattr(self.md, "newsdesk_cjk", False):
        return _upstream_scan_delims(self, start, can_split_word)
    marker, end = self.src[start], start
    while end < self.posMax and self.src[end] == marker:
        end += 1
    before = self.src[start - 1] if start > 0 else " "
    after = self.src[end] if end < self.posMax else " "
    cjk_before, cjk_after = bool(CJK.match(before)), bool(CJK.match(after))
    if not (cjk_before or cjk_after):
        return _upstream_scan_delims(self, start, can_split_word)
    # Where CommonMark lets the run both open and close, this does too (it only widens both).
    space_before, space_after = isWhiteSpace(ord(before)), isWhiteSpace(ord(after))
    stops_before = _punctuation(before) and not cjk_before
    stops_after = _punctuation(after) and not cjk_after
    helps_before = cjk_before or _punctuation(before)
    helps_after = cjk_after or _punctuation(after)
    left = not space_after and (not stops_after or space_before or helps_before)
    right = not space_before and (not stops_before or space_after or helps_after)
    if can_split_word:
        return Scanned(left, right, end - start)
    return Scanned(
        left and (not right or helps_before), right and (not left or helps_after), end - start
    )


# The emphasis rule reaches this only through StateInline; the flag on our parser keeps every
# other MarkdownIt instance on upstream behaviour.
StateInline.scanDelims = _scan_delims  # type: ignore[method-assign,assignment]


def _softbreak(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    before, after = _edge_char(tokens, idx, -1), _edge_char(tokens, idx, 1)
    if before and after and CJK.match(before) and CJK.match(after):
        return ""
    return " "


def _hardbreak(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return "<br>"


def _any_link(url: str) -> bool:
    return True


# The characters at which one of this parser's inline rules can match (newline, escape,
# backticks, strikethrough, emphasis, link, image, autolink, HTML, entity and the footnote
# rules; linkify and the typographer are off). Content without any of them comes out of the
# inline parser as one text token: most paragraphs of Chinese copy, whose punctuation is
# full-width, so they skip it. Enabling another inline rule means revisiting this list.
_INLINE_MARKUP = re.compile(r"[\n!&*<\[\\\]^_`~]")
INLINE_MARKUP = _INLINE_MARKUP  # for the visual editor's reading of blocks (block_nodes)


def _inline(state: StateCore) -> None:
    """markdown-it's core `inline` rule, with plain text taken as it is."""
    parse = state.md.inline.parse
    for token in state.tokens:
        if token.type != "inline":
            continue
        if token.children is None:
            token.children = []
        if token.content and not _INLINE_MARKUP.search(token.content):
            text = Token("text", "", 0)
            text.content = token.content
            token.children.append(text)
        else:
            parse(token.content, state.md, state.env, token.children)


# What may open a block other than a paragraph, at a line's start (after its indentation):
# blockquote, footnote or link definition, HTML, fence, heading, list item, thematic break.
# Tables and setext headings need a second line. `**导语**` and `#话题#` open paragraphs.
_BLOCK_START = re.compile(
    r"[>\[<]|```|~~~|#{1,6}(?:[ \t]|$)|[*+-](?:[ \t]|$)|[0-9]+[.)]|(?:[*_-][ \t]*){3,}$",
    re.MULTILINE,
)


def _ends_paragraph(state: StateBlock, line: int) -> bool:
    """Whether markdown-it's paragraph rule stops before `line` (not blank), and neither a table
    nor a setext heading can take `line` as its second line."""
    indent = state.sCount[line]
    if indent - state.blkIndent > 3 or indent < 0:
        return False  # a lazy continuation line, as the paragraph rule reads it
    if indent >= state.blkIndent and state.src[state.bMarks[line] + state.tShift[line]] in "|-:=":
        return False  # perhaps a table's delimiter row or a setext underline
    outer = state.parentType
    state.parentType = "paragraph"  # as the paragraph rule asks its terminators
    try:
        return any(
            ends(state, line, state.lineMax, True)
            for ends in state.md.block.ruler.getRules("paragraph")
        )
    finally:
        state.parentType = outer


def _one_line_paragraph(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A paragraph of one line that no other block rule can claim, taken before they are each
    tried: most paragraphs of Chinese copy (one line, no hard wrap) and tight list items. Its
    tokens are those of markdown-it's paragraph rule."""
    if state.is_code_block(start) or _BLOCK_START.match(
        state.src, state.bMarks[start] + state.tShift[start]
    ):
        return False
    following = start + 1
    if (
        following < state.lineMax
        and not state.isEmpty(following)
        and not _ends_paragraph(state, following)
    ):
        return False
    if silent:
        return True
    state.line = following
    lines = [start, following]
    state.push("paragraph_open", "p", 1).map = lines
    token = state.push("inline", "", 0)
    token.content = mdTrim(state.getLines(start, following, state.blkIndent, False))
    token.map = list(lines)
    token.children = []
    state.push("paragraph_close", "p", -1)
    return True


@lru_cache(maxsize=2)
def parser(shortcuts: bool = True) -> MarkdownIt:
    """Our markdown-it. `shortcuts=False` is the same parser without the two fast paths (a
    paragraph of one plain line, text without markup), for the tests that hold them to it."""
    md = MarkdownIt("commonmark", {"html": True, "typographer": False})
    if shortcuts:
        md.core.ruler.at("inline", _inline)
        # markdown-it's text rule stops at every character any inline rule of any plugin may
        # want (`%`, `:`, `-` and others that fill Chinese copy's figures and times); ours
        # need only these.
        md.inline.terminator_re = _INLINE_MARKUP
        md.block.ruler.before("table", "one_line_paragraph", _one_line_paragraph)
    md.enable(["table", "strikethrough"])
    # An indented paragraph is a paragraph: text pasted from Word or a web page often starts
    # each paragraph with four spaces or a tab, and a newsroom never means a code block by it
    # (code is fenced). Off on both sides of the fast-path tests, as every rule is.
    md.disable("code")
    # Let every URL through to the sanitiser, which drops unsafe schemes, so a `javascript:`
    # link loses its URL instead of being printed back as literal Markdown text.
    md.validateLink = _any_link  # type: ignore[method-assign]
    md.use(footnote_plugin)
    md.newsdesk_cjk = True  # type: ignore[attr-defined]
    md.add_render_rule("softbreak", _softbreak)
    md.add_render_rule("hardbreak", _hardbreak)
    return md


def to_html(markdown: str) -> str:
    return str(parser().render(markdown))
