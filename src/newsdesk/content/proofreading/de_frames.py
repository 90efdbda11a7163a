"""的, 地 and 得 in today's news prose: frames built around word lists (de_words.txt) of the
adverbials, attributes and complements news copy uses now, which the 1998 counts (de_stats)
barely know and jieba often tags as nouns (精准, 有序, 高质量).

- 的 between an adverbial and a verb that takes an object (扎实的推进乡村振兴 → 地). The same
  words describe nouns too (扎实的作风, 持续的努力), so the phrase must read as a predicate: a
  verb and its object after the particle, and before the adverbial no verb, preposition or 了
  that would make it an object (得到了持续的关注), and the object no head of a compound noun
  (精准的扶贫政策).
  Beyond the lists: jieba's adjectives opening a predicate (他熟练的操作…), comparatives
  (要更好的服务群众), words in 化 (制度化的开展下去), verbs of speaking (惊喜的问道).
- 的 or 地 before a set phrase or degree word closing the clause as a complement (开展的有声
  有色, 高兴的不得了, 好的很 → 得; 准备的怎么样了 → 得, a hint).
- 地 (or 得) between an adjective and a noun ending the phrase (热烈地掌声。 最大地广场 → 的),
  and 得 between an emphatic adjective and 是 (值得一提得是 → 的).

A warning where nothing else reads so: an adverb that modifies no noun, a verb with 了 or 着,
a listed adverbial after a modal (要扎实的推进…), a listed complement; else a hint.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsdesk.content.proofreading.de_pos import inside_word, particle_hit
from newsdesk.content.proofreading.de_stats import counted_verb, seen_after_di
from newsdesk.content.proofreading.findings import HINT, WARNING, Hit
from newsdesk.content.proofreading.lazy_re import lazy
from newsdesk.content.proofreading.worddata import data_lines, word_after, word_before, word_tags

SOURCE = "《现代汉语词典》（第7版）“的”“地”“得”用法；状语词表：党的二十大报告、政府工作报告用例"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split(" "))


_HAN = lazy("[\u4e00-\u9fff]{3}")
_CLAUSE_END = "，。！？；：、,.!?;:）)”"
_ASPECT = ("了", "着", "起来", "下去")
_AFTER_VERB = set("起好出到上下完")  # 承担起, 做好: a complement before the object
_PRONOUNS = _words("我们 你们 他们 她们 咱们 大家 自己 我 你 他 她 它")
_IN_PREDICATE = _words(
    "要 能 会 应 应该 应当 必须 可以 将 正在 都 也 还 就 又 再 更 更加 均 纷纷 一直 始终 仍 "
    "仍然 便 才 总是 继续 需要 需 务必 努力 不断 进一步 并 才能 能够 就能 还能 也能 都能 "
    "才会 可能 将会 必将 一定 总能 愿意 敢于 善于 乐于 一起 一同 一道 一齐 共同 同时"
)
_OBJECT_TAGS = ("n", "v", "r", "m", "j", "a", "b", "l", "i", "q", "s", "t", "z")
_NOT_OBJECT = {"vd", "ad", "an"}
_NOT_BEFORE = ("p", "m", "q", "mq", "f", "u", "k")  # 对…, 一种…, 这次…: a noun phrase follows
_NOUNS = {"n", "nz", "ng"}
_RESULTS = set("懂见清动完住透饱进远开")  # 听得懂, 看得见, 搬得动, 传得远
_GRADED = set("好快多早深广高强稳准实细紧严大")  # 更好地服务群众, 更快地完成, 更多地关注
_SPEAKING = _words("问道 说道 喊道 答道 叫道 笑道 叹道 回答道 嘱咐道")
_SUBJECT_OF = _words("是 让 使 令 成为 离不开 得到 受到 赢得 带来 给予 需要")
# one character each; read only where it makes no word with what follows (以来, 从而)
_PREPOSITIONS = _words("向 为 给 把 朝 替 帮 跟 以 从 用")
_NOT_VERBS = _words("是 有 为 在 有关 相关 配套 所有")  # they describe nouns (有关部门)
_FORMS = set("式型性化感者率员家师商户处站所点区期费量力度")
_DEGREE = _words("很 更 较 最 太 非常 十分 更加 比较 相当 特别 格外 极为 越来越 较为")
_RULES = {"地": "de:frame-adverbial", "得": "de:frame-complement", "的": "de:frame-attributive"}


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    lists: dict[str, frozenset[str]] = {}
    for line in data_lines("de_words.txt"):
        name, *words = line.split(" ")
        lists[name] = frozenset(words)
    return lists


def _tag(word: str) -> str:
    return word_tags().get(word, "")


def _ending(text: str, at: int, words: frozenset[str]) -> str:
    """The longest of `words` ending right before `at`, if the dictionary reads no longer
    word there (不积极 would be one word; 高质量 is read whole, not as 质量)."""
    for size in range(min(5, at), 1, -1):
        if text[at - size : at] in words:
            word = text[at - size : at]
            return word if len(word_before(text, at, word_tags())) <= size else ""
    return ""


def _starting(text: str, at: int, words: frozenset[str]) -> str:
    for size in range(min(5, len(text) - at), 1, -1):
        if text[at : at + size] in words:
            return text[at : at + size]
    return ""


def _closes(text: str, at: int) -> bool:
    return at >= len(text) or text[at] in _CLAUSE_END


def _modifier(word: str) -> bool:
    lists = _lists()
    listed = word in lists["adverb"] or word in lists["manner"] or word in lists["attribute"]
    return listed or word in _DEGREE or _tag(word) in ("a", "ad")


def _in_noun_phrase(text: str, start: int) -> bool:
    """What stands before the modifier makes its phrase an object or a measured noun:
    a verb (得到了持续的关注), a preposition, 了, 的, a numeral or measure (一种), a
    demonstrative (这种)."""
    for _ in range(4):
        # 开展全面、深入、彻底的…, 进行了广泛而深入的…, 得到了切实有效的…, 作了较详细的…:
        # the first of the modifiers tells
        joined = start > 0 and text[start - 1] in "、而"
        item = word_before(text, start - 1 if joined else start, word_tags())
        if joined:
            # a listed item the dictionary may not know (刚劲): back to the mark before it
            run = re.search("[、，。；：！？（“]?[^、，。；：！？（“]{1,4}$", text[: start - 1])
            item = run.group().lstrip("、") if run and run.group()[0] == "、" else item
        elif item.startswith("最"):
            return True  # 最为著名的…: a superlative describes a noun
        elif not _modifier(item):
            break
        start -= len(item) + (1 if joined else 0)
    if start <= 0 or text[start - 1] in _CLAUSE_END or text[start - 1] in "“（(":
        return False
    before = word_before(text, start, word_tags())
    tag = _tag(before)
    if before in _IN_PREDICATE or before in _PRONOUNS:
        return False
    if before[-1] in "了的着过" or tag.startswith(_NOT_BEFORE):
        return True
    if tag == "r":
        # 这种, 这样, 各: a demonstrative before a noun phrase; 该县, 我市 are subjects
        return len(before) == 1 or before[-1] in "种样些类个项次般"
    return tag.startswith("v") and tag not in ("vd", "vn")  # 服务常态化的…: vn is a noun


def _predicate_before(text: str, start: int) -> bool:
    """The adjective opens a predicate: the clause starts there, or a pronoun, a modal or an
    adverb stands before it (他熟练地…, 要仔细地…), not a noun it would describe."""
    if start == 0 or text[start - 1] in _CLAUSE_END:
        return True
    before = word_before(text, start, word_tags())
    if before in _PRONOUNS or before in _IN_PREDICATE:
        return True
    return _tag(before) == "d" and before not in _DEGREE


def _after_predicate_word(text: str, start: int) -> bool:
    return word_before(text, start, word_tags()) in _IN_PREDICATE


def _object(text: str, at: int) -> str | None:
    """What follows a verb: "long" (an object of more than one word, or opened by a
    pronoun or a number: 推进乡村振兴, 检查每一个环节), "short" (one noun closing the
    clause: 推进改革。 but also the compound 创意策划。), or None: no object, the head of a
    compound noun (学习氛围, 防控措施), a conjunction (参与和支持), another verb."""
    if _closes(text, at) or text[at] in _FORMS:
        return None  # 拉网式排查, 获得感: the verb opens a noun
    clause = re.split(f"[{_CLAUSE_END}]", text[at : at + 20], maxsplit=1)[0]
    if any(verb in clause for verb in _SUBJECT_OF):
        return None  # 深入的调查研究是决策的基础: the phrase is the subject
    if text[at] in _AFTER_VERB and not _closes(text, at + 1):
        at += 1  # 承担起责任, 做好工作
    word = word_after(text, at, word_tags())
    tag = _tag(word)
    end = at + len(word)
    then = word_after(text, end, word_tags())
    goes_on = _tag(then).startswith("n") or _tag(then) == "vn"
    if tag == "v" and not (goes_on and len(word) > 1):
        return None  # a second verb; but 投入力度 is a noun phrase
    if tag in _NOT_OBJECT or not tag.startswith(_OBJECT_TAGS) or word in ("的", "是", "之"):
        return None
    if _tag(then) == "f":
        return None  # 在艰苦的斗争岁月里: a place or time, a noun phrase
    if word in _lists()["heads"] and not goes_on:
        return None  # 学习氛围。 may be one noun; 项目建设, 服务质量 go on
    if tag.startswith(("r", "m")) or not _closes(text, end):
        return "long"
    return "short"


def _unlisted_manner(text: str, at: int) -> str:
    """An adverbial outside the lists: a comparative (更好, 更快), an adjective jieba knows
    as one (熟练, 仔细), or a word in 化, "made so" (制度化, 规范化), an adverbial as often;
    else ""."""
    word = word_before(text, at, word_tags())
    for degree in ("更加", "更为", "更"):
        graded = text[max(0, at - len(degree) - 1) : at]
        if graded.startswith(degree) and graded[-1] in _GRADED:
            return graded  # 更好, 更快, 更加好: a comparative, graded manner
    if len(word) > 1 and _tag(word) in ("a", "ad") and word not in _lists()["attribute"]:
        return word
    three = text[max(0, at - 3) : at]
    if three[-1:] == "化" and word in (three, "化") and _HAN.fullmatch(three):
        return three  # not 文化, 变化: nouns of their own
    return ""


def _adverbial(text: str, at: int) -> str | None:
    """的 → 地 between a listed adverbial and a verb with its object: the severity, or None."""
    lists = _lists()
    left = _ending(text, at, lists["adverb"] | lists["manner"])
    listed = bool(left)
    if not listed:
        left = _unlisted_manner(text, at)
    if not left or left[0] == "最" or _in_noun_phrase(text, at - len(left)):
        return None
    verb = word_after(text, at + 1, word_tags())
    if len(verb) == 1 and counted_verb(text[at + 1 : at + 3]):
        verb = text[at + 1 : at + 3]  # 加大: a verb the 1998 counts know, jieba's list not
    if verb in _PREPOSITIONS and (listed or _predicate_before(text, at - len(left))):
        # 耐心地向…, 熟练地给…: a preposition opens the verb's phrase (a jieba adjective
        # outside the lists may still describe a noun: a hint)
        return WARNING if listed else HINT
    if not (_tag(verb).startswith("v") or counted_verb(verb)) or verb in _NOT_VERBS:
        return None
    end = at + 1 + len(verb)
    if text.startswith(_ASPECT, end) or (
        text[end : end + 1] in _AFTER_VERB and text[end + 1 : end + 2] in ("了", "着")
    ):
        return WARNING  # 扎实的推进了…, 转移到了: a verb with 了 or 着 is no noun
    taken = _object(text, end)
    # 群众更好的了解当地的…; but 效力更加高的防衰老物质: one character opens a compound
    comparative = left.startswith("更") and taken == "long" and len(verb) > 1
    if not listed and not comparative and not _predicate_before(text, at - len(left)):
        return None  # 条件苛刻的紧缩措施: a noun and an adjective make an attribute
    if left in lists["adverb"]:
        return WARNING if taken else None
    if left.startswith("更") and taken:
        return HINT  # 更好的服务群众: a comparative before a verb and its object
    if taken != "long":
        return None
    # After a modal or an adverb of the predicate (要扎实的推进…, 都积极的参与…) the phrase
    # can only be the predicate: nothing on 1.9 million characters of clean copy reads so
    return WARNING if listed and _after_predicate_word(text, at - len(left)) else HINT


def _speaking(text: str, at: int) -> str | None:
    """的 → 地 between a modifier and a verb of speaking that is never a noun (惊喜的问道,
    笑眯眯的说道)."""
    verb = _starting(text, at + 1, _SPEAKING)
    before = word_before(text, at, word_tags())
    if not verb or before in _PRONOUNS or _tag(before)[:1] not in ("a", "b", "z", "i", "l", "d"):
        return None
    return WARNING


def _potential(text: str, at: int) -> bool:
    """A one-character verb, the particle and a result it can reach, closing the phrase:
    听的懂、传的远, 开的进来 (→ 得; 听得懂, the potential form, has no 的 reading)."""
    verb = word_before(text, at, word_tags())
    result = text[at + 1 : at + 2]
    if len(verb) != 1 or _tag(verb) != "v" or result not in _RESULTS:
        return False
    after = text[at + 2 : at + 3]
    return _closes(text, at + 2) or after in ("来", "去", "的")  # 听得懂的语言


def _complement(text: str, at: int) -> str | None:
    """的 or 地 → 得 before a listed complement closing the clause, after a verb or an
    adjective (忙的不亦乐乎。 高兴的合不拢嘴，)."""
    lists = _lists()
    if _potential(text, at):
        return WARNING
    very = text[at + 1 : at + 2] == "很" and _closes(text, at + 2)  # 好的很。: 很 grades nothing
    phrase = "很" if very else _starting(text, at + 1, lists["complement"] | lists["degree"])
    if not phrase or not _closes(text, at + 1 + len(phrase)):
        return None
    before = word_before(text, at, word_tags())
    tag = _tag(before)
    if before in _PRONOUNS or before in ("是", "有", "一派", "一片"):
        return None
    listed = any(before in lists[name] for name in ("manner", "attribute"))
    if not (listed or tag.startswith(("v", "a", "b", "z", "i", "l"))):
        return None
    if phrase in lists["degree"] and len(before) == 1:
        # 短的不行: "the short ones" may be what does not do; after a verb (累的不行) a hint
        return HINT if tag.startswith("v") else None
    return WARNING


def _how(text: str, at: int) -> str | None:
    """的 → 得 between a verb and 怎么样/如何 with 了 or a question mark: 准备的怎么样了？"""
    for word in ("怎么样", "如何"):
        if text.startswith(word, at + 1):
            end = at + 1 + len(word)
            then = text[end : end + 1]
            verb = word_before(text, at, word_tags())
            if then in ("了", "？", "?") and _tag(verb) == "v" and verb not in ("是", "有"):
                return HINT
    return None


def _attributive(text: str, at: int) -> str | None:
    """地 or 得 → 的 between a listed adjective and a noun that ends the phrase, and 得 → 的
    between an emphatic adjective and 是 (值得一提得是 → 的是)."""
    if (
        text[at] == "得"
        and text.startswith("是", at + 1)
        and _ending(text, at, _lists()["emphasis"])
    ):
        return WARNING
    listed = bool(_ending(text, at, _lists()["attribute"]))
    if not listed and not (text[at] == "地" and _graded_adjective(text, at)):
        return None
    noun = word_after(text, at + 1, word_tags())
    if len(noun) < 2 or _tag(noun) not in _NOUNS:
        return None
    end = at + 1 + len(noun)
    if text.startswith(("着", "了", "过"), end) or seen_after_di(noun):
        return None  # the word was a verb after all (有力地证明)
    if not listed:
        # 最大地风力发电场, 严峻地治安形势。 but 郑重地交代最后…, 更好地胜任工作: jieba's
        # noun was a verb, with its object after it
        then = word_after(text, end, word_tags())
        ends = _closes(text, end) or then in ("的", "和", "与", "及", "是") or _tag(then) == "n"
        return HINT if _tag(noun) == "n" and ends else None
    if _closes(text, end) or text.startswith(("和", "与", "及"), end):
        return WARNING if text[at] == "地" else HINT
    return HINT if text.startswith(("是", "让", "使", "令"), end) else None


def _graded_adjective(text: str, at: int) -> bool:
    """An adjective of two characters or more as jieba tags it (严峻, 凛冽), or one graded by
    最, 更 or 越来越 (最大, 更好, 越来越多): before a noun it describes the noun."""
    word = word_before(text, at, word_tags())
    if len(word) > 1 and _tag(word) == "a":
        return True
    for degree in ("越来越", "最", "更"):
        start = at - len(word) - len(degree)
        if start >= 0 and text.startswith(degree, start) and _tag(word)[:1] in ("a", "m"):
            return True
        if text.startswith(degree, at - len(word)) and _tag(word[len(degree) :]) == "a":
            return True  # 最大 read as one word
    return False


def _judge(text: str, at: int) -> tuple[str, str] | None:
    """(suggestion, severity) for the particle at `at`, or None."""
    particle = text[at]
    if particle == "的":
        adverbial = _adverbial(text, at) or _speaking(text, at)
        if adverbial:
            return "地", adverbial
        done = _complement(text, at) or _how(text, at)
        return ("得", done) if done else None
    if particle == "地":
        done = _complement(text, at)
        if done:
            return "得", done
    attributive = _attributive(text, at)
    return ("的", attributive) if attributive else None


def hits(prose: str) -> list[Hit]:
    found: list[Hit] = []
    for particle in re.finditer("[的地得]", prose):
        at = particle.start()
        if at == 0 or at + 1 >= len(prose):
            continue
        left = word_before(prose, at, word_tags())
        right = word_after(prose, at + 1, word_tags())
        if inside_word(prose, at, left, right):
            continue
        judged = _judge(prose, at)
        if judged is None:
            continue
        suggestion, severity = judged
        found.append(particle_hit(prose, at, _RULES[suggestion], suggestion, SOURCE, severity))
    return found
