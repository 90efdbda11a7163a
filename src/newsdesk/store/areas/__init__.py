"""The SQL store's areas, one module each, all on one dialect (`newsdesk.store.dialect`).

Only `newsdesk.store` itself puts them together (`sql_store.SqlStore`); the UI and the CLI never
import them (an import-linter contract)."""
