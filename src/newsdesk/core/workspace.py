"""One object that wires the services over a repository: what the CLI and the UI hold.

Each service is built, and its module imported, when first asked for: `newsdesk queue` needs the
articles and nothing of exporting, pushing or the review form (the renderer, lxml, nh3, the
themes behind them), and starts in a fraction of the time it took to load them all.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from newsdesk.core.context import Clock, Context, utc_now
from newsdesk.core.errors import AdminRequired, BadCredentials, InvalidInput, LockLost, StaleSave
from newsdesk.core.models import ArticleContent, AuditEntry, Role, User
from newsdesk.core.repository import Repository

if TYPE_CHECKING:
    from newsdesk.core.accounts import AccountService
    from newsdesk.core.articles import ArticleService, SaveResult
    from newsdesk.core.audit import ChainReport
    from newsdesk.core.checks import Check
    from newsdesk.core.exporting import ExportService
    from newsdesk.core.importing import ImportedArticle
    from newsdesk.core.locks import LockService
    from newsdesk.core.media import MediaService
    from newsdesk.core.proofreading import ProofreadingService
    from newsdesk.core.pushing import Connect, PushService
    from newsdesk.core.review_forms import FormService
    from newsdesk.core.settings import SettingsService
    from newsdesk.core.stats import StatsService
    from newsdesk.core.topics import TopicService
    from newsdesk.core.users import UserService

Words = tuple[str, str]


@dataclass(frozen=True)
class HealthReport:
    audit: ChainReport
    database_problems: list[str]
    # Users whose names clash (from before names were unique): reported, not damage, so a
    # backup holding them can still be restored; `verify` fails until one is renamed.
    name_clashes: list[Words] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.audit.intact and not self.database_problems


@dataclass(frozen=True)
class ImportResult:
    article_id: int
    notes: list[Words]  # pictures that could not be taken in, (zh, en)


S = TypeVar("S")
# One lock for every workspace: building a service is rare and quick, and one that builds
# others (articles: users, proofreading) takes it again on the same thread.
_BUILDING = threading.RLock()


class _Service(Generic[S]):
    """A workspace attribute built on first use, once even when two threads ask at once (a
    worker may be first to need one). Afterwards the instance's own attribute answers."""

    def __init__(self, build: Callable[[Workspace], S]) -> None:
        self._build = build
        self._name = build.__name__

    @overload
    def __get__(self, ws: None, owner: type[Workspace]) -> _Service[S]: ...
    @overload
    def __get__(self, ws: Workspace, owner: type[Workspace]) -> S: ...
    def __get__(self, ws: Workspace | None, owner: type[Workspace]) -> S | _Service[S]:
        if ws is None:
            return self
        with _BUILDING:
            built: Any = ws.__dict__.get(self._name, self)
            if built is self:
                built = ws.__dict__[self._name] = self._build(ws)
            return built  # type: ignore[no-any-return]


class Workspace:
    def __init__(
        self,
        repo: Repository,
        *,
        clock: Clock = utc_now,
        checks: Sequence[Check] | None = None,
        machine: str | None = None,
        connect: Connect | None = None,
    ) -> None:
        self.ctx = Context(repo, clock) if machine is None else Context(repo, clock, machine)
        self.repo = repo
        self._checks = checks
        self._connect = connect

    @_Service
    def users(self) -> UserService:
        from newsdesk.core.users import UserService

        return UserService(self.ctx)

    @_Service
    def accounts(self) -> AccountService:
        from newsdesk.core.accounts import AccountService

        return AccountService(self.ctx, self.users)

    @_Service
    def settings(self) -> SettingsService:
        from newsdesk.core.settings import SettingsService

        return SettingsService(self.ctx, self.users)

    @_Service
    def proofreading(self) -> ProofreadingService:
        from newsdesk.core.proofreading import ProofreadingService

        return ProofreadingService(self.ctx, self.users)

    @_Service
    def articles(self) -> ArticleService:
        from newsdesk.core.articles import ArticleService
        from newsdesk.core.checks import DEFAULT_CHECKS
        from newsdesk.core.wechat_checks import limit_checks

        checks = self._checks
        if checks is None:
            # The word lists are the proofreader's: checked once, by it (`articles.blocking`).
            checks = (*DEFAULT_CHECKS, *limit_checks())
        return ArticleService(self.ctx, self.users, checks, self.proofreading)

    @_Service
    def locks(self) -> LockService:
        from newsdesk.core.locks import LockService

        return LockService(self.ctx)

    @_Service
    def media(self) -> MediaService:
        from newsdesk.core.media import MediaService

        return MediaService(self.ctx)

    @_Service
    def exports(self) -> ExportService:
        from newsdesk.core.exporting import ExportService

        return ExportService(self.ctx, self.articles, self.settings, self.media)

    @_Service
    def forms(self) -> FormService:
        from newsdesk.core.review_forms import FormService

        return FormService(self.ctx, self.articles, self.settings)

    @_Service
    def topics(self) -> TopicService:
        from newsdesk.core.topics import TopicService

        return TopicService(self.ctx, self.users, self.accounts, self.articles)

    @_Service
    def stats(self) -> StatsService:
        from newsdesk.core.stats import StatsService

        return StatsService(self.ctx, self.users, self.accounts)

    @_Service
    def pushes(self) -> PushService:
        from newsdesk.core.pushing import PushService

        return PushService(
            self.ctx, self.users, self.articles, self.exports, self.media, self.accounts,
            self._connect,
        )  # fmt: skip

    def take_in_pictures(self, imported: ImportedArticle) -> tuple[ArticleContent, list[Words]]:
        """Store the pictures an imported file names; the content now points at the store."""
        from newsdesk.content.figures import local_path
        from newsdesk.core.media import COVER_REF

        content = imported.content
        body, pictures = self.media.take_in(content.body, imported.picture)
        notes = [*imported.warnings, *pictures]
        cover = content.cover
        if cover and not COVER_REF.match(cover):
            data = imported.picture(local_path(cover))
            if data is None:
                notes.append((f"找不到封面图片：{cover}", f"cover picture not found: {cover}"))
            else:
                try:
                    cover = self.media.cover_ref(data)
                except InvalidInput as error:
                    notes.append((f"封面：{error.message('zh')}", f"cover: {error.message('en')}"))
        return replace(content, body=body, cover=cover), notes

    def import_article(
        self, actor: User, imported: ImportedArticle, account: str | None = None
    ) -> ImportResult:
        """A new draft from a file for `account` (the first by default), its pictures stored
        with it in one transaction."""
        account_id = self.accounts.get(account).id
        with self.repo.transaction():
            content, notes = self.take_in_pictures(imported)
            article_id = self.articles.create(actor, content, imported.co_editors, account_id)
        return ImportResult(article_id, notes)

    def edit_article(
        self, actor: User, article_id: int, imported: ImportedArticle, base_version: int
    ) -> tuple[SaveResult, list[Words]]:
        """New text from a file, its pictures and its co-editors (if it names any) as one
        change: a refusal leaves the article as it was. A stale save or a lost lock still
        keeps the text, with its pictures, as a conflict revision."""
        refusal: StaleSave | LockLost | None = None
        with self.repo.transaction():
            content, notes = self.take_in_pictures(imported)
            try:
                result = self.articles.save(
                    actor, article_id, content, base_version, imported.co_editors or None
                )
            except (StaleSave, LockLost) as error:
                refusal = error
        if refusal is not None:
            raise refusal
        return result, notes

    def restore(self, admin: User, source: Path, safety_copy: Path) -> HealthReport:
        """Replace the workspace with a backup (admins only). A backup whose audit log or
        database does not verify is refused, and what was there before is put back."""
        admin = self.users.fresh(admin)
        if Role.ADMIN not in admin.roles:
            raise AdminRequired(("恢复备份", "restore a backup"))
        self.repo.restore_from(source, safety_copy)
        report = self.verify()
        if not report.ok:
            self.repo.restore_from(
                safety_copy, safety_copy.with_name(safety_copy.name + ".refused")
            )
            raise InvalidInput(
                f"备份未通过校验，已保留原数据：{source}",
                f"the backup does not verify; nothing was changed: {source}",
            )
        with self.repo.transaction():
            self.ctx.record(
                admin.id, "restore", None, source=str(source), safety_copy=str(safety_copy)
            )
        return report

    def verify(self) -> HealthReport:
        from newsdesk.core.audit import verify_chain

        problems = self.repo.integrity_problems()
        anchor = self.repo.audit_anchor()
        if anchor is not None:
            anchored = next((e for e in self.repo.iter_audit() if e.id == anchor[0]), None)
            if anchored is None:
                problems.append(
                    f"audit log: entry {anchor[0]} and those after it are missing (cut off the end)"
                )
            elif anchored.hash != anchor[1]:
                problems.append(f"audit log: entry {anchor[0]} is not the one that was written")
        return HealthReport(verify_chain(self.repo.iter_audit()), problems, self._name_clashes())

    def _name_clashes(self) -> list[Words]:
        from newsdesk.core.names import clashes

        users = {u.username: u for u in self.repo.list_users()}
        found: list[Words] = []
        display = [(u.username, u.display_name) for u in users.values()]
        for first, later in clashes(display):
            one, two = users[first].display_name, users[later].display_name
            found.append(
                (
                    f"用户 {first} 与 {later} 的显示名相同（{one} / {two}）："
                    "请用 newsdesk user rename 改掉其中一个",
                    f"the users {first} and {later} share a display name ({one} / {two}):"
                    " rename one with `newsdesk user rename`",
                )
            )
        # A username cannot change (the log names people by it): one of the two is disabled.
        active = [(u.username, u.username) for u in users.values() if not u.disabled]
        for first, later in clashes(active):
            found.append(
                (
                    f"用户名 {first} 与 {later} 只差大小写或全角半角：请停用其中一个"
                    "（newsdesk user disable），需要时以新用户名重建",
                    f"the usernames {first} and {later} differ only in case or width: disable"
                    " one (`newsdesk user disable`) and add the person again if needed",
                )
            )
        return found

    def accept_audit_cut(self, username: str, password: str, reason: str) -> AuditEntry:
        """An administrator records that entries cut off the end of the audit log are gone,
        so that work can go on (see audit_anchor). Signing in would itself be a write to the
        cut log, so the password is checked here and the entry names who accepted it."""
        from newsdesk.core import passwords
        from newsdesk.core.audit_anchor import accept_cut

        creds = self.repo.get_credentials(username.strip())
        if creds is None:
            passwords.dummy_verify(password)
            raise BadCredentials()
        if not passwords.verify_password(password, creds.password_hash):
            raise BadCredentials()
        admin = self.users.fresh(creds.user)
        with self.repo.transaction():
            return accept_cut(self.repo, admin, self.ctx.clock(), reason)
