"""What `doctor` checks of the Qt installation, by looking at files: the CLI never imports Qt."""

from __future__ import annotations

import importlib.util
import sys
from importlib import resources
from pathlib import Path


def qt_root() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _first(root: Path, *candidates: str) -> Path | None:
    for candidate in candidates:
        found = sorted(root.glob(candidate))
        if found:
            return found[0]
    return None


def checks() -> list[tuple[str, Path | None]]:
    """(what, the file that provides it or None) for each part the desktop app needs."""
    root = qt_root()
    if root is None:
        return []
    windows = sys.platform == "win32"
    ours = Path(str(resources.files("newsdesk") / "resources" / "i18n"))
    return [
        (
            "Qt platform plugin",
            _first(
                root,
                "plugins/platforms/qwindows.dll" if windows else "Qt/plugins/platforms/libqxcb.so",
            ),
        ),
        (
            "Qt offscreen plugin",
            _first(
                root, "plugins/platforms/qoffscreen.dll", "Qt/plugins/platforms/libqoffscreen.so"
            ),
        ),
        ("QtWebEngine", _first(root, "QtWebEngineProcess.exe", "Qt/libexec/QtWebEngineProcess")),
        (
            "QtWebEngine resources",
            _first(
                root,
                "resources/qtwebengine_resources.pak",
                "Qt/resources/qtwebengine_resources.pak",
            ),
        ),
        (
            "Qt Chinese (qtbase_zh_CN)",
            _first(root, "translations/qtbase_zh_CN.qm", "Qt/translations/qtbase_zh_CN.qm"),
        ),
        ("Newsdesk Chinese", _first(ours, "newsdesk_zh_CN.qm", "newsdesk_zh_CN.ts")),
    ]
