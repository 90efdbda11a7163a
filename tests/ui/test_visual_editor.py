"""The visual editor (所见即所得) driven as a writer drives it: keys, commands, paste, an input
method. The Markdown stays the record: what was not touched keeps its exact bytes."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from PySide6.QtCore import QEvent, QMimeData, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QImage,
    QInputMethodEvent,
    QKeyEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from newsdesk.content.block_model import split_article
from newsdesk.ui.visual import VisualEditor, guard
from tests.content.test_block_model import SAMPLES
from tests.content.test_incremental import ALL_BLOCKS


def jpeg(colour: str = "red", size: tuple[int, int] = (64, 48)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG")
    return out.getvalue()


PHOTO = jpeg()
REF = "media/" + "a" * 64 + ".jpg"
ARTICLE = (
    "## 一、春耕进展\n\n"
    "3月18日，县政府召开**春季农业生产**会议。\n\n"
    f'![会议现场]({REF} "会议现场")\n\n'
    "- 落实播种面积\n  - 优化种植结构\n- 加强农资监管\n\n"
    "> 会议要求，确保信息畅通。\n\n"
    "| 乡镇 | 面积 |\n| --- | ---: |\n| 城关镇 | 1.8 |\n\n"
    "```python\nprint('你好')\n```\n\n"
    "详见[县政府网站](https://www.example.gov.cn/a.html)，数据见脚注[^1]。\n\n"
    "[^1]: 县统计局月报。\n"
)


@pytest.fixture
def editor(qtbot: QtBot) -> Iterator[VisualEditor]:
    widget = VisualEditor()
    qtbot.addWidget(widget)
    widget.resize(700, 800)
    widget.show()
    stored: dict[str, bytes] = {}

    def store(data: bytes) -> str:
        ref = f"media/{len(stored):064d}.png"
        stored[ref] = data
        return ref

    widget.store_picture = store
    widget.set_markdown(ARTICLE, {REF: PHOTO})
    yield widget


def blocks_of(markdown: str) -> list[str]:
    return [b.source for b in split_article(markdown).blocks]


def changed_blocks(before: str, after: str) -> list[str]:
    old = set(blocks_of(before))
    return [b for b in blocks_of(after) if b not in old]


def cursor_at(editor: VisualEditor, text: str, *, end: bool = True) -> None:
    """The cursor right after (or before) the first `text` in the document."""
    found = editor.document().find(text)
    assert not found.isNull(), text
    cursor = QTextCursor(found)
    cursor.setPosition(found.selectionEnd() if end else found.selectionStart())
    editor.setTextCursor(cursor)


def select(editor: VisualEditor, text: str) -> None:
    found = editor.document().find(text)
    assert not found.isNull(), text
    editor.setTextCursor(found)


def key(
    editor: VisualEditor,
    name: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(editor, QKeyEvent(kind, name, modifiers, ""))


# --- the record -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_source_to_visual_to_source_is_byte_identical(qtbot: QtBot, path: Path) -> None:
    widget = VisualEditor()
    qtbot.addWidget(widget)
    text = path.read_bytes().decode("utf-8")
    widget.set_markdown(text)
    assert widget.markdown() == text
    assert widget.touched() == []


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_block_reads_back_from_the_editor_as_it_was_read_from_the_source(
    qtbot: QtBot, path: Path
) -> None:
    """What an untouched block reads back as is what an edit is compared with: were every
    block reached by some edit and restored, the article would still be byte-identical."""
    widget = VisualEditor()
    qtbot.addWidget(widget)
    text = path.read_bytes().decode("utf-8")
    widget.set_markdown(text)
    widget._dirty = set(range(len(split_article(text).blocks)))  # as if each were edited back
    assert widget.markdown() == text


def test_the_article_is_shown_as_the_writer_will_see_it(editor: VisualEditor) -> None:
    document = editor.document()
    heading = document.findBlockByNumber(0)
    assert heading.text() == "一、春耕进展" and heading.blockFormat().headingLevel() == 2
    text = document.toPlainText()
    for markup in ("**", "##", "![", "](", "| ---", "[^1]:"):
        if markup == "[^1]:":
            assert markup in text  # the footnote's definition: a locked block, shown as it is
        else:
            assert markup not in text, markup
    assert "〔图片缺失〕" not in text
    lists = [b for b in _blocks(editor) if b.textList() is not None]
    assert [b.textList().format().indent() for b in lists] == [1, 2, 1]
    tables = [
        b for b in _blocks(editor) if document.frameAt(b.position()) is not document.rootFrame()
    ]
    assert {b.text() for b in tables} == {"乡镇", "面积", "城关镇", "1.8"}


def _blocks(editor: VisualEditor) -> list:  # type: ignore[type-arg]
    out, block = [], editor.document().begin()
    while block.isValid():
        out.append(block)
        block = block.next()
    return out


def test_typing_in_a_paragraph_rewrites_only_that_paragraph(editor: VisualEditor) -> None:
    cursor_at(editor, "会议。")
    editor.type_text("全县共有12个乡镇参加。")
    after = editor.markdown()
    assert changed_blocks(ARTICLE, after) == [
        "3月18日，县政府召开**春季农业生产**会议。全县共有12个乡镇参加。\n\n"
    ]
    assert after.replace("全县共有12个乡镇参加。", "") == ARTICLE
    assert editor.touched() == [1]


def test_a_new_paragraph_after_enter_leaves_its_neighbours_alone(editor: VisualEditor) -> None:
    cursor_at(editor, "信息畅通。")
    key(editor, Qt.Key.Key_Down)
    cursor_at(editor, "会议。")
    editor.type_text("\n新的一段，*不是*斜体。")
    after = editor.markdown()
    assert changed_blocks(ARTICLE, after) == ["新的一段，\\*不是\\*斜体。\n\n"]
    assert after == ARTICLE.replace("会议。\n\n", "会议。\n\n新的一段，\\*不是\\*斜体。\n\n", 1)


def test_typing_at_the_end_of_the_article(editor: VisualEditor) -> None:
    editor.move_to_end()
    key(editor, Qt.Key.Key_Up)  # out of the locked footnote
    editor.move_to_end()
    cursor_at(editor, "数据见脚注")
    editor.moveCursor(QTextCursor.MoveOperation.EndOfBlock)
    editor.type_text("\n#话题# 春耕")
    after = editor.markdown()
    assert "\n\n#话题# 春耕\n\n[^1]: 县统计局月报。\n" in after
    assert changed_blocks(ARTICLE, after) == ["#话题# 春耕\n\n"]


def test_undo_brings_back_the_exact_bytes(editor: VisualEditor) -> None:
    cursor_at(editor, "会议。")
    editor.type_text("补充")
    assert editor.markdown() != ARTICLE
    while editor.document().isUndoAvailable():
        editor.undo()
    assert editor.markdown() == ARTICLE
    editor.redo()
    assert editor.markdown() != ARTICLE


def test_a_footnote_reference_survives_an_edit_of_its_paragraph(editor: VisualEditor) -> None:
    cursor_at(editor, "数据见脚注")
    editor.type_text("（2024年）")
    after = editor.markdown()
    assert (
        "详见[县政府网站](https://www.example.gov.cn/a.html)，数据见脚注（2024年）[^1]。\n\n"
        in after
    )


# --- constructs: made, edited, removed ----------------------------------------------------------


def test_bold_made_and_removed(editor: VisualEditor) -> None:
    select(editor, "县政府召开")
    editor.apply("bold")
    assert "3月18日，**县政府召开春季农业生产**会议。" in editor.markdown()
    select(editor, "县政府召开春季农业生产")
    editor.apply("bold")
    assert "3月18日，县政府召开春季农业生产会议。\n" in editor.markdown()


def test_ctrl_b_and_ctrl_i_as_in_word(editor: VisualEditor) -> None:
    select(editor, "县政府召开")
    key(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert "3月18日，**县政府召开春季农业生产**会议。" in editor.markdown()
    select(editor, "3月18日")
    key(editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert "\n*3月18日*，**县政府召开春季农业生产**会议。" in editor.markdown()


def test_quotes_and_locked_blocks_take_their_shade_from_the_palette(qtbot: QtBot) -> None:
    from newsdesk.ui import i18n

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.apply_color_scheme("dark")
    try:
        widget = VisualEditor()
        qtbot.addWidget(widget)
        widget.set_markdown("> 引用\n\n```\ncode\n```\n")
        quote, locked = widget.document().begin(), widget.document().lastBlock()
        dark = QColor("#2a2b2e")
        assert quote.blockFormat().background().color() == dark
        assert locked.blockFormat().background().color() == dark
    finally:
        i18n.apply_color_scheme("")


def test_bold_for_what_is_typed_next(editor: VisualEditor) -> None:
    cursor_at(editor, "会议。")
    editor.apply("bold")
    editor.type_text("加粗")
    assert "会议。**加粗**\n" in editor.markdown()


def test_heading_made_edited_and_removed(editor: VisualEditor) -> None:
    cursor_at(editor, "会议。")
    editor.apply("heading")
    assert "\n## 3月18日，县政府召开春季农业生产会议。\n" in editor.markdown()
    editor.type_text("（续）")
    assert "\n## 3月18日，县政府召开春季农业生产会议。（续）\n" in editor.markdown()
    editor.apply("heading")
    assert "\n3月18日，县政府召开春季农业生产会议。（续）\n" in editor.markdown()
    cursor_at(editor, "春耕进展")
    editor.type_text("顺利")
    editor.type_text("\n正文")
    after = editor.markdown()
    assert after.startswith("## 一、春耕进展顺利\n\n正文\n\n")


def test_quote_made_and_removed(editor: VisualEditor) -> None:
    cursor_at(editor, "会议。")
    editor.apply("quote")
    assert "\n> 3月18日，县政府召开**春季农业生产**会议。\n" in editor.markdown()
    cursor_at(editor, "信息畅通。")
    editor.apply("quote")
    assert "\n会议要求，确保信息畅通。\n" in editor.markdown()


def test_lists_made_edited_nested_and_removed(editor: VisualEditor) -> None:
    cursor_at(editor, "会议。")
    editor.apply("bullet_list")
    assert "\n- 3月18日，县政府召开**春季农业生产**会议。\n" in editor.markdown()
    editor.apply("bullet_list")
    assert "\n3月18日，县政府召开**春季农业生产**会议。\n" in editor.markdown()
    cursor_at(editor, "优化种植结构")
    editor.type_text("\n推广地膜覆盖")
    after = editor.markdown()
    assert "- 落实播种面积\n  - 优化种植结构\n  - 推广地膜覆盖\n- 加强农资监管\n\n" in after
    assert changed_blocks(ARTICLE, after) == [
        "- 落实播种面积\n  - 优化种植结构\n  - 推广地膜覆盖\n- 加强农资监管\n\n"
    ]
    cursor_at(editor, "加强农资监管")
    editor.type_text("\n\n列表后的段落")
    assert "- 加强农资监管\n\n列表后的段落\n\n> 会议要求" in editor.markdown()
    cursor_at(editor, "会议。")
    editor.apply("numbered_list")
    assert "\n1. 3月18日" in editor.markdown()


def test_picture_shown_from_the_media_with_an_editable_caption(
    qtbot: QtBot, editor: VisualEditor
) -> None:
    picture = next(b for b in _blocks(editor) if b.text() == "\ufffc")
    image = next(iter(picture)).fragment().charFormat().toImageFormat()
    assert image.name() == REF and (image.width(), image.height()) == (64, 48)

    def shown() -> QImage:
        resource = editor.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(REF))
        assert isinstance(resource, QImage)
        return resource

    # decoded once the article is open: red, as the stored JPEG is
    qtbot.waitUntil(lambda: shown().width() == 64)
    assert shown().pixelColor(32, 24).red() > 200
    cursor_at(editor, "会议现场")
    editor.type_text("（摄影：李明）")
    assert f'![会议现场（摄影：李明）]({REF} "会议现场（摄影：李明）")' in editor.markdown()


def test_picture_inserted_and_removed(editor: VisualEditor) -> None:
    cursor_at(editor, "会议。")
    assert editor.insert_picture(jpeg("blue"), "新照片")
    after = editor.markdown()
    ref = "media/" + "0" * 64 + ".png"
    assert f"会议。\n\n![新照片]({ref})\n\n![会议现场]" in after
    # Backspace on the picture removes it with its caption, as Word does
    picture = next(b for b in _blocks(editor) if b.text() == "\ufffc")
    cursor = QTextCursor(picture)
    editor.setTextCursor(cursor)
    key(editor, Qt.Key.Key_Delete)
    assert editor.markdown() == ARTICLE


def test_a_locked_block_takes_no_typing_and_is_never_lost(editor: VisualEditor) -> None:
    cursor_at(editor, "print(", end=True)
    editor.type_text("x")
    assert editor.markdown() == ARTICLE
    # a selection reaching into it from outside deletes nothing
    cursor = editor.textCursor()
    cursor_at(editor, "城关镇")
    cursor = editor.document().find("print(")
    start = editor.document().find("信息畅通").selectionStart()
    cursor.setPosition(start, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    key(editor, Qt.Key.Key_Delete)
    assert editor.markdown() == ARTICLE
    # removed whole when the writer means it
    cursor_at(editor, "print(")
    key(editor, Qt.Key.Key_Backspace)
    assert "```" not in editor.markdown()
    editor.undo()
    assert editor.markdown() == ARTICLE


def test_table_made_filled_with_tab_and_rows_and_columns_changed(editor: VisualEditor) -> None:
    cursor_at(editor, "会议。")
    editor.apply("table")
    editor.type_text("城关")
    key(editor, Qt.Key.Key_Tab)
    editor.type_text("12")
    key(editor, Qt.Key.Key_Tab)  # past the last cell: a new row
    editor.type_text("大川")
    assert (
        "会议。\n\n| Column | Column |\n| --- | --- |\n| 城关 | 12 |\n| 大川 | |\n\n!["
        in editor.markdown()
    )
    editor.apply("add_column")  # after the cursor's column, the cursor in it
    editor.type_text("新")
    assert (
        "| Column | | Column |\n| --- | --- | --- |\n| 城关 | | 12 |\n| 大川 | 新 | |"
        in editor.markdown()
    )
    editor.apply("remove_column")
    editor.apply("remove_row")
    assert "| Column | Column |\n| --- | --- |\n| 城关 | 12 |\n\n![" in editor.markdown()
    # the loaded table: an edit keeps its column's alignment
    cursor_at(editor, "1.8")
    editor.type_text("0")
    assert "| 乡镇 | 面积 |\n| --- | ---: |\n| 城关镇 | 1.80 |\n" in editor.markdown()
    editor.apply("add_row")
    editor.type_text("大川镇")
    assert "| 城关镇 | 1.80 |\n| 大川镇 | |\n" in editor.markdown()


def test_rule_made_and_removed(editor: VisualEditor) -> None:
    cursor_at(editor, "会议。")
    editor.apply("rule")
    assert "会议。\n\n---\n\n![会议现场]" in editor.markdown()
    rule = next(
        b
        for b in _blocks(editor)
        if b.blockFormat().hasProperty(0x100000 + 2)
        and b.text() == ""
        and b.blockFormat().property(0x100000 + 2) == "rule"
    )
    editor.setTextCursor(QTextCursor(rule))
    key(editor, Qt.Key.Key_Backspace)
    assert editor.markdown() == ARTICLE


# --- paste ------------------------------------------------------------------------------------------

WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset="utf-8">
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; font-size:10.5pt;
font-family:等线;} --></style></head><body lang=ZH-CN>
<!--StartFragment-->
<h2 style='mso-outline-level:2'><span style='font-family:黑体;mso-ascii-font-family:黑体'>二、防汛准备</span></h2>
<p class=MsoNormal style='text-indent:21.0pt;mso-char-indent-count:2.0'><span
style='font-family:仿宋_GB2312'>　　各乡镇要<b><span style='mso-bidi-font-weight:normal'>排查</span></b><b>隐患点</b>，落实监测责任人。<o:p></o:p></span></p>
<p class=MsoListParagraph style='margin-left:21.0pt;text-indent:-21.0pt;mso-list:l0 level1 lfo1'>
<ul style='margin-top:0cm' type=disc><li class=MsoNormal style='mso-list:l0 level1 lfo1'><span>值班值守</span></li>
<li class=MsoNormal style='mso-list:l0 level1 lfo1'><span>物资储备</span></li></ul>
<table class=MsoTableGrid border=1 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
<tr style='mso-yfti-irow:0'><td width=200 style='mso-border-alt:solid windowtext .5pt'><p class=MsoNormal><span>乡镇</span></p></td>
<td width=200><p class=MsoNormal><span>隐患点</span></p></td></tr>
<tr><td><p class=MsoNormal>城关镇</p></td><td><p class=MsoNormal>12</p></td></tr></table>
<p class=MsoNormal><a href="https://www.example.gov.cn/yjj/plan.html"><span style='color:blue'>防汛预案</span></a></p>
<!--EndFragment--></body></html>"""

GZH_HTML = """<section style="margin: 0px; padding: 0px; max-width: 100%; box-sizing: border-box;">
<section style="text-align: center;"><h1 style="font-size: 20px;"><span style="color: rgb(171, 25, 66);">
<strong>乡村振兴看变化</strong></span></h1></section>
<p style="text-indent: 2em; line-height: 1.75em;"><span style="font-size: 15px; letter-spacing: 1px;">
<span style="color: rgb(62, 62, 62);">走进</span><strong><span style="color: rgb(171, 25, 66);">城关镇</span></strong><span>，一派繁忙景象。</span></span></p>
<section style="text-align:center;"><img class="rich_pages wxw-img" data-src="https://mmbiz.qpic.cn/mmbiz_jpg/abc/640"
src="https://mmbiz.qpic.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg" style="width: 100% !important;"></section>
<section><span style="font-size: 14px;"><ol><li><p><span>第一项</span></p></li><li><p>第二项</p></li></ol></span></section>
<p style="text-align: center;"><img src="data:image/png;base64,PNGDATA"></p>
</section>"""


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(out, "PNG")
    return out.getvalue()


def test_paste_from_word_keeps_structure_and_loses_styles(editor: VisualEditor) -> None:
    cursor_at(editor, "会议。")
    mime = QMimeData()
    mime.setHtml(WORD_HTML)
    mime.setText("二、防汛准备")
    editor.paste(mime)
    after = editor.markdown()
    pasted = changed_blocks(ARTICLE, after)
    assert pasted == [
        "## 二、防汛准备\n\n",
        "各乡镇要**排查隐患点**，落实监测责任人。\n\n",
        "- 值班值守\n- 物资储备\n\n",
        "| 乡镇 | 隐患点 |\n| --- | --- |\n| 城关镇 | 12 |\n\n",
        "[防汛预案](https://www.example.gov.cn/yjj/plan.html)\n\n",
    ]
    for style in ("mso-", "font-family", "style=", "<span"):
        assert style not in after
    assert after.startswith(ARTICLE.split("![")[0].rstrip("\n"))


def test_paste_from_a_wechat_article_keeps_structure_and_stores_pictures(
    editor: VisualEditor,
) -> None:
    cursor_at(editor, "会议。")
    mime = QMimeData()
    mime.setHtml(GZH_HTML.replace("PNGDATA", base64.b64encode(_png()).decode()))
    editor.paste(mime)
    pasted = changed_blocks(ARTICLE, editor.markdown())
    stored = "media/" + "0" * 64 + ".png"
    assert pasted == [
        "# 乡村振兴看变化\n\n",
        "走进**城关镇**，一派繁忙景象。\n\n",
        "![](https://mmbiz.qpic.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg)\n\n",
        "1. 第一项\n2. 第二项\n\n",
        f"![]({stored})\n\n",
    ]


def test_one_pasted_line_joins_the_paragraph(editor: VisualEditor) -> None:
    cursor_at(editor, "会议。")
    mime = QMimeData()
    mime.setHtml("<p style='color:red'>（<b>来源</b>：县委办）</p>")
    editor.paste(mime)
    assert "会议。（**来源**：县委办）\n" in editor.markdown()


def test_a_pasted_picture_is_stored_like_any_picture(editor: VisualEditor) -> None:
    cursor_at(editor, "会议。")
    mime = QMimeData()
    from PySide6.QtGui import QImage

    mime.setImageData(QImage.fromData(_png()))
    editor.paste(mime)
    assert f"会议。\n\n![](media/{'0' * 64}.png)\n\n![会议现场]" in editor.markdown()


# --- input method ---------------------------------------------------------------------------------


def test_input_method_preedit_in_place_then_committed_once(editor: VisualEditor) -> None:
    cursor_at(editor, "会议。")
    editor.setFocus()
    seen: list[None] = []
    editor.changed.connect(lambda: seen.append(None))
    preedit = QInputMethodEvent("chun'geng", [])
    QApplication.sendEvent(editor, preedit)
    block = editor.textCursor().block()
    assert block.layout().preeditAreaText() == "chun'geng"
    assert editor.markdown() == ARTICLE and not seen  # nothing written while composing
    commit = QInputMethodEvent()
    commit.setCommitString("春耕")
    QApplication.sendEvent(editor, commit)
    assert block.layout().preeditAreaText() == ""
    after = editor.markdown()
    assert after.count("春耕") == ARTICLE.count("春耕") + 1
    assert "会议。春耕\n" in after
    assert seen


@pytest.mark.parametrize("where", ["城关镇", "会议现场", "县政府网站", "召开**"])
def test_input_method_in_a_cell_a_caption_at_a_link_and_after_bold(
    editor: VisualEditor, where: str
) -> None:
    if where == "召开**":
        cursor_at(editor, "会议。", end=False)
        editor.apply("bold")
    else:
        cursor_at(editor, where)
    for event in (QInputMethodEvent("xin", []), QInputMethodEvent("xinde", [])):
        QApplication.sendEvent(editor, event)
    commit = QInputMethodEvent()
    commit.setCommitString("新")
    QApplication.sendEvent(editor, commit)
    assert editor.document().toPlainText().count("新") == 1  # committed once, pre-edit gone
    changed = changed_blocks(ARTICLE, editor.markdown())
    assert len(changed) == 1 and "新" in changed[0]


def test_a_new_table_speaks_chinese_on_a_chinese_desktop(editor: VisualEditor) -> None:
    from newsdesk.ui import i18n

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install(app, i18n.ZH)
    try:
        cursor_at(editor, "会议。")
        editor.apply("table")
        assert "会议。\n\n| 列 | 列 |\n| --- | --- |\n| | |\n\n![" in editor.markdown()
    finally:
        i18n.install(app, i18n.EN)


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.sampled_from(ALL_BLOCKS), st.sampled_from(["\n\n", "\n", "\n\n\n", ""])),
        max_size=12,
    )
)
def test_any_markdown_comes_back_byte_identical(qtbot: QtBot, parts: list[tuple[str, str]]) -> None:
    text = "".join(block + gap for block, gap in parts)
    widget = VisualEditor()
    qtbot.addWidget(widget)
    widget.set_markdown(text)
    assert widget.markdown() == text
    widget._dirty = set(range(len(split_article(text).blocks)))  # as if each were edited back
    assert widget.markdown() == text
    # and an edit at the end touches only what it touched
    widget.move_to_end()
    if guard.typing_allowed(widget.textCursor()):
        widget.type_text("尾")
        after = widget.markdown()
        assert after.count("尾") == text.count("尾") + 1
        article = split_article(text)
        kept = article.lead + "".join(b.source for b in article.blocks[:-1])
        assert after.startswith(kept)


# --- 三校 in visual mode ------------------------------------------------------------------------


def test_proofreading_findings_underlined_where_their_words_are_shown(editor: VisualEditor) -> None:
    from newsdesk.content.proofreading import Packs, Proofreader
    from newsdesk.ui.editor import Mark

    cursor_at(editor, "会议。")
    editor.type_text("各乡镇要做好防犯工作。")
    text = editor.markdown()
    findings = [f for f in Proofreader(Packs.shipped()).check_text(text) if f.text == "防犯"]
    assert findings, "the shipped packs know 防犯→防范"
    marks = [Mark(f.start, f.end) for f in findings]
    editor.mark(marks)
    assert editor.markdown() == text  # underlines change nothing
    [underline] = editor.extraSelections()
    assert underline.cursor.selectedText() == "防犯"
    assert underline.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    # the findings panel jumps to it, 采纳建议 replaces it, one block rewritten
    assert editor.select_span(findings[0].start, findings[0].end)
    assert editor.textCursor().selectedText() == "防犯"
    assert editor.replace_span(findings[0].start, findings[0].end, "防犯", "防范")
    after = editor.markdown()
    assert "各乡镇要做好防范工作。" in after
    assert changed_blocks(ARTICLE, after) == [
        "3月18日，县政府召开**春季农业生产**会议。各乡镇要做好防范工作。\n\n"
    ]


def test_a_finding_after_markup_lands_on_its_words(editor: VisualEditor) -> None:
    from newsdesk.ui.editor import Mark

    text = editor.markdown()
    for words in ("会议", "优化种植结构", "城关镇", "县政府网站", "会议现场"):
        start = text.index(words)
        editor.mark([Mark(start, start + len(words))])
        [underline] = editor.extraSelections()
        assert underline.cursor.selectedText() == words
    start = text.index("县统计局")  # in a locked block: shown as it is, found too
    assert editor.select_span(start, start + 4)
    assert editor.textCursor().selectedText() == "县统计局"


def test_around_a_picture_as_in_word(editor: VisualEditor) -> None:
    # typing on the picture itself does nothing; Enter after its caption starts a paragraph
    picture = next(b for b in _blocks(editor) if b.text() == "\ufffc")
    editor.setTextCursor(QTextCursor(picture))
    editor.type_text("字")
    assert editor.markdown() == ARTICLE
    cursor_at(editor, "会议现场")
    editor.type_text("\n图片下的新段落")
    after = editor.markdown()
    assert f'![会议现场]({REF} "会议现场")\n\n图片下的新段落\n\n- 落实' in after
    assert changed_blocks(ARTICLE, after) == ["图片下的新段落\n\n"]
    # Backspace at the start of the paragraph after a caption does not merge it in
    cursor_at(editor, "图片下的新段落", end=False)
    key(editor, Qt.Key.Key_Backspace)
    assert editor.markdown() == after


def test_typing_inside_a_link_keeps_it_a_link(editor: VisualEditor) -> None:
    cursor_at(editor, "县政府")
    cursor_at(editor, "详见[县政府".replace("详见[", "详见"), end=True)
    editor.type_text("新")
    assert "详见[县政府新网站](https://www.example.gov.cn/a.html)" in editor.markdown()


def test_italic_made(editor: VisualEditor) -> None:
    select(editor, "3月18日")
    editor.apply("italic")
    assert "\n*3月18日*，县政府召开**春季农业生产**会议。\n" in editor.markdown()


def test_typing_after_a_link_is_not_linked(editor: VisualEditor) -> None:
    cursor_at(editor, "县政府网站")
    QApplication.sendEvent(editor, QInputMethodEvent("xin", []))
    commit = QInputMethodEvent()
    commit.setCommitString("新")
    QApplication.sendEvent(editor, commit)
    assert "详见[县政府网站](https://www.example.gov.cn/a.html)新，数据见" in editor.markdown()
    cursor_at(editor, "县政府网站")
    editor.type_text("啊")
    assert "详见[县政府网站](https://www.example.gov.cn/a.html)啊新，数据见" in editor.markdown()


def test_picture_replaced_keeps_its_caption(editor: VisualEditor) -> None:
    cursor_at(editor, "会议现场")
    assert editor.replace_picture(jpeg("green"))
    ref = "media/" + "0" * 64 + ".png"
    after = editor.markdown()
    assert f'![会议现场]({ref} "会议现场")\n\n' in after
    assert changed_blocks(ARTICLE, after) == [f'![会议现场]({ref} "会议现场")\n\n']


def test_picture_files_dropped_are_stored(editor: VisualEditor, tmp_path: Path) -> None:
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(jpeg("blue"))
    other = tmp_path / "说明.txt"
    other.write_text("不是图片")
    cursor_at(editor, "会议。")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo)), QUrl.fromLocalFile(str(other))])
    editor.paste(mime)
    assert f"会议。\n\n![](media/{'0' * 64}.png)\n\n![会议现场]" in editor.markdown()


def test_tab_nests_a_list_item_and_shift_tab_brings_it_out(editor: VisualEditor) -> None:
    cursor_at(editor, "加强农资监管")
    key(editor, Qt.Key.Key_Tab)
    assert "- 落实播种面积\n  - 优化种植结构\n  - 加强农资监管\n\n" in editor.markdown()
    key(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert editor.markdown() == ARTICLE
    cursor_at(editor, "优化种植结构")
    key(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert "- 落实播种面积\n- 优化种植结构\n- 加强农资监管\n\n" in editor.markdown()


def test_text_typed_over_a_whole_locked_block_is_kept(editor: VisualEditor) -> None:
    code = next(b for b in _blocks(editor) if b.text().startswith("```"))
    cursor = QTextCursor(code)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.type_text("替换代码")
    after = editor.markdown()
    assert "```" not in after and "\n替换代码\n\n" in after
    assert changed_blocks(ARTICLE, after) == ["替换代码\n\n"]


OPS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "type",
                "enter",
                "backspace",
                "delete",
                "bold",
                "heading",
                "quote",
                "bullet_list",
                "numbered_list",
                "select",
                "tab",
                "paste",
            ]
        ),
        st.floats(0, 1),
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(OPS)
def test_any_edits_then_undo_give_the_source_back(
    qtbot: QtBot, ops: list[tuple[str, float]]
) -> None:
    widget = VisualEditor()
    qtbot.addWidget(widget)
    widget.store_picture = lambda data: None
    widget.set_markdown(ARTICLE, {REF: PHOTO})
    for op, where in ops:
        cursor = widget.textCursor()
        cursor.setPosition(int(where * (widget.document().characterCount() - 1)))
        widget.setTextCursor(cursor)
        if op == "type":
            widget.type_text("字")
        elif op == "enter":
            widget.type_text("\n")
        elif op in ("backspace", "delete", "tab"):
            name = {
                "backspace": Qt.Key.Key_Backspace,
                "delete": Qt.Key.Key_Delete,
                "tab": Qt.Key.Key_Tab,
            }
            key(widget, name[op])
        elif op == "select":
            cursor.movePosition(
                QTextCursor.MoveOperation.NextWord, QTextCursor.MoveMode.KeepAnchor, 3
            )
            widget.setTextCursor(cursor)
        elif op == "paste":
            mime = QMimeData()
            mime.setHtml("<h2>标题</h2><p>段落<b>粗体</b></p>")
            widget.paste(mime)
        else:
            widget.apply(op)
        edited = widget.markdown()
        again = VisualEditor()
        qtbot.addWidget(again)
        again.set_markdown(edited, {REF: PHOTO})
        assert again.markdown() == edited  # whatever it wrote reads back the same
    while widget.document().isUndoAvailable():
        widget.undo()
    assert widget.markdown() == ARTICLE
