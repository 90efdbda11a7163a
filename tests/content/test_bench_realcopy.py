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


def test_a_removed_mark_counts_when_its_partner_is_reported_in_the_same_paragraph() -> None:
    body = (
        "据《清溪县志》记载，清溪建县已有一千多年，历代修志不辍。\n\n"
        "县档案馆（原县志办）收藏旧志十二种。"
    )
    article = bench_realcopy.Article("01.md", "修志", body, promotional=False)
    plants = [
        # 》 taken out: the reader reports the 《 left open, away from the change
        bench_realcopy.Plant("01.md", "县志》记载", "县志记载", "punctuation", "book-title"),
        # ） taken out in the second paragraph: the open （ there is its partner
        bench_realcopy.Plant("01.md", "县志办）", "县志办", "punctuation", "bracket"),
        # a comma taken out is no pair: nothing unpaired counts for it
        bench_realcopy.Plant("01.md", "一千多年，历代", "一千多年历代", "punctuation", "comma"),
    ]
    tally, skipped = bench_realcopy.recall(bench_realcopy.reader(), [article], plants)
    assert skipped == []
    assert tally[("punctuation", "book-title")] == [1, 1, 1]
    assert tally[("punctuation", "bracket")] == [1, 1, 1]
    assert tally[("punctuation", "comma")] == [1, 0, 0]


def test_an_unpaired_mark_in_another_paragraph_does_not_count() -> None:
    body = "据《清溪县志》记载，清溪建县已有一千多年。\n\n县档案馆（原县志办收藏旧志十二种。"
    article = bench_realcopy.Article("01.md", "修志", body, promotional=False)
    plant = bench_realcopy.Plant("01.md", "县志》记载", "县志记载", "punctuation", "book-title")
    changed = body.replace("县志》记载", "县志记载")
    partner = bench_realcopy.removed_mark(
        changed, body.index("县志》"), plant.original, plant.planted
    )
    assert partner == ("《", 0, changed.index("\n\n"))
    tally, _ = bench_realcopy.recall(bench_realcopy.reader(), [article], [plant])
    assert tally[("punctuation", "book-title")] == [1, 1, 1]
    # the （ left open in the second paragraph is not the partner of the 》 taken out
    other = bench_realcopy.Plant("01.md", "一千多年。", "一千多年", "punctuation", "stop")
    tally, _ = bench_realcopy.recall(bench_realcopy.reader(), [article], [other])
    assert tally[("punctuation", "stop")][1] == 0
