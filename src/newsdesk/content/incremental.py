"""`Renderer`: the WeChat fragment of an article being typed, redone only where it changed.

`Renderer(...).render(markdown)` is byte for byte `render_wechat(markdown, ...)`. It cuts the
Markdown into top-level blocks (`blocks.split_blocks`) and keeps, per block source, the block
run through the whole pipeline (markdown-it, sanitiser, every tree pass, serialisation) with
its reference numbers left as placeholders. What spans the article is done on each call, from
the kept blocks: numbering links and footnotes in order of first appearance, the 参考资料 block,
naming a missing picture once, the ending. Link and footnote definitions are read once per
change of the blocks that hold them and given to every block's parse, as a whole parse would.

Whatever this cannot vouch for renders the article whole instead: indented fences, inline
footnotes, raw HTML left open across blocks or touching footnote markup, a block that leaves
text outside any paragraph. The property test in tests/content/test_incremental.py holds the
two paths to identity over random edit sequences.

A theme change (the `theme` attribute, a name or a Theme) empties the cache: every style
changes. The resolver may change what it answers (a picture fetched later): a block with
pictures is redone when any of its lookups answers differently.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lxml import html as lxml_html
from lxml.html import HtmlElement
from markdown_it.token import Token

from newsdesk.content import links, markdown_html, sanitise
from newsdesk.content.blocks import split_blocks
from newsdesk.content.dom import BLOCK, element
from newsdesk.content.figures import ImagePass, ImageResolver
from newsdesk.content.links import Footnote
from newsdesk.content.themes import DEFAULT_THEME, Theme, load_theme
from newsdesk.content.wechat import (
    REFERENCES_TITLE,
    Ending,
    Rendered,
    RenderWarning,
    ending_block,
    finish_tree,
    parse_tree,
    read_body,
    render_wechat,
    serialise,
)

# Private-use characters: a reference number's placeholder, and the mark between blocks
# rendered in one batch. An article holding any of them is rendered whole.
_MARK_OPEN, _MARK_CLOSE, _BETWEEN = "\ue000", "\ue001", "\ue002"
_OURS = re.compile("[\ue000-\ue002]")
_PLACEHOLDER = re.compile("\ue000(\\d+)\ue001")
_NEWLINES = re.compile(r"\r\n?")
_FOOTNOTE_LABEL = re.compile(r"\[\^([^\] \n]+)\]:")
# As the HTML tokenizer reads a tag name (`</div字>` closes no div); `<div/>` opens one.
_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>]*)")
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)  # fmt: skip
_CACHE_FLOOR = 256


class _Unsure(Exception):
    """This article (or this edit of it) is rendered whole."""


@dataclass(frozen=True)
class _Piece:
    """One block, rendered: each top-level element as text and placeholder indices."""

    elements: tuple[str, ...]  # serialised, reference numbers as placeholders
    references: tuple[tuple[str, str, str], ...]  # (key, text, URL) in order of the marks
    warnings: tuple[tuple[str | None, RenderWarning], ...]  # (the picture it names, warning)
    pictures: tuple[str, ...]  # the picture sources it looked up
    lookups: tuple[tuple[str, bytes | None], ...]  # what the resolver answered


@dataclass(frozen=True)
class _Definitions:
    """Link and footnote definitions of the whole article, as markdown-it's env holds them."""

    references: dict[str, dict[str, str]]
    labels: tuple[str, ...]
    texts: dict[str, str]  # footnote label -> the text the references block lists
    signature: tuple[object, ...]

    def env(self) -> dict[str, Any]:
        refs = {":" + label: -1 for label in self.labels}
        return {"references": dict(self.references), "footnotes": {"refs": refs, "list": {}}}


class _RecordingImages(ImagePass):
    """An ImagePass that notes what it asked the resolver and which picture each warning is
    about: across blocks, a missing picture is named once, where it first appears."""

    def __init__(self, theme: Theme, resolve: ImageResolver | None) -> None:
        self.lookups: list[tuple[str, bytes | None]] = []
        self.pictures: list[str] = []  # the sources looked up, as ImagePass caches them
        self.warned: list[tuple[str | None, RenderWarning]] = []
        outer = resolve

        def recording(path: str) -> bytes | None:
            data = outer(path) if outer is not None else None
            self.lookups.append((path, data))
            return data

        def warn(code: str, zh: str, en: str, subject: str = "") -> None:
            self.warned.append((None, RenderWarning(code, zh, en, subject)))

        super().__init__(theme, recording if resolve is not None else None, warn)

    def _source(self, src: str) -> str | None:
        known, start = src in self.cache, len(self.warned)
        result = super()._source(src)
        if not known and src in self.cache:  # looked up: its warnings come once per article
            self.pictures.append(src)
            self.warned[start:] = [(src, warning) for _, warning in self.warned[start:]]
        return result


class Renderer:
    """`render(markdown)` equals `render_wechat(markdown, theme=, resolve_image=, ending=)`.

    `theme`, `resolve_image` and `ending` are attributes that may change between calls.
    `blocks` holds the top-level elements of the last fragment (the references block and the
    ending included), for a view that replaces only what changed.
    """

    def __init__(
        self,
        theme: str | Theme = DEFAULT_THEME,
        resolve_image: ImageResolver | None = None,
        ending: Ending | None = None,
    ) -> None:
        self.theme = theme
        self.resolve_image = resolve_image
        self.ending = ending
        self.blocks: list[str] = []
        self.whole_renders = 0  # articles (or edits) this could not vouch for: for tests
        self._styled: Theme | None = None
        self._pieces: OrderedDict[tuple[str, object], _Piece] = OrderedDict()
        self._definitions: tuple[tuple[str, ...], _Definitions] | None = None

    def render(self, markdown: str) -> Rendered:
        theme = load_theme(self.theme) if isinstance(self.theme, str) else self.theme
        if theme is not self._styled:
            self._styled = theme
            self._pieces.clear()
            self._definitions = None
        try:
            return self._render(markdown, theme)
        except _Unsure:
            self.whole_renders += 1
            result = render_wechat(
                markdown, theme=theme, resolve_image=self.resolve_image, ending=self.ending
            )
            root = lxml_html.fragment_fromstring(result.html)
            self.blocks = [serialise(child) for child in root]
            return result

    # --- the article from its blocks ------------------------------------------------------------

    def _render(self, markdown: str, theme: Theme) -> Rendered:
        body, warnings = read_body(markdown)
        body = _NEWLINES.sub("\n", body)
        if _OURS.search(body) or "^[" in body:
            raise _Unsure
        sources = split_blocks(body)
        if sources is None:
            raise _Unsure
        definitions = self._definitions_of(tuple(s for s in sources if "]:" in s), theme)
        keys = [(s, definitions.signature if "[" in s else None) for s in sources]
        stale = [i for i, key in enumerate(keys) if not self._fresh(key)]
        if stale:
            fresh = self._render_blocks([sources[i] for i in stale], definitions, theme)
            for i, piece in zip(stale, fresh, strict=True):
                self._pieces[keys[i]] = piece
        pieces = [self._pieces[key] for key in keys]
        for key in keys:
            self._pieces.move_to_end(key)
        while len(self._pieces) > max(_CACHE_FLOOR, 2 * len(keys)):
            self._pieces.popitem(last=False)
        return self._assemble(pieces, definitions, warnings, theme)

    def _fresh(self, key: tuple[str, object]) -> bool:
        piece = self._pieces.get(key)
        if piece is None:
            return False
        resolve = self.resolve_image
        for path, data in piece.lookups:
            now = resolve(path) if resolve is not None else None
            if now is not data and now != data:
                return False
        return True

    def _assemble(
        self,
        pieces: Sequence[_Piece],
        definitions: _Definitions,
        warnings: list[RenderWarning],
        theme: Theme,
    ) -> Rendered:
        numbers: dict[str, int] = {}
        notes: list[Footnote] = []
        named: set[str] = set()
        blocks: list[str] = []
        for piece in pieces:
            if not piece.references:
                blocks.extend(piece.elements)
            else:
                marks = []
                for key, text, url in piece.references:
                    if key not in numbers:
                        numbers[key] = len(numbers) + 1
                        if key.startswith("fn:"):
                            text = definitions.texts[key[3:]]
                        notes.append(Footnote(numbers[key], text, url))
                    marks.append(f"[{numbers[key]}]")
                blocks.extend(_numbered(element, marks) for element in piece.elements)
            if piece.warnings:
                warnings.extend(
                    w for about, w in piece.warnings if about is None or about not in named
                )
            if piece.pictures:
                named.update(piece.pictures)
        if notes:
            blocks.append(serialise(links.references_block(notes, theme, REFERENCES_TITLE)))
        if self.ending is not None:
            blocks.append(serialise(ending_block(self.ending, theme)))
        self.blocks = blocks
        opening = serialise(element("section", theme.style("root")))[: -len("</section>")]
        return Rendered(opening + "".join(blocks) + "</section>", warnings, notes)

    # --- definitions ----------------------------------------------------------------------------

    def _definitions_of(self, sources: tuple[str, ...], theme: Theme) -> _Definitions:
        if self._definitions is not None and self._definitions[0] == sources:
            return self._definitions[1]
        found = _read_definitions(sources, theme)
        self._definitions = (sources, found)
        return found

    # --- blocks ---------------------------------------------------------------------------------

    def _render_blocks(
        self, sources: list[str], definitions: _Definitions, theme: Theme
    ) -> list[_Piece]:
        """Blocks in one markdown-it, sanitiser and lxml pass, cut apart after parsing."""
        md = markdown_html.parser()
        env = definitions.env()
        tokens = md.parse("".join(sources), env)
        first_lines = [0]
        for source in sources[:-1]:
            first_lines.append(first_lines[-1] + source.count("\n"))
        batch: list[Token] = []
        raw: list[list[str]] = [[] for _ in sources]
        current = 0
        for token in tokens:
            if token.type == "footnote_block_open":
                break  # the definitions' texts come from _read_definitions
            if token.level == 0 and token.nesting >= 0:
                if token.map is None:
                    raise _Unsure
                block = bisect_right(first_lines, token.map[0]) - 1
                while current < block:
                    batch.append(_between())
                    current += 1
            if token.type == "html_block":
                raw[current].append(token.content)
            for child in token.children or ():
                if child.type == "html_inline":
                    raw[current].append(child.content)
            batch.append(token)
        # A mark after the last block too: what a block leaves open (an element, a quoted
        # attribute) swallows or wraps the mark that follows it.
        while current < len(sources):
            batch.append(_between())
            current += 1
        for contents in raw:
            _check_raw_html(contents)
        cleaned = sanitise.sanitise(md.renderer.render(batch, md.options, env), batch)
        if _OURS.findall(cleaned) != [_BETWEEN] * len(sources):
            raise _Unsure  # a block left something open, or an entity wrote our marks
        *roots, after = _cut(parse_tree(cleaned, theme), len(sources) + 1, theme)
        if len(after) or (after.text or "").strip():
            raise _Unsure
        references = [_number_links(root, env, definitions) for root in roots]
        # The remaining passes look no further than a top-level block: they run once over all
        # the blocks, kept apart by a marker element, as one tree costs less than many.
        merged = element("section", theme.style("root"))
        markers: list[HtmlElement] = []
        for i, root in enumerate(roots):
            if i:
                markers.append(element("hr"))
                merged.append(markers[-1])
            if root.text:
                if markers:
                    markers[-1].tail = root.text
                else:
                    merged.text = root.text
            merged.extend(root)
        images = _ImagesByBlock(theme, self.resolve_image, len(roots), markers)
        finish_tree(merged, theme, images)
        if (merged.text or "").strip():
            raise _Unsure
        elements: list[list[str]] = [[]]
        for child in merged:
            if (child.tail or "").strip():
                raise _Unsure  # text outside the blocks: it would run on into its neighbours
            if len(elements) <= len(markers) and child is markers[len(elements) - 1]:
                elements.append([])
            elif child.tag not in BLOCK:
                raise _Unsure
            else:
                elements[-1].append(serialise(child))
        if len(elements) != len(roots):
            raise _Unsure
        return [
            _Piece(
                tuple(elements[i]),
                tuple(references[i]),
                tuple(images.blocks[i].warned),
                tuple(images.blocks[i].pictures),
                tuple(images.blocks[i].lookups),
            )
            for i in range(len(roots))
        ]


def _number_links(
    root: HtmlElement, env: dict[str, Any], definitions: _Definitions
) -> list[tuple[str, str, str]]:
    """Links and footnote references of one block, their numbers left as placeholders."""
    references: list[tuple[str, str, str]] = []
    listed = env.get("footnotes", {}).get("list", {})

    def footnote(href: str) -> tuple[str, str] | None:
        number = href.removeprefix("#fn")
        if not number.isdigit() or int(number) - 1 not in listed:
            raise _Unsure
        label = listed[int(number) - 1].get("label")
        if label is None or label not in definitions.texts:
            raise _Unsure
        return "fn:" + label, ""

    def number_for(key: str, text: str, url: str) -> str:
        references.append((key, text, url))
        return f"{_MARK_OPEN}{len(references) - 1}{_MARK_CLOSE}"

    for anchor in root.iter("a"):
        parent = anchor.getparent()
        if anchor.get("id", "").startswith("fnref") and not (
            parent is not None and parent.tag == "sup" and len(parent) == 1
        ):
            raise _Unsure  # markdown-it's own footnote number would show
    links.rewrite_links(root, footnote, number_for)
    return references


class _ImagesByBlock(ImagePass):
    """The image pass over blocks rendered together, each block with its own record: a block
    kept for later must name its own missing pictures."""

    def __init__(
        self, theme: Theme, resolve: ImageResolver | None, count: int, markers: list[HtmlElement]
    ) -> None:
        super().__init__(theme, resolve, lambda *_: None)
        self.blocks = [_RecordingImages(theme, resolve) for _ in range(count)]
        self.markers = {marker: i + 1 for i, marker in enumerate(markers)}

    def _block_of(self, top: HtmlElement) -> int:
        """The block a top-level element is in: the marker before it says (placing a picture
        splits paragraphs, so the elements are new each time)."""
        for before in top.itersiblings(preceding=True):
            if before in self.markers:
                return self.markers[before]
        return 0

    def run(self, root: HtmlElement) -> None:
        for img in list(root.iter("img")):
            if img.getparent() is None:
                continue
            top = img
            while (parent := top.getparent()) is not None and parent is not root:
                top = parent
            self.blocks[self._block_of(top)].place(img)
        for mark in root.iter("sup"):
            mark.attrib.pop(links.AFTER_PICTURE, None)


def _numbered(element: str, marks: list[str]) -> str:
    return _PLACEHOLDER.sub(lambda match: marks[int(match.group(1))], element)


def _between() -> Token:
    token = Token("html_block", "", 0)
    token.content = _BETWEEN
    return token


def _check_raw_html(contents: list[str]) -> None:
    """Raw HTML in a block must close what it opens: the HTML parser would carry an open
    element (or a formatting one, such as <b>, into the next paragraph) across blocks."""
    stack: list[str] = []
    for content in contents:
        if "footnote" in content.lower():
            raise _Unsure  # markup that the footnote pass reads across the whole article
        for match in _TAG.finditer(content):
            closing, name = match.group(1), match.group(2).lower()
            if name in _VOID:
                continue
            if not closing:
                stack.append(name)
            elif not stack or stack.pop() != name:
                raise _Unsure
    if stack:
        raise _Unsure


def _cut(root: HtmlElement, count: int, theme: Theme) -> list[HtmlElement]:
    """The batch's root cut at the marks between blocks, one root <section> per block."""
    roots = [element("section", theme.style("root")) for _ in range(count)]
    parts = (root.text or "").split(_BETWEEN)
    current = len(parts) - 1
    for i, part in enumerate(parts):
        roots[i].text = part or None
    for child in list(root):
        roots[current].append(child)
        parts = (child.tail or "").split(_BETWEEN)
        child.tail = parts[0] or None
        for part in parts[1:]:
            current += 1
            roots[current].text = part or None
    if current != count - 1:
        raise _Unsure
    return roots


def _read_definitions(sources: tuple[str, ...], theme: Theme) -> _Definitions:
    """The article's link and footnote definitions (they live in `sources`, the blocks that
    hold a `]:`), and each footnote's text as the references block lists it."""
    if not sources:
        return _Definitions({}, (), {}, ((), ()))
    text = "".join(sources)
    candidates = dict.fromkeys(_FOOTNOTE_LABEL.findall(text))
    # A paragraph citing every footnote makes markdown-it write each one's text, as it does
    # for the footnotes an article cites.
    citing = " ".join(f"[^{label}]" for label in candidates)
    md = markdown_html.parser()
    env: dict[str, Any] = {}
    tokens = md.parse(text.rstrip("\n") + "\n\n" + citing + "\n", env)
    # Raw HTML in a footnote is written into the references block at the article's end.
    _check_raw_html(
        [t.content for t in tokens if t.type == "html_block"]
        + [c.content for t in tokens for c in t.children or () if c.type == "html_inline"]
    )
    html = md.renderer.render(tokens, md.options, env)
    root = parse_tree(sanitise.sanitise(html, tokens), theme)
    by_id = links.footnote_texts(root)
    footnotes = env.get("footnotes", {})
    labels = tuple(key[1:] for key in footnotes.get("refs", {}))
    texts: dict[str, str] = {}
    for number, data in footnotes.get("list", {}).items():
        label = data.get("label")
        if label is not None and f"fn{number + 1}" in by_id:
            texts[label] = by_id[f"fn{number + 1}"]
    if any(label not in texts for label in labels):
        raise _Unsure
    references = {label: dict(value) for label, value in env.get("references", {}).items()}
    signature = (
        labels,
        tuple(sorted((k, v.get("href", ""), v.get("title", "")) for k, v in references.items())),
    )
    return _Definitions(references, labels, texts, signature)
