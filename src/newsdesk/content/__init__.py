"""Markdown in, WeChat-ready HTML out (and Word/HTML back to Markdown). No Qt, no store."""

from newsdesk.content.incremental import Renderer
from newsdesk.content.links import Footnote
from newsdesk.content.themes import Theme, ThemeError, available_themes, load_theme
from newsdesk.content.wechat import Ending, Rendered, RenderWarning, plain_text, render_wechat

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
