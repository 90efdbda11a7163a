"""Misspelt idioms and set phrases, found without a list of misspellings.

A run of characters one character away from a known idiom (全力以付 for 全力以赴), where the
changed character reads the same (tones aside) and the run is no word of its own, is almost
always a typo. Idioms are jieba's (tag i), set phrases (tag l) and frequent four-character
words; readings are pypinyin's (see worddata.py). A fixed list of pairs cannot keep up with
every idiom a reporter reaches for; this can.

Confidence decides the severity: an idiom proper with a true homophone is a warning; a set
phrase, a frequent word, or a near-homophone (zh/z, ang/an …) only a hint.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from newsdesk.content.proofreading.findings import HINT, WARNING, Category, Hit
from newsdesk.content.proofreading.word_indexes import kept
from newsdesk.content.proofreading.worddata import idiom_data, shapes, sounds, word_tags

SOURCE = (
    "成语与固定短语：jieba 词典（MIT）；读音：pypinyin（MIT）；形近字：pycorrector（Apache 2.0）"
)
_NEAR = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("ang", "an"), ("eng", "en"), ("ing", "in"))
_PARTICLES = "的地得"
_ALIKE_ZH = {"same": "音同", "near": "音近", "shape": "形近"}
_ALIKE_EN = {
    "same": "a character that sounds the same",
    "near": "a character that sounds alike",
    "shape": "a character that looks alike",
}
_NEAR_MIN = 20  # near-homophones only for idioms seen this often: a rarer one is a guess


def _han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _blurred(sound: str) -> str:
    for hard, soft in _NEAR:
        sound = sound.replace(hard, soft)
    return sound


@dataclass(frozen=True)
class _Index:
    """Where to look for an idiom one character off. A four-character idiom keeps its first
    or its last two characters, and of the other two the one not changed: so it is filed
    under its first pair and under its last (全力以赴 under 全力 and 以赴), and a place in the
    text whose pair opens or closes an idiom compares the few idioms filed there. (Filing
    each under its three intact characters took longer to build at start-up than every
    lookup it saved.) Longer idioms (a few hundred) are looked up by either pair."""

    heads: dict[str, tuple[str, ...]]  # first pair → the four-character idioms it opens
    tails: dict[str, tuple[str, ...]]  # last pair → those it closes
    longer: dict[str, list[tuple[str, int]]]  # either pair → (idiom, where the pair is)
    pairs: frozenset[str]  # every pair above, to skip most places with one lookup


@kept
def _index() -> _Index:
    heads: dict[str, list[str]] = defaultdict(list)
    tails: dict[str, list[str]] = defaultdict(list)
    longer: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for idiom in idiom_data().grades:
        if len(idiom) == 4:
            heads[idiom[:2]].append(idiom)
            tails[idiom[2:]].append(idiom)
        else:
            longer[idiom[:2]].append((idiom, 0))
            longer[idiom[-2:]].append((idiom, len(idiom) - 2))
    return _Index(
        {pair: tuple(found) for pair, found in heads.items()},
        {pair: tuple(found) for pair, found in tails.items()},
        dict(longer),
        frozenset(heads) | frozenset(tails) | frozenset(longer),
    )


def _candidates(prose: str) -> Iterator[tuple[int, str]]:
    """(start, idiom) for every run that may be the idiom with one character changed. One
    comprehension finds the places whose pair opens or closes an idiom (a loop with more in
    its body would cost more than all the other rules)."""
    index = _index()
    places = [i for i in range(len(prose) - 1) if prose[i : i + 2] in index.pairs]
    for i in places:
        pair = prose[i : i + 2]
        opening = index.heads.get(pair, ())
        if opening:  # the third character kept, then the fourth
            third, fourth = prose[i + 2 : i + 3], prose[i + 3 : i + 4]
            yield from ((i, idiom) for idiom in opening if idiom[2] == third)
            yield from ((i, idiom) for idiom in opening if idiom[3] == fourth)
        closing = index.tails.get(pair, ())
        if closing and i >= 2:  # the first character kept, then the second
            first, second = prose[i - 2], prose[i - 1]
            yield from ((i - 2, idiom) for idiom in closing if idiom[0] == first)
            yield from ((i - 2, idiom) for idiom in closing if idiom[1] == second)
        for idiom, offset in index.longer.get(pair, ()):
            yield i - offset, idiom


def _alike(said: str, meant: str) -> str | None:
    """How two characters are alike: "same" reading (tones aside), "near" reading (zh/z,
    ang/an …), "shape" (pycorrector's look-alike groups), or None."""
    ours, theirs = sounds(said), sounds(meant)
    if ours & theirs:
        return "same"
    if {_blurred(s) for s in ours} & {_blurred(s) for s in theirs}:
        return "near"
    if shapes(said) & shapes(meant):
        return "shape"
    return None


def _other_reading(text: str, start: int, end: int, changed: int) -> bool:
    """Whether the run reads as ordinary words after all, so is no misspelt unit: the changed
    character makes a frequent word with its neighbours outside the run (月底前完成 is not
    提前完成 misspelt), or inside it (应急反应 beside 应激反应, 引人瞩目 beside 引人注目,
    日渐增多 beside 日见增多), or at the run's edge stands alone before a word (在进一步审理
    is not 再进一步)."""
    words = word_tags()
    if changed == start:
        outside = (text[start + 1 - size : start + 1] for size in (2, 3, 4) if size <= start + 1)
        if any(word in words for word in outside):
            return True
        if text[start + 1 : end] in words:
            return True
    if changed == end - 1:
        outside = (
            text[end - 1 : end - 1 + size] for size in (2, 3, 4) if end - 1 + size <= len(text)
        )
        if any(word in words for word in outside):
            return True
        if text[start : end - 1] in words:
            return True
    inner = (changed > start and text[changed - 1 : changed + 1] in words) or (
        changed < end - 1 and text[changed : changed + 2] in words
    )
    if inner and end - start == 4:
        # A word inside four characters is another reading when it is a half of them (引人瞩目,
        # 有理有力), or the halves are words (应急反应); 赞不决口 holds 不决 in its middle, yet
        # 赞不 and 决口 are no reading of it.
        half = start if changed < start + 2 else start + 2
        return text[half : half + 2] in words or (
            text[start : start + 2] in words and text[start + 2 : end] in words
        )
    return inner


def hits(prose: str) -> list[Hit]:
    data = idiom_data()
    best: dict[tuple[int, int], tuple[int, str, int, str]] = {}  # span → freq, idiom, at, how
    for start, idiom in _candidates(prose):
        end = start + len(idiom)
        if start < 0 or end > len(prose):
            continue
        said = prose[start:end]
        if said == idiom or said in data.variants or said in data.grades:
            continue
        changed = [k for k in range(len(idiom)) if said[k] != idiom[k]]
        if len(changed) != 1 or not _han(said[changed[0]]):
            continue
        swapped = (said[changed[0]], idiom[changed[0]])
        particles = [char in _PARTICLES for char in swapped]
        if any(particles) and not (all(particles) and data.grades[idiom] == "i"):
            # 翔实的调查 is not 实地调查: 的, 地 and 得 have rules of their own; but an idiom
            # proper keeps its particle (一举两的 is 一举两得 misspelt)
            continue
        at = start + changed[0]
        how = _alike(said[changed[0]], idiom[changed[0]])
        freq = data.frequency[idiom]
        if how is None or (how != "same" and freq < _NEAR_MIN):
            continue
        if _other_reading(prose, start, end, at):
            continue
        if (start, end) not in best or best[(start, end)][0] < freq:
            best[(start, end)] = (freq, idiom, at, how)
    found: list[Hit] = []
    for (start, end), (_, idiom, at, how) in sorted(best.items()):
        severity = WARNING if how == "same" and data.grades[idiom] == "i" else HINT
        said = prose[start:end]
        found.append(
            Hit(
                start,
                end,
                Category.TYPO,
                f"idiom:{idiom}",
                idiom,
                f"疑似别字：“{said}”应为“{idiom}”（“{said[at - start]}”与“{idiom[at - start]}”{_ALIKE_ZH[how]}）",
                f"likely typo: “{said}” should be “{idiom}” ({_ALIKE_EN[how]})",
                SOURCE,
                severity,
            )
        )
    return found
