"""Markdown -> the HTML fragment that survives a paste into the 公众号 editor (docs/wechat-html.md).

One pipeline: markdown-it -> allow-list sanitiser -> one lxml tree that the passes below rewrite
(code, links, theme styles, lists, images, tables, whitespace) -> compact serialisation. The
fragment is what the preview shows, what "Copy for WeChat" puts on the clipboard and what the
export archives: there is no second renderer to drift from it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import html as lxml_html
from lxml.html import HtmlElement

from newsdesk.content import code_blocks, links, markdown_html, sanitise
from newsdesk.content.dom import (
    BLOCK,
    add_style,
    element,
    has_content,
    lift_out,
    parse_fragment,
    remove,
    xml_safe,
)
from newsdesk.content.figures import ImagePass, ImageResolver
from newsdesk.content.frontmatter import split_front_matter
from newsdesk.content.links import Footnote
from newsdesk.content.lists import flatten_lists
from newsdesk.content.themes import DEFAULT_THEME, Theme, load_theme

REFERENCES_TITLE = "参考资料"
PREVIOUS_TITLE = "往期回顾"
_WS = " \t\r\n"
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_ALIASES = {"b": "strong", "i": "em", "s": "del", "strike": "del", "ins": "u"}
_EMPTY_DROPPABLE = {"p", "blockquote", "div", "figcaption", *_HEADINGS}
_REPEATED_SPACES = re.compile(r" {2,}")


class RenderWarning(str):
    """A warning for the writer. It is the Chinese message; `.en` and `.code` say the rest."""

    code: str
    en: str
    subject: str

    def __new__(cls, code: str, zh: str, en: str, subject: str = "") -> RenderWarning:
        self = super().__new__(cls, zh)
        self.code, self.en, self.subject = code, en, subject
        return self

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else str(self)


@dataclass(frozen=True)
class Ending:
    """What a county account puts under every article (the export adds it; `render` does not)."""

    previous: Sequence[tuple[str, str]] = ()  # (title, https://mp.weixin.qq.com/... URL)
    credits: str = ""
    notice: str = ""
    closing: str = ""


@dataclass(frozen=True)
class Rendered:
    html: str
    warnings: list[RenderWarning] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)

    @property
    def text(self) -> str:
        return plain_text(self.html)


def folder_resolver(folder: Path, max_bytes: int | None = None) -> ImageResolver:
    """Images named relative to the Markdown file's folder (or absolute paths); a file over
    `max_bytes`, like a missing one, is None."""

    def resolve(name: str) -> bytes | None:
        path = Path(name) if Path(name).is_absolute() else folder / name
        try:
            if not path.is_file() or (max_bytes is not None and path.stat().st_size > max_bytes):
                return None
            return path.read_bytes()
        except OSError:
            return None

    return resolve


def _inside_pre(root: HtmlElement) -> set[HtmlElement]:
    # A set of the elements themselves (not their id()s): lxml keeps one proxy per node only
    # while it is referenced, so ids of dropped proxies get reused.
    return {node for pre in root.iter("pre") for node in pre.iter()}


def _normalise_whitespace(root: HtmlElement) -> None:
    """No whitespace-only text between blocks, no bare newlines in text (rules 3 and 20)."""
    # Every element is visited: each step reads the element once and touches its neighbours
    # only when text remains to be placed (most tails are the newline between two blocks).
    in_pre = _inside_pre(root)
    join_lines = markdown_html.join_lines
    for el in root.iter():
        tag = el.tag
        if in_pre and tag != "pre" and el in in_pre:
            continue
        block = tag in BLOCK
        text = el.text
        if text and tag != "pre":
            if block and not text.strip(_WS):
                el.text = None  # the newline markdown-it writes after an opening tag
            else:
                new = join_lines(text)
                if block:
                    new = new.lstrip(_WS)
                    if len(el) == 0:
                        new = new.rstrip(_WS)
                    elif el[0].tag in BLOCK and not new.strip(_WS):
                        new = ""
                if new != text:
                    el.text = new or None
        tail = el.tail
        if tail and el is not root:
            if (block or tag == "br") and not tail.strip(_WS):  # the newline between blocks
                el.tail = None
                continue
            new = join_lines(tail)
            if block or tag == "br":
                new = new.lstrip(_WS)
            if new:
                nxt = el.getnext()
                if nxt is not None:
                    if nxt.tag in BLOCK:
                        new = new.rstrip(_WS)
                else:
                    parent = el.getparent()
                    if parent is not None and parent.tag in BLOCK:
                        new = new.rstrip(_WS)
            if new != tail:
                el.tail = new or None


_STYLED_MARKUP = frozenset({"strong", "em", "u", "del", "mark"})


def _apply_styles(root: HtmlElement, theme: Theme) -> None:
    """Theme styles onto the Markdown's own elements; their class and id markers go too (the
    elements later passes create are styled as they are made and carry no markers)."""
    skip = _inside_pre(root)
    styles = theme.styles
    quoted_p = "blockquote p" if "blockquote p" in styles else "p"
    for el in root.iterdescendants():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        attributes = el.attrib
        own = ""
        if attributes:
            attributes.pop("class", None)
            attributes.pop("id", None)
            own = attributes.get("style", "")
            if own and not own.strip(" ;"):
                del attributes["style"]
                own = ""
        if skip and el in skip:
            continue
        if tag == "div":
            # A raw <div> of text reads as a paragraph; one holding blocks is a container.
            tag = el.tag = "section" if any(child.tag in BLOCK for child in el) else "p"
        selector = _ALIASES.get(tag, tag)
        if selector == "p":
            parent = el.getparent()
            if parent is not None and parent.tag == "blockquote":
                selector = quoted_p
        elif selector == "blockquote":
            if any(True for _ in el.iterancestors("blockquote")):
                selector = "blockquote blockquote"
        elif selector in _STYLED_MARKUP:
            heading = next(el.iterancestors(*_HEADINGS), None)
            if heading is not None and selector == "strong":
                colour = theme.value(heading.tag, "color") or "inherit"
                add_style(el, f"font-weight:bold;color:{colour}")
                continue
        elif tag == "code":
            code = el.text
            if code and "  " in code:
                # Inline code keeps its repeated spaces (rule 14); single spaces may still wrap.
                el.text = _REPEATED_SPACES.sub(lambda m: "\xa0" * len(m.group(0)), code)
        elif tag == "th" or tag == "td":
            align = (attributes.pop("align", "") or "").lower()
            if align in {"left", "center", "right"}:
                add_style(el, f"text-align:{align}", first=False)
                own = attributes.get("style", "")
        style = styles.get(selector, "")
        if not style:
            continue
        if own:
            add_style(el, style)
        else:
            attributes["style"] = style


_CONTAINERS = frozenset({"section", "blockquote", "td", "th", "figure"})
_HOLDERS = frozenset({"p", *_HEADINGS})


def _lift_misplaced_blocks(root: HtmlElement) -> None:
    """Raw HTML can put a list or table inside a heading or paragraph: take it out."""
    for el in list(root.iter(*BLOCK)):
        parent = el.getparent()
        if parent is not None and parent.tag in _HOLDERS and el.tag not in {"br"}:
            lift_out(el, _CONTAINERS)


def _wrap_tables(root: HtmlElement, theme: Theme) -> None:
    for table in list(root.iter("table")):
        # The root's word-break:break-word lets cells break 1,286,500 over three lines to fit
        # the phone, so a wide table never grows wide enough to scroll (rule 17).
        add_style(table, "word-break:normal", first=False)
        wrapper = element("section", theme.style("table-wrap"))
        table.addprevious(wrapper)
        wrapper.tail, table.tail = table.tail, None
        wrapper.append(table)


def _drop_empty(root: HtmlElement) -> None:
    for el in reversed(list(root.iter(*_EMPTY_DROPPABLE))):
        if el.getparent() is not None and not has_content(el):
            remove(el)


def ending_block(ending: Ending, theme: Theme) -> HtmlElement:
    block = element("section", theme.style("ending"))
    previous = [(t, u) for t, u in ending.previous if links.WECHAT_ARTICLE.match(u)]
    if previous:
        box = element("section", theme.style("previous"))
        box.append(element("p", theme.style("previous-title"), PREVIOUS_TITLE))
        for title, url in previous:
            item = element("p", theme.style("previous-item"))
            anchor = element("a", theme.style("a"), title)
            anchor.set("href", url)
            item.append(anchor)
            box.append(item)
        block.append(box)
    if ending.credits:
        # Two no-break spaces between levels: plain spaces would collapse into one.
        text = re.sub(r" {2,}", "\xa0\xa0", ending.credits.strip())
        block.append(element("p", theme.style("credits"), text))
    for key, text in (("notice", ending.notice), ("closing", ending.closing)):
        for line in (text or "").strip().splitlines():
            if line.strip():
                block.append(element("p", theme.style(key), line.strip()))
    return block


def serialise(root: HtmlElement) -> str:
    html = str(lxml_html.tostring(root, encoding="unicode", method="html"))
    return html.replace("\xa0", "&nbsp;")


def read_body(markdown: str) -> tuple[str, list[RenderWarning]]:
    """The Markdown after its front matter, and the warning if that front matter is broken."""
    body, front_error = split_front_matter(xml_safe(markdown))
    if not front_error:
        return body, []
    warning = RenderWarning(
        "front-matter",
        f"文首信息有误，未作为正文：{front_error}",
        f"front matter ignored: {front_error}",
    )
    return body, [warning]


def parse_tree(cleaned: str, theme: Theme) -> HtmlElement:
    """The sanitised HTML as the root <section>, its code blocks highlighted."""
    root = parse_fragment(cleaned or "")
    root.attrib.clear()
    root.set("style", theme.style("root"))
    for pre in list(root.iter("pre")):
        code_blocks.highlight(pre, theme)
    return root


def finish_tree(root: HtmlElement, theme: Theme, images: ImagePass) -> None:
    """The passes after the links: each looks no further than the top-level block it is in."""
    _apply_styles(root, theme)
    flatten_lists(root, theme)
    images.run(root)
    _lift_misplaced_blocks(root)
    _wrap_tables(root, theme)
    _normalise_whitespace(root)
    _drop_empty(root)


def render_wechat(
    markdown: str,
    *,
    theme: str | Theme = DEFAULT_THEME,
    resolve_image: ImageResolver | None = None,
    ending: Ending | None = None,
) -> Rendered:
    """Render Markdown (front matter allowed) as a WeChat-ready fragment."""
    chosen = load_theme(theme) if isinstance(theme, str) else theme
    body, warnings = read_body(markdown)

    def warn(code: str, zh: str, en: str, subject: str = "") -> None:
        warnings.append(RenderWarning(code, zh, en, subject))

    md = markdown_html.parser()
    env: dict[str, Any] = {}
    tokens = md.parse(body, env)
    html = md.renderer.render(tokens, md.options, env)
    root = parse_tree(sanitise.sanitise(html, tokens), chosen)
    notes = links.convert_links(root, chosen)
    finish_tree(root, chosen, ImagePass(chosen, resolve_image, warn))
    if notes:
        root.append(links.references_block(notes, chosen, REFERENCES_TITLE))
    if ending is not None:
        root.append(ending_block(ending, chosen))
    return Rendered(serialise(root), warnings, notes)


_LINE_AFTER = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "pre", "tr", "li", "hr"}


def plain_text(fragment: str) -> str:
    """The text/plain twin of a fragment: one line per paragraph, cells separated by tabs."""
    if not fragment.strip():
        return ""
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    for el in root.iter():
        if el.tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif el.tag in {"td", "th"} and el.getnext() is not None:
            el.tail = "\t" + (el.tail or "")
        elif el.tag in _LINE_AFTER:
            el.tail = "\n" + (el.tail or "")
    text = str(root.text_content()).replace("\xa0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
