"""Plain data the domain works with. Immutable; services build new values instead of mutating."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from enum import StrEnum


class Role(StrEnum):
    EDITOR = "editor"
    AUDITOR = "auditor"
    PRODUCER = "producer"
    ADMIN = "admin"


ROLE_LABELS: dict[Role, tuple[str, str]] = {
    Role.EDITOR: ("编辑", "editor"),
    Role.AUDITOR: ("审核", "auditor"),
    Role.PRODUCER: ("出品", "producer"),
    Role.ADMIN: ("管理员", "administrator"),
}


class State(StrEnum):
    DRAFT = "draft"
    AWAITING_AUDIT = "awaiting_audit"
    AWAITING_PRODUCTION = "awaiting_production"
    APPROVED = "approved"
    PUBLISHED = "published"
    SPIKED = "spiked"


STATE_LABELS: dict[State, tuple[str, str]] = {
    State.DRAFT: ("编辑中", "draft"),
    State.AWAITING_AUDIT: ("待审核", "awaiting audit"),
    State.AWAITING_PRODUCTION: ("待出品", "awaiting sign-off"),
    State.APPROVED: ("已签发", "approved"),
    State.PUBLISHED: ("已发布", "published"),
    State.SPIKED: ("已作废", "spiked"),
}


class Level(StrEnum):
    """The three levels of 三审, in order. A person signs at most one of them per article."""

    EDITOR = "editor"
    AUDITOR = "auditor"
    PRODUCER = "producer"


LEVEL_LABELS: dict[Level, tuple[str, str]] = {
    Level.EDITOR: ("编辑", "editor"),
    Level.AUDITOR: ("审核", "auditor"),
    Level.PRODUCER: ("出品", "producer"),
}


class Action(StrEnum):
    EDIT = "edit"
    SUBMIT = "submit"
    APPROVE = "approve"
    SIGN = "sign"
    RETURN = "return"
    REOPEN = "reopen"
    SPIKE = "spike"
    PUBLISH = "publish"
    EXPORT = "export"


ACTION_LABELS: dict[Action, tuple[str, str]] = {
    Action.EDIT: ("修改", "edit"),
    Action.SUBMIT: ("提交审核", "submit"),
    Action.APPROVE: ("审核通过", "approve"),
    Action.SIGN: ("签发", "sign off"),
    Action.RETURN: ("退回", "return"),
    Action.REOPEN: ("重新编辑", "reopen"),
    Action.SPIKE: ("作废", "spike"),
    Action.PUBLISH: ("标记为已发布", "mark published"),
    Action.EXPORT: ("导出", "export"),
}


@dataclass(frozen=True)
class User:
    id: int
    username: str
    display_name: str
    roles: frozenset[Role]
    disabled: bool = False
    created_at: datetime | None = None

    def has_role(self, role: Role) -> bool:
        return role in self.roles

    @property
    def is_admin(self) -> bool:
        return Role.ADMIN in self.roles


@dataclass(frozen=True)
class Credentials:
    """What sign-in needs; kept apart from User so a hash never travels with a user object."""

    user: User
    password_hash: str
    failed_attempts: int
    last_failed_at: datetime | None


@dataclass(frozen=True)
class ArticleContent:
    """Everything that appears in the export, and so everything a sign-off vouches for."""

    title: str
    body: str
    author: str = ""
    digest: str = ""
    column: str = ""
    cover: str = ""  # media hash of the cover image, "" for none
    source_url: str = ""
    original: bool = False

    def content_hash(self) -> str:
        canonical = json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def metadata(self) -> dict[str, object]:
        data = asdict(self)
        del data["title"], data["body"]
        return data


@dataclass(frozen=True)
class Article:
    id: int
    content: ArticleContent
    state: State
    version: int
    creator_id: int
    editor_ids: tuple[int, ...]
    created_at: datetime
    updated_at: datetime
    revision_id: int
    published_url: str = ""
    published_at: datetime | None = None
    account_id: int = 1  # the 公众号 it is written for

    @property
    def content_hash(self) -> str:
        return self.content.content_hash()


@dataclass(frozen=True)
class Account:
    """One 公众号 of the workspace: `name` for commands, `title` as readers see it, and its API
    connection (the AppSecret is never here: it stays on each PC, see newsdesk.wechat)."""

    id: int
    name: str
    title: str
    appid: str = ""
    api_base: str = ""


@dataclass(frozen=True)
class PushRecord:
    """One push of signed articles into an account's draft box, and what became of it."""

    id: int
    account_id: int
    article_ids: tuple[int, ...]  # in the draft's order: the first is the 头条
    draft_media_id: str
    user_id: int
    pushed_at: datetime
    publish_id: str = ""
    publish_status: str = ""  # "", publishing, published, failed: <reason>


@dataclass(frozen=True)
class PushedArticle:
    """Where an article went in the 公众号: its latest push and the text that was sent."""

    push: PushRecord
    position: int
    pushed_hash: str


class TopicState(StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"  # assigned, and usually slotted
    WRITING = "writing"  # a draft is linked
    DONE = "done"  # its article is published (derived from the article, never stored)
    DROPPED = "dropped"


# A topic being written is done when its article is published: (topic state, article state)
# → effective state. Derived on every read, never stored, so an unpublish shows at once.
TOPIC_DONE_WHEN: tuple[TopicState, State, TopicState] = (
    TopicState.WRITING,
    State.PUBLISHED,
    TopicState.DONE,
)


TOPIC_STATE_LABELS: dict[TopicState, tuple[str, str]] = {
    TopicState.PROPOSED: ("已报题", "proposed"),
    TopicState.ACCEPTED: ("已派题", "accepted"),
    TopicState.WRITING: ("写稿中", "writing"),
    TopicState.DONE: ("已发布", "done"),
    TopicState.DROPPED: ("已放弃", "dropped"),
}


@dataclass(frozen=True)
class Topic:
    """A 选题: proposed, accepted and assigned, slotted into a day's push (position 1 is the 头条,
    2 to 8 the 次条), written, published or dropped."""

    id: int
    title: str
    brief: str
    column: str
    account_id: int
    proposed_by: int
    state: TopicState
    assignees: tuple[int, ...]
    due: date | None
    slot: date | None
    position: int | None
    article_id: int | None
    drop_reason: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class ArticleHead:
    """What the chain needs to decide about an article, without its text: a task list asks
    this of hundreds of articles at once."""

    id: int
    state: State
    editor_ids: tuple[int, ...]
    content_hash: str


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    title: str
    state: State
    author: str
    column: str
    creator_name: str
    updated_at: datetime
    version: int


class RevisionKind(StrEnum):
    SAVE = "save"
    CONFLICT = "conflict"  # a stale save or a save after losing the lock: kept, never current


@dataclass(frozen=True)
class Revision:
    id: int
    article_id: int
    version: int
    user_id: int
    created_at: datetime
    content_hash: str
    kind: RevisionKind
    content: ArticleContent | None = None  # loaded on demand; listings leave it out


@dataclass(frozen=True)
class ProofRecord:
    """What proofreading found during one level's stage, kept with that level's sign-off."""

    found: int  # findings this level saw on the text while it was theirs
    fixed: int  # of those, gone from the text it signed
    dismissed: int  # still in the signed text, dismissed with a reason


@dataclass(frozen=True)
class SignOff:
    id: int
    article_id: int
    level: Level
    user_id: int
    content_hash: str
    signed_at: datetime
    voided_at: datetime | None = None
    void_reason: str = ""
    proofreading: ProofRecord | None = None  # None on sign-offs made before 三校 was recorded

    @property
    def valid(self) -> bool:
        return self.voided_at is None


class NoteKind(StrEnum):
    RETURN = "return"
    REOPEN = "reopen"
    SPIKE = "spike"
    BRIEF = "brief"  # the 选题's brief, given to the draft started from it


@dataclass(frozen=True)
class Note:
    """A reason given with a return, reopen or spike."""

    id: int
    article_id: int
    kind: NoteKind
    user_id: int
    reason: str
    created_at: datetime
    from_state: State


@dataclass(frozen=True)
class Dismissal:
    """A person's decision that a proofreading finding stands as written, and why."""

    article_id: int
    key: str
    category: str
    field: str
    text: str  # the words the finding was about
    context: str  # the line around them, as it read
    reason: str
    user_id: int
    content_hash: str  # the text it was dismissed on
    created_at: datetime


@dataclass(frozen=True)
class SeenFinding:
    key: str
    category: str
    severity: str


@dataclass(frozen=True)
class Lock:
    article_id: int
    user_id: int
    machine: str
    acquired_at: datetime
    heartbeat_at: datetime
    expires_at: datetime

    def live(self, now: datetime) -> bool:
        return now < self.expires_at


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor_id: int | None
    action: str
    article_id: int | None
    detail: dict[str, object] = field(default_factory=dict)
    prev_hash: str = ""
    hash: str = ""


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    title: str
    state: State
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    score: float


@dataclass(frozen=True)
class Media:
    hash: str
    mime: str
    size: int
    width: int | None
    height: int | None
    original: str | None = None  # the hash of the picture this one was recompressed from
