"""Storage backends for the repository protocol in `newsdesk.core.repository`.

The only package that speaks SQL. Its public face, and all the UI and the CLI may import from
the store (an import-linter contract): `open_repository` picks a backend from a target string
and returns a `Repository`; `Location` (the repository's `location`) says local file or server;
`default_database_path` and `is_server` read targets; and the modules `location` (network-share
warnings), `backups` (a file's automatic backups) and `migrate` (the move to a server); and
the workspace's change feed (`open_change_feed`, what another PC or window changed).
"""

from newsdesk.core.repository import Location
from newsdesk.store.change_feed import EVERYTHING, ChangeFeed, open_change_feed
from newsdesk.store.target import default_database_path, is_server, open_repository

__all__ = [
    "EVERYTHING",
    "ChangeFeed",
    "Location",
    "default_database_path",
    "is_server",
    "open_change_feed",
    "open_repository",
]
