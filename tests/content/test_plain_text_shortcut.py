"""Plain paragraphs skip markdown-it's inline parser: the HTML is the same as through it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.content.markdown_html import parser
from tests.content.test_wechat_property import PIECES

TEXT = st.text(st.sampled_from("县委书记，。“”12%:#+-=@{}$ \tab\n!&*<[\\]^_`~|>"), max_size=80)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(TEXT, st.sampled_from(PIECES)), max_size=12))
def test_the_shortcut_changes_nothing(parts: list[str]) -> None:
    markdown = "".join(parts)
    assert parser(True).render(markdown) == parser(False).render(markdown)


def test_chinese_paragraphs_take_the_shortcut() -> None:
    tokens = parser(True).parse("12月21日，县政府带队（完成率61%）：要点#1。\n\n第二段。")
    texts = [t.children for t in tokens if t.type == "inline"]
    assert [[(c.type, c.content) for c in children or []] for children in texts] == [
        [("text", "12月21日，县政府带队（完成率61%）：要点#1。")],
        [("text", "第二段。")],
    ]
