"""The review chain through the services on a real SQLite file."""

from __future__ import annotations

import pytest

from newsdesk.core.errors import (
    AccountDisabled,
    ChecksFailed,
    InvalidInput,
    NotAnEditor,
    ReasonRequired,
    RoleRequired,
    SamePersonTwoLevels,
    StaleContent,
    WrongState,
)
from newsdesk.core.models import ArticleContent, Level, State
from tests.conftest import BACKENDS, Newsroom


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Every test here that opens a newsroom runs on SQLite and on PostgreSQL."""
    return str(request.param)


TEXT = ArticleContent("舟曲县召开防汛会议", "会议要求各乡镇做好防汛准备。", author="县融媒体中心")


def draft(n: Newsroom, co: tuple[str, ...] = ()) -> int:
    return n.ws.articles.create(n.ma, TEXT, co)


def to_production(n: Newsroom, article_id: int) -> None:
    n.ws.articles.submit(n.ma, article_id)
    n.ws.articles.approve(n.feng, article_id)


def valid_levels(n: Newsroom, article_id: int) -> dict[Level, str]:
    names = {u.id: u.username for u in n.ws.users.list()}
    return {s.level: names[s.user_id] for s in n.store.list_sign_offs(article_id) if s.valid}


def test_the_whole_chain_records_each_level_and_its_hash(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = draft(n, ("yan",))
    to_production(n, article_id)
    n.ws.articles.sign(n.sang, article_id)
    details = n.ws.articles.details(article_id)
    assert details.article.state is State.APPROVED
    assert valid_levels(n, article_id) == {
        Level.EDITOR: "ma",
        Level.AUDITOR: "feng",
        Level.PRODUCER: "sang",
    }
    assert {s.content_hash for s in details.sign_offs} == {TEXT.content_hash()}
    assert details.credits() == {
        Level.EDITOR: ["马编辑", "严编辑"],
        Level.AUDITOR: ["冯审核"],
        Level.PRODUCER: ["桑出品"],
    }
    n.ws.articles.record_export(n.ma, article_id, "clipboard")
    n.ws.articles.publish(n.sang, article_id, "https://mp.weixin.qq.com/s/abc")
    article = n.ws.articles.get(article_id)
    assert article.state is State.PUBLISHED
    assert article.published_url == "https://mp.weixin.qq.com/s/abc"
    actions = [e.action for e in n.store.iter_audit() if e.article_id == article_id]
    assert actions == ["create", "submit", "approve", "sign", "export", "publish"]


def test_an_editor_of_the_article_cannot_audit_it_even_with_the_role(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = n.ws.articles.create(n.li, TEXT)
    n.ws.articles.submit(n.li, article_id)
    with pytest.raises(SamePersonTwoLevels):
        n.ws.articles.approve(n.li, article_id)
    assert n.ws.articles.get(article_id).state is State.AWAITING_AUDIT


def test_the_auditor_cannot_also_sign_as_producer(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = draft(n)
    n.ws.articles.submit(n.ma, article_id)
    n.ws.articles.approve(n.li, article_id)  # li holds every role but is not an editor here
    with pytest.raises(SamePersonTwoLevels) as caught:
        n.ws.articles.sign(n.li, article_id)
    assert "auditor" in caught.value.message("en")
    assert n.ws.articles.get(article_id).state is State.AWAITING_PRODUCTION


def test_roles_are_required_and_admin_does_not_sign(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = draft(n)
    n.ws.articles.submit(n.ma, article_id)
    with pytest.raises(RoleRequired):
        n.ws.articles.approve(n.sang, article_id)
    with pytest.raises(RoleRequired):
        n.ws.articles.approve(n.admin, article_id)
    with pytest.raises(RoleRequired):
        n.ws.articles.create(n.feng, TEXT)
    with pytest.raises(NotAnEditor):
        n.ws.articles.submit(n.yan, draft(n))


def test_return_needs_a_reason_voids_sign_offs_and_reaches_the_editors(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = draft(n)
    to_production(n, article_id)
    with pytest.raises(ReasonRequired):
        n.ws.articles.return_(n.sang, article_id, "  ")
    n.ws.articles.return_(n.sang, article_id, "标题需要更具体")
    details = n.ws.articles.details(article_id)
    assert details.article.state is State.DRAFT
    assert valid_levels(n, article_id) == {}
    assert [(note.kind.value, note.reason) for note in details.notes] == [
        ("return", "标题需要更具体")
    ]
    assert article_id in [a.id for a in n.ws.articles.queue(State.DRAFT)]


def test_a_producer_edit_voids_the_audit_and_sends_it_back(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = draft(n)
    to_production(n, article_id)
    article = n.ws.articles.get(article_id)
    edited = ArticleContent(TEXT.title, TEXT.body + "\n\n补充一段。", author=TEXT.author)
    result = n.ws.articles.save(n.sang, article_id, edited, article.version)
    assert result.sent_back_to_audit
    assert n.ws.articles.get(article_id).state is State.AWAITING_AUDIT
    assert valid_levels(n, article_id) == {Level.EDITOR: "ma"}
    with pytest.raises(WrongState):
        n.ws.articles.sign(n.sang, article_id)
    n.ws.articles.approve(n.feng, article_id)
    n.ws.articles.sign(n.sang, article_id)
    signed = [
        s for s in n.store.list_sign_offs(article_id) if s.valid and s.level is Level.PRODUCER
    ]
    assert signed[0].content_hash == edited.content_hash()


def test_an_auditor_edit_is_signed_by_the_auditor(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = draft(n)
    n.ws.articles.submit(n.ma, article_id)
    edited = ArticleContent(TEXT.title, "审核改过的正文。", author=TEXT.author)
    n.ws.articles.save(n.feng, article_id, edited, 1)
    n.ws.articles.approve(n.feng, article_id)
    audit = [s for s in n.store.list_sign_offs(article_id) if s.level is Level.AUDITOR]
    assert audit[0].content_hash == edited.content_hash()


def test_nobody_edits_an_approved_article_and_reopen_voids_everything(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = draft(n)
    to_production(n, article_id)
    n.ws.articles.sign(n.sang, article_id)
    for who in (n.ma, n.sang, n.feng):
        with pytest.raises(WrongState):
            n.ws.articles.save(who, article_id, TEXT, 1)
    with pytest.raises(ReasonRequired):
        n.ws.articles.reopen(n.ma, article_id, "")
    n.ws.articles.reopen(n.sang, article_id, "数据需要更新")
    assert n.ws.articles.get(article_id).state is State.DRAFT
    assert valid_levels(n, article_id) == {}
    with pytest.raises(WrongState):
        n.ws.articles.record_export(n.ma, article_id, "clipboard")


def test_export_is_refused_when_content_no_longer_matches_the_signature(
    newsroom: Newsroom,
) -> None:
    n = newsroom
    article_id = draft(n)
    to_production(n, article_id)
    n.ws.articles.sign(n.sang, article_id)
    # Behind the app's back: a new current revision appears without any sign-off.
    with n.store.transaction():
        n.store.save_content(
            article_id, ArticleContent("偷改", "偷改"), n.ma.id, n.clock(), characters=2
        )
    with pytest.raises(StaleContent):
        n.ws.articles.record_export(n.ma, article_id, "clipboard")
    with pytest.raises(StaleContent):
        n.ws.articles.publish(n.sang, article_id, "https://mp.weixin.qq.com/s/x")


def test_spike_by_editor_or_current_reviewer_with_reason(newsroom: Newsroom) -> None:
    n = newsroom
    first, second = draft(n), draft(n)
    n.ws.articles.spike(n.ma, first, "活动取消")
    n.ws.articles.submit(n.ma, second)
    with pytest.raises(RoleRequired):
        n.ws.articles.spike(n.sang, second, "不是我这一级")
    n.ws.articles.spike(n.zhao, second, "重复稿件")
    assert {n.ws.articles.get(i).state for i in (first, second)} == {State.SPIKED}
    with pytest.raises(WrongState):
        n.ws.articles.submit(n.ma, first)


def test_blocking_checks_stop_submit(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = n.ws.articles.create(n.ma, ArticleContent("", "  "))
    with pytest.raises(ChecksFailed) as caught:
        n.ws.articles.submit(n.ma, article_id)
    assert "标题为空" in caught.value.message("zh")
    assert "body is empty" in caught.value.message("en")
    assert n.ws.articles.get(article_id).state is State.DRAFT
    assert n.store.list_sign_offs(article_id) == []


def test_checks_are_pluggable(newsroom: Newsroom) -> None:
    from newsdesk.core.checks import Finding, Severity

    def no_placeholder(content: ArticleContent) -> list[Finding]:
        at = content.body.find("XX")
        if at < 0:
            return []
        return [
            Finding(
                "placeholder", Severity.ERROR, "正文有占位符", "placeholder", "body", at, at + 2
            )
        ]

    n = newsroom
    n.ws.articles.checks.append(no_placeholder)
    article_id = n.ws.articles.create(n.ma, ArticleContent("标题", "数据为XX万元"))
    with pytest.raises(ChecksFailed):
        n.ws.articles.submit(n.ma, article_id)


def test_publish_needs_a_wechat_url(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = draft(n)
    to_production(n, article_id)
    n.ws.articles.sign(n.sang, article_id)
    with pytest.raises(InvalidInput):
        n.ws.articles.publish(n.sang, article_id, "https://example.com/a")
    assert n.ws.articles.get(article_id).state is State.APPROVED


def test_a_disabled_user_is_refused_mid_session(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = draft(n)
    ma = n.ma
    n.ws.users.update(n.admin, "ma", disabled=True)
    with pytest.raises(AccountDisabled):
        n.ws.articles.submit(ma, article_id)


def test_a_refused_action_changes_nothing(newsroom: Newsroom) -> None:
    n = newsroom
    article_id = draft(n)
    before = (n.ws.articles.get(article_id), list(n.store.iter_audit()))
    with pytest.raises(WrongState):
        n.ws.articles.approve(n.feng, article_id)
    assert (n.ws.articles.get(article_id), list(n.store.iter_audit())) == before
