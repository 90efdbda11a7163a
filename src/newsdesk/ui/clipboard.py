"""What Newsdesk puts on the clipboard, and taking it off again where keeping it would crash;
which files a paste or a drop brings as pictures.

The offscreen platform (tests, the packaged smoke test) crashes at interpreter exit while its
clipboard holds mime data set from Python. The app clears it on aboutToQuit; a process that never
runs a quitting event loop (pytest-qt) gets the same at interpreter exit.
"""

from __future__ import annotations

import atexit

from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QGuiApplication


def release_clipboard() -> None:
    """Clear the clipboard on the offscreen platform; X11, Wayland and Windows keep what the
    user copied."""
    if QGuiApplication.instance() is None:
        return
    if QGuiApplication.platformName() == "offscreen":
        QGuiApplication.clipboard().clear()


def put_on_clipboard(mime: QMimeData) -> None:
    QGuiApplication.clipboard().setMimeData(mime)
    # atexit runs the last registered first: registered again, it runs before PySide's own
    # clean-up, while the application still exists.
    atexit.unregister(release_clipboard)
    atexit.register(release_clipboard)


PICTURE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp")  # what may be inserted


def picture_files(mime: QMimeData) -> list[str]:
    """The pictures among the files on this PC that a paste or a drop brings."""
    files = [u.toLocalFile() for u in mime.urls() if isinstance(u, QUrl) and u.isLocalFile()]
    return [name for name in files if name.lower().endswith(PICTURE_SUFFIXES)]
