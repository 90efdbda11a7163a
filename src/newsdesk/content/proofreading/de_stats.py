"""的, 地 and 得 by how often the words either side take each particle in clean text.

A dictionary tag says what a word usually is, not what it is before this particle (jieba
tags 学习 a verb, yet 认真的学习 may be a noun phrase). Counts from a tagged newspaper corpus
(de_counts.txt) say it directly: 耐心 is followed by 地 four times in four, and 向 follows 地
23 times and 的 never. The two sides are combined as independent evidence over the
particles' overall frequency (naive Bayes), each word's counts shrunk towards those of its
class so a rare word brings its part of speech rather than chance; a finding needs the
alternative to be many times likelier than the particle written. Only the mistakes people
make are judged: 的 for 地 or 得, and 地 for 的 between an adjective and a noun; 地 and 得 as
words of their own (各地, 多得, 得去) are left alone.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from newsdesk.content.proofreading.de_pos import inside_word, particle_hit  # one reading of words
from newsdesk.content.proofreading.findings import HINT, WARNING, Hit
from newsdesk.content.proofreading.lazy_re import lazy
from newsdesk.content.proofreading.worddata import data_lines, word_after, word_before, word_tags

SOURCE = "《现代汉语词典》（第7版）“的”“地”“得”用法；搭配统计：1998年1月《人民日报》北大标注语料"
_PARTICLES = "的地得"
_SHRINK = 5.0  # how many observations a word's class counts for
_HINT_AT = math.log(20)  # the alternative 20 times likelier than the particle written
_WARN_AT = math.log(400)
_WARN_SEEN = 3  # a warning needs each word seen this often next to a particle
_CLAUSE = lazy("[，。！？；：、,.!?;:（）()“”]")
_HAN = lazy("[\u4e00-\u9fff]")
_ADJECTIVAL = {"a", "z", "b"}  # before 地 taken for 的; an idiom or ad is adverbial
_SUFFIXES = set("感者性化率权员点站所区处期费量力度界家长式型")  # as de_pos reads them
_FORMS = set("式型性化感")  # a suffix a character further on still makes a noun (拉网式)
_NOT_MANNER = {"n", "nr", "ns", "nt", "nz", "ng", "m", "mq", "q", "t", "f", "s", "r", "j"}
_COPULAS = {"是", "有", "在", "为", "要", "会", "能", "可", "让", "使", "像"}  # 重要的是
_PRONOUN_DE = {"有", "是", "似", "别"}  # 有的向行人发放, 是的, 似的, 别的
_NOUNS = {"n", "nz", "ng", "an", "nr", "ns", "nt", "s", "f"}  # not vn, nor j (深化)


@dataclass(frozen=True)
class _Counts:
    total: tuple[int, int, int]
    words: dict[tuple[str, str], tuple[int, int, int]]  # (side, word) → 的, 地, 得
    adverbial: frozenset[str]  # words the corpus often uses as adverbials (认真, 成功)
    verbs: frozenset[str]  # verbs it never uses as nouns (实现, 举行)

    def klass(self, side: str, word: str) -> str:
        tag = word_tags().get(word, "?")
        if side == "L":
            return tag + "+" if word in self.adverbial else tag
        return tag + "!" if word in self.verbs else tag

    def adverbial_use(self, word: str) -> bool:
        """Whether the corpus saw the word as an adverbial, whatever jieba's tag (全面, 科学)."""
        return word in self.adverbial or self.words.get(("L", word), (0, 0, 0))[1] > 0

    def estimate(self, side: str, word: str) -> tuple[list[float], int]:
        seen = self.words.get((side, word), (0, 0, 0))
        klass = self.words.get((side + "C", self.klass(side, word)), self.total)
        prior = [count + 0.5 for count in klass]
        scale = _SHRINK / sum(prior)
        return [seen[k] + scale * prior[k] for k in range(3)], sum(seen)

    def following(self, klass: str) -> list[float]:
        return [count + 0.5 for count in self.words.get(("NC", klass), self.total)]


@lru_cache(maxsize=1)
def _counts() -> _Counts:
    words: dict[tuple[str, str], tuple[int, int, int]] = {}
    total = (1, 1, 1)
    marked: dict[str, frozenset[str]] = {}
    for line in data_lines("de_counts.txt"):
        if line[:2] in ("A ", "V "):
            marked[line[0]] = frozenset(line[2:].split(" "))
            continue
        side, word, de, di, dei = line.split(" ")
        counts = (int(de), int(di), int(dei))
        if side == "T":
            total = counts
        else:
            words[(side, word)] = counts
    return _Counts(total, words, marked.get("A", frozenset()), marked.get("V", frozenset()))


@lru_cache(maxsize=1)
def _lexicon() -> frozenset[str]:
    return frozenset(word_tags()) | frozenset(word for _, word in _counts().words)


def counted_verb(word: str) -> bool:
    """Whether the corpus uses the word as a verb, never as a noun (加大, 举行)."""
    return word in _counts().verbs


def seen_after_di(word: str) -> bool:
    """Whether the corpus has the word right after 地: a verb there (积极地行动, 有力地证明)."""
    return _counts().words.get(("R", word), (0, 0, 0))[1] > 0


def _left_word(text: str, at: int) -> str:
    return word_before(text, at, _lexicon())


def _right_word(text: str, at: int) -> str:
    return word_after(text, at, _lexicon())


def _next_class(text: str, at: int) -> str:
    """The class of the word after the one after the particle, as the counts have it."""
    if at >= len(text) or not _HAN.match(text, at):
        return "w"
    return word_tags().get(_right_word(text, at), "?")


def _has_noun(clause: str) -> bool:
    """Whether a noun stands in the clause, read word by word (longest match)."""
    tags, at = word_tags(), 0
    while at < len(clause):
        word = _right_word(clause, at)
        if tags.get(word, "")[:1] == "n" or tags.get(word) == "vn":
            return True
        at += len(word)
    return False


def _aspect_after(text: str, end: int) -> bool:
    """An aspect marker after the word: it was a verb (地记着, 地走了)."""
    return text.startswith(("着", "了", "过"), end)


def _judge(text: str, at: int, left: str, right: str) -> tuple[str, str] | None:
    """(suggestion, severity) for the particle at `at`, or None."""
    written = _PARTICLES.index(text[at])
    if written == 2 or left in _PRONOUN_DE or right in _COPULAS:
        return None  # 得 is also a verb and a modal (多得, 还得); 有的 is "some", not 有地
    counts = _counts()
    before, seen_left = counts.estimate("L", left)
    after, seen_right = counts.estimate("R", right)
    then = counts.following(_next_class(text, at + 1 + len(right)))
    options: tuple[int, ...] = (1, 2)
    if written == 1:
        # 地 is also a noun (边陲地, 多地): only an adjective before a noun is judged
        tags = word_tags()
        if tags.get(left) not in _ADJECTIVAL or tags.get(right, "n") not in _NOUNS:
            return None
        if text[at - 1 : at + 1] in _lexicon():
            return None  # 来自大地深处: 大地 is a word even where 自大 is the longer match
        if len(right) < 2 or _aspect_after(text, at + 1 + len(right)):
            return None  # 密密麻麻地记着: one character is as often a verb; 着 makes it one
        if counts.words.get(("R", right), (0, 0, 0))[1]:
            return None  # 积极地行动: a word seen after 地 in clean text is a verb there too
        end = at + 1 + len(right)
        if len(_right_word(text, end)) > 1 and _next_class(text, end) in _NOUNS | {"vn", "r"}:
            return None  # 准确地评价干部: a noun after it makes 评价 a verb with its object
        options = (0,)
    else:
        if word_tags().get(left, "?") in _NOT_MANNER and not counts.adverbial_use(left):
            return None  # 五角形的散发着浓香的花: a noun, a number or a pronoun is no adverbial
        clause = _CLAUSE.split(text[at + 1 :], 1)[0]
        if "的" in clause and word_tags().get(right) == "p":
            return None  # 单纯的对非洲的援助: 对非洲的 is an attribute of its own
        end = at + 1 + len(right)
        if text[end : end + 1] in _SUFFIXES or text[end + 1 : end + 2] in _FORMS:
            return None  # 实实在在的获得感, 彻底的拉网式排查: the verb is part of a noun
        if "的" in clause or _has_noun(clause) or clause.endswith(("多", "少")):
            # 做的很好的一件事, 新的更大贡献: 很好, 更大 describe a noun; 卖的还多: what was
            # sold is more (a quantity after 的 grades the things done, not the doing)
            options = (1,)
    best: tuple[float, int] | None = None
    for other in options:
        odds = (
            math.log(before[other] / before[written])
            + math.log(after[other] / after[written])
            + math.log(then[other] / then[written])
            - 2 * math.log(counts.total[other] / counts.total[written])
        )
        if best is None or odds > best[0]:
            best = (odds, other)
    if best is None or best[0] < _HINT_AT:
        return None
    sure = best[0] >= _WARN_AT and min(seen_left, seen_right) >= _WARN_SEEN
    return _PARTICLES[best[1]], WARNING if sure else HINT


_RULES = {"地": "de:stats-adverbial", "得": "de:stats-complement", "的": "de:stats-attributive"}


def hits(prose: str) -> list[Hit]:
    found: list[Hit] = []
    for particle in re.finditer("[的地]", prose):
        at = particle.start()
        if at == 0 or not _HAN.match(prose, at - 1) or not _HAN.match(prose, at + 1):
            continue
        left, right = _left_word(prose, at), _right_word(prose, at + 1)
        if inside_word(prose, at, left, right):
            continue
        judged = _judge(prose, at, left, right)
        if judged is None:
            continue
        suggestion, severity = judged
        found.append(particle_hit(prose, at, _RULES[suggestion], suggestion, SOURCE, severity))
    return found
