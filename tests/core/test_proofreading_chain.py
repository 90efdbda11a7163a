"""三校 in the chain, through the services on both backends: a level cannot sign over an open
error, a dismissal is a record, each sign-off keeps its proofreading counts."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsdesk.core.errors import (
    AdminRequired,
    InvalidInput,
    NotAnEditor,
    ServerUnreachable,
    UnresolvedFindings,
)
from newsdesk.core.models import ArticleContent, Level, ProofRecord, State
from tests.conftest import BACKENDS, Newsroom


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


TEXT = ArticleContent(
    "清溪县召开春耕生产会议",
    "会议布署春耕工作。\n\n会议要求，各乡镇要抓好落实。\n",
    author="县融媒体中心",
)


def save(n: Newsroom, who: str, article_id: int, content: ArticleContent) -> None:
    user = getattr(n, who)
    n.ws.locks.acquire(user, article_id)
    n.ws.articles.save(user, article_id, content, n.ws.articles.get(article_id).version)
    n.ws.locks.release(user, article_id)


def key_of(n: Newsroom, article_id: int, text: str) -> str:
    return next(
        i.finding.key for i in n.ws.proofreading.for_article(article_id) if i.finding.text == text
    )


def records(n: Newsroom, article_id: int) -> dict[Level, ProofRecord | None]:
    return {s.level: s.proofreading for s in n.store.list_sign_offs(article_id) if s.valid}


def test_an_open_error_stops_submit_and_the_refusal_names_it(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = n.ws.articles.create(n.ma, TEXT)
    with pytest.raises(UnresolvedFindings) as refused:
        n.ws.articles.submit(n.ma, article_id)
    assert "布署" in refused.value.message("zh") and "部署" in refused.value.message("zh")
    assert "正文第 1 行" in refused.value.message("zh")
    assert n.ws.articles.get(article_id).state is State.DRAFT
    allowed = n.ws.articles.permitted(n.ma, article_id)
    assert isinstance(allowed[next(a for a in allowed if a.value == "submit")], UnresolvedFindings)


def test_fixed_by_an_edit_then_signed_with_its_record(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = n.ws.articles.create(n.ma, TEXT)
    save(n, "ma", article_id, replace(TEXT, body=TEXT.body.replace("布署", "部署")))
    n.ws.articles.submit(n.ma, article_id)
    assert records(n, article_id)[Level.EDITOR] == ProofRecord(found=1, fixed=1, dismissed=0)
    entry = [e for e in n.store.iter_audit() if e.action == "submit"][-1]
    assert entry.detail["proofreading"] == {"found": 1, "fixed": 1, "dismissed": 0}


def test_a_dismissal_lets_the_level_sign_and_survives_unrelated_edits(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = n.ws.articles.create(n.ma, TEXT)
    key = key_of(n, article_id, "布署")
    dismissal = n.ws.proofreading.dismiss(n.ma, article_id, key, "引语原文")
    assert (dismissal.user_id, dismissal.text, dismissal.reason) == (n.ma.id, "布署", "引语原文")
    assert "会议布署春耕工作" in dismissal.context
    edited = replace(TEXT, body=TEXT.body + "\n新加一段，与之无关。\n")
    save(n, "ma", article_id, edited)
    item = next(i for i in n.ws.proofreading.for_article(article_id) if i.finding.key == key)
    assert item.dismissal is not None and item.dismissal.reason == "引语原文"
    n.ws.articles.submit(n.ma, article_id)
    assert records(n, article_id)[Level.EDITOR] == ProofRecord(found=1, fixed=0, dismissed=1)
    logged = [e for e in n.store.iter_audit() if e.action == "dismiss"]
    assert logged[-1].detail["key"] == key and logged[-1].detail["reason"] == "引语原文"


def test_who_may_dismiss_and_what_cannot_be(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = n.ws.articles.create(
        n.ma, replace(TEXT, body=TEXT.body + "\n群里有人推销代开发票。\n")
    )
    key = key_of(n, article_id, "布署")
    with pytest.raises(NotAnEditor):  # the draft is the editors' to decide
        n.ws.proofreading.dismiss(n.feng, article_id, key, "误报")
    with pytest.raises(InvalidInput, match="reason"):
        n.ws.proofreading.dismiss(n.ma, article_id, key, " ")
    with pytest.raises(InvalidInput, match="no proofreading finding"):
        n.ws.proofreading.dismiss(n.ma, article_id, "typo-000000000000", "误报")
    with pytest.raises(InvalidInput, match="cannot be dismissed"):
        n.ws.proofreading.dismiss(n.ma, article_id, key_of(n, article_id, "代开发票"), "误报")
    n.ws.proofreading.dismiss(n.ma, article_id, key, "误报")
    with pytest.raises(InvalidInput, match="already dismissed"):
        n.ws.proofreading.dismiss(n.ma, article_id, key, "专有名词")
    assert len(n.store.list_dismissals(article_id)) == 1


def test_each_level_keeps_its_own_record_through_the_chain(newsroom: Newsroom) -> None:
    n = newsroom
    clean = replace(TEXT, body=TEXT.body.replace("布署", "部署"))
    article_id = n.ws.articles.create(n.ma, clean)
    n.ws.articles.submit(n.ma, article_id)
    # The auditor's edit brings in an error: approving waits until it is dealt with.
    save(n, "feng", article_id, replace(clean, body=clean.body + "\n截止目前已完成八成。\n"))
    with pytest.raises(UnresolvedFindings, match="截止目前"):
        n.ws.articles.approve(n.feng, article_id)
    save(n, "feng", article_id, replace(clean, body=clean.body + "\n截至目前已完成八成。\n"))
    n.ws.articles.approve(n.feng, article_id)
    n.ws.articles.sign(n.sang, article_id)
    assert records(n, article_id) == {
        Level.EDITOR: ProofRecord(0, 0, 0),
        # The error the auditor brought in and took out was not on the text handed over:
        # nothing found, nothing fixed.
        Level.AUDITOR: ProofRecord(0, 0, 0),
        Level.PRODUCER: ProofRecord(0, 0, 0),
    }


def test_a_workspace_adds_entries_switches_shipped_ones_off_and_keeps_its_leaders(
    newsroom: Newsroom,
) -> None:
    n = newsroom
    with pytest.raises(AdminRequired):
        n.ws.proofreading.set_list(n.ma, "typos", "清西县 → 清溪县  # 本县规范")
    with pytest.raises(InvalidInput, match="line 2"):
        n.ws.proofreading.set_list(n.admin, "typos", "清西县 → 清溪县\n没有箭头的一行\n")
    assert n.ws.proofreading.list_text("typos") == ""
    n.ws.proofreading.set_list(n.admin, "typos", "清西县 → 清溪县  # 本县规范\n-布署\n")
    n.ws.proofreading.set_list(n.admin, "leaders", "王建国 县委书记\n李明华 县委副书记、县长\n")
    content = ArticleContent("标题", "清西县县长王建国布署工作。\n")
    found = {(f.category.value, f.text) for f in n.ws.proofreading.check(content)}
    assert found == {("typo", "清西县"), ("leader", "县长")}
    changes = [e.detail for e in n.store.iter_audit() if e.action == "setting"]
    assert {"key": "proofreading.leaders", "entries": 2} in changes


def test_a_proofreader_built_ahead_is_the_one_used_unless_the_lists_changed(
    newsroom: Newsroom,
) -> None:
    n = newsroom
    n.ws.proofreading.build_ahead()
    ahead = n.ws.proofreading._ahead
    assert ahead is not None
    first = n.ws.proofreading.proofreader()
    assert ahead.take(ahead.inputs) is first  # the thread's, not a second build

    n.ws.proofreading.set_list(n.admin, "typos", "清西县 → 清溪县  # 本县规范\n")
    n.ws.proofreading.build_ahead()
    n.ws.proofreading.set_list(n.admin, "typos", "清东县 → 清溪县  # 本县规范\n")
    # Built ahead from the lists before the last change: not used.
    found = n.ws.proofreading.check(replace(TEXT, body="清东县和清西县。\n"))
    assert [f.text for f in found] == ["清东县"]


def test_building_ahead_is_only_a_head_start(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    n = newsroom

    def away(prefix: str) -> dict[str, str]:
        raise ServerUnreachable("db.example", "timed out")

    with monkeypatch.context() as patched:
        patched.setattr(n.store, "settings_under", away)
        n.ws.proofreading.build_ahead()  # says nothing: the first check will
    assert n.ws.proofreading._ahead is None
    assert [f.text for f in n.ws.proofreading.check(TEXT)] == ["布署"]


def test_a_save_within_a_stage_neither_notes_nor_reads_the_proofreading_lists(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only a stage's start is noted: a save in the middle of one needs no proofreading (it
    once ran the whole check and threw the result away), and an error typed in and taken
    out again is not on the record."""
    n = newsroom
    article_id = n.ws.articles.create(n.ma, replace(TEXT, body="会议部署春耕工作。\n"))
    checked: list[ArticleContent] = []
    check = n.ws.proofreading.check
    monkeypatch.setattr(n.ws.proofreading, "check", lambda c: checked.append(c) or check(c))
    save(n, "ma", article_id, TEXT)  # 布署 typed in
    save(n, "ma", article_id, replace(TEXT, body="会议部署春耕工作。\n"))  # and taken out
    assert checked == []
    monkeypatch.undo()
    n.ws.articles.submit(n.ma, article_id)
    assert records(n, article_id)[Level.EDITOR] == ProofRecord(found=0, fixed=0, dismissed=0)
