"""Turning a file a reporter sent into article content, or saying clearly why not."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from newsdesk.content.frontmatter import FrontMatterError, parse
from newsdesk.core.errors import BadFile
from newsdesk.core.models import ArticleContent

MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class ImportedArticle:
    content: ArticleContent
    co_editors: tuple[str, ...]


def write_text_file(path: Path, text: str) -> None:
    """Write UTF-8 text whole or not at all (a temporary file renamed into place)."""
    temporary = path.with_name(f".{path.name}.part")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise BadFile(
            str(path), (f"无法写入：{error.strerror}", f"cannot write: {error.strerror}")
        ) from None


def read_text(path: Path) -> str:
    shown = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise BadFile(shown, ("文件超过 20 MB", "the file is over 20 MB"))
        data = path.read_bytes()
    except FileNotFoundError:
        raise BadFile(shown, ("文件不存在", "no such file")) from None
    except IsADirectoryError:
        raise BadFile(shown, ("这是一个文件夹", "it is a folder")) from None
    except OSError as error:
        raise BadFile(shown, (f"系统错误：{error.strerror}", str(error.strerror))) from None
    if b"\x00" in data[:8192]:
        raise BadFile(shown, ("这不是文本文件", "it is not a text file"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            data.decode("gb18030")
        except UnicodeDecodeError:
            raise BadFile(shown, ("不是 UTF-8 编码的文本", "it is not UTF-8 text")) from None
        raise BadFile(
            shown,
            (
                "文件是 GBK 编码，请另存为 UTF-8 后再导入",
                "it is GBK-encoded; save it as UTF-8 first",
            ),
        ) from None


def read_article_file(path: Path) -> ImportedArticle:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        raise BadFile(
            str(path),
            (
                "本版本暂不支持导入 Word 文件，请先另存为 Markdown",
                "Word import is not available in this version; save it as Markdown first",
            ),
        )
    if suffix not in (".md", ".markdown", ".txt"):
        raise BadFile(
            str(path), ("只能导入 .md 或 .docx 文件", "only .md and .docx files can be imported")
        )
    text = read_text(path)
    try:
        document = parse(text)
    except FrontMatterError as error:
        raise BadFile(str(path), (f"文件头信息有误：{error}", str(error))) from None
    meta = document.meta
    content = ArticleContent(
        title=str(meta.get("title", "") or "").strip(),
        body=document.body,
        author=str(meta.get("author", "") or "").strip(),
        digest=str(meta.get("digest", "") or "").strip(),
        column=str(meta.get("column", "") or "").strip(),
        cover=str(meta.get("cover", "") or "").strip(),
        source_url=str(meta.get("source_url", "") or "").strip(),
        original=bool(meta.get("original", False)),
    )
    return ImportedArticle(content, tuple(meta.get("editors") or ()))
