"""The word data the idiom and 的地得 rules read, loaded once on first use.

Extracted from jieba's dictionary and pypinyin's readings (both MIT) and pycorrector's table
of look-alike characters (Apache 2.0) by
`packaging/data/build_proofreading_lexicon.py`; each file's header names its source.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from newsdesk.content.proofreading.word_indexes import kept


def _lines(name: str) -> list[str]:
    path = Path(str(resources.files("newsdesk") / "resources" / "proofreading" / name))
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]


def data_lines(name: str) -> list[str]:
    """A data file's lines, its # header left out (de_stats reads its counts so)."""
    return _lines(name)


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """jieba's frequent words (1-4 characters) and their part-of-speech tag."""
    tags: dict[str, str] = {}
    for line in _lines("words.txt"):  # one tag a line, then its words
        tag, *words = line.split(" ")
        tags.update(dict.fromkeys(words, tag))
    return tags


@lru_cache(maxsize=1)
def _sound_table() -> dict[str, str]:
    return dict(line.split(" ", 1) for line in _lines("homophones.txt"))


@lru_cache(maxsize=4096)
def sounds(char: str) -> frozenset[str]:
    """A character's toneless readings in use (行: hang, xing). Looked up when asked: only a
    few characters of a text ever are, and a table of every character costs start-up."""
    return frozenset(sound for sound, chars in _sound_table().items() if char in chars)


@lru_cache(maxsize=1)
def _shape_groups() -> tuple[str, ...]:
    return tuple(_lines("lookalikes.txt"))


@lru_cache(maxsize=4096)
def shapes(char: str) -> frozenset[int]:
    """The groups of look-alike characters (pycorrector's table) a character is in."""
    return frozenset(n for n, group in enumerate(_shape_groups()) if char in group)


@dataclass(frozen=True)
class IdiomData:
    grades: dict[str, str]  # idiom → i (idiom), l (set phrase) or w (frequent word)
    frequency: dict[str, int]  # idiom → how often jieba's corpus saw it
    variants: frozenset[str]  # words of their own one character off an idiom


@kept
def idiom_data() -> IdiomData:
    grades: dict[str, str] = {}
    frequency: dict[str, int] = {}
    variants: set[str] = set()
    for line in _lines("idioms.txt"):
        if line[0] == "~":
            variants.add(line[1:])
        else:
            word, grade, freq = line.split(" ")
            grades[word] = grade
            frequency[word] = int(freq)
    return IdiomData(grades, frequency, frozenset(variants))


LONGEST_WORD = 4  # the longest word the particle rules look for either side of 的/地/得


def word_before(text: str, at: int, words: Container[str]) -> str:
    """The longest of `words` ending right before `at` (one character if none)."""
    for size in range(min(LONGEST_WORD, at), 1, -1):
        if text[at - size : at] in words:
            return text[at - size : at]
    return text[at - 1 : at]


def word_after(text: str, at: int, words: Container[str]) -> str:
    """The longest of `words` starting at `at` (one character if none)."""
    for size in range(min(LONGEST_WORD, len(text) - at), 1, -1):
        if text[at : at + size] in words:
            return text[at : at + size]
    return text[at : at + 1]
