"""的, 地 and 得 where the pattern leaves no doubt.

Without a parser, only frames that cannot be read another way: a verb, then 的 and a degree
word and an adjective (跑的很快 → 跑得很快); a reduplicated adverbial before a verb (认认真真的做
→ 地); a manner adverb, 的 and a verb that takes 了/着 (认真的学习了 → 地). Everything looser
("积极的参与" may be a noun phrase) is left to the person.
"""

from __future__ import annotations

from newsdesk.content.proofreading.findings import WARNING, Category, Hit, matches
from newsdesk.content.proofreading.lazy_re import Regex, lazy


def _words(text: str) -> list[str]:
    """A word list kept readable: one space between words."""
    return text.split()


SOURCE = "《现代汉语词典》（第7版）“的”“地”“得”用法"

_VERBS = _words(
    "跑 做 干 办 写 说 讲 唱 跳 学 变 走 飞 睡 吃 玩 笑 哭 活 过 抓 管 搞 建 种 养 演 打 "
    "落实 完成 开展 推进 发展 建设 执行 贯彻 准备 组织 安排 处理 解决 表现 发挥 治理 保护 服务 "
    "宣传 整治 经营 恢复 增长 提升 改善 收拾 打扫 布置 装扮 设计 规划 打理 管理 照顾 学习 "
    "工作 生活 进行 运行 实施 推广 协调 配合 衔接 复苏 收获 长势 卖 销 办理 落地"
)
_DEGREE = _words("很 非常 十分 特别 格外 相当 极为 极其 更加 越来越 更 太 真 挺 如此 这么 那么")
_ADJECTIVES = _words(
    "好 快 慢 早 高 深 稳 准 实 扎实 出色 顺利 精彩 到位 及时 认真 仔细 漂亮 干净 整洁 红火 "
    "热闹 充分 彻底 明显 显著 突出 成功 圆满 生动 清楚 明白 透彻 踏实 迅速 细致 周到 开心 "
    "高兴 愉快 快乐 香 甜 美 好看 整齐 规范 有序 火热 兴旺 稳健 平稳 舒心 满意 辛苦 幸福 "
    "有声有色 热火朝天 井井有条 风生水起"
)
_MANNER = _words(
    "认真 积极 主动 耐心 仔细 深入 全面 广泛 大力 不断 逐步 扎实 迅速 及时 严格 切实 充分 "
    "努力 默默 悄悄 静静 慢慢 渐渐 紧紧 牢牢 深深 热烈 详细 反复 稳步 持续 全力 高效 "
    "有序 精心 细心 用心 热情 亲切 坚定 坚决"
)
_SPEECH = _words("说 讲 问 答 笑 看 望 走 跑 点头 回答 告诉 介绍 表示 说道")
_REDUP_VERBS = _words(
    "做 干 写 走 玩 说 讲 唱 完成 参加 投入 回家 过年 度过 迎接 做好 干好 办好 把 将 为 向 对"
)


def _alt(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_HAN = "[\u4e00-\u9fff]"
_TWO_CHAR_VERBS = [v for v in _VERBS if len(v) == 2]
_COMPLEMENT = f"(?:{_alt(_DEGREE)})(?:{_alt(_ADJECTIVES)})(?!{_HAN}*的)"
_KIN = "妈爸哥姐弟妹爷奶姥叔婶舅伯宝星"
# Each pattern marks the particle it judges as the group "p"; the words around it are context.
_RULES: list[tuple[str, Regex, str, tuple[str, str]]] = [  # rule, frame, fix, why
    (
        "de:complement",  # 跑的很快 → 跑得很快
        lazy(f"(?:{_alt(_VERBS)})(?P<p>的)(?={_COMPLEMENT})"),
        "得",
        ("补语前应用“得”", "use 得 before a complement"),
    ),
    (
        "de:complement-di",  # 完成地很好 → 完成得很好 (two-character verbs: 种地很辛苦 is right)
        lazy(f"(?:{_alt(_TWO_CHAR_VERBS)})(?P<p>地)(?={_COMPLEMENT})"),
        "得",
        ("补语前应用“得”", "use 得 before a complement"),
    ),
    (
        "de:reduplicated",  # 认认真真的做 → 认认真真地做
        lazy(f"([^{_KIN}\\W])\\1({_HAN})\\2(?P<p>的)(?=(?:{_alt(_REDUP_VERBS)}))"),
        "地",
        ("状语后应用“地”", "use 地 after an adverbial"),
    ),
    (
        "de:abb",  # 笑眯眯的说： → 笑眯眯地说：
        lazy(f"{_HAN}([^{_KIN}\\W])\\1(?P<p>的)(?=(?:{_alt(_SPEECH)})(?:[：:，,“]|着|道|了|起))"),
        "地",
        ("状语后应用“地”", "use 地 after an adverbial"),
    ),
    (
        "de:adverbial",  # 认真的学习了 → 认真地学习了
        lazy(f"(?:{_alt(_MANNER)})(?P<p>的)(?=(?:{_alt(_VERBS)})(?:了|着|起来|下去))"),
        "地",
        ("状语后应用“地”", "use 地 after an adverbial"),
    ),
    (
        "de:adverbial-de",  # 认真得学习 → 认真地学习
        lazy(f"(?:{_alt(_MANNER)})(?P<p>得)(?=(?:{_alt(_TWO_CHAR_VERBS)}))"),
        "地",
        ("状语后应用“地”", "use 地 after an adverbial"),
    ),
]


_ON_DE = ("de:complement", "de:reduplicated", "de:abb", "de:adverbial")


def hits(prose: str) -> list[Hit]:
    found: list[Hit] = []
    for rule, pattern, right, (zh, en) in _RULES:
        wrong_here = "的" if rule in _ON_DE else ("地" if rule.endswith("-di") else "得")
        for match in matches(pattern, prose, (wrong_here,)):
            wrong = match.group("p")
            found.append(
                Hit(
                    match.start("p"),
                    match.end("p"),
                    Category.DE,
                    rule,
                    right,
                    f"的地得：{zh}（“{wrong}”→“{right}”）",
                    f"de/di/de: {en} (“{wrong}” → “{right}”)",
                    SOURCE,
                    WARNING,
                )
            )
    return found
