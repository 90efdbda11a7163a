"""Word (.docx) to Markdown via mammoth, pictures handed back to the caller to store.

Word files come from outside: the archive is checked before mammoth opens it (not a zip, an
old .doc, a password-protected file, a zip bomb), so a bad file gets a plain error quickly.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

import mammoth

from newsdesk.content.errors import WordedError
from newsdesk.content.html_markdown import html_to_markdown
from newsdesk.content.images import EXTENSIONS

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ENTRIES = 5000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc, or an encrypted .docx
STYLE_MAP = """
p[style-name='Title'] => h1:fresh
p[style-name='Subtitle'] => h2:fresh
p[style-name='标题'] => h1:fresh
p[style-name='副标题'] => h2:fresh
p[style-name='Caption'] => p.caption:fresh
p[style-name='caption'] => p.caption:fresh
p[style-name='题注'] => p.caption:fresh
p[style-name='Quote'] => blockquote > p:fresh
p[style-name='Intense Quote'] => blockquote > p:fresh
p[style-name='引用'] => blockquote > p:fresh
"""


class DocxError(WordedError):
    """A Word file that cannot be read; the message says why."""


@dataclass
class DocxResult:
    markdown: str
    pictures: dict[str, bytes] = field(default_factory=dict)  # name in the Markdown -> bytes
    notes: list[tuple[str, str]] = field(default_factory=list)  # (zh, en) for the writer


def _check_archive(data: bytes) -> None:
    if data.startswith(_OLE_MAGIC):
        raise DocxError(
            "这是旧版 .doc 或设有打开密码的文件，请在 Word 中另存为 .docx（不设密码）后再导入",
            "this is an old .doc or a password-protected file; save it as .docx without a password",
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError):
        raise DocxError("不是有效的 Word 文件（.docx）", "not a valid Word (.docx) file") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
            raise DocxError(
                "Word 文件解压后过大，疑似损坏",
                "the Word file unpacks to far too much; it looks damaged",
            )
        if "word/document.xml" not in archive.namelist():
            raise DocxError(
                "不是有效的 Word 文件（缺少正文）", "not a valid Word file (no document body)"
            )


def docx_to_markdown(data: bytes) -> DocxResult:
    _check_archive(data)
    result = DocxResult("")
    count = 0

    def picture(image: Any) -> dict[str, str]:
        nonlocal count
        count += 1
        with image.open() as stream:
            blob = stream.read()
        extension = EXTENSIONS.get(image.content_type or "", "bin")
        name = f"word-picture-{count}.{extension}"
        result.pictures[name] = blob
        attributes = {"src": name}
        if image.alt_text:
            attributes["alt"] = " ".join(str(image.alt_text).split())
        return attributes

    try:
        converted = mammoth.convert_to_html(
            io.BytesIO(data),
            style_map=STYLE_MAP,
            convert_image=mammoth.images.img_element(picture),
        )
    except (KeyError, ValueError, zipfile.BadZipFile, OSError) as error:
        raise DocxError(
            f"Word 文件无法读取：{error}", f"the Word file cannot be read: {error}"
        ) from None
    except Exception as error:  # mammoth raises bare errors on malformed XML
        raise DocxError(
            "Word 文件内容已损坏，无法读取", f"the Word file is damaged: {type(error).__name__}"
        ) from None
    result.markdown = html_to_markdown(converted.value)
    return result
