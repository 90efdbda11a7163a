"""Turning a file a reporter sent into article content, or saying clearly why not."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from newsdesk.content.frontmatter import FrontMatterError, front_matter_notes, parse
from newsdesk.core.errors import BadFile, CannotWrite
from newsdesk.core.models import ArticleContent

MAX_FILE_BYTES = 20 * 1024 * 1024


def _no_pictures(name: str) -> bytes | None:
    return None


@dataclass(frozen=True)
class ImportedArticle:
    content: ArticleContent
    co_editors: tuple[str, ...]
    # Pictures the body names, by the name it uses: files beside a .md, pictures inside a .docx.
    picture: Callable[[str], bytes | None] = _no_pictures
    # What the file held that was not taken as meant (中文, English): said, never silent.
    warnings: tuple[tuple[str, str], ...] = ()


def write_text_file(path: Path, text: str) -> None:
    """Write UTF-8 text whole or not at all."""
    write_bytes_file(path, text.encode("utf-8"))


def write_bytes_file(path: Path, data: bytes) -> None:
    """Write a file whole or not at all (a temporary file renamed into place)."""
    temporary = path.with_name(f".{path.name}.part")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise CannotWrite(str(path), _why_not_written(error)) from None


def _why_not_written(error: OSError) -> tuple[str, str]:
    if isinstance(error, IsADirectoryError):
        return "这是一个文件夹", "it is a folder"
    if isinstance(error, PermissionError):
        return "没有写入权限", "permission denied"
    if isinstance(error, FileNotFoundError):
        return "所在文件夹不存在", "its folder does not exist"
    return f"系统错误：{error.strerror}", str(error.strerror)


def read_bytes(path: Path) -> bytes:
    shown = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise BadFile(shown, ("文件超过 20 MB", "the file is over 20 MB"))
        return path.read_bytes()
    except FileNotFoundError:
        raise BadFile(shown, ("文件不存在", "no such file")) from None
    except IsADirectoryError:
        raise BadFile(shown, ("这是一个文件夹", "it is a folder")) from None
    except OSError as error:
        raise BadFile(shown, (f"系统错误：{error.strerror}", str(error.strerror))) from None


def read_text(path: Path) -> str:
    shown = str(path)
    data = read_bytes(path)
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
        return _read_docx(path)
    if suffix == ".doc":
        raise BadFile(
            str(path),
            (
                "旧版 .doc 文件请在 Word 中另存为 .docx 后再导入",
                "save an old .doc file as .docx first",
            ),
        )
    if suffix not in (".md", ".markdown", ".txt"):
        raise BadFile(
            str(path), ("只能导入 .md 或 .docx 文件", "only .md and .docx files can be imported")
        )
    # An article's text has LF line ends, whatever the file had: what the editor shows, the
    # offsets of its findings and their keys are then the same for a file saved on Windows.
    text = read_text(path).replace("\r\n", "\n").replace("\r", "\n")
    if not text.lstrip("\ufeff").strip():
        raise BadFile(str(path), ("文件是空的", "the file is empty"))
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
    notes = front_matter_notes(text, document)
    if not content.title:
        notes.append(
            (
                "稿件没有标题：请加 `title:` 一行，或以 `# 标题` 开头",
                "the article has no title: add a `title:` line or begin with a `# heading`",
            )
        )
    return ImportedArticle(
        content,
        tuple(meta.get("editors") or ()),
        _folder_resolver(path.parent.resolve(), MAX_FILE_BYTES),
        tuple(notes),
    )


def _folder_resolver(folder: Path, limit: int) -> Callable[[str], bytes | None]:
    # The renderer's module loads with the first article read, not with `proofread`.
    from newsdesk.content.wechat import folder_resolver

    return folder_resolver(folder, limit)


def _read_docx(path: Path) -> ImportedArticle:
    # Word's converter (mammoth, BeautifulSoup, markdownify) loads with the first Word file.
    from newsdesk.content.docx import DocxError, docx_to_markdown

    data = read_bytes(path)
    try:
        converted = docx_to_markdown(data)
    except DocxError as error:
        raise BadFile(str(path), (error.zh, error.en)) from None
    document = parse(converted.markdown)  # a leading `# 标题` becomes the title
    title = str(document.meta.get("title", "") or "").strip() or path.stem
    content = ArticleContent(title=title, body=document.body)
    return ImportedArticle(content, (), converted.pictures.get)
