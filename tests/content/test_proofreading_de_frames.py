"""的地得 in today's news prose (de_frames): the adverbials, attributes and complements news copy
uses now, each mistake beside the right sentences that must stay silent."""

from __future__ import annotations

import pytest

from newsdesk.content.proofreading import HINT, WARNING, Proofreader, de_frames, de_rules
from tests.content.conftest import de


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adverb that modifies no noun, before a verb and its object
        ("我们稳步的推进改革。", ("地", WARNING)),
        # a listed adverbial after a modal: the phrase is the predicate
        ("各部门要高质量的推进项目建设。", ("地", WARNING)),
        ("只有这样才能不断的创作出好作品。", ("地", WARNING)),  # 才能 is a modal here
        ("要牢牢的把握发展主动权。", ("地", WARNING)),  # de_pos alone: a hint
        # a one-character verb and the result it can reach: the potential form
        ("多用群众听的懂的语言。", ("得", WARNING)),
        ("让群众看的见、摸得着。", ("得", WARNING)),
        ("现在什么车都开的进来。", ("得", WARNING)),
        ("全县大力的发展特色产业。", ("地", WARNING)),
        ("要进一步的加强基层组织建设。", ("地", WARNING)),
        # a listed adverbial and a verb with 了, 着, 起来 or 下去: no noun reads so
        ("全县扎实的推进了乡村振兴。", ("地", WARNING)),
        ("志愿服务要常态化、制度化的开展下去。", ("地", WARNING)),
        # a verb complement the clause closes on
        ("各项活动开展的有声有色。", ("得", WARNING)),
        ("乡村文化活动搞的有声有色。", ("得", WARNING)),  # de_pos alone: a hint
        ("屋子打扫的干干净净。", ("得", WARNING)),
        ("大家高兴的合不拢嘴，", ("得", WARNING)),
        ("孩子们高兴的不得了。", ("得", WARNING)),
        ("这里的风景好的很。", ("得", WARNING)),  # 很 closing the clause grades nothing
        ("值得一提得是，今年粮食又获丰收。", ("的", WARNING)),
        ("更重要得是要落到实处。", ("的", WARNING)),
        ("讲解员耐心细致的给游客讲解展品。", ("地", WARNING)),  # a preposition, a listed word
        ("她有些惊喜的问道：“是你们啊？”", ("地", WARNING)),  # 问道 is never a noun
        ("工作组深入的走访到了每一户。", ("地", WARNING)),  # 到了: a verb, not a noun
        ("春节前后，工作人员忙地不亦乐乎。", ("得", WARNING)),
        # an adjective, 地 and a noun ending the phrase
        ("这是我们美丽地家乡。", ("的", WARNING)),
        ("积累了宝贵地经验和做法。", ("的", WARNING)),
    ],
)
def test_frames_with_one_reading_are_warnings(
    reader: Proofreader, text: str, expected: tuple[str, str]
) -> None:
    assert [(s, sev) for _, s, sev in de(reader, text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a listed adverbial before a verb and an object of more than one word
        ("全县上下扎实的推进乡村振兴。", "地"),
        ("执法人员精准的打击违法行为。", "地"),
        ("他认真的检查每一个环节。", "地"),
        ("不断的提高服务质量。", "地"),
        ("要更好的服务群众。", "地"),  # a comparative before a verb and its object
        ("他们更多的关注留守儿童。", "地"),
        ("帮助群众更好的了解当地的文化。", "地"),  # a comparative: the noun is its subject
        ("宣讲员深入浅出的宣传党的政策。", "地"),  # an idiom of manner
        ("读者们一起快乐的分享读书心得。", "地"),
        ("该县持续的加大投入力度，", "地"),  # 加大: a verb only the 1998 counts know
        ("全方位的提升服务水平，", "地"),
        ("大家热情的欢迎远方的客人。", "地"),
        # an adjective jieba knows, opening the predicate
        ("他熟练的操作机器设备。", "地"),
        ("他熟练的给将要出院的病人换药。", "地"),  # a preposition opens the verb's phrase
        ("你们准备的怎么样了？", "得"),
        ("这里有美丽得风景。", "的"),
        # a graded adjective, or one jieba tags so, before a noun
        ("这是全市最大地广场。", "的"),
        ("连续加班，大家忙的不行。", "得"),  # 短的不行 ("the short ones") stays silent
    ],
)
def test_frames_that_hang_on_context_are_hints(
    reader: Proofreader, text: str, expected: str
) -> None:
    assert [(s, sev) for _, s, sev in de(reader, text)] == [(expected, HINT)]


def test_a_surer_rule_at_the_same_particle_raises_the_grade(reader: Proofreader) -> None:
    # The frame alone would hint (复杂 may be adverbial); the counts never join 复杂 and
    # 国际 with 地, so the one finding kept for the particle is their warning.
    assert [(s, sev) for _, s, sev in de(reader, "面对复杂地国际形势，")] == [("的", WARNING)]


@pytest.mark.parametrize(
    "text",
    [
        "推动高质量发展。",
        "实现高质量的发展。",
        "高质量地推进项目建设。",
        "发挥积极的作用。",
        "进行积极的探索。",
        "得到了大力的支持。",  # an object of 得到
        "经过持续的努力，",
        "保持扎实的作风。",
        "提供精准的服务。",
        "精准的扶贫政策让群众受益。",  # a compound noun: a verb and its head
        "营造良好的学习氛围。",
        "树立正确的禁毒观念。",
        "持续的降雨导致河水上涨。",
        "全面的提升是必然的。",
        "开展全面、深入、彻底的拉网式排查。",  # 拉网式 is a noun
        "进行了广泛而深入的调查研究。",  # the first modifier stands after a verb
        "作了较详细的实证研究。",
        "在长期艰苦的斗争岁月里，",  # a place in time
        "一名一向工作兢兢业业的采购员。",  # 采购员 is a noun
        "这是当代都市文化的喧嚣。",
        "陆子冈是明末最为著名的琢玉巨匠。",  # a superlative describes a noun
        "全国最大的批发市场。",
        "配套的有关行政法规。",
        "条件苛刻的紧缩财政措施。",  # a noun and an adjective: an attribute
        "美丽的家乡。",
        "热烈的掌声。",
        "有力地证明了这一点。",  # 证明 is a verb after 地
        "以更好地胜任工作的要求。",  # jieba's noun is a verb with its object
        "他还郑重地交代最后一件事。",
        "最大地发挥资金效益。",
        "变得更加美丽。",
        "各项活动开展得有声有色。",
        "他们的热火朝天。",  # a pronoun, no verb
        "当地群众积极参与。",
        "他的回答：没问题。",
        "此起彼伏的叫卖声。",
        "一年一度的花市已经开张。",
        "努力为群众提供更好的服务。",
        "更大的发展空间。",
        "让更多的人了解家乡。",
        "为更多的企业提供服务。",
        "效力更加高的防衰老物质。",
        "这是条件更好的学习环境。",
        "看得见、摸得着的实惠。",
        "这是我的。",
        "他写的字。",
        "短的不行，长的正好。",
        "深入的调查研究是决策的基础。",  # the phrase is the subject
        "志愿者们耐心的服务得到居民们的一致好评。",
        "精准的帮扶措施让贫困户稳定脱贫。",
        "通过积极的引导和耐心的劝说，矛盾得到化解。",
        "重要的是落实。",
        "值得一提的是，今年又获丰收。",
        "这样做值得。",
        "孩子们高兴得不得了。",
    ],
)
def test_right_copy_is_left_alone(reader: Proofreader, text: str) -> None:
    assert de(reader, text) == []


def test_the_rule_says_what_it_rests_on() -> None:
    (hit,) = de_frames.hits("我们稳步的推进改革。")
    assert (hit.rule, hit.start, hit.suggestion) == ("de:frame-adverbial", 4, "地")
    assert "现代汉语词典" in hit.source and "政府工作报告" in hit.source


def test_the_surest_reading_of_a_particle_is_kept(reader: Proofreader) -> None:
    """The counts read 高兴的 as an adverbial (a hint for 地); the listed complement after it
    says 得, as a warning: one finding, the warning."""
    assert de(reader, "大家高兴的合不拢嘴，") == [("的", "得", WARNING)]
    assert [h.suggestion for h in de_rules.hits("大家高兴的合不拢嘴，")] == ["得"]
