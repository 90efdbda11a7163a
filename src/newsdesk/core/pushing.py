"""Straight into the 公众号: signed articles become one draft in the account's draft box, and,
on a verified account, are published; the article URLs come back into the record.

Only what the chain signed goes out, exactly as signed: the content is the export (body,
参考资料, 往期回顾, credits, notices) with each picture's `data:` URI replaced by the URL WeChat
gave for the same bytes. Network calls never run inside a store transaction; what a push
learned (a picture's URL) is kept as it goes, what it did (the draft) is recorded once it
succeeded, so a push that fails half-way marks no article as pushed and loses nothing.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from newsdesk.content.images import (
    CLEAN_UPLOAD_BYTES,
    COVER_RATIOS,
    ImageError,
    crop_fractions,
    for_upload,
)
from newsdesk.core import chain
from newsdesk.core.accounts import AccountService
from newsdesk.core.articles import ArticleService
from newsdesk.core.context import Context
from newsdesk.core.errors import ChainRefusal, InvalidInput, NewsdeskError, NotFound, Words
from newsdesk.core.exporting import ExportService
from newsdesk.core.media import MediaService
from newsdesk.core.models import Account, Action, Article, PushRecord, User
from newsdesk.core.proofreading import FIELD_WORDS
from newsdesk.core.users import UserService
from newsdesk.core.wechat_api import (
    DraftArticle,
    DraftGone,
    PublishState,
    WeChatApi,
    WeChatRefused,
)

PUSH_WORDS = ("推送到公众号", "push")
MAX_ARTICLES = 8  # one draft holds a 头条 and up to seven 次条
API_LIMITS = {"title": 32, "author": 16, "digest": 128}  # the draft API's, not the web editor's
_DATA_IMAGE = re.compile(r'src="(data:(image/[a-z+]+);base64,([A-Za-z0-9+/=]+))"')
_OTHER_IMAGE = re.compile(r'<img[^>]*\ssrc="(https?://[^"]+)"')
_WECHAT_IMAGES = re.compile(r"^https?://mmbiz\.q(?:pic|logo)\.cn/", re.I)
PUBLISH_OUTCOMES = {
    2: ("原创校验未通过", "the originality check failed"),
    3: ("发布失败", "publishing failed"),
    4: ("审核未通过", "WeChat's review refused it"),
    5: ("已被删除", "it was deleted"),
    6: ("已被封禁", "it was banned"),
}
Progress = Callable[[Words, int, int], None]  # what is happening (中文, English), done, total
Connect = Callable[[Account], WeChatApi]


@dataclass(frozen=True)
class PushResult:
    push: PushRecord
    account: Account
    updated: bool  # the draft made last time was brought up to date
    preview_urls: list[str] = field(default_factory=list)
    pictures_uploaded: int = 0


@dataclass
class _Step:
    name: str = "connect"


@dataclass(frozen=True)
class _Prepared:
    article: Article
    draft: DraftArticle


def _no_progress(what: Words, done: int, total: int) -> None:
    pass


class PushService:
    def __init__(
        self,
        ctx: Context,
        users: UserService,
        articles: ArticleService,
        exports: ExportService,
        media: MediaService,
        accounts: AccountService,
        connect: Connect | None,
    ) -> None:
        self._ctx, self._users, self._articles = ctx, users, articles
        self._exports, self._media, self._accounts = exports, media, accounts
        self._connect = connect

    # --- what may go -------------------------------------------------------------------------

    def check(
        self, actor: User, article_ids: Sequence[int], account: str | None = None
    ) -> tuple[Account, list[Article]]:
        """Everything a push checks before any network call: the articles and their account,
        or the refusal that names what is wrong."""
        actor = self._users.fresh(actor)
        if not 1 <= len(article_ids) <= MAX_ARTICLES:
            raise InvalidInput(
                f"一次推送 1 至 {MAX_ARTICLES} 篇稿件（第一篇为头条）",
                f"a push takes 1 to {MAX_ARTICLES} articles (the first is the lead)",
            )
        if len(set(article_ids)) != len(article_ids):
            raise InvalidInput("同一篇稿件不能推送两次", "an article is listed twice")
        articles = [self._articles.get(i) for i in article_ids]
        chosen = self._accounts.get(account) if account else None
        owner = chosen or self._accounts.by_id(articles[0].account_id)
        for article in articles:
            view = chain.ChainView(article, self._ctx.repo.list_sign_offs(article.id))
            try:  # who may push: who may mark published
                chain.check(Action.PUBLISH, actor, view)
            except ChainRefusal as refusal:
                raise refusal.for_action(PUSH_WORDS) from None
            if article.account_id != owner.id:
                other = self._accounts.by_id(article.account_id)
                raise InvalidInput(
                    f"《{article.content.title}》属于公众号“{other.title}”，不能推送到“{owner.title}”",
                    f"“{article.content.title}” belongs to {other.title}, not {owner.title}",
                )
            for name, limit in API_LIMITS.items():
                value = getattr(article.content, name)
                if len(value) > limit:
                    zh, en = FIELD_WORDS[name]
                    raise InvalidInput(
                        f"《{article.content.title}》的{zh}有 {len(value)} 字，接口推送最多 {limit} 字"
                        "（网页编辑器的上限更宽）；请重新编辑后缩短",
                        f"the {en} of “{article.content.title}” has {len(value)} characters; the"
                        f" API takes at most {limit} (reopen the article to shorten it)",
                    )
        if not owner.appid:
            raise InvalidInput(
                f"公众号“{owner.title}”还没有设置接口（newsdesk wechat setup，或 管理 → 公众号）",
                f"the account {owner.title} has no API connection yet (newsdesk wechat setup)",
            )
        return owner, articles

    # --- the push ----------------------------------------------------------------------------

    def push(
        self,
        actor: User,
        article_ids: Sequence[int],
        account: str | None = None,
        progress: Progress = _no_progress,
    ) -> PushResult:
        owner, articles = self.check(actor, article_ids, account)
        step = _Step()
        try:
            api, media_id, updated, prepared, uploaded = self._send(
                actor, owner, articles, progress, step
            )
            with self._ctx.repo.transaction():
                record = self._ctx.repo.add_push(
                    owner.id,
                    [(p.article.id, p.article.content_hash) for p in prepared],
                    media_id,
                    actor.id,
                    self._ctx.clock(),
                )
                self._ctx.record(
                    actor.id,
                    "push",
                    None,
                    account=owner.name,
                    articles=[
                        {"id": p.article.id, "hash": p.article.content_hash} for p in prepared
                    ],
                    draft_media_id=media_id,
                    updated=updated,
                )
        except NewsdeskError as error:
            self._record_failure(actor, owner, articles, step.name, error)
            raise
        try:
            previews = api.draft_urls(media_id)
        except DraftGone:
            previews = []
        return PushResult(record, owner, updated, previews, uploaded)

    def _send(
        self,
        actor: User,
        owner: Account,
        articles: list[Article],
        progress: Progress,
        step: _Step,
    ) -> tuple[WeChatApi, str, bool, list[_Prepared], int]:
        """The network part of a push: pictures, covers, then the draft; `step` says where it
        is, for the record of a push that fails."""
        api = self._api(owner)
        prepared: list[_Prepared] = []
        uploaded = 0
        for number, article in enumerate(articles, start=1):
            title = article.content.title
            progress(
                (
                    f"准备第 {number} 篇：{title}",
                    f"preparing article {number} of {len(articles)}: {title}",
                ),
                number - 1,
                len(articles),
            )
            step.name = "export"  # the push's own entry records what went, not an export's
            export = self._exports.export(actor, article.id, how="push", record=False)
            step.name = "pictures"
            content, first_picture, count = self._pictures(api, owner, export.html, progress)
            uploaded += count
            step.name = "cover"
            thumb, crops = self._cover(api, owner, article, first_picture)
            prepared.append(
                _Prepared(
                    article,
                    DraftArticle(
                        title=article.content.title,
                        content=content,
                        thumb_media_id=thumb,
                        author=article.content.author,
                        digest=article.content.digest,
                        content_source_url=article.content.source_url,
                        pic_crop_235_1=crops["2.35x1"],
                        pic_crop_1_1=crops["1x1"],
                    ),
                )
            )
        progress(("放入草稿箱", "putting it into the draft box"), len(articles), len(articles))
        step.name = "draft"
        media_id, updated = self._draft(
            api, owner, [p.draft for p in prepared], [a.id for a in articles]
        )
        step.name = "record"
        return api, media_id, updated, prepared, uploaded

    def _record_failure(
        self,
        actor: User,
        account: Account,
        articles: Sequence[Article],
        step: str,
        error: NewsdeskError,
    ) -> None:
        """A push or publish that failed, as what it was: who, which articles, at which step,
        WeChat's error code (0: no answer at all; null: refused here, before WeChat). If even
        this cannot be written (the store is gone), the push's own error is what is said."""
        code = error.code if isinstance(error, WeChatRefused) else None
        try:
            with self._ctx.repo.transaction():
                self._ctx.record(
                    actor.id,
                    "push_failed",
                    None,
                    account=account.name,
                    articles=[{"id": a.id, "hash": a.content_hash} for a in articles],
                    step=step,
                    code=code,
                    why=error.message("en"),
                )
        except NewsdeskError:
            pass

    def test(self, account: Account) -> None:
        """Fetch a token for the account: proves its AppID, AppSecret and IP whitelist."""
        if not account.appid:
            raise InvalidInput(
                f"公众号“{account.title}”还没有设置接口（newsdesk wechat setup，或 管理 → 公众号）",
                f"the account {account.title} has no API connection yet (newsdesk wechat setup)",
            )
        self._api(account).check()

    def _api(self, account: Account) -> WeChatApi:
        if self._connect is None:
            raise InvalidInput(
                "这台电脑上没有公众号接口（本程序未带接口模块）",
                "this program has no WeChat API module",
            )
        return self._connect(account)

    def _pictures(
        self, api: WeChatApi, account: Account, html: str, progress: Progress
    ) -> tuple[str, bytes | None, int]:
        """The export with every embedded picture swapped for its WeChat URL; each distinct
        picture goes up once per account, ever (its URL is remembered for every PC)."""
        for match in _OTHER_IMAGE.finditer(html):
            if not _WECHAT_IMAGES.match(match.group(1)):
                raise InvalidInput(
                    f"正文中的网络图片不能推送：{match.group(1)}（请下载后插入稿件）",
                    f"a picture on another site cannot be pushed: {match.group(1)}"
                    " (download it and insert it into the article)",
                )
        urls: dict[str, str] = {}
        first: bytes | None = None
        count = 0
        sources = list(dict.fromkeys(m.group(1) for m in _DATA_IMAGE.finditer(html)))
        for index, source in enumerate(sources, start=1):
            data = base64.b64decode(source.split(",", 1)[1])
            first = first if first is not None else data
            digest = hashlib.sha256(data).hexdigest()
            known = self._ctx.repo.wechat_media(account.id, digest, "image")
            if known is None:
                progress(
                    (
                        f"上传图片 {index}/{len(sources)}",
                        f"uploading picture {index} of {len(sources)}",
                    ),
                    index - 1,
                    len(sources),
                )
                picture = self._uploadable(data)
                url = api.upload_image(f"{digest[:16]}.{picture[1]}", picture[0], picture[2])
                with self._ctx.repo.transaction():
                    self._ctx.repo.put_wechat_media(
                        account.id, digest, "image", url, "", self._ctx.clock()
                    )
                count += 1
            else:
                url = known[0]
            urls[source] = url
        content = _DATA_IMAGE.sub(lambda m: f'src="{urls[m.group(1)]}"', html)
        return content, first, count

    @staticmethod
    def _uploadable(data: bytes) -> tuple[bytes, str, str]:
        """(bytes, extension, mime) that `uploadimg` takes: jpg or png under 1 MB."""
        try:
            picture = for_upload(data, CLEAN_UPLOAD_BYTES)
        except ImageError as error:
            raise InvalidInput(error.zh, error.en) from None
        extension = "png" if picture.mime == "image/png" else "jpg"
        return picture.data, extension, picture.mime

    def _cover(
        self, api: WeChatApi, account: Account, article: Article, first_picture: bytes | None
    ) -> tuple[str, dict[str, str]]:
        """The cover as permanent material (once per account) and its two crops."""
        if article.content.cover:
            data, focus = self._media.cover(article.content.cover)
        elif first_picture is not None:
            data, focus = first_picture, (0.5, 0.5)
        else:
            raise InvalidInput(
                f"《{article.content.title}》没有封面图，正文里也没有图片可作封面；请设置封面图",
                f"“{article.content.title}” has no cover and no picture to use as one",
            )
        try:
            crops = {
                name: crop_fractions(data, ratio, focus) for name, ratio in COVER_RATIOS.items()
            }
            picture = for_upload(data, 10_000_000)
        except ImageError as error:
            raise InvalidInput(error.zh, error.en) from None
        digest = hashlib.sha256(data).hexdigest()
        known = self._ctx.repo.wechat_media(account.id, digest, "material")
        if known is not None:
            return known[1], crops
        extension = "png" if picture.mime == "image/png" else "jpg"
        material = api.add_material(f"cover-{digest[:16]}.{extension}", picture.data, picture.mime)
        with self._ctx.repo.transaction():
            self._ctx.repo.put_wechat_media(
                account.id, digest, "material", material.url, material.media_id, self._ctx.clock()
            )
        return material.media_id, crops

    def _draft(
        self,
        api: WeChatApi,
        account: Account,
        drafts: list[DraftArticle],
        article_ids: Sequence[int],
    ) -> tuple[str, bool]:
        """Update the draft the same push made last time if it is still in the box; else a
        new one. Never two drafts for one push by accident."""
        earlier = self._ctx.repo.last_push(account.id, article_ids)
        if earlier is not None and earlier.publish_status != "published":
            try:
                for index, draft in enumerate(drafts):
                    api.update_draft(earlier.draft_media_id, index, draft)
                return earlier.draft_media_id, True
            except DraftGone:
                pass  # published or deleted since: a new draft
        return api.add_draft(drafts), False

    # --- publishing --------------------------------------------------------------------------

    def publish(self, actor: User, push_id: int) -> PushRecord:
        """Submit the push's draft for publishing (verified accounts)."""
        record = self._push_record(push_id)
        account, _ = self.check(
            actor, record.article_ids, self._accounts.by_id(record.account_id).name
        )
        try:
            publish_id = self._api(account).submit_publish(record.draft_media_id)
        except NewsdeskError as error:
            articles = [self._articles.get(i) for i in record.article_ids]
            self._record_failure(actor, account, articles, "publish", error)
            raise
        with self._ctx.repo.transaction():
            self._ctx.repo.set_push_state(record.id, publish_id, "publishing")
            self._ctx.record(
                actor.id,
                "publish_submit",
                None,
                account=account.name,
                draft_media_id=record.draft_media_id,
                publish_id=publish_id,
            )
        return self._push_record(push_id)

    def follow(self, actor: User, push_id: int) -> tuple[PushRecord, PublishState]:
        """Ask how publishing goes; once published, each article is marked published with its
        real URL (so 往期回顾 uses it). A failure is recorded; the draft stays."""
        record = self._push_record(push_id)
        account = self._accounts.by_id(record.account_id)
        state = self._api(account).publish_state(record.publish_id)
        if not state.done:
            return record, state
        if state.status == 0:
            for article_id, url in zip(record.article_ids, state.article_urls, strict=False):
                if self._articles.get(article_id).published_url != url:
                    self._articles.publish(actor, article_id, url)
            status = "published"
        else:
            zh, _ = PUBLISH_OUTCOMES.get(state.status, ("发布失败", "publishing failed"))
            status = f"failed: {zh}"
        with self._ctx.repo.transaction():
            self._ctx.repo.set_push_state(record.id, record.publish_id, status)
            self._ctx.record(
                actor.id,
                "publish_result",
                None,
                account=account.name,
                publish_id=record.publish_id,
                status=state.status,
                urls=list(state.article_urls),
            )
        return self._push_record(push_id), state

    def _push_record(self, push_id: int) -> PushRecord:
        record = self._ctx.repo.get_push(push_id)
        if record is None:
            raise NotFound(("推送记录", "push"), push_id)
        return record
