"""The toolbar's commands on rich text: bold, heading, quote, lists, tables, a rule."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextListFormat,
    QTextTable,
)

from newsdesk.ui.visual import formats as f
from newsdesk.ui.visual.loader import BULLETS as _BULLETS
from newsdesk.ui.visual.loader import is_ordered, table_format


def selected_blocks(cursor: QTextCursor) -> Iterator[QTextBlock]:
    document = cursor.document()
    block = document.findBlock(cursor.selectionStart())
    last = document.findBlock(cursor.selectionEnd())
    while block.isValid():
        yield block
        if block == last:
            break
        block = block.next()


def toggle_char(cursor: QTextCursor, current: QTextCharFormat, bold: bool) -> QTextCharFormat:
    """Bold (or italic) on the selection, or off if it is all so already; without a selection,
    for what is typed next. Returns the format for typing."""
    fmt = QTextCharFormat()
    on = _is_bold(current) if bold else current.fontItalic()
    if cursor.hasSelection():
        on = all(_is_bold(c) if bold else c.fontItalic() for c in _selected_formats(cursor))
    if bold:
        fmt.setFontWeight(QFont.Weight.Normal if on else QFont.Weight.Bold)
    else:
        fmt.setFontItalic(not on)
    if cursor.hasSelection():
        cursor.mergeCharFormat(fmt)
    typing = QTextCharFormat(current)
    typing.merge(fmt)
    return typing


def _is_bold(fmt: QTextCharFormat) -> bool:
    return fmt.fontWeight() >= QFont.Weight.DemiBold


def _selected_formats(cursor: QTextCursor) -> Iterator[QTextCharFormat]:
    probe = QTextCursor(cursor.document())
    for position in range(cursor.selectionStart() + 1, cursor.selectionEnd() + 1):
        probe.setPosition(position)
        yield probe.charFormat()


def _restyle(block: QTextBlock, base: QTextCharFormat) -> None:
    """A block's text in the base format of its new kind, keeping bold, italic and links."""
    cursor = QTextCursor(block)
    cursor.setBlockCharFormat(base)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    size = QTextCharFormat()
    size.setFontPointSize(
        base.fontPointSize() if base.hasProperty(QTextCharFormat.Property.FontPointSize) else 12
    )
    size.setFontWeight(
        base.fontWeight()
        if base.hasProperty(QTextCharFormat.Property.FontWeight)
        else QFont.Weight.Normal
    )
    cursor.mergeCharFormat(size)


def heading(cursor: QTextCursor, level: int = 2) -> None:
    blocks = list(selected_blocks(cursor))
    off = all(b.blockFormat().headingLevel() == level for b in blocks)
    for block in blocks:
        edit = QTextCursor(block)
        text_list = block.textList()
        if text_list is not None:
            text_list.remove(block)
        ident = f.block_id(block.blockFormat())
        if off:
            edit.setBlockFormat(f.paragraph_format("", ident))
            _restyle(block, f.base_char_format())
        else:
            edit.setBlockFormat(f.heading_format(level, ident))
            _restyle(block, f.base_char_format(level=level))


def quote(cursor: QTextCursor) -> None:
    blocks = list(selected_blocks(cursor))
    off = all(f.kind_of(b.blockFormat()) == "quote" for b in blocks)
    for block in blocks:
        ident = f.block_id(block.blockFormat())
        was_heading = block.blockFormat().headingLevel() > 0
        QTextCursor(block).setBlockFormat(f.paragraph_format("" if off else "quote", ident))
        if was_heading:
            _restyle(block, f.base_char_format())


def make_list(cursor: QTextCursor, ordered: bool) -> None:
    blocks = list(selected_blocks(cursor))
    current = blocks[0].textList()
    if current is not None and is_ordered(current) == ordered:
        for block in blocks:
            text_list = block.textList()
            if text_list is not None:
                text_list.remove(block)
                edit = QTextCursor(block)
                unindented = edit.blockFormat()
                unindented.setIndent(0)
                edit.setBlockFormat(unindented)
        return
    fmt = QTextListFormat()
    fmt.setStyle(QTextListFormat.Style.ListDecimal if ordered else QTextListFormat.Style.ListDisc)
    fmt.setIndent(1)
    first = QTextCursor(blocks[0])
    if blocks[0].blockFormat().headingLevel():
        heading(QTextCursor(blocks[0]), blocks[0].blockFormat().headingLevel())
    text_list = first.createList(fmt)
    for block in blocks[1:]:
        if block.textList() is not None:
            block.textList().remove(block)
        text_list.add(block)


def insert_table(cursor: QTextCursor, header: list[str], rows: int = 2) -> QTextTable:
    """A table after the current block (its first row the header), the cursor in its first
    body cell."""
    columns = len(header)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    if cursor.block().length() > 1:
        cursor.insertBlock(f.paragraph_format(), f.base_char_format())
    table = cursor.insertTable(rows, columns, table_format((), columns))
    bold = f.base_char_format()
    bold.setFontWeight(QFont.Weight.Bold)
    for c, text in enumerate(header):
        table.cellAt(0, c).firstCursorPosition().insertText(text, bold)
    cursor.setPosition(table.cellAt(min(1, rows - 1), 0).firstCursorPosition().position())
    return table


def insert_rule(cursor: QTextCursor) -> None:
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertBlock(f.paragraph_format("rule"), f.base_char_format())
    cursor.insertBlock(f.paragraph_format(), f.base_char_format())


def table_edit(cursor: QTextCursor, command: str) -> bool:
    """add_row, remove_row, add_column, remove_column on the table the cursor is in."""
    table = cursor.currentTable()
    if table is None:
        return False
    cell = table.cellAt(cursor)
    row, column = cell.row(), cell.column()
    aligns = str(table.format().property(f.ALIGNS) or "").split(",")
    aligns += [""] * (table.columns() - len(aligns))
    if command == "add_row":
        table.insertRows(row + 1, 1)
    elif command == "remove_row" and table.rows() > 1:
        table.removeRows(row, 1)
    elif command == "add_column":
        table.insertColumns(column + 1, 1)
        aligns.insert(column + 1, "")
    elif command == "remove_column" and table.columns() > 1:
        table.removeColumns(column, 1)
        del aligns[column]
    else:
        return command in ("remove_row", "remove_column")
    fmt = table.format()
    fmt.setProperty(f.ALIGNS, ",".join(aligns[: table.columns()]))
    table.setFormat(fmt)
    # The cursor goes to the new row's first cell, or the new column's cell in its row.
    if command == "add_row":
        row, column = row + 1, 0
    elif command == "add_column":
        column += 1
    target = table.cellAt(min(row, table.rows() - 1), min(column, table.columns() - 1))
    cursor.setPosition(target.firstCursorPosition().position())
    return True


def next_cell(cursor: QTextCursor, backwards: bool) -> QTextCursor | None:
    """Tab moves to the next cell (a new row after the last), Shift+Tab to the one before."""
    table = cursor.currentTable()
    if table is None:
        return None
    cell = table.cellAt(cursor)
    index = cell.row() * table.columns() + cell.column() + (-1 if backwards else 1)
    if index < 0:
        return cursor
    if index >= table.rows() * table.columns():
        table.appendRows(1)
    target = table.cellAt(index // table.columns(), index % table.columns())
    moved = QTextCursor(cursor)
    moved.setPosition(target.firstCursorPosition().position())
    moved.setPosition(target.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
    return moved


def indent_item(cursor: QTextCursor, deeper: bool) -> bool:
    """Tab in a list item nests it one level deeper, Shift+Tab brings it out (out of the list
    at the top level), as in Word. The item joins a neighbouring list of its new level."""
    block = cursor.block()
    current = block.textList()
    if current is None:
        return False
    # Read before the item leaves its list: Qt deletes a list left empty.
    before = QTextListFormat(current.format())
    ordered = is_ordered(current)
    level = before.indent() + (1 if deeper else -1)
    current.remove(block)
    del current
    if level < 1:
        edit = QTextCursor(block)
        unindented = edit.blockFormat()
        unindented.setIndent(0)
        edit.setBlockFormat(unindented)
        return True
    for neighbour in (block.previous(), block.next()):
        found = neighbour.textList()
        if found is not None and found.format().indent() == level:
            found.add(block)
            return True
    fmt = before
    fmt.setIndent(level)
    fmt.setStart(1)
    if not ordered:
        fmt.setStyle(_BULLETS[(level - 1) % len(_BULLETS)])
    QTextCursor(block).createList(fmt)
    return True
