"""Where the app keeps its log, its recovery copies and its packaged resources."""

from __future__ import annotations

import logging
import logging.handlers
from importlib import resources
from io import TextIOWrapper
from pathlib import Path

import platformdirs

from newsdesk.core.private_files import open_private, private_folder

_APP = "newsdesk"


def resource(*parts: str) -> Path:
    return Path(str(resources.files("newsdesk").joinpath("resources", *parts)))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(_APP, appauthor=False))


def recovery_dir() -> Path:
    """Unsaved text, written a moment after typing stops: what a crash cannot take away."""
    # Private like the log: it holds articles' unpublished text.
    return private_folder(Path(platformdirs.user_data_dir(_APP, appauthor=False)) / "recovery")


def cache_dir() -> Path:
    folder = Path(platformdirs.user_cache_dir(_APP, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class PrivateLogHandler(logging.handlers.RotatingFileHandler):
    """The app's log, rotated, readable by this user only (it holds tracebacks)."""

    def _open(self) -> TextIOWrapper:
        return open_private(Path(self.baseFilename), self.mode, self.encoding or "utf-8")


def setup_logging() -> None:
    logger = logging.getLogger(_APP)
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in logger.handlers):
        return
    folder = private_folder(log_dir())
    handler = PrivateLogHandler(
        folder / "newsdesk.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
