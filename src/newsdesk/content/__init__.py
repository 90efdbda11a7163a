"""Markdown in, WeChat-ready HTML out (and Word/HTML back to Markdown). No Qt, no store.

The renderer (markdown-it, lxml, nh3, the themes) loads when one of its names is first asked
for, not with the package: `newsdesk proofread` needs none of it."""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsdesk.content.incremental import Renderer
    from newsdesk.content.links import Footnote
    from newsdesk.content.themes import Theme, ThemeError, available_themes, load_theme
    from newsdesk.content.wechat import (
        Ending,
        Rendered,
        RenderWarning,
        plain_text,
        render_wechat,
    )

_HOMES = {
    "Renderer": "incremental",
    "Footnote": "links",
    "Theme": "themes",
    "ThemeError": "themes",
    "available_themes": "themes",
    "load_theme": "themes",
    "Ending": "wechat",
    "Rendered": "wechat",
    "RenderWarning": "wechat",
    "plain_text": "wechat",
    "render_wechat": "wechat",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{home}"), name)


__all__ = [
    "Ending",
    "Footnote",
    "RenderWarning",
    "Rendered",
    "Renderer",
    "Theme",
    "ThemeError",
    "available_themes",
    "load_theme",
    "plain_text",
    "render_wechat",
]
