"""A three-character word with one character swapped for one that sounds or looks the same
(办工室 for 办公室, 无计名 for 无记名), found without a list of misspellings.

What makes it a hint and not noise: the run of three is no word, neither of its two-character
halves is a word (so it is not 办公 + a character of the next word), the characters either
side do not make a word with its ends (so it is not the tail of one word and the head of the
next), it holds none of the function characters (的, 是, 有…) that make chance runs, it does not
end a place name (新干县) or stand by a transliteration dot, and exactly one frequent word
(jieba's, tags for nouns, verbs, adjectives, set phrases) lies one homophone or look-alike
(pycorrector's table) away. Measured on
1.86 million characters of 1998 人民日报: 7 findings, 1 a real typo (无计名); of homophone swaps
put into that text at random, about six in ten found. A hint, never more.
"""

from __future__ import annotations

from collections import defaultdict

from newsdesk.content.proofreading.findings import HINT, Category, Hit
from newsdesk.content.proofreading.lazy_re import lazy
from newsdesk.content.proofreading.word_indexes import kept
from newsdesk.content.proofreading.worddata import shapes, sounds, word_tags

SOURCE = "常用词：jieba 词典（MIT）；读音：pypinyin（MIT）；形近字：pycorrector（Apache 2.0）"
_STOP = frozenset("的地得是有在了着和与及或就也都而又还很不会上下中为以之于其这那个们")
_TAGS = frozenset(("n", "vn", "nz", "l", "v", "a", "i"))
_PLACE_ENDS = frozenset("省市县区镇乡村州旗盟")
_ALIKE = {
    True: ("音同", "a character that sounds the same"),
    False: ("形近", "a character that looks alike"),
}
_BLANK_STOPS = {ord(c): " " for c in _STOP}
_RUN = lazy("[\u4e00-\u9fff]{3,}")


def _han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


@kept
def _index() -> dict[tuple[int, str], tuple[str, ...]]:
    """(place changed, the other two characters) → the frequent three-character words."""
    index: dict[tuple[int, str], list[str]] = defaultdict(list)
    for word, tag in word_tags().items():
        if len(word) == 3 and tag in _TAGS and all(map(_han, word)) and not _STOP & set(word):
            for place in range(3):
                index[(place, word[:place] + word[place + 1 :])].append(word)
    return {key: tuple(words) for key, words in index.items()}


def hits(prose: str) -> list[Hit]:
    """Runs of Chinese without function characters are few and short: only they are read, and
    at each place two set lookups turn away nearly everything."""
    found: list[Hit] = []
    index, words = _index(), word_tags()
    for stretch in _RUN.finditer(prose.translate(_BLANK_STOPS)):
        text, begin = stretch.group(0), stretch.start()
        pair_is_word = [text[k : k + 2] in words for k in range(len(text) - 1)]
        for k in range(len(text) - 2):
            if pair_is_word[k] or pair_is_word[k + 1]:
                continue
            i, run = begin + k, text[k : k + 3]
            keys = [(0, run[1:]), (1, run[0] + run[2]), (2, run[:2])]
            if keys[0] not in index and keys[1] not in index and keys[2] not in index:
                continue
            near = _one_word_away(run, keys, index)
            if near is None or not _stands_alone(prose, i, words):
                continue
            word, same_sound = near
            alike_zh, alike_en = _ALIKE[same_sound]
            found.append(
                Hit(
                    i,
                    i + 3,
                    Category.TYPO,
                    "typo:near-word",
                    word,
                    f"错别字：“{run}”不成词，疑为“{word}”（{alike_zh}）",
                    f"typo: “{run}” is no word; perhaps “{word}” ({alike_en})",
                    SOURCE,
                    HINT,
                )
            )
    return found


def _one_word_away(
    run: str, keys: list[tuple[int, str]], index: dict[tuple[int, str], tuple[str, ...]]
) -> tuple[str, bool] | None:
    """The one frequent word a character away that sounds or looks the same, and whether it
    sounds the same."""
    near = [
        (word, bool(sounds(word[place]) & sounds(run[place])))
        for place, key in enumerate(keys)
        for word in index.get(key, ())
        if word != run
        and (sounds(word[place]) & sounds(run[place]) or shapes(word[place]) & shapes(run[place]))
    ]
    return near[0] if len(near) == 1 else None


def _stands_alone(prose: str, i: int, words: dict[str, str]) -> bool:
    run = prose[i : i + 3]
    if run in words or run[:2] in words or run[1:] in words or run[2] in _PLACE_ENDS:
        return False
    before, after = prose[i - 1 : i] if i else "", prose[i + 3 : i + 4]
    if "·" in (before, after):
        return False
    return not (
        (before and (before + run[0] in words or before + run in words))
        or (after and (run[2] + after in words or run + after in words))
    )
