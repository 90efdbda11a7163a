"""三校 proofreading: rules over text, packs as data. No store, no Qt: the core hands in the
workspace's lists, the CLI and the app show the findings.

The engine (its rules compile several hundred patterns) loads when one of its names is first
asked for, not with the package: the app's window does not wait for it."""

from typing import TYPE_CHECKING, Any

from newsdesk.content.proofreading.findings import (
    CATEGORY_LABELS,
    ERROR,
    HINT,
    SEVERITIES,
    WARNING,
    Category,
    Finding,
    ProofFinding,
)
from newsdesk.content.proofreading.packs import (
    PACK_LABELS,
    Entry,
    Leader,
    OwnList,
    PackError,
    PackKind,
    check_own_list,
    parse_entries,
    parse_leaders,
    parse_own_list,
    shipped_pack,
)

if TYPE_CHECKING:
    from newsdesk.content.proofreading.engine import FIELDS, Packs, Proofreader

_ENGINE = ("FIELDS", "Packs", "Proofreader")


def __getattr__(name: str) -> Any:
    if name in _ENGINE:
        from newsdesk.content.proofreading import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CATEGORY_LABELS",
    "ERROR",
    "FIELDS",
    "HINT",
    "PACK_LABELS",
    "SEVERITIES",
    "WARNING",
    "Category",
    "Entry",
    "Finding",
    "Leader",
    "OwnList",
    "PackError",
    "PackKind",
    "Packs",
    "ProofFinding",
    "Proofreader",
    "check_own_list",
    "parse_entries",
    "parse_leaders",
    "parse_own_list",
    "shipped_pack",
]
