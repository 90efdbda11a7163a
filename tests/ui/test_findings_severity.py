"""The three grades in the app: the findings list names each (错误/警告/提示 in Chinese), a
hint is blue-grey and italic, quieter than a warning in its category's colour, and its underline in
the editor is the faintest: dots in a pale tint, where a warning has dots in the full colour and
an error a wave on a tint."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat
from pytestqt.qtbot import QtBot

from newsdesk.content.proofreading import Packs, Proofreader
from newsdesk.ui.editor import Mark, MarkdownEditor
from newsdesk.ui.findings_panel import CATEGORY_COLOURS, HINT_COLOUR, FindingsPanel

# 布署: an error; the half-width comma: a warning; 最佳 in news copy: a hint.
BODY = "全县布署秋收工作,当前正是秋收的最佳时机。\n"


def test_the_list_names_each_grade_and_a_hint_is_the_quietest(qtbot: QtBot) -> None:
    findings = Proofreader(Packs.shipped((), ("最佳",))).check({"body": BODY})
    assert [f.severity for f in findings] == ["error", "warning", "hint"]
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.show_findings(findings, {})
    items = [panel.list.item(row) for row in range(panel.list.count())]
    assert [item.text().split("｜")[0] for item in items] == ["Error", "Warning", "Hint"]
    _, warning, hint = items
    assert warning.foreground().color() == QColor(CATEGORY_COLOURS[findings[1].category])
    assert hint.foreground().color() == QColor(HINT_COLOUR) and hint.font().italic()
    assert not warning.font().italic()
    assert panel.summary.text() == ("Proofreading — errors: 1, warnings: 1, hints: 1, dismissed: 0")


def _underline(
    editor: MarkdownEditor, position: int
) -> tuple[QTextCharFormat.UnderlineStyle, QColor]:
    block = editor.document().findBlock(position)
    for layout_format in block.layout().formats():
        start = block.position() + layout_format.start
        if start <= position < start + layout_format.length:
            fmt = layout_format.format
            return fmt.underlineStyle(), QColor(fmt.underlineColor())
    raise AssertionError(f"nothing drawn at {position}")


def test_a_hint_has_the_faintest_underline(qtbot: QtBot) -> None:
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.setPlainText(BODY)
    colour = "#f9a825"
    editor.mark(
        [
            Mark(2, 4, colour, error=True),
            Mark(8, 9, colour, error=False),
            Mark(16, 18, colour, error=False, hint=True),
        ]
    )
    error, warning, hint = (_underline(editor, p) for p in (2, 8, 16))
    assert error[0] == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert warning == (QTextCharFormat.UnderlineStyle.DotLine, QColor(colour))
    assert hint[0] == QTextCharFormat.UnderlineStyle.DotLine
    assert hint[1].lightness() > warning[1].lightness()
