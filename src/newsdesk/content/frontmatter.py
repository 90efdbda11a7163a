"""Markdown files with YAML front matter, as reporters and the samples write them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_FENCE = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_OPENING = re.compile(r"\A---[ \t]*\r?\n")
_H1 = re.compile(r"\A\s*#\s+(.+?)\s*#*\s*(?:\r?\n|\Z)")
FIELDS = ("title", "author", "digest", "column", "source_url", "original", "editors", "cover")


class FrontMatterError(ValueError):
    """The front matter is not valid YAML or has a field of the wrong kind."""


@dataclass(frozen=True)
class MarkdownDocument:
    body: str
    meta: dict[str, Any] = field(default_factory=dict)


def split_front_matter(text: str) -> tuple[str, str]:
    """The body without its front matter, and what is wrong with the front matter ("" if fine).

    The fenced block is never body text (docs/wechat-html.md rule 22), even when it is not
    valid YAML.
    """
    text = text.lstrip("\ufeff")
    match = _FENCE.match(text)
    if not match:
        return text, ""
    try:
        parse(text)
    except FrontMatterError as error:
        return text[match.end() :], str(error)
    return text[match.end() :], ""


def parse(text: str) -> MarkdownDocument:
    """Split front matter from the body; a lone leading `# 标题` becomes the title if none is set."""
    text = text.lstrip("\ufeff")
    meta: dict[str, Any] = {}
    body = text
    match = _FENCE.match(text)
    if match:
        import yaml  # only for a text that has front matter (about 15 ms to load)

        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" (line {mark.line + 2})" if mark is not None else ""
            raise FrontMatterError(f"front matter is not valid YAML{where}") from None
        if loaded is not None and not isinstance(loaded, dict):
            raise FrontMatterError("front matter must be a set of `key: value` lines")
        meta = {str(k).strip().lower(): v for k, v in (loaded or {}).items()}
        body = text[match.end() :]
    if "title" not in meta:
        heading = _H1.match(body)
        if heading:
            meta["title"] = heading.group(1)
            body = body[heading.end() :]
    for key in ("title", "author", "digest", "column", "source_url", "cover"):
        value = meta.get(key)
        if value is not None and not isinstance(value, (str, int, float)):
            raise FrontMatterError(f"front matter field `{key}` must be text")
    editors = meta.get("editors")
    if isinstance(editors, str):
        meta["editors"] = [e for e in re.split(r"[,，\s]+", editors) if e]
    elif editors is not None and not (
        isinstance(editors, list) and all(isinstance(e, str) for e in editors)
    ):
        raise FrontMatterError("front matter field `editors` must be a list of usernames")
    original = meta.get("original")
    if original is not None and not isinstance(original, bool):
        raise FrontMatterError("front matter field `original` must be true or false")
    return MarkdownDocument(body.strip("\r\n") + "\n" if body.strip() else "", meta)


def field_offsets(text: str, document: MarkdownDocument) -> dict[str, int]:
    """Where each text field of `document` (parsed from `text`) starts in `text`, for fields
    whose value stands there exactly as parsed: findings in them can then point into the file.
    A value YAML rewrote (escapes, folded lines) is left out."""
    text = text.lstrip("\ufeff")
    offsets: dict[str, int] = {}
    match = _FENCE.match(text)
    rest = match.end() if match else 0
    if match:
        block = match.group(1)
        for key in ("title", "author", "digest"):
            value = document.meta.get(key)
            line = re.search(rf"^[ \t]*{key}[ \t]*:[ \t]*(.*?)[ \t\r]*$", block, re.M | re.I)
            if value is None or line is None:
                continue
            raw = line.group(1)
            inner = raw[1:-1] if len(raw) > 1 and raw[0] == raw[-1] and raw[0] in "\"'" else raw
            if inner == str(value):
                offsets[key] = match.start(1) + line.start(1) + (len(raw) - len(inner)) // 2
    body = text[rest:]
    if (
        "title" not in offsets
        and document.meta.get("title") is not None
        and not (match and re.search(r"^[ \t]*title[ \t]*:", match.group(1), re.M | re.I))
    ):
        heading = _H1.match(body)
        if heading and heading.group(1) == document.meta["title"]:
            offsets["title"] = rest + heading.start(1)
            rest += heading.end()
            body = text[rest:]
    offsets["body"] = rest + len(body) - len(body.lstrip("\r\n"))
    return offsets


def front_matter_notes(text: str, document: MarkdownDocument) -> list[tuple[str, str]]:
    """What a reader of `text` should be told it was not taken as meant (中文, English): front
    matter that opens with `---` and never closes (so all of it became body), and keys that are
    not fields (`titel:`), each named with the fields there are."""
    text = text.lstrip("\ufeff")
    notes: list[tuple[str, str]] = []
    if _OPENING.match(text) and not _FENCE.match(text):
        notes.append(
            (
                "文件头以 --- 开始，却没有结束的 ---：整个文件都当作了正文",
                "the front matter opens with --- but never closes: the whole file became the body",
            )
        )
    known = ", ".join(FIELDS)
    for key in document.meta:
        if key not in FIELDS:
            notes.append(
                (
                    f"文件头中的 `{key}` 不是可用的字段，已忽略（可用：{known}）",
                    f"the front matter key `{key}` is not known and was ignored (known: {known})",
                )
            )
    return notes
