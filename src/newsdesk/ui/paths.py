"""Where the app keeps its log, its recovery copies and its packaged resources."""

from __future__ import annotations

import logging
import logging.handlers
from importlib import resources
from pathlib import Path

import platformdirs

_APP = "newsdesk"


def resource(*parts: str) -> Path:
    return Path(str(resources.files("newsdesk").joinpath("resources", *parts)))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(_APP, appauthor=False))


def recovery_dir() -> Path:
    """Unsaved text, written a moment after typing stops: what a crash cannot take away."""
    folder = Path(platformdirs.user_data_dir(_APP, appauthor=False)) / "recovery"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def cache_dir() -> Path:
    folder = Path(platformdirs.user_cache_dir(_APP, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def setup_logging() -> None:
    logger = logging.getLogger(_APP)
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in logger.handlers):
        return
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        folder / "newsdesk.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
