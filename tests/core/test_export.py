"""The export of a signed article: body, 往期回顾, credits from real sign-offs, notices."""

from __future__ import annotations

import pytest

from newsdesk.core.errors import AdminRequired, ChecksFailed, InvalidInput, StaleContent, WrongState
from newsdesk.core.models import ArticleContent
from tests.conftest import BACKENDS, Newsroom
from tests.content.wechat_checks import assert_wechat_ready, parse, text


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


BODY = "县政府召开会议。\n\n见[应急局](https://yjj.example.gov.cn/plan)。\n"


def _signed(room: Newsroom, title: str = "县政府召开春季部署会", *, original: bool = True) -> int:
    content = ArticleContent(title, BODY, author="县融媒体中心", original=original)
    article_id = room.ws.articles.create(room.ma, content, ("yan",))
    room.ws.articles.submit(room.ma, article_id)
    room.ws.articles.approve(room.feng, article_id)
    room.ws.articles.sign(room.sang, article_id)
    return article_id


def test_export_ends_with_credits_from_the_people_who_signed(newsroom: Newsroom) -> None:
    article_id = _signed(newsroom)
    result = newsroom.ws.exports.export(None, article_id)
    root = assert_wechat_ready(result.html)
    body = text(result.html)
    assert "编辑丨马编辑 严编辑\xa0\xa0审核丨冯审核\xa0\xa0出品丨桑出品" in body
    assert body.index("县政府召开会议") < body.index("参考资料") < body.index("编辑丨")
    assert "本文为原创内容" in body  # the reprint notice of an original article
    assert "欢迎关注" in body
    assert "往期回顾" not in body  # nothing published yet
    assert (
        "编辑丨马编辑" in result.text
        and "[1] 应急局: https://yjj.example.gov.cn/plan" in result.text
    )
    assert root.tag == "section" and len(root.findall("section")) >= 2


def test_previous_issues_list_the_newest_published_articles_as_wechat_links(
    newsroom: Newsroom,
) -> None:
    arts = newsroom.ws.articles
    published = []
    for n in range(1, 5):
        earlier = _signed(newsroom, f"往期稿件{n}")
        newsroom.clock.advance(minutes=5)
        arts.publish(newsroom.sang, earlier, f"https://mp.weixin.qq.com/s/earlier-{n}")
        published.append(earlier)
    # An archived article lists only what was published before it.
    assert "往期回顾" not in text(newsroom.ws.exports.export(None, published[0]).html)
    second = parse(newsroom.ws.exports.export(None, published[1]).html)
    assert [a.text for a in second.iter("a")] == ["往期稿件1"]
    current = _signed(newsroom, "今日稿件")
    html = newsroom.ws.exports.export(newsroom.ma, current).html
    links = [(a.text, a.get("href")) for a in parse(html).iter("a")]
    assert links == [
        ("往期稿件4", "https://mp.weixin.qq.com/s/earlier-4"),
        ("往期稿件3", "https://mp.weixin.qq.com/s/earlier-3"),
        ("往期稿件2", "https://mp.weixin.qq.com/s/earlier-2"),
    ]
    assert text(html).index("往期回顾") < text(html).index("编辑丨")


def test_account_settings_change_the_ending_and_only_admins_change_them(newsroom: Newsroom) -> None:
    settings = newsroom.ws.settings
    with pytest.raises(AdminRequired):
        settings.set(newsroom.ma, "closing_line", "x")
    with pytest.raises(InvalidInput):
        settings.set(newsroom.admin, "previous_count", "many")
    with pytest.raises(InvalidInput):
        settings.set(newsroom.admin, "no_such_key", "1")
    settings.set(newsroom.admin, "closing_line", "舟曲融媒 · 与您同行")
    settings.set(newsroom.admin, "previous_count", "0")
    article_id = _signed(newsroom, original=False)
    body = text(newsroom.ws.exports.export(None, article_id).html)
    assert "舟曲融媒 · 与您同行" in body and "本文为原创内容" not in body
    actions = [e.action for e in newsroom.ws.repo.iter_audit()]
    assert actions.count("setting") == 2 and actions[-1] == "export"


@pytest.mark.parametrize("stage", ["draft", "awaiting_audit", "awaiting_production"])
def test_export_is_refused_before_the_producer_signs(newsroom: Newsroom, stage: str) -> None:
    arts = newsroom.ws.articles
    article_id = arts.create(newsroom.ma, ArticleContent("标题", BODY))
    if stage != "draft":
        arts.submit(newsroom.ma, article_id)
    if stage == "awaiting_production":
        arts.approve(newsroom.feng, article_id)
    with pytest.raises(WrongState):
        newsroom.ws.exports.export(newsroom.sang, article_id)
    assert newsroom.ws.exports.preview(article_id).html  # preview is always allowed


def test_export_is_refused_when_the_content_changed_after_signing(newsroom: Newsroom) -> None:
    article_id = _signed(newsroom)
    # Behind the service's back: the stored content no longer matches the producer's hash.
    newsroom.store._run("UPDATE revisions SET meta = replace(meta, '县融媒体中心', '别人')")
    with pytest.raises((StaleContent, WrongState)):
        newsroom.ws.exports.export(None, article_id)


def test_a_banned_word_added_after_signing_blocks_the_export(newsroom: Newsroom) -> None:
    article_id = _signed(newsroom)
    newsroom.ws.settings.set(newsroom.admin, "banned_words", "# 本单位禁用\n部署会\n")
    with pytest.raises(ChecksFailed) as refused:
        newsroom.ws.exports.export(None, article_id)
    assert "部署会" in refused.value.message("zh")


def test_pictures_in_the_store_are_embedded_in_the_export(newsroom: Newsroom, tmp_path) -> None:
    from tests.content.test_wechat_rules import PNG_1PX

    stored = newsroom.ws.media.add(PNG_1PX)
    content = ArticleContent("图片稿", f"![现场]({stored.ref})\n\n正文。")
    article_id = newsroom.ws.articles.create(newsroom.ma, content)
    rendered = newsroom.ws.exports.preview(article_id)
    assert not rendered.warnings
    assert parse(rendered.html).find(".//img").get("src").startswith("data:image/png;base64,")


def test_my_tasks_are_what_each_person_may_do_next(newsroom: Newsroom) -> None:
    arts = newsroom.ws.articles
    draft = arts.create(newsroom.ma, ArticleContent("草稿", BODY))
    audit = arts.create(newsroom.ma, ArticleContent("待审", BODY))
    arts.submit(newsroom.ma, audit)
    ids = lambda user: [s.id for s in arts.my_tasks(user)]  # noqa: E731
    assert ids(newsroom.ma) == [draft]  # ma cannot approve his own submission
    assert ids(newsroom.feng) == [audit]
    assert ids(newsroom.sang) == []


def test_a_reviewer_compares_with_what_they_last_signed(newsroom: Newsroom) -> None:
    from newsdesk.content.diffing import side_by_side

    arts = newsroom.ws.articles
    article_id = arts.create(newsroom.ma, ArticleContent("标题", "第一段。\n\n第二段。\n"))
    assert arts.baseline(newsroom.feng, article_id) is None  # one version only
    arts.submit(newsroom.ma, article_id)
    arts.approve(newsroom.feng, article_id)
    signed_version = arts.get(article_id).version
    newsroom.ws.locks.acquire(newsroom.sang, article_id)
    arts.save(
        newsroom.sang,
        article_id,
        ArticleContent("标题", "第一段。\n\n第二段有改动。\n"),
        signed_version,
    )
    baseline = arts.baseline(newsroom.feng, article_id)
    assert baseline is not None and baseline.version == signed_version
    rows = side_by_side(baseline.content.body, arts.get(article_id).content.body)
    assert [r.kind for r in rows] == ["same", "same", "changed"]
    assert rows[2].right == "第二段<ins>有改动</ins>。"


def test_a_bad_setting_is_refused_when_set_and_an_old_one_never_blocks_an_export(
    newsroom: Newsroom,
) -> None:
    settings = newsroom.ws.settings
    for key, value in (
        ("default_theme", "bogus"),
        ("default_theme", "../../etc/passwd"),
        ("default_theme", ""),
        ("name", "   "),
    ):
        with pytest.raises(InvalidInput):
            settings.set(newsroom.admin, key, value)
    assert settings.account().default_theme == "default" and settings.account().name
    assert [e.action for e in newsroom.ws.repo.iter_audit()].count("setting") == 0
    article_id = _signed(newsroom)
    plain = newsroom.ws.exports.export(None, article_id).html
    # An older database that took anything: the default theme and count, with a warning.
    account = newsroom.ws.accounts.get()
    with newsroom.ws.repo.transaction():
        newsroom.ws.repo.put_setting(f"account.{account.id}.default_theme", "../../etc/passwd")
        newsroom.ws.repo.put_setting(f"account.{account.id}.previous_count", "many")
    assert settings.account().previous_count == 3
    result = newsroom.ws.exports.export(None, article_id)
    assert result.html == plain
    [warning] = [w for w in result.warnings if w.code == "theme"]
    assert "../../etc/passwd" in warning.en and "default" in warning.en
    assert newsroom.ws.exports.preview(article_id).html == plain
    # A theme named on purpose is still refused when it cannot be used.
    with pytest.raises(InvalidInput):
        newsroom.ws.exports.export(None, article_id, theme="bogus")
