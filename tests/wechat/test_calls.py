"""Every call's happy path, and WeChat's refusals of each worded for people."""

from __future__ import annotations

import json

import httpx
import pytest

from newsdesk.core.wechat_api import DraftArticle, DraftGone, Material, WeChatRefused
from newsdesk.wechat import WeChatClient
from tests.wechat.conftest import picture
from tests.wechat_standin import WeChatStandIn

BODY = "<p>全县春耕生产工作会议召开。</p>"


def article(client: WeChatClient, **fields: object) -> DraftArticle:
    cover = client.add_material("封面.jpg", picture(size=(47, 20)), "image/jpeg")
    values: dict[str, object] = {
        "title": "全县部署春耕生产工作",
        "content": BODY,
        "thumb_media_id": cover.media_id,
        "author": "马编辑",
        "digest": "春耕",
    }
    values.update(fields)
    return DraftArticle(**values)  # type: ignore[arg-type]


def test_a_body_picture_goes_up_as_multipart_media(
    wechat_server: WeChatStandIn, client: WeChatClient
) -> None:
    data = picture("PNG")
    url = client.upload_image("会场 照片.png", data, "image/png")
    assert url.startswith("http://mmbiz.qpic.cn/")  # as WeChat gave it, http and all
    (seen,) = wechat_server.calls("/cgi-bin/media/uploadimg")
    assert seen.headers["content-type"].startswith("multipart/form-data")
    assert list(seen.files) == ["media"]
    upload = seen.files["media"]
    assert upload.data == data and upload.content_type == "image/png"
    assert upload.filename.endswith(".png") and upload.filename.isascii()
    assert wechat_server.images[url].data == data


def test_a_cover_goes_up_as_permanent_material(
    wechat_server: WeChatStandIn, client: WeChatClient
) -> None:
    material = client.add_material("cover.gif", picture("GIF"), "image/gif")
    assert isinstance(material, Material) and material.url.startswith("http://mmbiz.qpic.cn/")
    (seen,) = wechat_server.calls("/cgi-bin/material/add_material")
    assert seen.query["type"] == "image" and set(seen.files) == {"media"}
    assert wechat_server.materials[material.media_id].data == picture("GIF")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (picture("WEBP"), "JPG or PNG"),
        (b"\xff\xd8\xff" + bytes(1_000_000), "1 MB"),
        (b"", "JPG or PNG"),
    ],
    ids=["webp", "over-1-MB", "empty"],
)
def test_a_body_picture_wechat_would_refuse_is_refused_here_by_name(
    wechat_server: WeChatStandIn, client: WeChatClient, data: bytes, words: str
) -> None:
    with pytest.raises(WeChatRefused) as refused:
        client.upload_image("图3.webp", data, "image/jpeg")
    assert refused.value.code == 0
    assert "图3.webp" in refused.value.message("zh") and words in refused.value.message("en")
    assert wechat_server.requests == []


@pytest.mark.parametrize(
    ("code", "words"), [(40005, "JPG 或 PNG"), (40009, "1 MB"), (40006, "1 MB")]
)
def test_wechat_refusing_a_picture_names_it(
    wechat_server: WeChatStandIn, client: WeChatClient, code: int, words: str
) -> None:
    wechat_server.fail_next("/cgi-bin/media/uploadimg", code, "invalid image")
    with pytest.raises(WeChatRefused) as refused:
        client.upload_image("会场.jpg", picture(), "image/jpeg")
    assert refused.value.code == code
    assert "会场.jpg" in refused.value.message("zh") and words in refused.value.message("zh")


def test_a_draft_is_sent_as_unescaped_utf8_json(
    wechat_server: WeChatStandIn, client: WeChatClient
) -> None:
    first = article(client, pic_crop_235_1="0_0.1_1_0.525532", pic_crop_1_1="0.25_0_0.75_1")
    second = article(client, title="次条：职业教育获奖")
    media_id = client.add_draft([first, second])
    (seen,) = wechat_server.calls("/cgi-bin/draft/add")
    assert seen.headers["content-type"] == "application/json; charset=utf-8"
    assert "全县部署春耕生产工作".encode() in seen.raw and b"\\u" not in seen.raw
    assert [a["title"] for a in json.loads(seen.raw)["articles"]] == [first.title, second.title]
    sent = seen.json["articles"][0]
    assert sent["pic_crop_235_1"] == "0_0.1_1_0.525532" and sent["author"] == "马编辑"
    assert "pic_crop_1_1" not in seen.json["articles"][1]  # none given: left to WeChat
    assert [a["title"] for a in wechat_server.drafts[media_id]] == [first.title, second.title]
    assert wechat_server.escaped_bodies == [] and wechat_server.filtered_images == []


def test_the_stand_in_refuses_escaped_chinese(
    wechat_server: WeChatStandIn, client: WeChatClient
) -> None:
    client.check()
    escaped = json.dumps({"articles": [{"title": "标题", "content": "正文"}]}).encode()
    answer = httpx.post(
        wechat_server.base + "/cgi-bin/draft/add",
        params={"access_token": wechat_server.token},
        content=escaped,
    ).json()
    assert answer["errcode"] == 44003 and wechat_server.escaped_bodies == ["/cgi-bin/draft/add"]


def test_the_stand_in_drops_foreign_pictures_as_wechat_does(
    wechat_server: WeChatStandIn, client: WeChatClient
) -> None:
    url = client.upload_image("a.jpg", picture(), "image/jpeg")
    content = f'<p><img src="{url}"><img src="https://example.com/a.jpg"></p>'
    media_id = client.add_draft([article(client, content=content)])
    assert wechat_server.filtered_images == ["https://example.com/a.jpg"]
    assert wechat_server.drafts[media_id][0]["content"] == f'<p><img src="{url}"></p>'


def test_a_data_picture_is_invalid_content(
    wechat_server: WeChatStandIn, client: WeChatClient
) -> None:
    with pytest.raises(WeChatRefused) as refused:
        client.add_draft([article(client, content='<img src="data:image/png;base64,iVBO">')])
    assert refused.value.code == 45166 and not refused.value.retry
    assert "data: image" in refused.value.message("en")


@pytest.mark.parametrize(
    ("fields", "code", "words"),
    [
        ({"title": "县" * 33}, 45003, "标题太长：微信要求不超过 32 个字"),
        ({"digest": "摘" * 129}, 45004, "摘要太长：微信要求不超过 128 个字"),
        ({"content": "<p>" + "字" * 20_000 + "</p>"}, 45002, "正文太长：微信要求少于 20,000 字"),
    ],
    ids=["title", "digest", "content"],
)
def test_an_overlong_field_is_named_with_its_limit(
    wechat_server: WeChatStandIn,
    client: WeChatClient,
    fields: dict[str, str],
    code: int,
    words: str,
) -> None:
    too_long = article(client, **fields)
    with pytest.raises(WeChatRefused) as refused:
        client.add_draft([article(client), too_long])
    assert refused.value.code == code
    assert words in refused.value.message("zh")
    assert f"《{too_long.title}》" in refused.value.message("zh")


def test_a_cover_that_is_not_permanent_material(
    wechat_server: WeChatStandIn, client: WeChatClient
) -> None:
    with pytest.raises(WeChatRefused) as refused:
        client.add_draft([article(client, thumb_media_id="temporary-id")])
    assert refused.value.code == 40007 and not isinstance(refused.value, DraftGone)
    assert "re-upload" in refused.value.message(
        "en"
    ).lower() or "Upload the cover again" in refused.value.message("en")


def test_comments_on_an_account_without_them(
    wechat_server: WeChatStandIn, client: WeChatClient
) -> None:
    wechat_server.comments_allowed = False
    with pytest.raises(WeChatRefused) as refused:
        client.add_draft([article(client, need_open_comment=1)])
    assert refused.value.code == 88000 and "open comments" in refused.value.message("en")


def test_a_draft_is_updated_and_read_back(
    wechat_server: WeChatStandIn, client: WeChatClient
) -> None:
    media_id = client.add_draft([article(client), article(client, title="次条")])
    client.update_draft(media_id, 1, article(client, title="次条（更正）"))
    (seen,) = wechat_server.calls("/cgi-bin/draft/update")
    assert seen.json["index"] == 1 and isinstance(seen.json["articles"], dict)
    assert "次条（更正）".encode() in seen.raw
    assert [a["title"] for a in wechat_server.drafts[media_id]] == [
        "全县部署春耕生产工作",
        "次条（更正）",
    ]
    urls = client.draft_urls(media_id)
    assert len(urls) == 2 and all(u.startswith("https://mp.weixin.qq.com/") for u in urls)


def test_a_draft_deleted_in_the_web_editor_is_gone(
    wechat_server: WeChatStandIn, client: WeChatClient
) -> None:
    media_id = client.add_draft([article(client)])
    wechat_server.delete_draft(media_id)
    with pytest.raises(DraftGone) as gone:
        client.update_draft(media_id, 0, article(client))
    assert gone.value.code == 40007 and "new one" in gone.value.message("en")
    with pytest.raises(DraftGone):
        client.draft_urls(media_id)


def test_publishing_is_followed_until_published(
    wechat_server: WeChatStandIn, client: WeChatClient
) -> None:
    wechat_server.publish_polls = 2
    media_id = client.add_draft([article(client), article(client, title="次条")])
    publish_id = client.submit_publish(media_id)
    states = [client.publish_state(publish_id) for _ in range(3)]
    assert [(s.status, s.done) for s in states] == [(1, False), (1, False), (0, True)]
    urls = states[-1].article_urls
    assert len(urls) == 2 and all(u.startswith("https://mp.weixin.qq.com/s/") for u in urls)
    assert list(urls) == [
        item["article_url"]
        for item in wechat_server.calls("/cgi-bin/freepublish/get")[-1].answer["article_detail"][
            "item"
        ]
    ]
    with pytest.raises(DraftGone):  # a published draft leaves the box
        client.draft_urls(media_id)


@pytest.mark.parametrize("status", [2, 3, 4, 5, 6])
def test_a_failed_publication_says_which_articles(
    wechat_server: WeChatStandIn, client: WeChatClient, status: int
) -> None:
    wechat_server.publish_polls, wechat_server.publish_outcome = 0, status
    wechat_server.publish_fail_idx = [2]
    media_id = client.add_draft([article(client), article(client, title="次条")])
    state = client.publish_state(client.submit_publish(media_id))
    assert state.status == status and state.done and list(state.article_urls) == []
    assert list(state.failed_positions) == ([1] if status in (2, 4) else [])


def test_publishing_on_an_unverified_account_leaves_the_draft(
    wechat_server: WeChatStandIn, client: WeChatClient
) -> None:
    wechat_server.verified = False
    media_id = client.add_draft([article(client)])
    with pytest.raises(WeChatRefused) as refused:
        client.submit_publish(media_id)
    assert refused.value.code == 48001
    assert "草稿已在草稿箱里，请在公众平台手动发布" in refused.value.message("zh")
    assert "publish it by hand" in refused.value.message("en")
    assert media_id in wechat_server.drafts


@pytest.mark.parametrize("code", [44002, 44003])
def test_a_malformed_request_is_called_a_defect_and_logged(
    wechat_server: WeChatStandIn, client: WeChatClient, code: int, caplog: pytest.LogCaptureFixture
) -> None:
    wechat_server.fail_next("/cgi-bin/draft/add", code, "empty news data")
    with pytest.raises(WeChatRefused) as refused:
        client.add_draft([article(client)])
    assert "defect" in refused.value.message("en") and "缺陷" in refused.value.message("zh")
    assert any(r.levelname == "ERROR" and "defect" in r.getMessage() for r in caplog.records)


def test_an_unknown_code_keeps_wechats_words_and_rid(
    wechat_server: WeChatStandIn, client: WeChatClient
) -> None:
    wechat_server.fail_next("/cgi-bin/draft/get", 53503, "draft can not be get")
    with pytest.raises(WeChatRefused) as refused:
        client.draft_urls("x")
    message = refused.value.message("en")
    assert refused.value.code == 53503 and "53503" in message
    assert "draft can not be get rid: " in message


def test_a_draft_takes_one_to_eight_articles(
    wechat_server: WeChatStandIn, client: WeChatClient
) -> None:
    with pytest.raises(WeChatRefused):
        client.add_draft([])
    with pytest.raises(WeChatRefused):
        client.add_draft([article(client)] * 9)
    assert "/cgi-bin/draft/add" not in wechat_server.paths
