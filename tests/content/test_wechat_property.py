"""Whatever the Markdown, the fragment obeys docs/wechat-html.md rules 1-5 (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.content import render_wechat
from tests.content.test_wechat_rules import HOSTILE
from tests.content.wechat_checks import assert_wechat_ready

PIECES = [
    "县委书记", "**加粗**", "*斜体*", "~~删除~~", "`code  x`", "“引号”", "——", "😀", "a & b < c",
    "[链接](https://example.com/p?a=1&b=2)", "[微信](https://mp.weixin.qq.com/s/x)",
    "[锚](#a)", "![图](missing.png)", "![远程](https://example.com/a.jpg)", "[^1]", "  \n", "\\\n",
    "\n", "\n\n", "\n- ", "\n  - ", "\n    - ", "\n1. ", "\n   2. ", "\n> ", "\n> > ", "\n## ",
    "\n```\n", "\n```python\n", "\t", "    ", "\n| a | b |\n|---|--:|\n| 1 | 2 |\n", "\n---\n",
    "- [ ] ", "- [x] ", "<br>", "<p>", "</p>", "<div>", "</div>", "<span>", "<ul><li>",
    "</li></ul>", "<table><tr><td>", "</td></tr></table>", "&nbsp;", "&#60;", "\n[^1]: 注释\n",
    *HOSTILE,
]  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(PIECES), max_size=40),
    st.sampled_from(["default", "accent", "longread"]),
)
def test_any_markdown_gives_a_wechat_ready_fragment(pieces: list[str], theme: str) -> None:
    result = render_wechat("".join(pieces), theme=theme)
    assert_wechat_ready(result.html)
    for bad in ("<script", "<iframe", "<input"):
        assert bad not in result.html.lower()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_breaks_the_renderer(source: str) -> None:
    assert_wechat_ready(render_wechat(source).html)
