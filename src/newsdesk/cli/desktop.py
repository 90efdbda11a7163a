"""`newsdesk gui`: the desktop app. Kept apart from the other commands so that starting the app
loads none of their modules (export, proofreading output, demo data, PostgreSQL migration)."""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys

from newsdesk.cli.session import Session
from newsdesk.core.errors import InvalidInput


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def has_screen() -> bool:
    """Whether the app could show a window here: on Linux only with a display server (or a
    Qt platform chosen by hand, e.g. offscreen)."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def gui(s: Session) -> int:
    # Imported by name at run time: the CLI stays Qt-free (import-linter checks it), and a
    # machine without Qt still runs every other command.
    if importlib.util.find_spec("PySide6") is None:
        _say(
            s.t(
                "newsdesk: 未安装 Qt (PySide6)，桌面程序无法启动。",
                "newsdesk: Qt (PySide6) is not installed; the desktop app cannot start.",
            )
        )
        return 1
    if not has_screen():
        _say(
            s.t(
                "newsdesk: 没有可用的屏幕（未设置 DISPLAY），桌面程序无法显示。",
                "newsdesk: no screen to show the desktop app on (DISPLAY is not set).",
            )
        )
        return 1
    app = importlib.import_module("newsdesk.ui.app")
    user = getattr(s.args, "user", None)
    smoke = getattr(s.args, "smoke", False)
    if smoke and not user:
        raise InvalidInput("--smoke 需要 --user", "--smoke needs --user")
    password = s.password(user) if smoke and user else None
    return int(
        app.run(s.target, demo=getattr(s.args, "demo", False), user=user, smoke_password=password)
    )
