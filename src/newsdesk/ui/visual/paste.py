"""What a paste or a drop brings: HTML from Word, WPS, a web page or a 公众号 article turned into
the article's Markdown by the .docx import's own converter, pictures stored like any picture."""

from __future__ import annotations

import base64
import html as html_lib
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData
from PySide6.QtGui import QImage

from newsdesk.content.figures import local_path

StorePicture = Callable[[bytes], str | None]
_IMG_SRC = re.compile(r"(<img\b[^>]*?(?<![\w-])src=[\"'])([^\"']+)([\"'])", re.IGNORECASE)
_DATA = re.compile(r"^data:image/[a-z+]+;base64,(.*)$", re.IGNORECASE | re.DOTALL)


def image_bytes(mime: QMimeData) -> bytes | None:
    """The clipboard's picture as PNG bytes."""
    image = QImage(mime.imageData())
    if image.isNull():
        return None
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs miss QIODevice
    return bytes(QByteArray(buffer.data()).data())


def html_markdown(html: str, store: StorePicture | None, stored: dict[str, bytes]) -> str:
    """Pasted HTML as Markdown; its pictures given as data or as files on this PC (Word puts
    `file:///…/clip_image001.png` on the clipboard) are stored first, as the sanitiser would
    drop such addresses, and `stored` learns their bytes. Web addresses stay as they are."""
    # The converter (markdownify) loads with the first paste of HTML, as in the source editor.
    from newsdesk.content.html_markdown import html_to_markdown

    def stored_ref(match: re.Match[str]) -> str:
        src = html_lib.unescape(match.group(2))
        data = _picture_data(src)
        ref = store(data) if data is not None and store is not None else None
        if data is None or ref is None:
            return match.group(0)
        stored[ref] = data
        return match.group(1) + ref + match.group(3)

    return html_to_markdown(_IMG_SRC.sub(stored_ref, html), sanitise=True)


def _picture_data(src: str) -> bytes | None:
    inline = _DATA.match(src)
    if inline:
        try:
            return base64.b64decode(inline.group(1), validate=False)
        except ValueError:
            return None
    if re.match(r"^(https?|ftp):", src, re.IGNORECASE) or src.startswith("media/"):
        return None
    path = Path(local_path(src))
    try:
        return path.read_bytes() if path.is_absolute() and path.is_file() else None
    except OSError:
        return None
