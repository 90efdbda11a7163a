"""A proofreading list from a file an office keeps: a text file in the list format, or an Excel
sheet (offices keep their leaders and word lists in Excel), turned into the list format."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from newsdesk.content.proofreading.packs import PackError, parse_leaders, parse_own_list
from newsdesk.core.errors import BadFile
from newsdesk.core.importing import read_bytes, read_text

# Header words that name a column, in the languages offices write them.
_HEADERS = {
    "name": ("姓名", "名字", "name"),
    "titles": ("职务", "现任职务", "title", "titles"),
    "wrong": ("错误", "错误写法", "误", "旧称", "原名称", "wrong"),
    "right": ("正确", "正确写法", "正", "现称", "现名称", "right"),
    "source": ("来源", "出处", "依据", "source"),
    "year": ("年份", "更名年份", "year"),
    "exceptions": ("例外", "exceptions"),
}


def read_list_file(path: Path, name: str) -> str:
    """The list in `path` as list text (checked by the service, not here)."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _from_sheet(path, name)
    if path.suffix.lower() == ".xls":
        raise BadFile(
            str(path),
            ("旧版 .xls 请在 Excel 中另存为 .xlsx", "save an old .xls file as .xlsx first"),
        )
    return read_text(path)


def _from_sheet(path: Path, name: str) -> str:
    from openpyxl import load_workbook  # only when a sheet is read

    data = read_bytes(path)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise BadFile(
            str(path), (f"不是可读的 Excel 文件（{error}）", f"not a readable Excel file ({error})")
        ) from None
    try:
        sheet = book.worksheets[0]
        # Numbered as Excel numbers them (read-only sheets yield every row from the first), and
        # a cell's line breaks kept inside its one line of the list.
        rows = [
            (number, [" ".join(str(c).split()) if c is not None else "" for c in row])
            for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        book.close()
    rows = [(number, row) for number, row in rows if any(row)]
    if not rows:
        raise BadFile(str(path), ("工作表是空的", "the sheet is empty"))
    columns = _header(rows[0][1])
    if columns:
        rows = rows[1:]
    convert = _leader_line if name == "leaders" else _entry_line
    text = "".join(convert(row, columns) for _, row in rows)
    _check(path, name, text, [number for number, _ in rows])
    return text


def _check(path: Path, name: str, text: str, rows: list[int]) -> None:
    """Refuse a bad entry naming the sheet's own row (line N of the list is row rows[N-1])."""
    try:
        if name == "leaders":
            parse_leaders(text)
        else:
            parse_own_list(text, year_required=name == "agencies")
    except PackError as error:
        row, (zh, en) = rows[error.line - 1], error.reason
        raise BadFile(
            str(path), (f"工作表第 {row} 行：{zh}", f"row {row} of the sheet: {en}")
        ) from None


def _header(row: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        for field, words in _HEADERS.items():
            if cell.lower() in words and field not in found:
                found[field] = index
    return found


def _cell(row: list[str], columns: dict[str, int], field: str, default: int) -> str:
    index = columns.get(field, default if not columns else -1)
    return row[index] if 0 <= index < len(row) else ""


def _leader_line(row: list[str], columns: dict[str, int]) -> str:
    name = _cell(row, columns, "name", 0)
    if "titles" in columns:
        titles = [_cell(row, columns, "titles", 1)]
    else:  # every other cell on the row is a title
        titles = [c for i, c in enumerate(row) if c and i != columns.get("name", 0)]
    joined = "、".join(t for t in titles if t)
    return f"{name} {joined}\n"


def _entry_line(row: list[str], columns: dict[str, int]) -> str:
    wrong = _cell(row, columns, "wrong", 0)
    right = _cell(row, columns, "right", 1)
    source = _cell(row, columns, "source", 2)
    year = re.sub(r"\D", "", _cell(row, columns, "year", 3))[:4]
    exceptions = _cell(row, columns, "exceptions", 4)
    extras = [f"!{e}" for e in re.split(r"[、，,\s]+", exceptions) if e]
    if year:
        extras.append(f"@{year}")
    middle = "  ".join(p for p in (f"{wrong} → {right}", " ".join(extras)) if p)
    return f"{middle}  # {source}\n" if source else f"{middle}\n"
