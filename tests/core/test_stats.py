"""工作量统计 through the service on both backends: a scripted month of work, counted from the
audit log and the store, and the same numbers in the Excel workbook and the CSV."""

from __future__ import annotations

import csv
from dataclasses import asdict, replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from newsdesk.content.text_stats import word_count
from newsdesk.core.models import ArticleContent, Level
from newsdesk.core.stats import PEOPLE_NOTE, PERSON_COLUMNS
from newsdesk.core.stats_export import write_csv, write_xlsx
from tests.conftest import BACKENDS, Newsroom


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def month(n: Newsroom) -> tuple[date, date]:
    today = n.clock.now.astimezone().date()
    return today.replace(day=1), today + timedelta(days=1)


def published(
    n: Newsroom, title: str, body: str, *, co: tuple[str, ...] = (), original: bool = False
) -> int:
    ws = n.ws
    article_id = ws.articles.create(
        n.ma, replace(ArticleContent(title, body, column="要闻"), original=original), co
    )
    ws.articles.submit(n.ma, article_id)
    ws.articles.return_(n.feng, article_id, "第二段请核实数据")
    ws.articles.submit(n.ma, article_id)
    ws.articles.approve(n.feng, article_id)
    ws.articles.sign(n.sang, article_id)
    ws.articles.publish(n.sang, article_id, f"https://mp.weixin.qq.com/s/{article_id}")
    return article_id


def test_a_month_of_work_per_person_column_and_account(newsroom: Newsroom, tmp_path: Path) -> None:
    n = newsroom
    published(n, "第一篇", "全县召开春耕生产会议。\n", co=("yan",), original=True)
    published(n, "第二篇", "城关镇推进老旧小区改造工作。\n")
    n.ws.articles.create(n.yan, ArticleContent("草稿", "还没写完。\n"))
    first, last = month(n)
    stats = n.ws.stats.compute(first, last)
    people = {p.username: p for p in stats.people}
    ma, yan, feng, sang = people["ma"], people["yan"], people["feng"], people["sang"]
    # The first submit of each was voided by the return: not work done.
    assert (ma.created, ma.submitted, ma.published, ma.originals) == (2, 2, 2, 1)
    assert ma.characters == word_count("全县召开春耕生产会议。") + word_count(
        "城关镇推进老旧小区改造工作。"
    )
    assert ma.returns_received == 2 and yan.returns_received == 1
    assert (yan.created, yan.co_edited, yan.published) == (1, 1, 1)
    assert (feng.audited, feng.returns_given) == (2, 2)
    assert sang.signed_off == 2
    assert [(c.name, c.published, c.originals) for c in stats.columns] == [("要闻", 2, 1)]
    assert [(a.name, a.published) for a in stats.accounts] == [("本县融媒", 2)]
    assert sum(count for _, count in stats.days) == 2
    assert stats.totals().published == 2  # two articles, one of them by two editors

    workbook = tmp_path / "stats.xlsx"
    write_xlsx(stats, workbook)
    book = load_workbook(workbook)
    assert book.sheetnames == ["人员", "栏目", "公众号", "每日发布"]
    sheet = book["人员"]
    assert [c.value for c in sheet[2]] == [zh for _, zh, _ in PERSON_COLUMNS]
    rows = {
        r[0]: r for r in sheet.iter_rows(min_row=3, max_row=sheet.max_row - 2, values_only=True)
    }
    for person in stats.people:
        assert list(rows[person.name]) == [asdict(person)[k] for k, _, _ in PERSON_COLUMNS]
    assert rows["合计"][PERSON_COLUMNS.index(("published", "发布稿件", "published"))] == 2
    assert sheet.cell(sheet.max_row, 1).value == PEOPLE_NOTE[0]
    assert sheet.column_dimensions["A"].width >= 8
    table = tmp_path / "stats.csv"
    write_csv(stats, table)
    with table.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == [zh for _, zh, _ in PERSON_COLUMNS] and len(lines) == len(stats.people) + 2


def test_a_range_without_work_is_empty(newsroom: Newsroom) -> None:
    stats = newsroom.ws.stats.compute(date(2020, 1, 1), date(2020, 1, 31))
    assert stats.people == [] and stats.columns == [] and len(stats.days) == 31


def test_a_total_counts_each_article_once(newsroom: Newsroom) -> None:
    n = newsroom
    published(n, "合写的稿件", "全县召开春耕生产会议。\n", co=("yan",), original=True)
    published(n, "独写的稿件", "城关镇推进老旧小区改造工作。\n")
    stats = n.ws.stats.compute(*month(n))
    people = {p.username: p for p in stats.people}
    assert (people["ma"].published, people["yan"].published) == (2, 1)  # each co-editor credited
    assert (people["ma"].returns_received, people["yan"].returns_received) == (2, 1)
    total = stats.totals()
    by_account = [
        sum(getattr(a, k) for a in stats.accounts) for k in ("published", "characters", "originals")
    ]
    assert [total.published, total.characters, total.originals] == by_account
    assert total.published == 2 and total.originals == 1
    assert total.co_edited == 1 and total.returns_received == total.returns_given == 2
    assert total.submitted == 2 and total.audited == 2 and total.signed_off == 2
    assert "合计" in PEOPLE_NOTE[0] and "each" in PEOPLE_NOTE[1]


TYPO = ArticleContent("春耕会议", "会议布署春耕工作。\n\n各乡镇要抓好落实。\n")


def _save(n: Newsroom, who: str, article_id: int, body: str) -> None:
    user = getattr(n, who)
    n.ws.locks.acquire(user, article_id)
    article = n.ws.articles.get(article_id)
    n.ws.articles.save(user, article_id, replace(article.content, body=body), article.version)
    n.ws.locks.release(user, article_id)


def test_no_credit_for_fixes_that_never_happened_nor_for_voided_sign_offs(
    newsroom: Newsroom,
) -> None:
    n = newsroom
    article_id = n.ws.articles.create(n.ma, TYPO)
    key = next(i.finding.key for i in n.ws.proofreading.for_article(article_id))
    n.ws.proofreading.dismiss(n.ma, article_id, key, "引语原文")
    n.ws.articles.submit(n.ma, article_id)
    # The auditor types an error in and takes it out again, and fixes the one handed over.
    handed = TYPO.body
    _save(n, "feng", article_id, handed + "\n截止目前已完成八成。\n")
    _save(n, "feng", article_id, handed)
    assert n.ws.articles.get(article_id).content.content_hash() == TYPO.content_hash()
    _save(n, "feng", article_id, handed.replace("布署", "部署"))
    n.ws.articles.approve(n.feng, article_id)
    [audit] = [s for s in n.store.list_sign_offs(article_id) if s.level is Level.AUDITOR]
    assert audit.proofreading is not None
    assert (audit.proofreading.found, audit.proofreading.fixed) == (1, 1)
    feng = next(p for p in n.ws.stats.compute(*month(n)).people if p.username == "feng")
    assert (feng.audited, feng.findings_fixed) == (1, 1)
    # A return voids the sign-offs: they are no longer work done.
    n.ws.articles.sign(n.sang, article_id)
    n.ws.articles.reopen(n.sang, article_id, "标题需要再斟酌")
    people = {p.username: p for p in n.ws.stats.compute(*month(n)).people}
    assert "feng" not in people or (people["feng"].audited, people["feng"].findings_fixed) == (0, 0)
    assert "sang" not in people or people["sang"].signed_off == 0
    assert people["ma"].submitted == 0 and people["ma"].created == 1
