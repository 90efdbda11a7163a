"""The storage contract the core needs. `newsdesk.store` implements it; the core never imports
a backend, so a PostgreSQL store can sit beside the SQLite one without touching the rules."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from newsdesk.core.models import (
    Account,
    Article,
    ArticleContent,
    ArticleHead,
    ArticleSummary,
    AuditEntry,
    Credentials,
    Dismissal,
    Level,
    Lock,
    Media,
    Note,
    NoteKind,
    ProofRecord,
    PushedArticle,
    PushRecord,
    Revision,
    RevisionKind,
    Role,
    SearchHit,
    SeenFinding,
    SignOff,
    State,
    Topic,
    TopicState,
    User,
)


@dataclass(frozen=True)
class Location:
    """Where a workspace lives: a database file on this PC, or a team server.

    `shown` is what messages and the window may print: the file's path, or the server's URL
    without its password and without the options after `?`."""

    shown: str
    path: Path | None = None  # the database file; None for a server
    # What `open_repository` takes to reach the same workspace again (a worker thread's own
    # connection): a server's URL with its password. For connecting, never for showing.
    address: str = field(default="", repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.address:  # a file, or a server given without a password: as shown
            object.__setattr__(self, "address", str(self.path) if self.path else self.shown)

    @property
    def local(self) -> bool:
        """A file on this PC: backups beside it, network-share warnings apply."""
        return self.path is not None

    @property
    def server(self) -> str | None:
        """The server's URL as shown (never a password), or None for a file."""
        return None if self.path is not None else self.shown


class Repository(Protocol):
    # --- where it is, and its connection ------------------------------------------------------
    @property
    def location(self) -> Location: ...
    @property
    def target(self) -> str:
        """`location.shown`: the file or the server, as messages name it."""
        ...

    def unhurried(self) -> AbstractContextManager[None]:
        """For long jobs: no server deadlines inside (nothing to lift for a file)."""
        ...

    def try_again(self) -> None:
        """Forget that the server was silent a moment ago (a no-op for a file)."""
        ...

    def users_count_probe(self) -> int:
        """Read a real table: a damaged file often opens and fails only at its first read."""
        ...

    # --- transactions: every service write runs inside exactly one of these -----------------
    def transaction(self) -> AbstractContextManager[None]:
        """A write transaction: all or nothing, serialised against other writers."""
        ...

    # --- users ---------------------------------------------------------------------------------
    def count_users(self) -> int: ...
    def add_user(
        self,
        username: str,
        display_name: str,
        roles: frozenset[Role],
        password_hash: str,
        now: datetime,
    ) -> User: ...
    def get_user(self, user_id: int) -> User | None: ...
    def find_user(self, username: str) -> User | None: ...
    def get_credentials(self, username: str) -> Credentials | None: ...
    def list_users(self) -> list[User]: ...
    def update_user(
        self,
        user_id: int,
        *,
        display_name: str | None = None,
        roles: frozenset[Role] | None = None,
        disabled: bool | None = None,
        password_hash: str | None = None,
    ) -> None: ...
    def record_failed_sign_in(self, user_id: int, now: datetime) -> None: ...
    def clear_failed_sign_ins(self, user_id: int) -> None: ...

    # --- 公众号 accounts --------------------------------------------------------------------
    def list_accounts(self) -> list[Account]: ...
    def add_account(self, name: str, title: str, now: datetime) -> Account: ...
    def update_account(
        self,
        account_id: int,
        *,
        title: str | None = None,
        appid: str | None = None,
        api_base: str | None = None,
    ) -> None: ...

    # --- articles and revisions ---------------------------------------------------------------
    def create_article(
        self,
        content: ArticleContent,
        creator_id: int,
        editor_ids: Sequence[int],
        now: datetime,
        account_id: int = 1,
        *,
        characters: int,
    ) -> int:
        """`characters` is the body's 字数, counted by the caller (content.text_stats)."""
        ...

    def set_article_account(self, article_id: int, account_id: int) -> None: ...
    def get_article(self, article_id: int) -> Article | None: ...
    def article_heads(self, article_ids: Sequence[int]) -> list[ArticleHead]:
        """State, editors and content hash of several articles at once (missing ones left
        out), in two queries and without reading any text."""
        ...

    def save_content(
        self,
        article_id: int,
        content: ArticleContent,
        user_id: int,
        now: datetime,
        *,
        characters: int,
    ) -> int:
        """Store a new current revision and bump the version; returns the new version.
        `characters` is the new body's 字数, counted by the caller."""
        ...

    def add_side_revision(
        self,
        article_id: int,
        content: ArticleContent,
        user_id: int,
        now: datetime,
        kind: RevisionKind,
    ) -> int:
        """Keep text that must not become current (a stale save); returns the revision id."""
        ...

    def set_editors(self, article_id: int, editor_ids: Sequence[int]) -> None: ...
    def set_state(
        self,
        article_id: int,
        state: State,
        now: datetime,
        *,
        published_url: str = "",
        published_at: datetime | None = None,
    ) -> None: ...
    def list_revisions(self, article_id: int) -> list[Revision]: ...
    def get_revision(self, revision_id: int) -> Revision | None: ...
    def queue(
        self, states: Sequence[State] | None, limit: int, offset: int = 0
    ) -> list[ArticleSummary]: ...
    def task_candidates(
        self, user_id: int, *, auditor: bool, producer: bool, limit: int
    ) -> list[ArticleSummary]:
        """Newest first, the articles where this person could possibly act next: drafts they
        edit, audit or production work their roles cover, approved articles they edited or
        (producer) may publish. A superset of their tasks; the chain decides which they are."""
        ...

    def count_by_state(self) -> dict[State, int]: ...
    def recently_published(
        self, limit: int, exclude_id: int, before: datetime | None = None, account_id: int = 1
    ) -> list[tuple[str, str]]:
        """(title, WeChat URL) of the account's published articles (published before
        `before`), newest first."""
        ...

    def search(self, query: str, limit: int) -> list[SearchHit]: ...
    def published_between(self, start: datetime, end: datetime) -> list[int]:
        """Ids of articles published in [start, end), in the order they went out."""
        ...

    # --- the chain's records ------------------------------------------------------------------
    def add_sign_off(
        self,
        article_id: int,
        level: Level,
        user_id: int,
        content_hash: str,
        now: datetime,
        proofreading: ProofRecord | None = None,
    ) -> None: ...
    def void_sign_offs(
        self, article_id: int, levels: Sequence[Level], reason: str, now: datetime
    ) -> None: ...
    def list_sign_offs(self, article_id: int) -> list[SignOff]: ...
    def sign_offs_for(self, article_ids: Sequence[int]) -> dict[int, list[SignOff]]: ...
    def add_note(
        self,
        article_id: int,
        kind: NoteKind,
        user_id: int,
        reason: str,
        from_state: State,
        now: datetime,
    ) -> None: ...
    def list_notes(self, article_id: int) -> list[Note]: ...

    # --- proofreading ------------------------------------------------------------------------
    def add_dismissal(self, dismissal: Dismissal) -> None: ...
    def list_dismissals(self, article_id: int) -> list[Dismissal]: ...
    def seen_findings(self, article_id: int, level: Level) -> list[SeenFinding]: ...
    def note_seen(
        self, article_id: int, level: Level, findings: Sequence[SeenFinding], *, fresh: bool
    ) -> None:
        """Remember what this level's stage showed; `fresh` starts the stage's memory anew."""
        ...

    # --- pushes to the 公众号 ------------------------------------------------------------------
    def wechat_media(self, account_id: int, digest: str, kind: str) -> tuple[str, str] | None:
        """(url, media_id) of a picture already uploaded to this account as `kind`."""
        ...

    def put_wechat_media(
        self, account_id: int, digest: str, kind: str, url: str, media_id: str, now: datetime
    ) -> None: ...
    def last_push(self, account_id: int, article_ids: Sequence[int]) -> PushRecord | None:
        """The newest push of exactly these articles, in this order, to this account."""
        ...

    def add_push(
        self,
        account_id: int,
        articles: Sequence[tuple[int, str]],
        draft_media_id: str,
        user_id: int,
        now: datetime,
    ) -> PushRecord:
        """Record a push of (article id, pushed hash) in order; each article points at it."""
        ...

    def set_push_state(self, push_id: int, publish_id: str, publish_status: str) -> None: ...
    def get_push(self, push_id: int) -> PushRecord | None: ...
    def pushed_article(self, article_id: int) -> PushedArticle | None: ...

    # --- 选题 and 排期 --------------------------------------------------------------------------
    def add_topic(
        self,
        title: str,
        brief: str,
        column: str,
        account_id: int,
        proposed_by: int,
        now: datetime,
    ) -> int: ...
    def get_topic(self, topic_id: int) -> Topic | None: ...
    def list_topics(
        self, states: Sequence[TopicState] | None, limit: int, account_id: int | None = None
    ) -> list[Topic]:
        """Newest first; a topic whose article is published is `done`."""
        ...

    def slotted_topics(self, first: date, last: date, account_id: int | None = None) -> list[Topic]:
        """Topics slotted on a day in [first, last], by day and position."""
        ...

    def update_topic(self, topic_id: int, now: datetime, **fields: object) -> None:
        """Change state, due, slot, position, article_id or drop_reason."""
        ...

    def set_topic_assignees(self, topic_id: int, user_ids: Sequence[int]) -> None: ...
    def published_in(
        self, start: datetime, end: datetime, account_id: int | None = None
    ) -> list[tuple[int, str, datetime, int]]:
        """(id, title, published_at, account_id) of articles published in [start, end)."""
        ...

    # --- statistics (counted by the database: a year of a busy newsroom in one pass) --------
    def actions_by_actor(
        self, start: datetime, end: datetime, actions: Sequence[str]
    ) -> list[tuple[int, str, int]]:
        """(actor id, action, how many) from the audit log in [start, end)."""
        ...

    def returns_received(self, start: datetime, end: datetime) -> list[tuple[int, int]]:
        """(user id, returns) of articles they edit, returned in [start, end)."""
        ...

    def co_edited(self, start: datetime, end: datetime) -> list[tuple[int, int]]:
        """(user id, articles) created in [start, end) with them as a co-editor."""
        ...

    def published_by_editor(
        self, start: datetime, end: datetime
    ) -> list[tuple[int, int, int, int]]:
        """(user id, articles, characters, originals) published in [start, end), by editor."""
        ...

    def published_groups(
        self, start: datetime, end: datetime
    ) -> list[tuple[str, int, int, int, int]]:
        """Articles published in [start, end) by column and account: (column, account id,
        articles, characters, originals)."""
        ...

    def published_per_hour(self, start: datetime, end: datetime) -> list[tuple[datetime, int]]:
        """(start of a UTC hour, articles published in it) in [start, end): the caller files
        the hours under its own calendar's days."""
        ...

    def live_sign_offs(self, start: datetime, end: datetime) -> list[tuple[int, str, int, int]]:
        """(user id, level, sign-offs, proofreading findings fixed) of the sign-offs made in
        [start, end) that still hold."""
        ...

    def co_edited_articles(self, start: datetime, end: datetime) -> int:
        """Articles created in [start, end) with a co-editor, each counted once."""
        ...

    # --- locks ---------------------------------------------------------------------------------
    def get_lock(self, article_id: int) -> Lock | None: ...
    def put_lock(self, lock: Lock) -> None: ...
    def delete_lock(self, article_id: int) -> None: ...

    # --- audit log -----------------------------------------------------------------------------
    def last_audit_entry(self) -> AuditEntry | None: ...
    def append_audit(self, entry: AuditEntry) -> int: ...
    def iter_audit(self) -> Iterator[AuditEntry]: ...

    # --- media and settings -------------------------------------------------------------------
    def put_media(
        self,
        digest: str,
        data: bytes,
        mime: str,
        width: int | None,
        height: int | None,
        now: datetime,
        original: str | None = None,
    ) -> None: ...
    def get_media(self, digest: str) -> tuple[Media, bytes] | None: ...
    def get_setting(self, key: str) -> str | None: ...
    def settings_under(self, prefix: str) -> dict[str, str]:
        """Every setting whose key starts with `prefix`, in one read."""
        ...

    def put_setting(self, key: str, value: str) -> None: ...

    def backup_to(self, destination: Path) -> None:
        """A consistent copy of the whole store in a new file."""
        ...

    def close(self) -> None:
        """Let go of the file or the server connection."""
        ...

    def change_marker(self) -> tuple[int, int, int, str]:
        """Cheap to read; different whenever anyone, on any PC, changed anything that shows."""
        ...

    def audit_anchor(self) -> tuple[int, str] | None:
        """(id, hash) of the newest audit entry as recorded outside the log, if kept."""
        ...

    def restore_from(self, source: Path, safety_copy: Path) -> None:
        """Replace the store's contents with a backup's, keeping the old contents in a file."""
        ...

    # --- health ---------------------------------------------------------------------------------
    def integrity_problems(self) -> list[str]: ...
