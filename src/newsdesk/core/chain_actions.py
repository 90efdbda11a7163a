"""The review chain's actions as one call each, for the window and the command line alike: the
action → service map lives here once, with which actions need a reason or an address."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from newsdesk.core.articles import ArticleService
from newsdesk.core.locks import LockService
from newsdesk.core.models import Action, User

# In the order the window and the CLI list them.
CHAIN_ACTIONS = (
    Action.SUBMIT,
    Action.APPROVE,
    Action.SIGN,
    Action.RETURN,
    Action.REOPEN,
    Action.SPIKE,
    Action.PUBLISH,
)
NEEDS_REASON = frozenset({Action.RETURN, Action.REOPEN, Action.SPIKE})


def perform(
    articles: ArticleService, actor: User, article_id: int, action: Action, note: str = ""
) -> None:
    """Run one chain action. `note` is the reason (return, reopen, spike) or the published
    address (publish); the others take none."""
    plain: dict[Action, Callable[[User, int], None]] = {
        Action.SUBMIT: articles.submit,
        Action.APPROVE: articles.approve,
        Action.SIGN: articles.sign,
    }
    noted: dict[Action, Callable[[User, int, str], None]] = {
        Action.RETURN: articles.return_,
        Action.REOPEN: articles.reopen,
        Action.SPIKE: articles.spike,
        Action.PUBLISH: articles.publish,
    }
    if action in plain:
        plain[action](actor, article_id)
    elif action in noted:
        noted[action](actor, article_id, note)
    else:
        raise ValueError(f"not a chain action: {action}")


@contextmanager
def holding_lock(locks: LockService, actor: User, article_id: int) -> Iterator[None]:
    """Lock, do the edit, release: an edit from outside the window (the CLI) holds the
    article's lock for exactly as long as its save."""
    locks.acquire(actor, article_id)
    try:
        yield
    finally:
        locks.release(actor, article_id)
