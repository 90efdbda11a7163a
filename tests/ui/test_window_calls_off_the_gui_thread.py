"""The window's other store calls in team mode (issue 24: no database call on the GUI thread):
the task panel's search and categories, a 三校 dismissal, the changes dialog's revisions and
the 公众号 chosen for a draft run on the store worker. Each is done here with the link to
PostgreSQL black-holed (tests/netfault): the GUI thread never stalls for 100 ms or more (the
StallMeter of the outage test), the offline banner comes instead of a dialog, and what was
asked is done, or shown, once the link is back. Over a slow link (50 ms and more each way)
the newest request wins, a superseded answer is dropped, and no stall reaches 50 ms (the
slow-link test's bound)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import Newsroom
from tests.netfault import FaultyLink
from tests.ui.conftest import OpenWindow, type_text, windows_on, write_article
from tests.ui.test_outage_in_the_app import StallMeter

# The targets (100 ms for a dead link, 50 ms for a slow one) hold in the quiet reliability run
# (NEWSDESK_FULL=1); the everyday suite shares two cores, where scheduling alone has stalled a
# GUI thread for 300 ms, so it holds them to what still tells a window waiting on the network
# (5 s on a dead link) from one that does not.
FULL = os.environ.get("NEWSDESK_FULL") == "1"
LONGEST_STALL_S = 0.1 if FULL else 1.0
SLOW_LINK_STALL_S = 0.05 if FULL else 0.6


@pytest.fixture
def backend() -> str:
    return "postgresql"


@pytest.fixture
def at_pc(qtbot: QtBot, link: FaultyLink, newsroom: Newsroom) -> Iterator[OpenWindow]:
    with windows_on(qtbot, link.url(str(newsroom.path))) as sign_in:
        yield sign_in


def _titles(window: object) -> list[str]:
    queue = window.tasks.queue  # type: ignore[attr-defined]
    return [queue.item(i).text().split("\n")[0] for i in range(queue.count())]


def _search(qtbot: QtBot, window: object, term: str) -> None:
    search = window.tasks.search  # type: ignore[attr-defined]
    search.selectAll()
    type_text(search, term)
    qtbot.keyClick(search, Qt.Key.Key_Return)


def _settle(qtbot: QtBot, window: object) -> None:
    qtbot.wait(500)  # the first render, its findings and the lists
    window.controller.worker.idle()  # type: ignore[attr-defined]


def _banner_then_back(qtbot: QtBot, window: object, link: FaultyLink, stalls: StallMeter) -> None:
    banner = window.offline_banner  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not banner.isHidden(), timeout=10_000)
    link.restore()
    qtbot.waitUntil(lambda: banner.isHidden(), timeout=20_000)
    window.controller.worker.idle()  # type: ignore[attr-defined]
    qtbot.wait(200)
    stalls.stop()


def test_searching_and_changing_category_never_wait_on_a_dead_link(
    qtbot: QtBot, at_pc: OpenWindow, link: FaultyLink
) -> None:
    ma = at_pc("ma")
    write_article(ma, "立节镇部署防汛工作", "县委书记到立节镇调研防汛工作。\n")
    write_article(ma, "春耕生产会议", "全县召开会议。\n")
    _settle(qtbot, ma)
    stalls = StallMeter()
    link.black_hole()
    started = time.monotonic()
    _search(qtbot, ma, "汛")
    for row in (1, 2, 0, 1):
        ma.tasks.categories.setCurrentRow(row)
        qtbot.wait(50)
    _search(qtbot, ma, "春耕")
    acted_in = time.monotonic() - started
    _banner_then_back(qtbot, ma, link, stalls)
    # The last request wins: the search for 春耕, read again when the server answers.
    qtbot.waitUntil(lambda: _titles(ma) == ["春耕生产会议"], timeout=10_000)
    print(
        f"\nsearch and categories on a dead link: acted in {acted_in * 1000:.0f} ms,"
        f" longest GUI stall {stalls.longest * 1000:.0f} ms"
    )
    assert stalls.longest < LONGEST_STALL_S, stalls.longest


def test_a_superseded_search_answer_is_dropped(
    qtbot: QtBot, at_pc: OpenWindow, link: FaultyLink
) -> None:
    ma = at_pc("ma")
    write_article(ma, "立节镇部署防汛工作", "县委书记到立节镇调研防汛工作。\n")
    write_article(ma, "春耕生产会议", "全县召开会议。\n")
    _settle(qtbot, ma)
    shown: list[list[str]] = []
    show = ma.tasks._show_hits

    def record(hits: list) -> None:  # type: ignore[type-arg]
        shown.append([h.title for h in hits])
        show(hits)

    ma.tasks._show_hits = record  # type: ignore[method-assign]
    stalls = StallMeter()
    link.delay = 0.1  # each way: the first search is still on its way when the second comes
    _search(qtbot, ma, "汛")
    _search(qtbot, ma, "春耕")
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    ma.controller.worker.idle()
    qtbot.wait(300)
    stalls.stop()
    assert shown == [["春耕生产会议"]]
    assert _titles(ma) == ["春耕生产会议"]
    assert stalls.longest < SLOW_LINK_STALL_S, stalls.longest


def _dismiss_as_proper_name(window: object) -> None:
    findings = window.findings  # type: ignore[attr-defined]
    findings.list.setCurrentRow(0)
    next(a for a in findings.reason_actions if a.data() == "专有名词").trigger()


def test_a_dismissal_on_a_dead_link_says_offline_and_is_made_once_it_is_back(
    qtbot: QtBot, at_pc: OpenWindow, link: FaultyLink
) -> None:
    ma = at_pc("ma")
    article_id = write_article(ma, "春耕生产会议", "全县召开会议，布署春耕生产工作。\n")
    qtbot.waitUntil(lambda: ma.findings.list.count() == 1, timeout=10_000)
    _settle(qtbot, ma)
    assert not ma.actionSubmit.isEnabled()  # the blocking finding stands
    stalls = StallMeter()
    link.black_hole()
    _dismiss_as_proper_name(ma)
    _banner_then_back(qtbot, ma, link, stalls)
    dead_link_stall = stalls.longest
    # Nothing pretends: the dismissal never reached the server, and is not shown as made.
    assert ma.workspace.repo.list_dismissals(article_id) == []
    assert "专有名词" not in ma.findings.list.item(0).text()

    stalls = StallMeter()
    link.delay = 0.05  # each way: the dismissal and the refresh after it come by signal
    _dismiss_as_proper_name(ma)
    qtbot.waitUntil(lambda: "专有名词" in ma.findings.list.item(0).text(), timeout=10_000)
    qtbot.waitUntil(ma.actionSubmit.isEnabled, timeout=10_000)
    stalls.stop()
    assert [d.reason for d in ma.workspace.repo.list_dismissals(article_id)] == ["专有名词"]
    print(
        f"\ndismissal: longest GUI stall {dead_link_stall * 1000:.0f} ms on a dead link,"
        f" {stalls.longest * 1000:.0f} ms over a 50 ms link"
    )
    assert dead_link_stall < LONGEST_STALL_S, dead_link_stall
    assert stalls.longest < SLOW_LINK_STALL_S, stalls.longest


def _diff_dialogs(window: object) -> list[object]:
    from newsdesk.ui.diff_dialog import DiffDialog

    return window.findChildren(DiffDialog)  # type: ignore[attr-defined, no-any-return]


def test_the_changes_dialog_reads_its_revisions_on_the_worker(
    qtbot: QtBot, at_pc: OpenWindow, link: FaultyLink
) -> None:
    ma = at_pc("ma")
    article_id = write_article(ma, "修改对照", "第一稿。\n")
    first = ma.workspace.articles.details(article_id).revisions[-1].id
    type_text(ma.editor, "补充一句。")
    assert ma.save()
    _settle(qtbot, ma)
    stalls = StallMeter()
    link.black_hole()
    assert ma.show_changes(first) is None  # asked; the worker reads
    _banner_then_back(qtbot, ma, link, stalls)
    dead_link_stall = stalls.longest
    assert _diff_dialogs(ma) == []  # the dead link's answer was the banner, no dialog

    stalls = StallMeter()
    link.delay = 0.05
    ma.show_changes(first)
    ma.show_changes(first)  # asked again before the first answer: one dialog, the newest
    qtbot.waitUntil(lambda: bool(_diff_dialogs(ma)), timeout=10_000)
    ma.controller.worker.idle()
    qtbot.wait(200)
    stalls.stop()
    dialogs = _diff_dialogs(ma)
    assert len(dialogs) == 1
    assert "补充一句。" in dialogs[0].view.toPlainText()  # type: ignore[attr-defined]
    dialogs[0].close()  # type: ignore[attr-defined]
    print(
        f"\nchanges dialog: longest GUI stall {dead_link_stall * 1000:.0f} ms on a dead link,"
        f" {stalls.longest * 1000:.0f} ms over a 50 ms link"
    )
    assert dead_link_stall < LONGEST_STALL_S, dead_link_stall
    assert stalls.longest < SLOW_LINK_STALL_S, stalls.longest


def test_choosing_another_account_waits_on_the_worker_not_the_window(
    qtbot: QtBot, at_pc: OpenWindow, link: FaultyLink, newsroom: Newsroom
) -> None:
    newsroom.ws.accounts.add(newsroom.admin, "xiangcun", "乡村振兴在线")
    ma = at_pc("ma")
    article_id = write_article(ma, "换一个公众号", "正文。\n")
    own = ma.session.account_id
    other = next(a.id for a in ma.workspace.accounts.list() if a.name == "xiangcun")
    _settle(qtbot, ma)
    stalls = StallMeter()
    link.black_hole()
    ma.form.account.setCurrentIndex(ma.form.account.findData(other))
    ma.form.account_chosen.emit(other)  # what choosing it in the list does
    _banner_then_back(qtbot, ma, link, stalls)
    dead_link_stall = stalls.longest
    # Not stored, and not shown as chosen: the article's own is offered again.
    assert ma.workspace.articles.get(article_id).account_id == own
    assert ma.session.account_id == own and ma.form.account.currentData() == own

    stalls = StallMeter()
    link.delay = 0.05
    ma.form.account.setCurrentIndex(ma.form.account.findData(other))
    ma.form.account_chosen.emit(other)
    qtbot.waitUntil(lambda: ma.session.account_id == other, timeout=10_000)
    stalls.stop()
    assert ma.workspace.articles.get(article_id).account_id == other
    print(
        f"\naccount chosen: longest GUI stall {dead_link_stall * 1000:.0f} ms on a dead link,"
        f" {stalls.longest * 1000:.0f} ms over a 50 ms link"
    )
    assert dead_link_stall < LONGEST_STALL_S, dead_link_stall
    assert stalls.longest < SLOW_LINK_STALL_S, stalls.longest
