"""`newsdesk proofread` names each finding's grade and ends with a count that says why the exit
status is what it is: 1 only for an error; warnings and hints leave it 0. A promotional column
in the front matter makes 广告法 terms warnings; `--json` keeps its shape."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Run

NEWS = """---
title: 秋收进行时
---

当前正是秋收的最佳时机,各乡镇组织农机下田。
"""
PROMOTION = NEWS.replace("title: 秋收进行时", "title: 秋收进行时\ncolumn: 推广")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "article.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_each_line_names_its_grade_and_the_summary_explains_the_exit_status(
    cli: Run, tmp_path: Path
) -> None:
    path = write(tmp_path, NEWS)
    result = cli("proofread", str(path), env={"LANG": "zh_CN.UTF-8"})
    assert result.returncode == 0, result.stderr  # a warning and a hint never fail
    lines = result.stdout.splitlines()
    assert [line.split(" ")[1:3] for line in lines] == [["提示", "极限词"], ["警告", "标点"]]
    assert (
        result.stderr.strip() == "校对：错误 0 处，警告 1 处，提示 1 处（警告和提示不影响退出状态）"
    )
    english = cli("proofread", str(path))
    assert [line.split(" ")[1] for line in english.stdout.splitlines()] == ["hint", "warning"]

    write(tmp_path, NEWS.replace("秋收的", "秋收的布署，"))
    failing = cli("proofread", str(path))
    assert failing.returncode == 1
    grades = [line.split(" ")[1:3] for line in failing.stdout.splitlines()]
    assert grades == [["error", "typo"], ["hint", "absolute"], ["warning", "punctuation"]]
    assert "1 error, 1 warning, 1 hint" in failing.stderr and "exit status 1" in failing.stderr


def test_a_promotional_column_makes_absolute_terms_warnings_and_json_keeps_its_shape(
    cli: Run, tmp_path: Path
) -> None:
    def severities(text: str) -> list[tuple[str, str]]:
        result = cli("proofread", str(write(tmp_path, text)), "--json")
        assert result.returncode == 0 and result.stderr == ""
        findings = json.loads(result.stdout)
        assert all(
            set(f) == {"key", "category", "severity", "field", "start", "end", "line",
                       "column", "text", "suggestion", "message", "source"}
            for f in findings
        )  # fmt: skip
        return [(f["category"], f["severity"]) for f in findings]

    assert severities(NEWS) == [("absolute", "hint"), ("punctuation", "warning")]
    assert severities(PROMOTION) == [("absolute", "warning"), ("punctuation", "warning")]
