"""Storage backends for the repository protocol in `newsdesk.core.repository`.

The only package that speaks SQL. `open_repository` picks a backend from a target string.
"""

from newsdesk.store.target import default_database_path, is_server, open_repository

__all__ = ["default_database_path", "is_server", "open_repository"]
