"""Articles and the review chain's use cases. Every rule is checked here, inside the same
transaction that makes the change, so no caller (CLI, UI, script) can get around it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from newsdesk.content.proofreading import Category
from newsdesk.content.text_stats import word_count
from newsdesk.core import chain
from newsdesk.core.checks import DEFAULT_CHECKS, Check, Finding, run_checks
from newsdesk.core.context import Context
from newsdesk.core.errors import (
    ChainRefusal,
    ChecksFailed,
    InvalidInput,
    LockLost,
    NotAnEditor,
    NotFound,
    ReasonRequired,
    RoleRequired,
    StaleSave,
)
from newsdesk.core.models import (
    ACTION_LABELS,
    ROLE_LABELS,
    Account,
    Action,
    Article,
    ArticleContent,
    ArticleSummary,
    Level,
    Note,
    NoteKind,
    PushedArticle,
    Revision,
    RevisionKind,
    Role,
    SearchHit,
    SignOff,
    State,
    User,
)
from newsdesk.core.proofreading import FIELD_WORDS, ProofreadingService
from newsdesk.core.users import UserService

_ARTICLE_WORDS = ("稿件", "article")
_REVISION_WORDS = ("修改版本", "revision")
_CREATE_WORDS = ("新建稿件", "create articles")
_WECHAT_URL = re.compile(r"^https://mp\.weixin\.qq\.com/\S+$")
ALL_LEVELS = (Level.EDITOR, Level.AUDITOR, Level.PRODUCER)
# The actions that sign a level, and whose proofreading must be settled first.
_SIGNING = {Action.SUBMIT: Level.EDITOR, Action.APPROVE: Level.AUDITOR, Action.SIGN: Level.PRODUCER}
_NEXT_LEVEL = {Level.EDITOR: Level.AUDITOR, Level.AUDITOR: Level.PRODUCER}


@dataclass(frozen=True)
class ArticleDetails:
    """An article with everything the review panel and `article show` present."""

    article: Article
    sign_offs: list[SignOff]
    notes: list[Note]
    revisions: list[Revision]
    names: dict[int, str]  # user id -> display name, for everyone mentioned above
    account: Account | None = None  # the 公众号 it is written for
    pushed: PushedArticle | None = None  # its latest push into that account's draft box

    def credits(self) -> dict[Level, list[str]]:
        """Who answers for each level, from valid sign-offs and the article's editors."""
        view = chain.ChainView(self.article, self.sign_offs)
        result: dict[Level, list[str]] = {
            Level.EDITOR: [self.names[i] for i in self.article.editor_ids]
        }
        for level in (Level.AUDITOR, Level.PRODUCER):
            signed = view.valid(level)
            result[level] = [self.names[signed.user_id]] if signed else []
        return result


@dataclass(frozen=True)
class SaveResult:
    version: int
    changed: bool
    sent_back_to_audit: bool = False


class ArticleService:
    def __init__(
        self,
        ctx: Context,
        users: UserService,
        checks: Sequence[Check] = DEFAULT_CHECKS,
        proofreading: ProofreadingService | None = None,
    ) -> None:
        self._ctx = ctx
        self._repo = ctx.repo
        self._users = users
        self.checks: list[Check] = list(checks)
        self.proofreading = proofreading or ProofreadingService(ctx, users)

    # --- reading -------------------------------------------------------------------------------

    def get(self, article_id: int) -> Article:
        article = self._repo.get_article(article_id)
        if article is None:
            raise NotFound(_ARTICLE_WORDS, article_id)
        return article

    def details(self, article_id: int) -> ArticleDetails:
        article = self.get(article_id)
        sign_offs = self._repo.list_sign_offs(article_id)
        notes = self._repo.list_notes(article_id)
        revisions = self._repo.list_revisions(article_id)
        ids = {*article.editor_ids, article.creator_id}
        ids |= {s.user_id for s in sign_offs} | {n.user_id for n in notes}
        ids |= {r.user_id for r in revisions}
        names = self.names_of(list(ids))
        account = next((a for a in self._repo.list_accounts() if a.id == article.account_id), None)
        pushed = self._repo.pushed_article(article_id)
        return ArticleDetails(article, sign_offs, notes, revisions, names, account, pushed)

    def names_of(self, user_ids: Sequence[int]) -> dict[int, str]:
        return {i: self._users.by_id(i).display_name for i in set(user_ids)}

    def revision(self, revision_id: int) -> Revision:
        revision = self._repo.get_revision(revision_id)
        if revision is None:
            raise NotFound(_REVISION_WORDS, revision_id)
        return revision

    def queue(
        self, state: State | None = None, limit: int = 50, offset: int = 0
    ) -> list[ArticleSummary]:
        return self._repo.queue([state] if state else None, limit, offset)

    def counts(self) -> dict[State, int]:
        return self._repo.count_by_state()

    def search(self, text: str, limit: int = 20) -> list[SearchHit]:
        if not text.strip():
            raise InvalidInput("搜索内容为空", "the search text is empty")
        return self._repo.search(text, limit)

    def baseline(self, actor: User, article_id: int) -> Revision | None:
        """What a reviewer compares with by default: the version they last signed
        (docs/review-chain.md), else the version before the current one. With its content
        loaded."""
        revisions = [
            r for r in self._repo.list_revisions(article_id) if r.kind is RevisionKind.SAVE
        ]
        mine = [s for s in self._repo.list_sign_offs(article_id) if s.user_id == actor.id]
        if mine:
            signed = max(mine, key=lambda s: s.signed_at).content_hash
            matching = [r for r in revisions if r.content_hash == signed]
            if matching:
                return self.revision(max(matching, key=lambda r: r.version).id)
        current = self.get(article_id).revision_id
        older = [r for r in revisions if r.id != current]
        return self.revision(max(older, key=lambda r: r.version).id) if older else None

    def my_tasks(self, actor: User, limit: int = 200) -> list[ArticleSummary]:
        """What waits for `actor`: articles where they may submit, approve, sign or publish now."""
        wanted = (Action.SUBMIT, Action.APPROVE, Action.SIGN, Action.PUBLISH)
        candidates = self._repo.task_candidates(
            actor.id,
            auditor=actor.has_role(Role.AUDITOR),
            producer=actor.has_role(Role.PRODUCER) or actor.is_admin,
            limit=limit,
        )
        # The chain decides, on every candidate, with what it needs loaded in three queries and
        # no text: on a team server each query is a round trip over the network.
        ids = [c.id for c in candidates]
        articles = {a.id: a for a in self._repo.article_heads(ids)}
        sign_offs = self._repo.sign_offs_for(ids)
        tasks = []
        for summary in candidates:
            article = articles.get(summary.id)
            if article is None:
                continue
            view = chain.ChainView(article, sign_offs.get(article.id, []))
            if any(chain.allows(action, actor, view) for action in wanted):
                tasks.append(summary)
        return tasks

    def findings(self, content: ArticleContent) -> list[Finding]:
        """The pre-submit checks' findings: required fields, WeChat's limits, any plugged in.
        The word lists are not among them: the proofreader checks those (`proofreading`)."""
        return run_checks(self.checks, content)

    def blocking(self, content: ArticleContent) -> list[Finding]:
        """What refuses submit and export: a check's error, or a banned word (the proofreader
        finds those, in every field, and they cannot be dismissed)."""
        banned = [f for f in self.proofreading.check(content) if f.category is Category.BANNED]
        return [f for f in (*self.findings(content), *banned) if f.blocking]

    def refuse_blocking(self, content: ArticleContent) -> None:
        blocking = self.blocking(content)
        if blocking:
            words = [_said(f, content) for f in blocking]
            raise ChecksFailed([w[0] for w in words], [w[1] for w in words])

    def permitted(
        self, actor: User, article_id: int, only: Action | None = None
    ) -> dict[Action, ChainRefusal | None]:
        """What `actor` may do to the article now, each refusal saying why; `only`: that one
        action (the others are not looked at: no proofreading when it is not a signing)."""
        article = self.get(article_id)
        allowed = chain.permitted(
            actor, chain.ChainView(article, self._repo.list_sign_offs(article_id))
        )
        if only is not None:
            allowed = {only: allowed[only]}
        for action in _SIGNING:
            if allowed.get(action, False) is None:
                try:  # the same proofreading gate the action itself applies
                    self.proofreading.require_resolved(action, article)
                except ChainRefusal as refusal:
                    allowed[action] = refusal
        return allowed

    # --- writing -------------------------------------------------------------------------------

    def create(
        self,
        actor: User,
        content: ArticleContent,
        co_editors: Sequence[str] = (),
        account_id: int | None = None,
    ) -> int:
        """A new draft, for the account `account_id` (the first account by default)."""
        actor = self._users.fresh(actor)
        if not actor.has_role(Role.EDITOR):
            raise RoleRequired(_CREATE_WORDS, ROLE_LABELS[Role.EDITOR], actor.display_name)
        with self._repo.transaction():
            editor_ids = [actor.id, *self._editor_ids(co_editors, exclude=actor.id)]
            account = account_id if account_id is not None else self._repo.list_accounts()[0].id
            article_id = self._repo.create_article(
                content,
                actor.id,
                editor_ids,
                self._ctx.clock(),
                account,
                characters=word_count(content.body),
            )
            self.proofreading.note_stage(article_id, Level.EDITOR, content, fresh=True)
            self._ctx.record(actor.id, "create", article_id, hash=content.content_hash())
        return article_id

    def save(
        self,
        actor: User,
        article_id: int,
        content: ArticleContent,
        base_version: int,
        co_editors: Sequence[str] | None = None,
    ) -> SaveResult:
        """Save new text, and the co-editors (usernames) when given, as one change: a refused
        co-editor saves nothing. Refuses a stale save or one made without the lock, keeping
        the text."""
        actor = self._users.fresh(actor)
        refusal: StaleSave | LockLost | None = None
        with self._repo.transaction():
            now = self._ctx.clock()
            article = self.get(article_id)
            view = chain.ChainView(article, self._repo.list_sign_offs(article_id))
            chain.check(Action.EDIT, actor, view)
            editor_ids = self._new_editor_ids(actor, article, co_editors)
            lock = self._repo.get_lock(article_id)
            if lock is not None and lock.live(now) and lock.user_id != actor.id:
                kept = self._repo.add_side_revision(
                    article_id, content, actor.id, now, RevisionKind.CONFLICT
                )
                refusal = LockLost(self._users.by_id(lock.user_id).display_name, kept)
            elif article.version != base_version:
                kept = self._repo.add_side_revision(
                    article_id, content, actor.id, now, RevisionKind.CONFLICT
                )
                refusal = StaleSave(article.version, base_version, kept)
            elif content == article.content:
                self._set_editors(actor, article_id, editor_ids)
                return SaveResult(article.version, changed=False)
            else:
                version = self._repo.save_content(
                    article_id, content, actor.id, now, characters=word_count(content.body)
                )
                self._set_editors(actor, article_id, editor_ids)
                sent_back = article.state is State.AWAITING_PRODUCTION
                if sent_back:
                    # The producer changed what the auditor approved: the auditor must see it again.
                    self._repo.void_sign_offs(
                        article_id, [Level.AUDITOR, Level.PRODUCER], "edited by producer", now
                    )
                    self._repo.set_state(article_id, State.AWAITING_AUDIT, now)
                    self._ctx.record(
                        actor.id, "sent_back_by_edit", article_id, hash=content.content_hash()
                    )
                    self.proofreading.note_stage(article_id, Level.AUDITOR, content, fresh=True)
                return SaveResult(version, changed=True, sent_back_to_audit=sent_back)
        assert refusal is not None
        raise refusal

    def _draft_for(self, actor: User, article_id: int) -> Article:
        """The article, if it is a draft `actor` edits (call inside the write transaction)."""
        article = self.get(article_id)
        view = chain.ChainView(article, self._repo.list_sign_offs(article_id))
        if article.state is not State.DRAFT:
            chain.check(Action.SUBMIT, actor, view)  # raises the WrongState refusal
        if not view.is_editor(actor):
            raise NotAnEditor(ACTION_LABELS[Action.EDIT], actor.display_name)
        return article

    def set_co_editors(self, actor: User, article_id: int, usernames: Sequence[str]) -> None:
        actor = self._users.fresh(actor)
        with self._repo.transaction():
            article = self._draft_for(actor, article_id)
            ids = [article.creator_id, *self._editor_ids(usernames, exclude=article.creator_id)]
            self._set_editors(actor, article_id, ids)

    def _new_editor_ids(
        self, actor: User, article: Article, usernames: Sequence[str] | None
    ) -> list[int] | None:
        """The editors a save asks for, if they differ from the article's: checked (real
        editors, changed only by an editor of a draft) before anything is written."""
        if usernames is None:
            return None
        ids = [article.creator_id, *self._editor_ids(usernames, exclude=article.creator_id)]
        if ids == list(article.editor_ids):
            return None  # the same editors: an auditor's file may name them unchanged
        if article.state is not State.DRAFT or actor.id not in article.editor_ids:
            raise InvalidInput(
                "只有稿件的编辑能在“编辑中”时更改合作编辑；这次给出的编辑与稿件现有的不同，未保存任何内容",
                "only the article's editors may change its co-editors, and only while it is a"
                " draft; the editors given differ from the article's, so nothing was saved",
            )
        return ids

    def _set_editors(self, actor: User, article_id: int, ids: list[int] | None) -> None:
        if ids is not None:
            self._repo.set_editors(article_id, ids)
            self._ctx.record(actor.id, "editors", article_id, editors=ids)

    def set_account(self, actor: User, article_id: int, account_id: int) -> None:
        """Which 公众号 a draft is written for (its ending and 往期回顾 follow the account)."""
        actor = self._users.fresh(actor)
        with self._repo.transaction():
            article = self._draft_for(actor, article_id)
            if account_id not in {a.id for a in self._repo.list_accounts()}:
                raise NotFound(("公众号", "official account"), account_id)
            if account_id != article.account_id:
                self._repo.set_article_account(article_id, account_id)
                self._ctx.record(actor.id, "account", article_id, account_id=account_id)

    def submit(self, actor: User, article_id: int) -> None:
        self._transition(actor, article_id, Action.SUBMIT)

    def approve(self, actor: User, article_id: int) -> None:
        self._transition(actor, article_id, Action.APPROVE)

    def sign(self, actor: User, article_id: int) -> None:
        self._transition(actor, article_id, Action.SIGN)

    def return_(self, actor: User, article_id: int, reason: str) -> None:
        self._transition(actor, article_id, Action.RETURN, reason=reason)

    def reopen(self, actor: User, article_id: int, reason: str) -> None:
        self._transition(actor, article_id, Action.REOPEN, reason=reason)

    def spike(self, actor: User, article_id: int, reason: str) -> None:
        self._transition(actor, article_id, Action.SPIKE, reason=reason)

    def publish(self, actor: User, article_id: int, url: str) -> None:
        url = url.strip()
        if not _WECHAT_URL.match(url):
            raise InvalidInput(
                "发布链接须为 https://mp.weixin.qq.com/ 开头的公众号文章地址",
                "the published URL must be a WeChat article link (https://mp.weixin.qq.com/...)",
            )
        self._transition(actor, article_id, Action.PUBLISH, url=url)

    def record_export(
        self, actor: User | None, article_id: int, how: str, *, record: bool = True
    ) -> Article:
        """Check that the article may leave the building (rule 5) and log that it did.

        Export needs no role (rule 5 binds it to the content, not the person); a CLI export
        without `--as` is logged with no actor."""
        if actor is not None:
            actor = self._users.fresh(actor)
        with self._repo.transaction():
            article = self.get(article_id)
            chain.check(
                Action.EXPORT,
                actor,
                chain.ChainView(article, self._repo.list_sign_offs(article_id)),
            )
            if record:
                self._ctx.record(
                    actor.id if actor else None,
                    "export",
                    article_id,
                    how=how,
                    hash=article.content_hash,
                )
        return article

    # --- internals -----------------------------------------------------------------------------

    def _transition(
        self, actor: User, article_id: int, action: Action, *, reason: str = "", url: str = ""
    ) -> None:
        actor = self._users.fresh(actor)
        with self._repo.transaction():
            now = self._ctx.clock()
            article = self.get(article_id)
            view = chain.ChainView(article, self._repo.list_sign_offs(article_id))
            chain.check(action, actor, view)
            reason = reason.strip()
            if action in (Action.RETURN, Action.REOPEN, Action.SPIKE):
                if len(reason) < chain.MIN_REASON_LENGTH:
                    raise ReasonRequired(ACTION_LABELS[action], chain.MIN_REASON_LENGTH)
                self._repo.add_note(
                    article_id, NoteKind(action.value), actor.id, reason, article.state, now
                )
            digest = article.content_hash
            detail: dict[str, object] = {}
            if action is Action.SUBMIT:
                self.refuse_blocking(article.content)
            if action in _SIGNING:
                self.proofreading.require_resolved(action, article)
                level = _SIGNING[action]
                record = self.proofreading.record(article_id, level, article.content)
                self._repo.add_sign_off(article_id, level, actor.id, digest, now, record)
                detail["proofreading"] = asdict(record)
                following = _NEXT_LEVEL.get(level)
                if following is not None:  # the next level's stage begins with this text
                    self.proofreading.note_stage(article_id, following, article.content, fresh=True)
            elif action in (Action.RETURN, Action.REOPEN):
                self._repo.void_sign_offs(article_id, ALL_LEVELS, action.value, now)
                self.proofreading.note_stage(article_id, Level.EDITOR, article.content, fresh=True)
            target = chain.TARGET_STATE[action]
            if action is Action.PUBLISH:
                self._repo.set_state(article_id, target, now, published_url=url, published_at=now)
            else:
                self._repo.set_state(article_id, target, now)
            self._repo.delete_lock(article_id)  # a new stage: whoever edited before is done
            detail |= {"from": article.state.value, "to": target.value, "hash": digest}
            if reason:
                detail["reason"] = reason
            if url:
                detail["url"] = url
            self._ctx.record(actor.id, action.value, article_id, **detail)

    def _editor_ids(self, usernames: Sequence[str], *, exclude: int) -> list[int]:
        ids: list[int] = []
        for name in usernames:
            user = self._users.get(name)
            if not user.has_role(Role.EDITOR):
                raise RoleRequired(
                    ("担任稿件编辑", "co-edit an article"),
                    ROLE_LABELS[Role.EDITOR],
                    user.display_name,
                )
            if user.id != exclude and user.id not in ids:
                ids.append(user.id)
        return ids


def _said(finding: Finding, content: ArticleContent) -> tuple[str, str]:
    """A blocking finding in a refusal: a check says it whole; a banned word is named with its
    field, as the refusal always has (正文含禁用词“…”)."""
    if finding.category is not Category.BANNED:
        return finding.message_zh, finding.message_en
    zh_field, en_field = FIELD_WORDS[finding.field]
    return (
        f"{zh_field}含禁用词“{finding.text}”",
        f"the {en_field} contains the banned word “{finding.text}”",
    )
