"""Themes are small data files; a newsroom adds its own without touching code."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsdesk.content import ThemeError, available_themes, load_theme, render_wechat
from tests.content.wechat_checks import assert_wechat_ready, parse


def test_three_house_styles_ship_and_differ() -> None:
    assert available_themes()[:1] == ["default"]
    assert {"default", "accent", "longread"} <= set(available_themes())
    rendered = {
        name: render_wechat("## 小标题\n\n正文段落。\n\n> 引用", theme=name).html
        for name in ("default", "accent", "longread")
    }
    for html in rendered.values():
        assert_wechat_ready(html)
    assert len(set(rendered.values())) == 3
    assert load_theme("accent").title_zh == "政务红"


def test_a_newsroom_theme_overrides_only_what_it_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "zhouqu.toml").write_text(
        'name = "舟曲蓝"\n[styles]\nh2 = "font-size:20px; color:#1565c0; margin:1em 0"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("NEWSDESK_THEME_DIR", str(tmp_path))
    assert "zhouqu" in available_themes()
    root = parse(render_wechat("## 标题\n\n正文", theme="zhouqu").html)
    assert "color:#1565c0" in root.find("h2").get("style")
    assert root.find("p").get("style") == load_theme("default").style("p")


@pytest.mark.parametrize(
    ("declaration", "why"),
    [
        ("color:#000", "pure black"),
        ("color: black", "pure black"),
        ("position:fixed", "positioning"),
        ("color:var(--accent)", "CSS variables"),
        ("background:url(https://x.example/a.png)", "url()"),
        ("no colon here", "property: value"),
    ],
)
def test_a_theme_that_breaks_a_wechat_rule_is_refused_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, declaration: str, why: str
) -> None:
    (tmp_path / "bad.toml").write_text(f'[styles]\np = "{declaration}"\n', encoding="utf-8")
    monkeypatch.setenv("NEWSDESK_THEME_DIR", str(tmp_path))
    with pytest.raises(ThemeError, match=why.replace("(", r"\(").replace(")", r"\)")):
        load_theme("bad")


def test_a_white_container_background_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "white.toml").write_text(
        '[styles]\nroot = "background-color:#ffffff"\n', encoding="utf-8"
    )
    monkeypatch.setenv("NEWSDESK_THEME_DIR", str(tmp_path))
    with pytest.raises(ThemeError, match="dark mode"):
        load_theme("white")


def test_unknown_and_unreadable_themes_say_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ThemeError, match="no theme called `nope`"):
        load_theme("nope")
    with pytest.raises(ThemeError, match="not a theme name"):
        load_theme("../etc/passwd")
    (tmp_path / "broken.toml").write_text("[styles\n", encoding="utf-8")
    monkeypatch.setenv("NEWSDESK_THEME_DIR", str(tmp_path))
    with pytest.raises(ThemeError, match="cannot be read"):
        load_theme("broken")


def test_a_theme_file_changed_on_disk_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsdesk.content import themes

    path = tmp_path / "county.toml"
    path.write_text('name = "县蓝"\n[styles]\nh2 = "color:#1565c0"\n', encoding="utf-8")
    monkeypatch.setenv("NEWSDESK_THEME_DIR", str(tmp_path))
    clock = [1000.0]
    monkeypatch.setattr(themes.time, "monotonic", lambda: clock[0])
    assert load_theme("county").style("h2") == "color:#1565c0"
    path.write_text('name = "县红"\n[styles]\nh2 = "color:#c62828"\n', encoding="utf-8")
    os.utime(path, (path.stat().st_atime, path.stat().st_mtime + 5))
    clock[0] += 0.5  # looked at no more than once a second
    assert load_theme("county").style("h2") == "color:#1565c0"
    clock[0] += 1.0
    assert load_theme("county").title_zh == "县红"
    assert load_theme("county").style("h2") == "color:#c62828"
