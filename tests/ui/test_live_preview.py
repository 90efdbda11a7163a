"""The preview follows typing: changed blocks replaced in the page, no reload, scroll held."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from newsdesk.content import render_wechat
from newsdesk.ui.preview import DEBOUNCE_MS, PreviewPane
from tests.ui.conftest import OpenWindow, type_text, wait_for_preview, write_article

ROOT_HTML = "document.querySelector('.phone > section').outerHTML"


def long_article(paragraphs: int = 60) -> str:
    parts = []
    for i in range(paragraphs):
        parts.append(f"第{i}段：县融媒体中心记者走访了城关镇第{i}村，" + "群众反映良好。" * 12)
        if i % 10 == 5:
            parts.append(
                f"- **要点{i}**：落实责任\n- 详见[县政府网站](https://www.example.gov.cn/{i})"
            )
    return "\n\n".join(parts) + "\n"


def run_js(qtbot: QtBot, pane: PreviewPane, script: str) -> Any:
    answers: list[Any] = []
    pane.view.page().runJavaScript(script, 0, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
    return answers[0]


def test_typing_in_a_paragraph_changes_the_page_in_place(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    assert DEBOUNCE_MS <= 100
    window = open_window("ma")
    write_article(window, "长稿", long_article())
    wait_for_preview(qtbot, window, "第59段")
    pane = window.preview
    with qtbot.waitSignal(pane.live.updated, timeout=10_000):
        pane.render_now()  # the save's own render may still be loading the page
    run_js(qtbot, pane, "window.keptAcrossEdits = 42; true")
    loads: list[bool] = []
    pane.view.loadFinished.connect(loads.append)
    reloads = pane.live.reloads

    editor = window.editor
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("第30段") + 4)
    editor.setTextCursor(cursor)
    with qtbot.waitSignal(pane.live.updated, timeout=10_000):
        type_text(editor, "（更新）")
    qtbot.waitUntil(lambda: "第30段（更新）" in pane.html, timeout=10_000)

    assert loads == [] and pane.live.reloads == reloads  # no reload, no flicker
    assert run_js(qtbot, pane, "window.keptAcrossEdits") == 42
    body, pictures, ending = window._preview_source()
    assert (
        pane.html
        == render_wechat(
            body, theme=pane.theme_name, resolve_image=pictures.get, ending=ending
        ).html
    )
    patched = run_js(qtbot, pane, ROOT_HTML)
    assert "第30段（更新）" in patched
    with qtbot.waitSignal(pane.view.loadFinished, timeout=10_000):
        pane.live._load()  # the same fragment, loaded whole
    assert run_js(qtbot, pane, ROOT_HTML) == patched


def test_scroll_position_holds_while_the_page_changes(qtbot: QtBot) -> None:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(420, 600)
    pane.show()
    body = [long_article(80)]
    pane.set_source(lambda: (body[0], {}, None))
    with qtbot.waitSignal(pane.live.updated, timeout=10_000):
        pane.render_now()
    run_js(qtbot, pane, "window.scrollTo(0, 2000); true")
    assert run_js(qtbot, pane, "window.scrollY") == 2000
    for edit in ("第40段", "第41段", "第2段"):
        body[0] = body[0].replace(edit, edit + "改")
        with qtbot.waitSignal(pane.live.updated, timeout=10_000):
            pane.render_now()
        assert run_js(qtbot, pane, "window.scrollY") == 2000
    assert pane.live.reloads == 1
    assert pane.html == render_wechat(body[0]).html


def test_only_a_theme_or_dark_mode_reloads_the_page(qtbot: QtBot) -> None:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.show()
    body = ["# 标题\n\n正文一段。\n\n第二段。"]
    pane.set_source(lambda: (body[0], {}, None))
    with qtbot.waitSignal(pane.view.loadFinished, timeout=10_000):
        pane.render_now()
    with qtbot.waitSignal(pane.view.loadFinished, timeout=10_000):
        pane.findChild(QWidget, "themeCombo").setCurrentIndex(1)  # type: ignore[attr-defined]
    assert pane.html == render_wechat(body[0], theme=pane.theme_name).html
    with qtbot.waitSignal(pane.view.loadFinished, timeout=10_000):
        pane.findChild(QWidget, "darkModeCheck").setChecked(True)  # type: ignore[attr-defined]
    assert run_js(qtbot, pane, "document.body.className") == "dark"
    body[0] += "\n\n新加的一段。"
    with qtbot.waitSignal(pane.live.updated, timeout=10_000):
        pane.render_now()
    assert pane.live.reloads == 3
    assert "新加的一段" in run_js(qtbot, pane, ROOT_HTML)


def test_a_paragraph_typed_at_the_end_appears_without_a_reload(qtbot: QtBot) -> None:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.show()
    body = ["第一段。"]
    pane.set_source(lambda: (body[0], {}, None))
    with qtbot.waitSignal(pane.live.updated, timeout=10_000):
        pane.render_now()
    for typed in ("\n", "\n", "第", "二", "段", "[链接](https://e.example)", "。"):
        body[0] += typed
        pane.schedule()
        with qtbot.waitSignal(pane.live.updated, timeout=10_000):
            pass
    assert pane.live.reloads == 1
    assert "参考资料" in run_js(qtbot, pane, ROOT_HTML)
    assert pane.html == render_wechat(body[0]).html


def test_a_wide_table_of_numbers_scrolls_in_the_phone_frame(qtbot: QtBot) -> None:
    """docs/wechat-html.md rule 17 in a browser: the numbers stay whole and the table scrolls."""
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(420, 700)
    pane.show()
    header = "| 乡镇 | " + " | ".join(f"{year}年" for year in range(2018, 2025)) + " |"
    row = "| 城关镇 | " + " | ".join("1,286,500" for _ in range(7)) + " |"
    table = f"{header}\n|---|{'---:|' * 7}\n{row}\n"
    pane.set_source(lambda: (table, {}, None))
    with qtbot.waitSignal(pane.live.updated, timeout=10_000):
        pane.render_now()
    measured = run_js(
        qtbot,
        pane,
        """(function () {
          var cell = document.querySelector('td:nth-child(2)');
          var text = document.createRange();
          text.selectNodeContents(cell);  // one box per line the number takes
          var wrap = document.querySelector('.phone > section > section');
          return JSON.stringify([cell.textContent, wrap.scrollWidth > wrap.clientWidth + 100,
                                 text.getClientRects().length]);
        })()""",
    )
    assert json.loads(measured) == ["1,286,500", True, 1]
