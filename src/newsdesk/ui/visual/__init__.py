"""The visual editor (所见即所得): rich text over the article's Markdown, which stays the record."""

from newsdesk.ui.visual.widget import COMMANDS, VisualEditor

__all__ = ["COMMANDS", "VisualEditor"]
