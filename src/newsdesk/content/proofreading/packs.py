"""Rule packs are data: one entry a line, each with its source.

    WRONG → RIGHT  [!EXCEPTION …] [@YEAR] [warning|hint]  # SOURCE

`!EXCEPTION` is a longer, correct string holding WRONG (按装 → 安装 with !按装修: "按装修面积"
is 按 + 装修); a match inside it is not reported. `@YEAR` is when a body was renamed: a sentence
that names an earlier year speaks of the past. `warning` (警告) or `hint` (提示) grades an
entry below an error: shown, never blocking. A workspace's own list may also hold `-WRONG`
lines, which switch off the shipped entry for WRONG.

Leaders, one person a line, in protocol order: `姓名 职务[、职务…]`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from newsdesk.content.errors import WordedError
from newsdesk.content.proofreading.findings import ERROR, HINT, WARNING
from newsdesk.content.proofreading.lazy_re import lazy

ARROW = lazy(r"\s*(?:→|->|=>|⇒)\s*")
_SOURCE = lazy(r"^(.*?)(?:\s+#\s*(.*))?$")
_NAME = lazy(r"^[\u3400-\u9fff·•]{2,8}$")
_SPLIT_TITLES = lazy(r"[、，,；;/]+")


class PackKind(StrEnum):
    TYPOS = "typos"
    AGENCIES = "agencies"
    NORMS = "norms"


PACK_LABELS: dict[PackKind, tuple[str, str]] = {
    PackKind.TYPOS: ("错别字", "typos"),
    PackKind.AGENCIES: ("机构名称", "agency names"),
    PackKind.NORMS: ("规范表述", "norms"),
}


class PackError(WordedError):
    """A line of a rule list that cannot be read; nothing of the list is taken."""

    def __init__(self, line: int, zh: str, en: str) -> None:
        super().__init__(f"第 {line} 行：{zh}", f"line {line}: {en}")
        self.line, self.reason = line, (zh, en)


@dataclass(frozen=True)
class Entry:
    wrong: str
    right: str
    source: str
    exceptions: tuple[str, ...] = ()
    year: int | None = None
    severity: str = ERROR
    shipped: bool = False

    def line(self) -> str:
        """The entry as a list line, the way it was (or would be) written."""
        extras = [f"!{e}" for e in self.exceptions]
        if self.year is not None:
            extras.append(f"@{self.year}")
        if self.severity in (WARNING, HINT):
            extras.append(self.severity)
        middle = "  ".join([f"{self.wrong} → {self.right}", " ".join(extras)]).rstrip()
        return f"{middle}  # {self.source}" if self.source else middle


@dataclass(frozen=True)
class Leader:
    name: str
    titles: tuple[str, ...]

    def line(self) -> str:
        return f"{self.name} {'、'.join(self.titles)}"


@dataclass(frozen=True)
class OwnList:
    """A workspace's own entries for one pack, and the shipped entries it switched off."""

    entries: tuple[Entry, ...] = ()
    disabled: frozenset[str] = field(default_factory=frozenset)

    def text(self) -> str:
        lines = [e.line() for e in self.entries]
        lines += [f"-{wrong}" for wrong in sorted(self.disabled)]
        return "\n".join(lines) + ("\n" if lines else "")


def _lines(text: str) -> Iterable[tuple[int, str]]:
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        line = raw.strip()
        if line and not line.startswith("#"):
            yield number, line


def parse_entry(number: int, line: str, *, year_required: bool = False) -> Entry:
    split = _SOURCE.match(line)
    assert split is not None  # the pattern matches any line
    body, source = split.group(1), split.group(2) or ""
    parts = ARROW.split(body.strip(), maxsplit=1)
    if len(parts) != 2 or not parts[0]:
        raise PackError(
            number, "应写成“错误 → 正确  # 来源”", "write it as `wrong → right  # source`"
        )
    wrong, rest = parts[0].strip(), parts[1].split()
    if not rest:
        raise PackError(number, f"“{wrong}”缺少正确写法", f"“{wrong}” has no correct form")
    right, extras = rest[0], rest[1:]
    if re.search(r"\s", wrong) or len(wrong) < 2:
        raise PackError(
            number,
            f"错误写法“{wrong}”须至少两个字且不含空格",
            f"the wrong form “{wrong}” needs two or more characters and no spaces",
        )
    if right == wrong:
        raise PackError(number, f"“{wrong}”的正确写法与错误写法相同", f"“{wrong}” is its own fix")
    exceptions: list[str] = []
    year: int | None = None
    severity = ERROR
    for extra in extras:
        if extra.startswith("!") and wrong in extra[1:]:
            exceptions.append(extra[1:])
        elif extra.startswith("!"):
            raise PackError(
                number,
                f"例外“{extra[1:]}”须包含错误写法“{wrong}”",
                f"the exception “{extra[1:]}” must contain “{wrong}”",
            )
        elif re.fullmatch(r"@(1[89]|20)\d\d", extra):
            year = int(extra[1:])
        elif extra.lower() in ("warning", "警告"):
            severity = WARNING
        elif extra.lower() in ("hint", "提示"):
            severity = HINT
        else:
            raise PackError(number, f"看不懂“{extra}”", f"cannot read “{extra}”")
    if year_required and year is None:
        raise PackError(
            number, f"“{wrong}”缺少更名年份（如 @2018）", f"“{wrong}” needs the year (e.g. @2018)"
        )
    return Entry(wrong, right, source.strip(), tuple(exceptions), year, severity)


def parse_entries(text: str, *, year_required: bool = False) -> tuple[Entry, ...]:
    """A shipped pack: entries only, every one well formed, no WRONG twice."""
    own = parse_own_list(text, year_required=year_required)
    if own.disabled:
        first = next(n for n, line in _lines(text) if line.startswith("-"))
        raise PackError(
            first, "停用行只用于本单位词表", "switch-off lines belong in a workspace list"
        )
    return own.entries


def parse_own_list(text: str, *, year_required: bool = False) -> OwnList:
    entries: dict[str, Entry] = {}
    disabled: set[str] = set()
    for number, line in _lines(text):
        if line.startswith("-") and not ARROW.search(line):
            disabled.add(line[1:].strip())
            continue
        entry = parse_entry(number, line, year_required=year_required)
        if entry.wrong in entries:
            raise PackError(number, f"“{entry.wrong}”重复", f"“{entry.wrong}” appears twice")
        entries[entry.wrong] = entry
    return OwnList(tuple(entries.values()), frozenset(disabled))


def check_own_list(text: str, kind: PackKind) -> OwnList:
    """A workspace's own list as it may be saved: well formed, and no entry turning the correct
    word of a shipped entry into an error (部署 → 布署 against the shipped 布署 → 部署 would make
    every correct 部署 a finding); such a line is refused, naming the shipped entry."""
    own = parse_own_list(text, year_required=kind is PackKind.AGENCIES)
    corrects: dict[str, Entry] = {}
    for entry in shipped_pack(kind):
        corrects.setdefault(entry.right, entry)
    reversing = {e.wrong for e in own.entries if e.wrong in corrects}
    for number, line in _lines(text):
        if line.startswith("-") and not ARROW.search(line):
            continue
        entry = parse_entry(number, line, year_required=kind is PackKind.AGENCIES)
        if entry.wrong in reversing:
            shipped = corrects[entry.wrong]
            pair = f"{shipped.wrong} → {shipped.right}"
            raise PackError(
                number,
                f"“{entry.wrong}”是内置条目“{pair}”的正确写法，不能当作错误",
                f"“{entry.wrong}” is the correct form in the shipped entry “{pair}”;"
                " it cannot be listed as wrong",
            )
    return own


def parse_leaders(text: str) -> tuple[Leader, ...]:
    leaders: list[Leader] = []
    seen: set[str] = set()
    for number, line in _lines(text):
        name, _, rest = line.partition(" ")
        if not rest.strip():
            name, _, rest = line.partition("\t")
        name = name.strip()
        titles = tuple(t.strip() for t in _SPLIT_TITLES.split(rest.strip()) if t.strip())
        if not _NAME.match(name):
            raise PackError(
                number, f"“{name}”不像姓名（2 至 8 个汉字）", f"“{name}” is not a name (2-8 Han)"
            )
        if not titles:
            raise PackError(
                number,
                f"{name} 缺少职务（格式：姓名 职务、职务）",
                f"{name} has no title (format: name title、title)",
            )
        if name in seen:
            raise PackError(number, f"{name} 重复", f"{name} appears twice")
        seen.add(name)
        leaders.append(Leader(name, titles))
    return tuple(leaders)


@lru_cache(maxsize=8)
def shipped_pack(kind: PackKind) -> tuple[Entry, ...]:
    """A starter pack as shipped with the program, read once."""
    from importlib import resources  # not on every start: a cached proofreader needs no packs

    path = Path(str(resources.files("newsdesk") / "resources" / "proofreading" / f"{kind}.txt"))
    entries = parse_entries(
        path.read_text(encoding="utf-8"), year_required=kind is PackKind.AGENCIES
    )
    return tuple(replace(e, shipped=True) for e in entries)


def merged(shipped: Sequence[Entry], own: OwnList) -> tuple[Entry, ...]:
    """Shipped entries the workspace kept, then its own (an own entry replaces a shipped one
    for the same wrong form)."""
    mine = {e.wrong for e in own.entries}
    kept = [e for e in shipped if e.wrong not in own.disabled and e.wrong not in mine]
    return (*kept, *own.entries)
