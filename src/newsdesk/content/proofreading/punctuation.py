"""Punctuation by GB/T 15834-2011: what a county account is marked down for and a rule can be
sure of. Half-width marks in Chinese text, doubled marks, wrong ellipsis and dash forms,
unpaired quotes and brackets, "1、" list numbers, and stray spaces between Chinese characters.
"""

from __future__ import annotations

import re

from newsdesk.content.proofreading import house_style
from newsdesk.content.proofreading.findings import WARNING, Category, Hit, matches
from newsdesk.content.proofreading.lazy_re import lazy
from newsdesk.content.proofreading.prose import HAN, BlockKind

SOURCE = "GB/T 15834-2011《标点符号用法》"
_H = f"[{HAN}]"
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。"}
_NAMES = {
    ",": ("逗号", "comma"),
    ";": ("分号", "semicolon"),
    ":": ("冒号", "colon"),
    "?": ("问号", "question mark"),
    "!": ("叹号", "exclamation mark"),
    ".": ("句号", "full stop"),
}
_HALF_WIDTH = lazy(
    f"(?<={_H})(?:[,;?!](?![\\d,;?!.])|:(?!//)|\\.(?!\\.)(?=[ \t]*(?:{_H}|“|$)))",
    re.M,
)
_DOUBLED = lazy(r"([。，、；：])\1+")
_ELLIPSIS = lazy(r"。{3,}|(?<![.…])\.{3,6}(?![.…])|(?<!…)…(?!…)")
_DASH = lazy(f"(?<=[{HAN}“”，。）])(?:—|--|－－)(?=[{HAN}“（])")
# A single 一字线 between places is a connecting mark, not a dash (GB/T 15834 连接号): 从北京—上海,
# 西安—成都高铁.
_RANGE = lazy(
    f"从[{HAN}]{{1,6}}$|[时日月年分点号]$"
    f"|^[{HAN}]{{1,6}}(?:高速|高铁|铁路|公路|国道|省道|航线|班列|动车|列车|快车|段|线|方向|之间)"
)
_HAN_CHAR = lazy(_H)
# A single 一字线 between two words is a dash all the same when no name can stand either side of
# it: after a particle or a verb of saying (他说—, 目标是—), or before a word that opens a
# clause (—这, —让, —我们, —一个). A connecting mark joins two names (中国—东盟, 村播—菜鸟).
_DASH_AFTER = lazy("[了着的得是说呢吗吧啊]$")
_DASH_BEFORE = lazy(
    "^(?:这|那(?:是|个|些|就|种|时)|即(?!墨)|就是|也就是|也是|让|把|为了|他|她|它|我|你|咱|大家|人们|"
    "一个|一种|一位|一名|一场|一次|一条|一项|一片|一座|一句|不是|不能|不会|不仅|没有|都是|全都|"
    "正是|恰恰|从而|以便|哪怕|无论|不管|尽管|虽然|因为|所以|但是|却|甚至)"
)
_NUMERAL_DOT = lazy(r"^[ \t]*[一二三四五六七八九十]{1,3}\.", re.M)
_SPACE = lazy(f"(?<={_H})[ \u3000]+(?={_H})")
_ASCII_QUOTE = lazy(f'(?<={_H})"|"(?={_H})')
_ASCII_PARENS = lazy(f"\\(([^()\\n]*{_H}[^()\\n]*)\\)")
_PAIRS = {"“": "”", "‘": "’", "《": "》", "（": "）", "【": "】", "〔": "〕", "「": "」"}
_CLOSERS = {close: open_ for open_, close in _PAIRS.items()}
_BRACKETS = lazy("[" + re.escape("".join(_PAIRS) + "".join(_CLOSERS)) + "]")


def _hit(start: int, end: int, rule: str, suggestion: str, zh: str, en: str) -> Hit:
    return Hit(start, end, Category.PUNCTUATION, rule, suggestion, zh, en, SOURCE, WARNING)


def hits(prose: str, kind: BlockKind) -> list[Hit]:
    found: list[Hit] = []
    numeral_dots = {m.end() - 1 for m in matches(_NUMERAL_DOT, prose, (".",))}
    for match in matches(_NUMERAL_DOT, prose, (".",)):
        found.append(
            _hit(
                match.end() - 1,
                match.end(),
                "punct:numeral-dot",
                "、",
                "标点：汉字序号后用顿号“、”",
                "punctuation: a Chinese ordinal takes “、”",
            )
        )
    for match in matches(_HALF_WIDTH, prose, tuple(",;:?!.")):
        if match.start() in numeral_dots:
            continue
        mark = match.group(0)
        zh, en = _NAMES[mark]
        found.append(
            _hit(
                *match.span(),
                "punct:half-width",
                _FULL[mark],
                f"标点：中文里应用全角{zh}“{_FULL[mark]}”",
                f"punctuation: use the full-width {en} “{_FULL[mark]}” in Chinese text",
            )
        )
    for match in _DOUBLED.finditer(prose):
        if match.group(0).startswith("。。。"):
            continue  # an ellipsis written with full stops: reported as the ellipsis
        found.append(
            _hit(
                *match.span(),
                "punct:doubled",
                match.group(1),
                f"标点：“{match.group(0)}”重复",
                f"punctuation: “{match.group(0)}” doubled",
            )
        )
    for match in matches(_ELLIPSIS, prose, ("。。", "...", "…")):
        found.append(
            _hit(
                *match.span(),
                "punct:ellipsis",
                "……",
                "标点：省略号应为“……”（两个三连点）",
                "punctuation: the ellipsis is “……” (two three-dot marks)",
            )
        )
    for match in matches(_DASH, prose, ("—", "--", "－－")):
        before = re.split(
            r"[，。；：！？、\n\x00]", prose[max(0, match.start() - 8) : match.start()]
        )[-1]
        after = prose[match.end() : match.end() + 10]
        if match.group(0) == "—" and (
            (
                _HAN_CHAR.match(prose[match.start() - 1])
                and _HAN_CHAR.match(prose[match.end()])
                and not (_DASH_AFTER.search(before) or _DASH_BEFORE.match(after))
            )
            or _RANGE.search(before)
            or _RANGE.match(after)
        ):
            continue  # between two words: as likely a connecting mark (中国—东盟) as a dash
        found.append(
            _hit(
                *match.span(),
                "punct:dash",
                "——",
                "标点：破折号应为“——”（两个一字线）",
                "punctuation: the dash is “——” (two em dashes)",
            )
        )
    for match in matches(_ASCII_QUOTE, prose, ('"',)):
        opening = prose.count('"', 0, match.start()) % 2 == 0
        found.append(
            _hit(
                *match.span(),
                "punct:ascii-quote",
                "“" if opening else "”",
                "标点：中文里应用弯引号“”",
                "punctuation: use Chinese quotation marks “” in Chinese text",
            )
        )
    for match in matches(_ASCII_PARENS, prose, ("(",)):
        found.append(
            _hit(
                *match.span(),
                "punct:ascii-parens",
                f"（{match.group(1)}）",
                "标点：中文里应用全角括号“（）”",
                "punctuation: use full-width brackets “（）” in Chinese text",
            )
        )
    found.extend(_unpaired(prose))
    if kind in (BlockKind.PARAGRAPH, BlockKind.LIST, BlockKind.QUOTE, BlockKind.PLAIN):
        found.extend(_spaces(prose))
    return found


def _unpaired(prose: str) -> list[Hit]:
    """Each kind of bracket on its own stack: one that opens and never closes in the block,
    or closes what never opened. An open “ at the end of a block is reported as such: a quote
    running over several paragraphs opens each and closes only the last (the engine decides)."""
    stacks: dict[str, list[int]] = {open_: [] for open_ in _PAIRS}
    stray: list[tuple[int, str]] = []
    for match in _BRACKETS.finditer(prose):
        index, char = match.start(), match.group(0)
        if char in _PAIRS:
            stacks[char].append(index)
        elif char in _CLOSERS:
            opened = stacks[_CLOSERS[char]]
            if opened:
                opened.pop()
            elif not (char == "’" and prose[index + 1 : index + 3].isdigit()):
                stray.append((index, char))  # ’98 is an apostrophe, not a closing quote
    found = [
        _hit(
            index,
            index + 1,
            "punct:unpaired-open-quote" if char == "“" else "punct:unpaired",
            "",
            f"标点：「{char}」没有配对的「{_PAIRS[char]}」",
            f"punctuation: 「{char}」 is never closed by 「{_PAIRS[char]}」",
        )
        for char, opened in stacks.items()
        for index in opened
    ]
    found += [
        _hit(
            index,
            index + 1,
            "punct:unpaired",
            "",
            f"标点：「{char}」前没有配对的「{_CLOSERS[char]}」",
            f"punctuation: 「{char}」 closes a 「{_CLOSERS[char]}」 that was never opened",
        )
        for index, char in stray
    ]
    return found


def _spaces(prose: str) -> list[Hit]:
    found: list[Hit] = []
    for line_start, line in _lines(prose):
        visible = len(line.strip())
        if visible < 20:
            continue  # captions and rosters set names apart with spaces
        for match in matches(_SPACE, line, (" ", "\u3000")):
            if _quoted(line[: match.start()]):
                continue  # a slogan or title quoted as written: "乡村振兴 携手同行"
            if house_style.allowed(line, *match.span()):
                continue
            found.append(
                _hit(
                    line_start + match.start(),
                    line_start + match.end(),
                    "punct:space",
                    "",
                    "标点：汉字之间多了空格",
                    "punctuation: a space between Chinese characters",
                )
            )
    return found


def _quoted(before: str) -> bool:
    """Whether a quotation or a title mark opened before this point is still open."""
    return (
        before.count("“") > before.count("”")
        or before.count("《") > before.count("》")
        or before.count('"') % 2 == 1
    )


def _lines(prose: str) -> list[tuple[int, str]]:
    lines, start = [], 0
    for line in prose.split("\n"):
        lines.append((start, line))
        start += len(line) + 1
    return lines
