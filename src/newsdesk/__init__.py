"""Newsdesk (稿件工作站): an editorial workstation for county newsrooms publishing on WeChat."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newsdesk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
