"""What the article controller asks of the store, as jobs run on its worker thread (each gets
the worker's own workspace), and the values they hand back to the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from newsdesk.content import Ending
from newsdesk.content.proofreading import ProofFinding
from newsdesk.core.articles import ArticleDetails, SaveResult
from newsdesk.core.checks import Finding
from newsdesk.core.errors import ChainRefusal
from newsdesk.core.lock_check import LockCheck
from newsdesk.core.models import Action, ArticleContent, Dismissal, User
from newsdesk.core.workspace import Workspace
from newsdesk.ui.article_session import ArticleSession

ContentSource = Callable[[], tuple[ArticleContent, str]]  # (content, co-editors as typed)
Allowed = dict[Action, ChainRefusal | None]
View = tuple[ArticleDetails, list[Finding], Allowed]  # what the review panel and actions show
SaveAnswer = tuple[SaveResult, Ending | None]
Checked = tuple[ArticleContent, list[Finding], list[ProofFinding]]


def article_view(ws: Workspace, user: User, article_id: int) -> View:
    details = ws.articles.details(article_id)
    checks = ws.articles.findings(details.article.content)
    return details, checks, ws.articles.permitted(user, article_id)


@dataclass(frozen=True)
class Opened:
    """An article opened on the worker, with what the window shows around it."""

    session: ArticleSession
    accounts: list[tuple[int, str]]
    lock_holder: str  # the display name of whoever else is editing it, or ""
    ending: Ending | None
    view: View
    dismissals: list[tuple[Dismissal, str]]  # findings let stand, with who did
    # The stored pictures its text names: the visual editor shows them on opening.
    pictures: dict[str, bytes] = field(default_factory=dict)


def dismissals_of(ws: Workspace, article_id: int) -> list[tuple[Dismissal, str]]:
    """The article's dismissals, each with the name of who let the finding stand."""
    return [
        (d, ws.users.by_id(d.user_id).display_name) for d in ws.repo.list_dismissals(article_id)
    ]


def open_job(user: User, article_id: int | None) -> Callable[[Workspace], Opened]:
    """The article opened (its lock taken if this user may edit), and all shown around it;
    a new empty one with `article_id` None."""

    def job(ws: Workspace) -> Opened:
        if article_id is None:
            return open_job(user, ws.articles.create(user, ArticleContent("", "")))(ws)
        session = ArticleSession.open(ws, user, article_id)
        lock = session.foreign_lock
        holder = ws.users.by_id(lock.user_id).display_name if lock else ""
        accounts = [(a.id, a.title) for a in ws.accounts.list()]
        ending = ws.exports.preview_inputs(article_id).ending
        view, dismissals = article_view(ws, user, article_id), dismissals_of(ws, article_id)
        pictures = ws.exports.pictures_for(session.content.body, {})
        return Opened(session, accounts, holder, ending, view, dismissals, pictures)

    return job


def save_job(
    session: ArticleSession, content: ArticleContent, co_editors: str
) -> Callable[[Workspace], SaveAnswer]:
    """The text saved from the version the session is at when the job runs (an earlier save
    in the queue moved it on); the preview's ending too if the co-editors (its credits)
    changed. Nothing else: an autosave comes every few seconds of typing."""
    editors_before = list(session.co_editors)

    def job(ws: Workspace) -> SaveAnswer:
        result = session.store_text(content, co_editors, ws)
        ending = None
        if session.co_editors != editors_before:
            ending = ws.exports.preview_inputs(session.article_id).ending
        return result, ending

    return job


def check_job(content: ArticleContent) -> Callable[[Workspace], Checked]:
    """The checks and the proofreading on the text on screen (their word lists are stored)."""

    def job(ws: Workspace) -> Checked:
        checks = ws.articles.findings(content)
        return content, checks, ws.proofreading.check(content)

    return job


def changes_job(session: ArticleSession | None) -> Callable[[Workspace], bool]:
    """Whether the open article moved on elsewhere: a new version or state, or the lock that
    kept it read-only lifted."""

    def job(ws: Workspace) -> bool:
        if session is None:
            return False
        current = ws.articles.get(session.article_id)
        unlocked = session.foreign_lock is not None and (
            ws.locks.holder(session.article_id) is None
        )
        return unlocked or (current.version, current.state) != (session.version, session.state)

    return job


def recheck_job(session: ArticleSession, user: User) -> Callable[[Workspace], LockCheck | None]:
    """After an outage: whether this person's edit lock held (None when read-only)."""

    def job(ws: Workspace) -> LockCheck | None:
        return None if session.read_only else ws.locks.recheck(user, session.article_id)

    return job
