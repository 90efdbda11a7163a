"""Markdown and HTML in, HTML and Markdown out. Knows no store and no users; no Qt."""
