"""Interface language: Simplified Chinese on a Chinese system, English otherwise, or the user's
choice in settings. Our own `.ts` translation and Qt's `qtbase_zh_CN` are both installed.

The `.ts` source is compiled to `.qm` at build time (`make translations`, the installer build);
a source checkout that has not built it compiles it once into the cache folder.
"""

from __future__ import annotations

import logging
import os
import subprocess
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from newsdesk.ui import paths

log = logging.getLogger("newsdesk")
ZH, EN = "zh", "en"
_installed: list[QTranslator] = []
_current = EN


def when(moment: datetime) -> str:
    """A stored (UTC) time as lists show it: month-day and minutes, in this PC's zone."""
    return moment.astimezone().strftime("%m-%d %H:%M")


def current() -> str:
    return _current


def chosen_language(settings: QSettings) -> str:
    override = os.environ.get("NEWSDESK_LANG") or str(settings.value("ui/language", "") or "")
    if override in (ZH, EN):
        return override
    return ZH if QLocale.system().name().lower().startswith("zh") else EN


def _lrelease() -> Path | None:
    import PySide6

    folder = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease"):
        if (folder / name).exists():
            return folder / name
    return None


def compiled_catalogue(name: str = "newsdesk_zh_CN") -> Path | None:
    """The .qm beside the package (built), else one compiled from the .ts into the cache."""
    built = paths.resource("i18n", f"{name}.qm")
    source = paths.resource("i18n", f"{name}.ts")
    if built.exists() and (not source.exists() or built.stat().st_mtime >= source.stat().st_mtime):
        return built
    if not source.exists():
        return None
    cached = paths.cache_dir() / f"{name}.qm"
    if cached.exists() and cached.stat().st_mtime >= source.stat().st_mtime:
        return cached
    tool = _lrelease()
    if tool is None:
        log.warning("no lrelease to compile %s", source)
        return None
    subprocess.run([str(tool), "-silent", str(source), "-qm", str(cached)], check=False)
    return cached if cached.exists() else None


def install(app: QApplication, language: str) -> None:
    global _current
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = language
    if language != ZH:
        return
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    loaders: tuple[Callable[[QTranslator], bool], ...] = (
        lambda t: t.load("qtbase_zh_CN", qt_dir),
        lambda t: (path := compiled_catalogue()) is not None and t.load(str(path)),
    )
    for loader in loaders:
        translator = QTranslator(app)
        if loader(translator):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("a Chinese translation could not be loaded")


def installed() -> int:
    """How many translation catalogues are in use (Chinese: Qt's and ours)."""
    return len(_installed)


def pick(pair: tuple[str, str]) -> str:
    """A (zh, en) label from the core in the interface language."""
    return pair[0] if _current == ZH else pair[1]


SCHEMES = ("system", "light", "dark")


def _dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2d30", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1f2023", QPalette.ColorRole.AlternateBase: "#2a2b2e",
        QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#34363a",
        QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: "#b3261e",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#34363a",
        QPalette.ColorRole.ToolTipText: "#e6e6e6", QPalette.ColorRole.PlaceholderText: "#8a8a8a",
        QPalette.ColorRole.Link: "#8ab4f8",
    }  # fmt: skip
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#777777"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#777777"))
    return palette


def apply_color_scheme(choice: str) -> None:
    """Light or dark as the system says, unless the user chose one. Qt 6.8 can tell the
    platform; where the platform cannot follow, Fusion with our palette does the same."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    hints = QGuiApplication.styleHints()
    scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(
        choice, Qt.ColorScheme.Unknown
    )
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(scheme)
    if choice == "dark":
        app.setStyle("Fusion")
        app.setPalette(_dark_palette())
    elif choice == "light":
        app.setStyle("Fusion")
        app.setPalette(app.style().standardPalette())
    else:
        app.setPalette(QPalette())
