"""The newsroom's leaders: a name with a wrong character, a title that is not (or no longer)
theirs, and leaders listed out of protocol order. The list is the workspace's own, kept by an
administrator; nothing about real people ships with the program.

Precision comes from context: a name is only judged next to a title, and a near-miss of a
name only right after (or before) a title that person holds.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from newsdesk.content.proofreading.findings import ERROR, WARNING, Category, Hit
from newsdesk.content.proofreading.lazy_re import lazy
from newsdesk.content.proofreading.packs import Leader

SOURCE = "本单位领导名单"
# County titles a text may put before a name even when no leader on the list holds them (a
# county head called 县长 when the list has him as 县委书记). Town and village titles stay out:
# "镇党委书记王建国" is more likely another man of a common name.
COUNTY_TITLES = (
    "县委书记", "县委副书记", "县长", "副县长", "常务副县长", "代县长", "县委常委",
    "县人大常委会主任", "县人大常委会副主任", "县政协主席", "县政协副主席",
    "县纪委书记", "县监委主任", "县委宣传部部长", "县委组织部部长", "县委统战部部长",
    "县委政法委书记", "市委书记", "市长", "副市长", "常务副市长", "市委副书记",
    "区委书记", "区长", "副区长", "常务副区长", "区委副书记",
)  # fmt: skip
# After a name (王建国书记, 李明华县长) short forms are usual; each must belong to the person.
AFTER_TITLES = ("书记", "县长", "副县长", "市长", "副市长", "区长", "主任", "主席", "部长")
# A title after a name that runs on into another word is not a title of that name (主任医师).
_RUNS_ON = set("医委科师任助理级员")
# Words that change rank when put in front of a title: 常务副县长 is not 副县长.
_RANK_WORDS = ("常务", "副", "代", "第一", "名誉", "执行")
_FORMERLY = ("时任", "原任", "曾任", "前任", "原")
_HAN_ONLY = lazy(r"^[\u3400-\u9fff]+$")


def _alternation(words: Sequence[str]) -> re.Pattern[str] | None:
    ordered = sorted(set(words), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in ordered)) if ordered else None


class LeaderRules:
    def __init__(self, leaders: Sequence[Leader]) -> None:
        self._leaders = {leader.name: leader for leader in leaders}
        self._rank = {leader.name: n for n, leader in enumerate(leaders)}
        own = [t for leader in leaders for t in leader.titles]
        self._before = sorted({*own, *COUNTY_TITLES}, key=len, reverse=True)
        self._after = sorted({*own, *AFTER_TITLES}, key=len, reverse=True)
        self._names = _alternation([leader.name for leader in leaders])
        self._owned = _alternation(own)
        self._holders: dict[str, list[Leader]] = {}
        for leader in leaders:
            for title in leader.titles:
                self._holders.setdefault(title, []).append(leader)

    def hits(self, prose: str) -> list[Hit]:
        if self._names is None:
            return []
        found: list[Hit] = []
        named = list(self._names.finditer(prose))
        for match in named:
            found.extend(self._title_hits(prose, self._leaders[match.group(0)], *match.span()))
        found.extend(self._near_misses(prose))
        found.extend(self._order(prose, named))
        return found

    def _title_hits(self, prose: str, leader: Leader, start: int, end: int) -> list[Hit]:
        before = next((t for t in self._before if prose.endswith(t, 0, start)), None)
        if before is not None:
            if _holds_before(before, leader.titles) or prose.endswith(
                _FORMERLY, 0, start - len(before)
            ):
                return []  # 时任县长王建国: the title they held then, not now
            return [self._wrong_title(leader, start - len(before), start, before)]
        after = next((t for t in self._after if prose.startswith(t, end)), None)
        if after is None or prose[end + len(after) : end + len(after) + 1] in _RUNS_ON:
            return []
        if any(after in own for own in leader.titles):
            return []
        return [self._wrong_title(leader, end, end + len(after), after)]

    def _wrong_title(self, leader: Leader, start: int, end: int, said: str) -> Hit:
        titles = "、".join(leader.titles)
        return Hit(
            start,
            end,
            Category.LEADER,
            f"leader:title:{leader.name}",
            _closest(said, leader.titles),
            f"职务有误：{leader.name}的职务为“{titles}”，不是“{said}”",
            f"wrong title: {leader.name} is “{titles}”, not “{said}”",
            SOURCE,
            ERROR,
        )

    def _near_misses(self, prose: str) -> list[Hit]:
        """A name one character off, next to a title only the listed person holds."""
        if self._owned is None:
            return []
        found: list[Hit] = []
        for match in self._owned.finditer(prose):
            for leader in self._holders.get(match.group(0), []):
                size = len(leader.name)
                for start in (match.end(), match.start() - size):
                    said = prose[start : start + size] if start >= 0 else ""
                    if _one_off(said, leader.name) and said not in self._leaders:
                        found.append(
                            Hit(
                                start,
                                start + size,
                                Category.LEADER,
                                f"leader:name:{leader.name}",
                                leader.name,
                                f"人名有误：“{said}”应为“{leader.name}”（{match.group(0)}）",
                                f"misspelt name: “{said}” should be “{leader.name}”",
                                SOURCE,
                                ERROR,
                            )
                        )
        return found

    def _order(self, prose: str, named: list[re.Match[str]]) -> list[Hit]:
        """Leaders listed together (王建国、李明华、张卫东) in the list's order."""
        found: list[Hit] = []
        run: list[re.Match[str]] = []
        for match in [*named, None]:
            joined = (
                match is not None
                and bool(run)
                and _joins(prose[run[-1].end() : match.start()], self._before)
            )
            if match is not None and (not run or joined):
                run.append(match)
                continue
            if len(run) > 1:
                found.extend(self._out_of_order(prose, run))
            run = [match] if match is not None else []
        return found

    def _out_of_order(self, prose: str, run: list[re.Match[str]]) -> list[Hit]:
        ranks = [self._rank[m.group(0)] for m in run]
        if ranks == sorted(ranks):
            return []
        start, end = run[0].start(), run[-1].end()
        plain = all(prose[a.end() : b.start()] == "、" for a, b in itertools.pairwise(run))
        names = sorted((m.group(0) for m in run), key=self._rank.__getitem__)
        return [
            Hit(
                start,
                end,
                Category.LEADER,
                "leader:order",
                "、".join(names) if plain else "",
                f"领导排序与名单不一致，应为：{'、'.join(names)}",
                f"leaders out of protocol order; the list has: {'、'.join(names)}",
                SOURCE,
                WARNING,
            )
        ]


def _joins(between: str, titles: Sequence[str]) -> bool:
    if between == "、":
        return True
    return between.startswith("、") and between[1:] in titles


def _holds_before(said: str, own: Sequence[str]) -> bool:
    """县委宣传部部长 fits 宣传部部长 (more said, same post); 常务副县长 does not fit 副县长."""
    for title in own:
        if said == title:
            return True
        if said.endswith(title) and not said[: -len(title)].endswith(_RANK_WORDS):
            return True
    return False


def _closest(said: str, own: Sequence[str]) -> str:
    """The person's title that shares the most with what was written (for 副县长 written where
    常务副县长 is meant), the last one on a tie: the post a name is usually called by."""

    def shared(title: str) -> int:
        n = 0
        while n < min(len(title), len(said)) and title[-1 - n] == said[-1 - n]:
            n += 1
        return n

    best = max(range(len(own)), key=lambda i: (shared(own[i]), i))
    return own[best]


def _one_off(said: str, name: str) -> bool:
    if len(said) != len(name) or said == name or not _HAN_ONLY.match(said):
        return False
    return sum(a != b for a, b in zip(said, name, strict=True)) == 1
