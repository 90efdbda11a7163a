"""The allow-list is skipped only where it would change nothing: the fragment is the same as
when it always runs."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.content import Renderer, render_wechat, sanitise
from newsdesk.content.markdown_html import parser
from tests.content.test_wechat_property import PIECES

URLS = [
    "https://example.com/p?a=1&b=2", "http://a.b:8080/x#y", "HTTP://A.COM", "//evil.com/a",
    "javascript:alert(1)", "JavaScript:alert(1)", "vbscript:x", "a:b", "foo/bar:baz",
    "http://exa%20mple.com/a", "http://xn--zz/", "http://XN--zz.com/", "http://xn--fiqs8s/",
    "http://例子.中国/", "http://[::1]/", "http://a.com:99999/", "http://999.1.1.1/",
    "http://1.2.3.4/", "http://0x7f.1/", "http://a_b.com/", "http://-a-.com/", "http://a..b/",
    "http://user:pw@host.com/", "mailto:a@b.cn", "MAILTO:a@b.cn", "data:image/png;base64,iVBO",
    "file:///etc/passwd", "irc://x", "", "#fn1", "pic.png", "./图片/1.jpg", "%3A", "http:x",
    "https://", "http://.com", "http://a.b\\c", "http://a.b/ c", "<http://a b/>", "tel:110",
]  # fmt: skip
LINKS = [f"[文]({url})" for url in URLS] + [f"![图]({url})" for url in URLS]
AUTOLINKS = ["<http://b.c>", "<mailto:a@b.cn>", "<irc://x.y>", "<javascript:x>", "<HTTP://A.B>"]
FENCES = [
    "\n```c++ x\n", "\n```中文\n", "\n```a\"b\n", "\n```c\\+\\+\n", "\n```&lt;x\n",
    f"\n```{'x' * 41}\n", "\n``` python\n", "\n~~~js{1}\n",
]  # fmt: skip
NESTED = ["[甲 <http://b.c> 乙](http://e.f)", "[甲 [乙](c) 丙](e)", "[![图](x.png)](http://y.z)"]
SOURCES = st.lists(st.sampled_from(PIECES + LINKS + AUTOLINKS + FENCES + NESTED), max_size=24)


def _both(markdown: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    fast = render_wechat(markdown).html
    with monkeypatch.context() as patched:
        patched.setattr(sanitise, "needs_cleaning", lambda tokens: True)
        cleaned = render_wechat(markdown).html
    return fast, cleaned


@settings(
    max_examples=600,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(pieces=SOURCES)
def test_skipping_the_allow_list_changes_nothing(
    pieces: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fast, cleaned = _both("".join(pieces), monkeypatch)
    assert fast == cleaned


@pytest.mark.parametrize("markdown", LINKS + AUTOLINKS + FENCES + NESTED)
def test_each_risky_construct_alone(markdown: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, cleaned = _both(markdown + "\n\n正文。\n", monkeypatch)
    assert fast == cleaned


def _skipped(markdown: str) -> bool:
    return not sanitise.needs_cleaning(parser().parse(markdown))


def test_everyday_copy_skips_it_and_the_rest_does_not() -> None:
    assert _skipped("**导语**：全县[通报](https://www.example.gov.cn/a.html)[^1]。\n\n[^1]: 注。\n")
    assert _skipped(
        "![图](images/1.jpg)\n\n```python\nx = 1\n```\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n"
    )
    assert not _skipped("正文<br>换行")
    assert not _skipped("[文](javascript:alert(1))")
    assert not _skipped("[文](http://999.1.1.1/)")
    assert not _skipped("[甲 <http://b.c> 乙](http://e.f)")
    assert not _skipped("```c<x\ny\n```")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SOURCES, min_size=1, max_size=4))
def test_the_incremental_renderer_agrees(edits: list[list[str]]) -> None:
    renderer = Renderer()
    for pieces in edits:
        markdown = "\n\n".join(pieces)
        assert renderer.render(markdown).html == render_wechat(markdown).html
