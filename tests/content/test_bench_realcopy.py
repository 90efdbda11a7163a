"""benchmarks/bench_realcopy.py runs on a tiny made-up corpus: false alarms by grade and rule,
each planted error put in on its own and caught when a finding overlaps it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks import bench_realcopy

CLEAN = """---
title: 清溪县秋收进行时
column: {column}
---

清溪融媒讯 当前正是秋收的最佳时机，各乡镇组织农机下田。（张三 摄）

县农业农村局抽调技术骨干，分片指导农户抢收。
"""


def corpus(tmp_path: Path) -> Path:
    (tmp_path / "clean").mkdir()
    (tmp_path / "planted").mkdir()
    for name, column in (("01-news.md", "要闻"), ("02-ad.md", "商业推广")):
        (tmp_path / "clean" / name).write_text(CLEAN.format(column=column), encoding="utf-8")
    plants = [
        ("01-news.md", "抽调技术骨干", "抽调技术骨干,", "punctuation", "half-width"),
        ("01-news.md", "分片指导", "分片布署", "typo", "shape"),
        ("01-news.md", "县农业农村局", "县农业局", "agency", "old-name"),
        ("01-news.md", "各乡镇组织", "各乡镇各乡镇组织", "typo", "doubled"),  # not caught
        ("01-news.md", "不在文中", "不在文中。", "typo", "shape"),  # cannot be put in
    ]
    lines = [
        json.dumps(dict(zip(("file", "original", "planted", "category", "kind"), p, strict=True)))
        for p in plants
    ]
    (tmp_path / "planted" / "dev.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_it_prints_false_alarms_by_grade_and_recall_by_category(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bench_realcopy.main(["--corpus", str(corpus(tmp_path)), "--show"])
    out = capsys.readouterr().out
    # 最佳 is a hint in news copy and a warning in the promotional column; the dateline and the
    # photo credit are house style.
    assert "false alarms, errors and warnings: 1 " in out
    assert "false alarms, hints:               1 " in out
    assert "02-ad.md warning absolute:最佳" in out and "01-news.md hint absolute:最佳" in out
    assert "recall on dev (4 planted)" in out
    assert "  all                        4   75.0 %   75.0 %" in out
    assert "  agency                     1  100.0 %  100.0 %" in out
    assert "  typo                       2   50.0 %   50.0 %" in out
    assert "not put in (1" in out


def test_a_deletion_is_caught_by_a_finding_beside_it() -> None:
    assert bench_realcopy.changed_span("会议，研究", "会议研究") == (2, 2)
    assert bench_realcopy.changed_span("分片指导", "分片布署") == (2, 4)
