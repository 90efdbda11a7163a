"""三校 proofreading: rules over text, packs as data. No store, no Qt: the core hands in the
workspace's lists, the CLI and the app show the findings."""

from newsdesk.content.proofreading.engine import FIELDS, Packs, Proofreader
from newsdesk.content.proofreading.findings import (
    CATEGORY_LABELS,
    ERROR,
    WARNING,
    Category,
    ProofFinding,
)
from newsdesk.content.proofreading.packs import (
    PACK_LABELS,
    Entry,
    Leader,
    OwnList,
    PackError,
    PackKind,
    parse_entries,
    parse_leaders,
    parse_own_list,
    shipped_pack,
)

__all__ = [
    "CATEGORY_LABELS",
    "ERROR",
    "FIELDS",
    "PACK_LABELS",
    "WARNING",
    "Category",
    "Entry",
    "Leader",
    "OwnList",
    "PackError",
    "PackKind",
    "Packs",
    "ProofFinding",
    "Proofreader",
    "parse_entries",
    "parse_leaders",
    "parse_own_list",
    "shipped_pack",
]
