"""工作量统计 as files an office opens: an Excel workbook, one sheet per view with Chinese
headers and set widths, or the per-person table as CSV (UTF-8 with a BOM, which Excel needs to
read Chinese)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from newsdesk.core.importing import write_bytes_file
from newsdesk.core.stats import (
    GROUP_COLUMNS,
    PEOPLE_NOTE,
    PERSON_COLUMNS,
    GroupStats,
    PersonStats,
    WorkStats,
)

Row = Sequence[object]


def person_rows(stats: WorkStats) -> list[list[object]]:
    rows = [[getattr(p, key) for key, _, _ in PERSON_COLUMNS] for p in stats.people]
    total = stats.totals()
    rows.append([getattr(total, key) for key, _, _ in PERSON_COLUMNS])
    return rows


def group_rows(groups: Sequence[GroupStats]) -> list[list[object]]:
    return [[asdict(g)[key] for key, _, _ in GROUP_COLUMNS] for g in groups]


def _width(value: object) -> int:
    # A Chinese character takes about two Latin widths in Excel's default font.
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in str(value))


def write_xlsx(stats: WorkStats, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    span = f"{stats.first.isoformat()} 至 {stats.last.isoformat()}"
    views: list[tuple[str, list[str], list[list[object]]]] = [
        ("人员", [zh for _, zh, _ in PERSON_COLUMNS], person_rows(stats)),
        ("栏目", [zh if key != "name" else "栏目" for key, zh, _ in GROUP_COLUMNS],
         group_rows(stats.columns)),
        ("公众号", [zh if key != "name" else "公众号" for key, zh, _ in GROUP_COLUMNS],
         group_rows(stats.accounts)),
        ("每日发布", ["日期", "发布稿件"], [[d.isoformat(), n] for d, n in stats.days]),
    ]  # fmt: skip
    header_fill = PatternFill("solid", fgColor="F2E6E4")
    for index, (title, headers, rows) in enumerate(views):
        sheet = book.active if index == 0 else book.create_sheet()
        assert sheet is not None
        sheet.title = title
        sheet.append([f"工作量统计（{title}）  {span}"])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append(headers)
        for cell in sheet[2]:
            cell.font = Font(bold=True)
            cell.fill = header_fill
            cell.alignment = Alignment(horizontal="center")
        for row in rows:
            sheet.append(list(row))
        if index == 0:  # under the per-person table, after an empty row
            sheet.append([])
            sheet.append([PEOPLE_NOTE[0]])
            sheet.cell(sheet.max_row, 1).font = Font(italic=True, color="666666")
        sheet.freeze_panes = "B3"
        for column, header in enumerate(headers, start=1):
            widest = max([_width(header), *(_width(r[column - 1]) for r in rows)])
            sheet.column_dimensions[get_column_letter(column)].width = min(max(widest + 3, 8), 40)
    buffer = io.BytesIO()
    book.save(buffer)
    write_bytes_file(path, buffer.getvalue())


def write_csv(stats: WorkStats, path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([zh for _, zh, _ in PERSON_COLUMNS])
    writer.writerows(person_rows(stats))
    write_bytes_file(path, ("\ufeff" + buffer.getvalue()).encode("utf-8"))


def stats_json(stats: WorkStats) -> dict[str, object]:
    def person(p: PersonStats) -> dict[str, object]:
        data = asdict(p)
        data["user"] = data.pop("username")
        return data

    return {
        "from": stats.first.isoformat(),
        "to": stats.last.isoformat(),
        "people": [person(p) for p in stats.people],
        "totals": {
            k: v
            for k, v in asdict(stats.totals()).items()
            if k not in ("user_id", "username", "name")
        },
        "columns": [asdict(g) for g in stats.columns],
        "accounts": [asdict(g) for g in stats.accounts],
        "days": [{"date": d.isoformat(), "published": n} for d, n in stats.days],
    }
