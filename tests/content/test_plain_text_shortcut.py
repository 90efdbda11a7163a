"""The parser's two fast paths (a one-line paragraph no other block rule can claim; text without
markup skips the inline parser) give the tokens and HTML of markdown-it without them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.token import Token

from newsdesk.content.markdown_html import parser
from tests.content.test_wechat_property import PIECES

TEXT = st.text(st.sampled_from("县委书记，。“”12%:#+-=@{}$ \tab\n!&*<[\\]^_`~|>.)0９"), max_size=80)
LINE_STARTS = [
    "\n", "\n\n", "\n    ", "\n  ", "\n1) ", "\n2024年", "\n12.5", "\n***", "\n___", "\n=",
    "\n* * *", "\n- - -", "\n_ _ _", "\n#话题#", "\n# ", "\n#\t", "\n**导语**", "\n*强调*", "\n+ ",
    "\n+x", "\n-x", "\n```", "\n``x", "\n~~~", "\n~x", "\n|", "\n:", "\n---", "\n===", "\n> ",
    "\n\t", "\n     ", "\n    ```", "\n    # ", "\n    - ", "\n\t1. ", "\n    <div>",
]  # fmt: skip


def _shape(tokens: list[Token]) -> list[object]:
    return [
        (t.type, t.tag, t.nesting, t.map, t.content, t.block, _shape(t.children or []))
        for t in tokens
    ]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.one_of(TEXT, st.sampled_from(PIECES + LINE_STARTS)), max_size=14))
def test_the_shortcuts_change_nothing(parts: list[str]) -> None:
    markdown = "".join(parts)
    fast, plain = parser(True), parser(False)
    assert _shape(fast.parse(markdown)) == _shape(plain.parse(markdown))
    assert fast.render(markdown) == plain.render(markdown)


def test_chinese_paragraphs_take_the_shortcuts() -> None:
    md = parser(True)
    tokens = md.parse("12月21日，县政府带队（完成率61%）：要点#1。\n\n第二段。")
    texts = [t.children for t in tokens if t.type == "inline"]
    assert [[(c.type, c.content) for c in children or []] for children in texts] == [
        [("text", "12月21日，县政府带队（完成率61%）：要点#1。")],
        [("text", "第二段。")],
    ]
    claimed = []
    rule = md.block.ruler.getRules("")[0]
    for source in ("第二段。\n", "2024年全县\n", "1. 一\n", "- 一\n", "# 题\n", "甲\n乙\n"):
        state = StateBlock(source, md, {}, [])
        claimed.append(rule(state, 0, state.lineMax, True))
    assert claimed == [True, True, False, False, False, False]
