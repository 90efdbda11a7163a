"""Newsdesk (稿件工作站): an editorial workstation for county newsrooms publishing on WeChat."""

import os
import sys


def _version() -> str:
    """The installed distribution's version (pyproject.toml's, the one version number), read
    from its metadata folder on sys.path, as importlib.metadata finds it; importing that module
    instead would cost every start of the app and the CLI about 40 ms (email, zipfile, csv)."""
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.startswith("newsdesk-") and name.endswith(".dist-info"):
                try:
                    with open(os.path.join(entry, name, "METADATA"), encoding="utf-8") as meta:
                        for line in meta:
                            if line.startswith("Version:"):
                                return line.split(":", 1)[1].strip()
                            if not line.strip():
                                break  # the headers end here
                except OSError:
                    pass
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsdesk")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+source"


__version__ = _version()
