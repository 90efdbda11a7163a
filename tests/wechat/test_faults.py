"""A network or a WeChat that is briefly unwell: bounded retries with backoff, then a sentence.

Waits go to `naps` (the injected sleep), so the backoff is asserted, not waited for.
"""

from __future__ import annotations

import httpx
import pytest

from newsdesk.core.wechat_api import DraftArticle, WeChatRefused
from newsdesk.wechat import WeChatClient
from tests.wechat.conftest import picture
from tests.wechat_standin import WeChatStandIn

UPLOAD = "/cgi-bin/media/uploadimg"
GET = "/cgi-bin/draft/get"
ADD = "/cgi-bin/draft/add"


def draft(client: WeChatClient) -> DraftArticle:
    cover = client.add_material("cover.jpg", picture(), "image/jpeg")
    return DraftArticle(title="标题", content="<p>正文</p>", thumb_media_id=cover.media_id)


def test_a_dropped_connection_is_tried_again_after_a_second(
    wechat_server: WeChatStandIn, client: WeChatClient, naps: list[float]
) -> None:
    client.check()
    wechat_server.drop_next(UPLOAD)
    assert client.upload_image("a.jpg", picture(), "image/jpeg").startswith("http://mmbiz")
    assert naps == [1.0]
    dropped, answered = wechat_server.calls(UPLOAD)
    assert dropped.answer == "drop" and "url" in answered.answer


def test_a_network_that_stays_away_is_said_plainly_after_bounded_backoff(
    wechat_server: WeChatStandIn, client: WeChatClient, naps: list[float]
) -> None:
    client.check()
    wechat_server.offline_at(UPLOAD)  # the connection is lost mid-push, then refused
    with pytest.raises(WeChatRefused) as refused:
        client.upload_image("a.jpg", picture(), "image/jpeg")
    assert naps == [1.0, 2.0, 4.0]
    assert refused.value.code == 0 and refused.value.retry
    assert "Cannot connect to 127.0.0.1" in refused.value.message("en")
    assert "连不上" in refused.value.message("zh")


def test_a_network_that_comes_back_during_the_backoff(
    wechat_server: WeChatStandIn, http: httpx.Client
) -> None:
    waits: list[float] = []

    def nap(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 2:
            wechat_server.online()

    client = WeChatClient(
        wechat_server.appid,
        lambda: wechat_server.secret,
        api_base=wechat_server.base,
        http=http,
        sleep=nap,
    )
    client.check()
    wechat_server.offline_at(UPLOAD)
    client.upload_image("a.jpg", picture(), "image/jpeg")
    assert waits == [1.0, 2.0]


@pytest.mark.parametrize("code", [-1, 45011])
def test_busy_and_rate_limited_answers_are_tried_again(
    wechat_server: WeChatStandIn, client: WeChatClient, naps: list[float], code: int
) -> None:
    client.check()
    wechat_server.fail_next(GET, code, "system error", times=2)
    media_id = client.add_draft([draft(client)])
    assert len(client.draft_urls(media_id)) == 1
    assert naps == [1.0, 2.0]


@pytest.mark.parametrize(("code", "words"), [(-1, "busy"), (45011, "per-minute")])
def test_busy_for_too_long_ends_in_a_sentence(
    wechat_server: WeChatStandIn, client: WeChatClient, naps: list[float], code: int, words: str
) -> None:
    wechat_server.fail_next(GET, code, "system error", times=4)
    with pytest.raises(WeChatRefused) as refused:
        client.draft_urls("x")
    assert naps == [1.0, 2.0, 4.0] and sum(naps) <= 10
    assert refused.value.code == code and refused.value.retry
    assert words in refused.value.message("en")


def test_the_daily_quota_is_not_retried(
    wechat_server: WeChatStandIn, client: WeChatClient, naps: list[float]
) -> None:
    wechat_server.fail_next(UPLOAD, 45009, "reach max api daily quota limit")
    with pytest.raises(WeChatRefused) as refused:
        client.upload_image("a.jpg", picture(), "image/jpeg")
    assert naps == [] and len(wechat_server.calls(UPLOAD)) == 1
    assert refused.value.code == 45009 and refused.value.retry
    assert "明天再试" in refused.value.message("zh") and "tomorrow" in refused.value.message("en")


def test_invalid_content_is_not_retried(
    wechat_server: WeChatStandIn, client: WeChatClient, naps: list[float]
) -> None:
    wechat_server.fail_next(ADD, 45166, "invalid content hint: [a href]")
    with pytest.raises(WeChatRefused) as refused:
        client.add_draft([draft(client)])
    assert naps == [] and not refused.value.retry
    assert "invalid content hint: [a href]" in refused.value.message("en")
    assert "rid:" not in refused.value.message("en").split("“")[1].split("”")[0]


def test_a_server_error_is_tried_again(
    wechat_server: WeChatStandIn, client: WeChatClient, naps: list[float]
) -> None:
    client.check()
    wechat_server.http_error_next(UPLOAD, 502)
    client.upload_image("a.jpg", picture(), "image/jpeg")
    assert naps == [1.0]


def test_a_slow_answer_is_a_timeout_and_is_tried_again(
    wechat_server: WeChatStandIn, client: WeChatClient, naps: list[float]
) -> None:
    media_id = client.add_draft([draft(client)])
    wechat_server.slow_next(GET, 5)
    assert len(client.draft_urls(media_id)) == 1
    assert naps == [1.0]


def test_a_timeout_that_persists_is_a_clear_sentence(
    wechat_server: WeChatStandIn, client: WeChatClient, naps: list[float]
) -> None:
    client.check()
    for _ in range(4):
        wechat_server.slow_next(GET, 5)
    with pytest.raises(WeChatRefused) as refused:
        client.draft_urls("x")
    assert naps == [1.0, 2.0, 4.0] and refused.value.retry
    assert "did not answer within 0.3 seconds" in refused.value.message("en")
    assert "0.3 秒内没有应答" in refused.value.message("zh")


def test_an_answer_lost_after_adding_a_draft_does_not_add_a_second(
    wechat_server: WeChatStandIn, client: WeChatClient, naps: list[float]
) -> None:
    article = draft(client)
    wechat_server.slow_next(ADD, 5)  # WeChat makes the draft; its answer never arrives
    with pytest.raises(WeChatRefused) as refused:
        client.add_draft([article])
    assert naps == [] and len(wechat_server.calls(ADD)) == 1 and len(wechat_server.drafts) == 1
    assert not refused.value.retry
    assert "may have been done" in refused.value.message("en")
    assert "草稿箱" in refused.value.message("zh")


@pytest.mark.parametrize("path", [ADD, "/cgi-bin/freepublish/submit"])
def test_a_connection_dropped_after_sending_is_not_repeated_where_that_would_duplicate(
    wechat_server: WeChatStandIn, client: WeChatClient, naps: list[float], path: str
) -> None:
    media_id = client.add_draft([draft(client)])
    wechat_server.drop_next(path)
    with pytest.raises(WeChatRefused):
        if path == ADD:
            client.add_draft([draft(client)])
        else:
            client.submit_publish(media_id)
    assert naps == [] and len(wechat_server.calls(path)) == (2 if path == ADD else 1)


def test_a_connection_refused_before_adding_a_draft_is_tried_again(
    wechat_server: WeChatStandIn, http: httpx.Client
) -> None:
    waits: list[float] = []
    client = WeChatClient(
        wechat_server.appid,
        lambda: wechat_server.secret,
        api_base=wechat_server.base,
        http=http,
        sleep=lambda s: (waits.append(s), wechat_server.online()),  # type: ignore[func-returns-value]
    )
    article = draft(client)
    wechat_server.offline()  # nothing was sent, so sending is safe
    client.add_draft([article])
    assert waits == [1.0] and len(wechat_server.drafts) == 1


def test_a_base_that_is_not_wechat_is_said_so(
    wechat_server: WeChatStandIn, http: httpx.Client
) -> None:
    client = WeChatClient(
        wechat_server.appid,
        lambda: wechat_server.secret,
        api_base=wechat_server.base + "/wrong",
        http=http,
    )
    with pytest.raises(WeChatRefused) as refused:
        client.check()
    assert refused.value.code == 0 and "HTTP 404" in refused.value.message("en")
    assert "API base" in refused.value.message("en")
