"""Storage backends for the repository protocol in `newsdesk.core.repository`.

The only package that speaks SQL. Its public face, and all the UI and the CLI may import from
the store (an import-linter contract): `open_repository` picks a backend from a target string
and returns a `Repository`; `Location` (the repository's `location`) says local file or server;
`default_database_path` and `is_server` read targets; and the modules `location` (network-share
warnings), `backups` (a file's automatic backups) and `migrate` (the move to a server).
"""

from newsdesk.core.repository import Location
from newsdesk.store.target import default_database_path, is_server, open_repository

__all__ = ["Location", "default_database_path", "is_server", "open_repository"]
