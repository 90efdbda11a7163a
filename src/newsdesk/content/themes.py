"""Themes: small TOML files mapping selectors to CSS declarations, written inline as-is.

Built-in themes ship in the package; a newsroom drops its own `NAME.toml` into the user
theme folder (or `NEWSDESK_THEME_DIR`) without touching code. A theme lists only what it
changes; everything else comes from `default`. Declarations are checked on load against
docs/wechat-html.md so a newsroom theme cannot bring back what the editor drops or what dark mode
cannot recolour.
"""

from __future__ import annotations

import os
import re
import stat
import time
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import platformdirs

DEFAULT_THEME = "default"
_NAME = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
_BLACK = re.compile(r"^(#000|#000000|black|rgb\(\s*0\s*,\s*0\s*,\s*0\s*\))$", re.IGNORECASE)
_WHITE = re.compile(r"^(#fff|#ffffff|white|rgb\(\s*255\s*,\s*255\s*,\s*255\s*\))$", re.I)
_FORBIDDEN_VALUE = re.compile(r"var\(|expression\(|url\(|javascript:|@", re.IGNORECASE)
_CONTAINERS = {"root", "references", "ending", "table-wrap", "figure"}


class ThemeError(ValueError):
    """A theme file is missing, unreadable or breaks a WeChat rule."""


@dataclass(frozen=True)
class Theme:
    name: str
    title_zh: str
    title_en: str
    code_style: str
    styles: dict[str, str] = field(default_factory=dict)  # selector -> "prop:value;..."
    declarations: dict[str, dict[str, str]] = field(default_factory=dict)

    def style(self, selector: str) -> str:
        return self.styles.get(selector, "")

    def value(self, selector: str, prop: str) -> str:
        return self.declarations.get(selector, {}).get(prop, "")


@lru_cache(maxsize=1)
def builtin_dir() -> Path:
    return Path(str(resources.files("newsdesk") / "resources" / "themes"))


@lru_cache(maxsize=8)
def _user_dir(*environment: str | None) -> Path:
    # Asked of platformdirs again only when a variable it reads changes: every render looks
    # its theme up, and for a short article the asking cost more than a tenth of the render.
    return Path(platformdirs.user_config_dir("newsdesk", appauthor=False)) / "themes"


def _where() -> tuple[str | None, ...]:
    """The environment that decides where themes are: our own variable, then what platformdirs
    reads for the user's configuration folder."""
    env = os.environ.get
    return env("NEWSDESK_THEME_DIR"), env("XDG_CONFIG_HOME"), env("HOME"), env("APPDATA")


def theme_dirs() -> list[Path]:
    """Where themes are looked up, most specific first."""
    own, *user = _where()
    dirs = [Path(own)] if own else []
    dirs.append(_user_dir(*user))
    dirs.append(builtin_dir())
    return dirs


def available_themes() -> list[str]:
    names: set[str] = set()
    for folder in theme_dirs():
        if folder.is_dir():
            names |= {p.stem for p in folder.glob("*.toml") if _NAME.match(p.stem)}
    return sorted(names, key=lambda n: (n != DEFAULT_THEME, n))


def parse_declarations(text: str) -> dict[str, str]:
    """`"a:b; c:d"` -> {"a": "b", "c": "d"}; later declarations win, as in CSS."""
    result: dict[str, str] = {}
    for part in text.split(";"):
        if not part.strip():
            continue
        prop, sep, value = part.partition(":")
        if not sep or not prop.strip() or not value.strip():
            raise ThemeError(f"`{part.strip()}` is not a `property: value` declaration")
        result[prop.strip().lower()] = value.strip()
    return result


def join_declarations(declarations: dict[str, str]) -> str:
    return ";".join(f"{prop}:{value}" for prop, value in declarations.items())


def _validate(selector: str, declarations: dict[str, str]) -> None:
    for prop, value in declarations.items():
        where = f"`{selector}` {prop}"
        if _FORBIDDEN_VALUE.search(value) or prop.startswith("--"):
            raise ThemeError(f"{where}: CSS variables, url() and at-rules do not survive WeChat")
        if prop == "position" and value.lower() in {"fixed", "absolute", "sticky"}:
            raise ThemeError(f"{where}: fixed or absolute positioning is removed by WeChat")
        if prop == "color" and _BLACK.match(value):
            raise ThemeError(
                f"{where}: pure black is dropped by WeChat; use a near-black like #3f3f3f"
            )
        if (
            selector in _CONTAINERS
            and prop in {"background", "background-color"}
            and _WHITE.match(value)
        ):
            raise ThemeError(f"{where}: a white container background breaks dark mode")


def _find(name: str) -> tuple[str, float]:
    """The theme's file and its modification time (os.stat rather than pathlib: every render
    looks its theme up)."""
    if not _NAME.match(name):
        raise ThemeError(f"`{name}` is not a theme name (letters, digits, - and _)")
    for folder in theme_dirs():
        path = os.path.join(folder, f"{name}.toml")
        try:
            found = os.stat(path)
        except OSError:
            continue
        if stat.S_ISREG(found.st_mode):
            return path, found.st_mtime
    known = ", ".join(available_themes())
    raise ThemeError(f"no theme called `{name}` (available: {known})")


def _read(path: Path) -> dict[str, object]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ThemeError(f"theme file {path} cannot be read: {error}") from None


@lru_cache(maxsize=32)
def _load_cached(name: str, path: str, mtime: float) -> Theme:
    data = _read(Path(path))
    parent_name = str(data.get("extends", DEFAULT_THEME if name != DEFAULT_THEME else ""))
    declarations: dict[str, dict[str, str]] = {}
    code_style = "friendly"
    if parent_name:
        if parent_name == name:
            raise ThemeError(f"theme `{name}` cannot extend itself")
        parent = load_theme(parent_name)
        declarations = {k: dict(v) for k, v in parent.declarations.items()}
        code_style = parent.code_style
    styles = data.get("styles", {})
    if not isinstance(styles, dict):
        raise ThemeError(f"theme file {path}: [styles] must be a table of selector = declarations")
    for selector, text in styles.items():
        if not isinstance(text, str):
            raise ThemeError(f"theme file {path}: `{selector}` must be a string of declarations")
        try:
            parsed = parse_declarations(text)
            _validate(selector, parsed)
        except ThemeError as error:
            raise ThemeError(f"theme file {path}: {error}") from None
        declarations[selector] = parsed  # a theme replaces a selector's declarations whole
    return Theme(
        name=name,
        title_zh=str(data.get("name", name)),
        title_en=str(data.get("name_en", data.get("name", name))),
        code_style=str(data.get("code_style", code_style)),
        styles={k: join_declarations(v) for k, v in declarations.items()},
        declarations=declarations,
    )


_RECHECK_S = 1.0
_recent: dict[tuple[str | None, ...], tuple[float, Theme]] = {}


def load_theme(name: str = DEFAULT_THEME) -> Theme:
    """The named theme, merged over `default`. Cached until the file changes, which is looked
    at no more than once a second: each render asks for its theme, and for a short article the
    looking cost a tenth of the render."""
    key = (name, *_where())
    now = time.monotonic()
    recent = _recent.get(key)
    if recent is not None and now - recent[0] < _RECHECK_S:
        return recent[1]
    theme = _load_cached(name, *_find(name))
    _recent[key] = (now, theme)
    return theme
