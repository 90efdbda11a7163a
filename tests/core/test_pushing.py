"""Pushing signed articles into the 公众号's draft box and publishing them, through the push
service and the real API client against a stand-in of the API served over HTTP, on both
backends."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from PIL import Image

from newsdesk.core.errors import InvalidInput, StaleContent, WrongState
from newsdesk.core.models import ArticleContent, State
from newsdesk.core.wechat_api import WeChatRefused
from newsdesk.core.workspace import Workspace
from newsdesk.wechat import WeChatClient
from tests.conftest import BACKENDS, Newsroom
from tests.wechat_standin import WeChatStandIn


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def picture(colour: str, size: tuple[int, int] = (640, 400)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


@pytest.fixture
def room(newsroom: Newsroom, wechat_server: WeChatStandIn) -> Workspace:
    """The newsroom's workspace, its first account connected to the stand-in."""
    n = newsroom

    def connect(account: object) -> WeChatClient:
        return WeChatClient(
            wechat_server.appid,
            lambda: wechat_server.secret,
            api_base=wechat_server.base,
            sleep=lambda seconds: None,
        )

    ws = Workspace(n.store, clock=n.clock, machine="pc-test", connect=connect)  # type: ignore[arg-type]
    ws.accounts.connect(n.admin, None, wechat_server.appid, wechat_server.base)
    return ws


def signed(n: Newsroom, ws: Workspace, title: str, body: str, cover: bytes | None = None) -> int:
    content = ArticleContent(title, body, author="县融媒体中心", digest="一句话摘要。")
    if cover is not None:
        content = replace(content, cover=ws.media.cover_ref(cover, (0.5, 0.3)))
    article_id = ws.articles.create(n.ma, content)
    ws.articles.submit(n.ma, article_id)
    ws.articles.approve(n.feng, article_id)
    ws.articles.sign(n.sang, article_id)
    return article_id


def body_with(ws: Workspace, *colours: str) -> str:
    refs = [ws.media.add(picture(c)).ref for c in colours]
    return "县里召开会议，部署春耕生产。\n\n" + "".join(f"![现场]({r})\n\n" for r in refs)


def test_signed_articles_become_one_draft_with_their_pictures_and_covers(
    newsroom: Newsroom, room: Workspace, wechat_server: WeChatStandIn
) -> None:
    n, ws = newsroom, room
    lead = signed(n, ws, "头条：全县部署春耕", body_with(ws, "red", "blue"), picture("green"))
    second = signed(n, ws, "次条：河口镇见闻", body_with(ws, "red"))  # no cover: its picture is
    result = ws.pushes.push(n.sang, [lead, second])

    [added] = wechat_server.calls("/cgi-bin/draft/add")
    articles = added.json["articles"]
    assert [a["title"] for a in articles] == ["头条：全县部署春耕", "次条：河口镇见闻"]
    assert not added.escaped and "头条".encode() in added.raw  # UTF-8, never \\u escapes
    # Exactly the export, each embedded picture swapped for the URL WeChat gave for it.
    for article_id, sent in zip((lead, second), articles, strict=True):
        export = ws.exports.export(n.sang, article_id)
        sources = re.findall(r'src="([^"]+)"', sent["content"])
        assert sources and all(s.startswith("http://mmbiz.qpic.cn/") for s in sources)
        assert re.sub(r'src="[^"]+"', "", sent["content"]) == re.sub(
            r'src="[^"]+"', "", export.html
        )
        assert "出品丨桑出品" in sent["content"]
    assert len(wechat_server.calls("/cgi-bin/media/uploadimg")) == 2  # red once, blue once
    assert len(wechat_server.calls("/cgi-bin/material/add_material")) == 2  # both covers
    assert articles[0]["pic_crop_235_1"] and articles[0]["pic_crop_1_1"]
    assert wechat_server.filtered_images == []
    assert result.push.draft_media_id in wechat_server.drafts and not result.updated
    shown = ws.articles.details(lead).pushed
    assert shown is not None and shown.push.draft_media_id == result.push.draft_media_id
    assert shown.pushed_hash == ws.articles.get(lead).content_hash
    entry = [e for e in n.store.iter_audit() if e.action == "push"][-1]
    assert entry.detail["draft_media_id"] == result.push.draft_media_id
    assert entry.actor_id == n.sang.id


def test_the_same_push_again_updates_its_draft_until_the_draft_is_gone(
    newsroom: Newsroom, room: Workspace, wechat_server: WeChatStandIn
) -> None:
    n, ws = newsroom, room
    article_id = signed(n, ws, "城关镇消息", body_with(ws, "red"), picture("green"))
    first = ws.pushes.push(n.sang, [article_id])
    again = ws.pushes.push(n.sang, [article_id])
    assert again.updated and again.push.draft_media_id == first.push.draft_media_id
    assert len(wechat_server.calls("/cgi-bin/draft/add")) == 1
    assert len(wechat_server.calls("/cgi-bin/media/uploadimg")) == 1  # remembered per account
    wechat_server.delete_draft(first.push.draft_media_id)  # someone deleted it on the web
    third = ws.pushes.push(n.sang, [article_id])
    assert not third.updated and third.push.draft_media_id != first.push.draft_media_id
    assert set(wechat_server.drafts) == {third.push.draft_media_id}


def test_only_what_the_chain_signed_goes_and_the_refusals_come_before_any_call(
    newsroom: Newsroom, room: Workspace, wechat_server: WeChatStandIn
) -> None:
    n, ws = newsroom, room
    draft = ws.articles.create(n.ma, ArticleContent("未签发", "正文。"))
    with pytest.raises(WrongState):
        ws.pushes.push(n.sang, [draft])
    long_title = signed(n, ws, "标" * 33, body_with(ws, "red"))
    with pytest.raises(InvalidInput, match="at most 32"):
        ws.pushes.push(n.sang, [long_title])
    bare = signed(n, ws, "没有图片", "正文。")
    with pytest.raises(InvalidInput, match="no cover"):
        ws.pushes.push(n.sang, [bare])
    with pytest.raises(InvalidInput, match="1 to 8"):
        ws.pushes.push(n.sang, [bare] * 0)
    assert wechat_server.requests == []
    # An edit after signing voids the signature: the chain refuses it (docs/review-chain.md).
    ok = signed(n, ws, "已签发", body_with(ws, "red"), picture("green"))
    ws.articles.reopen(n.ma, ok, "补充一段文字")
    with pytest.raises((WrongState, StaleContent)):
        ws.pushes.push(n.sang, [ok])


def test_a_push_that_fails_half_way_marks_nothing_and_the_next_one_finishes(
    newsroom: Newsroom, room: Workspace, wechat_server: WeChatStandIn
) -> None:
    n, ws = newsroom, room
    article_id = signed(n, ws, "断网测试", body_with(ws, "red", "blue"), picture("green"))
    wechat_server.offline_at("/cgi-bin/material/add_material")  # the cover never arrives
    with pytest.raises(WeChatRefused) as failed:
        ws.pushes.push(n.sang, [article_id])
    assert failed.value.retry
    assert ws.articles.details(article_id).pushed is None  # not marked as pushed
    assert not [e for e in n.store.iter_audit() if e.action == "push"]
    wechat_server.online()
    uploads = len(wechat_server.calls("/cgi-bin/media/uploadimg"))
    result = ws.pushes.push(n.sang, [article_id])
    assert len(wechat_server.calls("/cgi-bin/media/uploadimg")) == uploads  # none again
    assert ws.articles.details(article_id).pushed is not None and result.push.draft_media_id


def test_wechat_refusals_are_plain_sentences(
    newsroom: Newsroom, room: Workspace, wechat_server: WeChatStandIn
) -> None:
    n, ws = newsroom, room
    article_id = signed(n, ws, "白名单", body_with(ws, "red"), picture("green"))
    wechat_server.refuse_ip = "203.0.113.7"
    with pytest.raises(WeChatRefused) as refused:
        ws.pushes.push(n.sang, [article_id])
    assert "203.0.113.7" in refused.value.message("zh") and "IP白名单" in refused.value.message(
        "zh"
    )
    wechat_server.refuse_ip = None
    wechat_server.fail_next("/cgi-bin/draft/add", 45009)
    with pytest.raises(WeChatRefused) as quota:
        ws.pushes.push(n.sang, [article_id])
    assert quota.value.code == 45009
    assert ws.articles.details(article_id).pushed is None
    wechat_server.rotate_token()  # another holder rotated the token: one fetch, one retry
    assert ws.pushes.push(n.sang, [article_id]).push.draft_media_id


def test_publishing_follows_the_status_and_brings_the_urls_back(
    newsroom: Newsroom, room: Workspace, wechat_server: WeChatStandIn
) -> None:
    n, ws = newsroom, room
    article_id = signed(n, ws, "发布测试", body_with(ws, "red"), picture("green"))
    later = signed(n, ws, "后来的稿件", body_with(ws, "blue"), picture("green"))
    wechat_server.publish_polls = 2
    pushed = ws.pushes.push(n.sang, [article_id])
    record = ws.pushes.publish(n.sang, pushed.push.id)
    assert record.publish_status == "publishing" and record.publish_id
    states = []
    for _ in range(4):
        record, state = ws.pushes.follow(n.sang, record.id)
        states.append(state.status)
        if state.done:
            break
    assert states == [1, 1, 0]
    article = ws.articles.get(article_id)
    assert article.state is State.PUBLISHED
    assert article.published_url.startswith("https://mp.weixin.qq.com/s/")
    assert record.publish_status == "published"
    # 往期回顾 of the next article now lists it, with its real address.
    assert article.published_url in ws.exports.export(n.sang, later).html


def test_an_unverified_account_keeps_the_draft_and_says_so(
    newsroom: Newsroom, room: Workspace, wechat_server: WeChatStandIn
) -> None:
    n, ws = newsroom, room
    article_id = signed(n, ws, "未认证", body_with(ws, "red"), picture("green"))
    wechat_server.verified = False
    pushed = ws.pushes.push(n.sang, [article_id])
    with pytest.raises(WeChatRefused) as refused:
        ws.pushes.publish(n.sang, pushed.push.id)
    assert refused.value.code == 48001
    assert pushed.push.draft_media_id in wechat_server.drafts
    assert ws.articles.get(article_id).state is State.APPROVED
