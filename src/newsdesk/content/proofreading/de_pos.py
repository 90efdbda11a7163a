"""的, 地 and 得 by part of speech: the words either side of the particle, as jieba's dictionary
tags them, rather than fixed word lists.

Only the longest dictionary word ending right before the particle and the one starting right
after it are looked up, and only around 的, 地 and 得, so a paragraph costs a few lookups. A
tag is the word's usual part of speech, not its part in this sentence ("认真的学习" may be a
noun phrase), so what hangs on context is a hint; a warning only where the frame leaves no
other reading (a verb followed by 了 or 着, a reduplicated adverbial before a verb).
"""

from __future__ import annotations

import re

from newsdesk.content.proofreading.findings import HINT, WARNING, Category, Hit
from newsdesk.content.proofreading.lazy_re import lazy
from newsdesk.content.proofreading.worddata import LONGEST_WORD, word_after, word_before, word_tags


def _words(text: str) -> list[str]:
    return text.split()


SOURCE = "《现代汉语词典》（第7版）“的”“地”“得”用法；词性：jieba 词典（MIT）"
_PARTICLE = lazy("[的地得]")
_ASPECT = ("了", "着", "起来", "下去", "出来", "过来")
_DEGREE = _words("非常 十分 特别 格外 相当 极为 极其 更加 越来越 如此 这么 那么 很 太 挺 更 真")
_PRONOUNS = set(_words("我们 你们 他们 她们 咱们 自己 我 你 他 她 它 人家"))
_CLAUSE_END = "，。！？；：、,.!?;:）)”"
_COPULAS = set(_words("是 有 在 为 要 会 能 可 让 使"))  # 常见的有…, 重要的是…
_ENDS_CLAUSE_PART = set("了着过的")  # 做了详细的讲解: the modifier opens an object
_DEGREE_CHARS = set("最很更较极太")  # 很强的迷惑性: a graded adjective describes a noun
_ALWAYS_WORDS = ("的确", "的话", "地区", "地方", "得到", "得以")  # whatever follows them
_PREPOSITIONS = set(_words("向 把 将 对 给 为 从 朝 往 替 被 由 用 按 沿着 通过 围绕 针对"))
_IN_PREDICATE = set(
    _words("要 能 会 正在 都 也 还 就 正 均 纷纷 一直 始终 仍 仍然 应 应该 必须 可以 便 才 总是")
)
_MANNER_TAGS = ("ad", "d", "a", "b", "z", "i")
_SAYS = set(_words("说 道 问 答 喊 叫 讲"))
_MODALS = set(_words("要 能 会 应 应该 应当 必须 可以 须 得以 将 想 愿意"))
_QUANTITIES = set(_words("很多 很少 太多 太少 更多 更少 非常多 特别多"))
_NOT_MANNER = {"r", "nr", "ns", "nt", "nz", "m", "q", "t", "f", "s", "v", "vn", "p", "c", "u"}
_LIGHT_VERBS = set(_words("做 作 进行 给予 予以 加以 表示 得到 受到 获得 作出 做出 有 是 给"))
_NOUNISH = {"vn", "an", "j", "f", "s", "t", "m", "q", "mq", "r"}
_SUFFIXES = set("感者性化率权员点站所区处期费量力度界家长式型")


def _left_word(text: str, at: int) -> str:
    return word_before(text, at, word_tags())


def _right_word(text: str, at: int) -> str:
    return word_after(text, at, word_tags())


def inside_word(text: str, at: int, left: str, right: str) -> bool:
    """The particle's character belongs to a word here (目的, 土地, 取得, 的确, 地方): a word
    ending with it that covers the whole word before, or one starting with it that covers the
    whole word after; longest match, as a segmenter would read it (认真的: 认真 + 的, not
    认 + 真的; 高兴得到处跑: 到处, not 得到)."""
    words = word_tags()
    if text.startswith(_ALWAYS_WORDS, at):
        return True
    for size in range(2, LONGEST_WORD + 1):
        for begin in range(at - size + 1, at + 1):
            end = begin + size
            if begin < 0 or end > len(text) or text[begin:end] not in words:
                continue
            if end == at + 1 and size - 1 < len(left):
                continue
            if begin == at and size - 1 < len(right):
                continue
            return True
    return False


def _reduplicated(word: str) -> bool:
    """AABB (认认真真) or ABB (笑眯眯, 静悄悄)."""
    if len(word) == 4:
        return word[0] == word[1] and word[2] == word[3] and word[0] != word[2]
    return len(word) == 3 and word[1] == word[2] and word[0] != word[1]


def _tag(word: str) -> str:
    return word_tags().get(word, "")


def _before(text: str, start: int) -> str | None:
    """What comes before the modifier, when it makes the phrase a noun phrase: "object" after
    a light verb or 了 (做了详细的讲解, 表示热烈的欢迎), "graded" after a degree word (很强的
    迷惑性, 最重要的是), else None."""
    before = _left_word(text, start)
    if before in _LIGHT_VERBS or before[-1:] in _ENDS_CLAUSE_PART:
        return "object"
    if _tag(before) in ("v", "vn", "p") and before not in _MODALS:
        return "object"  # 发挥积极的作用, 对历史真实的追寻: the phrase is an object
    if before[-1:] in _DEGREE_CHARS:
        return "graded"
    return None


def _verb_stands(text: str, end: int) -> str | None:
    """How the verb after the particle goes on: "aspect" (了, 着…), "clause" (punctuation or
    the end), "object" (a noun: 完善制度, but also the compound noun in 实实在在的获得感),
    "other" (anything else), or None before 的 or a suffix (获得感, 备课笔记的)."""
    if end >= len(text) or text[end] in _CLAUSE_END:
        return "clause"
    following = _right_word(text, end)
    after = end + len(following)
    if following == "了" and (after >= len(text) or text[after] in _CLAUSE_END):
        return "closing-le"  # 难以衡量的收获了。: 了 closing the sentence may follow a noun
    if following in _ASPECT:
        return "aspect"  # 了, 着 as words (not 着眼点)
    tag = _tag(following)
    if following in _SUFFIXES or following == "的":
        return None
    if tag.startswith("n") or tag in _NOUNISH:
        return "object"
    return "other"


def _complement(text: str, start: int) -> bool:
    """A degree word and what it grades, ending the phrase: 很快。 非常扎实， (not 很好的成绩)."""
    degree = next((d for d in _DEGREE if text.startswith(d, start)), None)
    if degree is None:
        return False
    word = _right_word(text, start)
    if word in _QUANTITIES or (word != degree and _tag(word).startswith("n")):
        return False  # 出游的很多: those who travel are many; 真谛, 太原 are nouns
    if word != degree and (degree not in "很更太" or word[len(degree) :] not in word_tags()):
        return False  # 很快 is 很 + 快, but 真挚 is no 真 + 挚
    graded = _right_word(text, start + len(degree))  # whatever its tag: after 很 it grades
    end = start + len(degree) + len(graded)
    return end >= len(text) or text[end] in _CLAUSE_END or text.startswith(_ASPECT, end)


def _preposition_follows(text: str, at: int, right: str) -> bool:
    """A preposition after 的 that opens the verb's phrase, not a noun phrase of its own
    (单纯的对非洲的援助: another 的 follows) nor the start of a rarer word (巨大的向心力)."""
    if right not in _PREPOSITIONS:
        return False
    start = at + 1
    clause = re.split(f"[{_CLAUSE_END}]", text[start : start + 12])[0]
    if "的" in clause or len(clause) - len(right) < 3:
        return False  # a preposition needs its object and a verb after it
    if _before(text, at - len(_left_word(text, at))) is not None:
        return False
    return not any(text[start : start + size] in word_tags() for size in (2, 3))


def _manner(word: str, tag: str) -> bool:
    """Whether a word can be an adverbial of manner: an adverb, an adjective, an idiom or a
    reduplicated state word."""
    return _reduplicated(word) or tag in ("ad", "d", "a", "b", "z", "i")


def _idiom_after(text: str, at: int, right: str) -> bool:
    end = at + 1 + len(right)
    closes = end >= len(text) or text[end] in _CLAUSE_END
    return closes and len(right) == 4 and _tag(right) in ("i", "l")


def _adverbial(
    text: str, at: int, left: str, left_tag: str, right: str
) -> tuple[str, str, str] | None:
    """的 between a modifier and a verb (→ 地): 认认真真地做, 渐渐地发现, 认真地学习了."""
    strong = _reduplicated(left) or left_tag == "z"
    adverb = left_tag in ("ad", "d", "i")  # not l: jieba tags 合作社 so
    goes_on = _verb_stands(text, at + 1 + len(right))
    before = _before(text, at - len(left))
    if goes_on is None or before == "object" or left[0] in _DEGREE_CHARS or left in _COPULAS:
        return None  # 有的考上了大学: 有的 is "some"
    if right in _SAYS and text[at + 2 : at + 3] in "：:" and left_tag not in _NOT_MANNER:
        return "de:pos-adverbial", "地", WARNING  # 自豪的说： (but 总的说， is 的)
    if not (strong or adverb or left_tag in ("a", "b")):
        return None  # 五角形的散发着浓香的花: a noun before 的 is no adverbial
    if goes_on == "aspect" or (goes_on == "closing-le" and left_tag not in ("i", "l")):
        sure = True  # a verb with 了 or 着 is no noun: 较好的完成了, 高兴的跳了起来
    elif right in _LIGHT_VERBS and goes_on in ("object", "other"):
        sure = False  # 迅速的进行处置: 进行, 加以 take a verbal object and head no noun
    elif _left_word(text, at - len(left)) in _IN_PREDICATE and left_tag in _MANNER_TAGS:
        # After 要, 都, 也, 正在… the words are the predicate: 要主动的承担责任 (two in two
        # on 1998 人民日报, once 将, 又, 再 and 已 are left out: 将先进的…, 再好的愿望)
        sure = False
    elif before == "graded" or not (strong or adverb):
        return None  # 很强的迷惑性; 认真的学习 may be a noun phrase
    elif goes_on == "object":
        # A verb and a noun after it may be a verb and its object (不断的完善制度) or a
        # compound noun (实实在在的获得感, 正确的禁毒观念): jieba's tags cannot tell. A
        # doubled adverb (牢牢, 紧紧, 默默) seldom describes a noun, so it earns a hint.
        if not (len(left) == 2 and left[0] == left[1] and left_tag == "d"):
            return None
        sure = False
    else:
        # Whatever follows, jieba's verb is as often a verbal noun: 发挥积极的作用。 沉甸甸
        # 的忧虑。 原先的考虑是… 坚定不移的决心和信念 (1998 人民日报: nine in ten)
        return None
    return "de:pos-adverbial", "地", WARNING if sure else HINT


def _judge(text: str, at: int, left: str, right: str) -> tuple[str, str, str] | None:
    """(rule, suggestion, severity) for the particle at `at`, or None."""
    particle = text[at]
    if not left or not right:
        return None
    left_tag, right_tag = _tag(left), _tag(right)
    if particle == "的" and right_tag == "v" and right not in _COPULAS:
        return _adverbial(text, at, left, left_tag, right)
    if particle == "的" and _preposition_follows(text, at, right) and _manner(left, left_tag):
        # No noun phrase reads "modifier 的 preposition …verb": 耐心的向群众解释
        return "de:pos-adverbial", "地", WARNING
    if particle == "的" and left_tag in ("v", "vn") and _complement(text, at + 1):
        # A degree complement after a verb takes 得: 跑得很快 (but 他说的很对 is 的)
        return "de:pos-complement", "得", HINT
    if (
        particle == "的"
        and len(left) == 1
        and left_tag == "v"
        and left not in _COPULAS  # 有的不知所措: 有的 is "some"
        and _tag(_left_word(text, at - 1)) != "v"  # 堆起的庞然大物
        and _idiom_after(text, at, right)
    ):
        # An idiom closing the clause after a one-character verb is its complement:
        # 搞得有声有色。 忙得不亦乐乎， (a longer verb before 的 and an idiom is as often a
        # noun phrase: 付出的不知不觉。)
        return "de:pos-complement", "得", HINT
    if particle == "地" and left in _PRONOUNS:
        return "de:pos-possessive", "的", WARNING  # 我们地工作 → 我们的工作
    return None


def hits(prose: str) -> list[Hit]:
    found: list[Hit] = []
    for particle in _PARTICLE.finditer(prose, 1, len(prose) - 1):
        at = particle.start()
        left, right = _left_word(prose, at), _right_word(prose, at + 1)
        if inside_word(prose, at, left, right):
            continue
        judged = _judge(prose, at, left, right)
        if judged is None:
            continue
        rule, right, severity = judged
        found.append(particle_hit(prose, at, rule, right, SOURCE, severity))
    return found


_WHY = {
    "地": ("状语后应用“地”", "use 地 after an adverbial"),
    "得": ("补语前应用“得”", "use 得 before a complement"),
    "的": ("定语后应用“的”", "use 的 after an attribute"),
}


def particle_hit(prose: str, at: int, rule: str, right: str, source: str, severity: str) -> Hit:
    """The finding every 的地得 rule gives: the particle at `at` should be `right`."""
    zh, en = _WHY[right]
    char = prose[at]
    return Hit(
        at,
        at + 1,
        Category.DE,
        rule,
        right,
        f"的地得：{zh}（“{char}”→“{right}”）",
        f"de/di/de: {en} (“{char}” → “{right}”)",
        source,
        severity,
    )
