"""The rules of the 编辑 → 审核 → 出品 chain (docs/review-chain.md), as pure functions.

Nothing here reads or writes storage: given who acts, the article and its sign-offs, `check`
either returns or raises the ChainRefusal that says why not. Services call it before every
change; the UI calls `permitted` to enable buttons and word their tooltips.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from newsdesk.core.errors import (
    ChainRefusal,
    MissingSignOff,
    NotAnEditor,
    RoleRequired,
    SamePersonTwoLevels,
    StaleContent,
    WrongState,
)
from newsdesk.core.models import (
    ACTION_LABELS,
    LEVEL_LABELS,
    ROLE_LABELS,
    STATE_LABELS,
    Action,
    Article,
    ArticleHead,
    Level,
    Role,
    SignOff,
    State,
    User,
)

MIN_REASON_LENGTH = 3
A = TypeVar("A")

# Which states each action starts from; everything else is a WrongState refusal.
FROM_STATES: dict[Action, frozenset[State]] = {
    Action.EDIT: frozenset({State.DRAFT, State.AWAITING_AUDIT, State.AWAITING_PRODUCTION}),
    Action.SUBMIT: frozenset({State.DRAFT}),
    Action.APPROVE: frozenset({State.AWAITING_AUDIT}),
    Action.SIGN: frozenset({State.AWAITING_PRODUCTION}),
    Action.RETURN: frozenset({State.AWAITING_AUDIT, State.AWAITING_PRODUCTION}),
    Action.REOPEN: frozenset({State.APPROVED}),
    Action.SPIKE: frozenset({State.DRAFT, State.AWAITING_AUDIT, State.AWAITING_PRODUCTION}),
    Action.PUBLISH: frozenset({State.APPROVED}),
    Action.EXPORT: frozenset({State.APPROVED, State.PUBLISHED}),
}

TARGET_STATE: dict[Action, State] = {
    Action.SUBMIT: State.AWAITING_AUDIT,
    Action.APPROVE: State.AWAITING_PRODUCTION,
    Action.SIGN: State.APPROVED,
    Action.RETURN: State.DRAFT,
    Action.REOPEN: State.DRAFT,
    Action.SPIKE: State.SPIKED,
    Action.PUBLISH: State.PUBLISHED,
}


@dataclass(frozen=True)
class ChainView:
    """An article with its sign-offs: all the chain needs to decide."""

    article: Article | ArticleHead
    sign_offs: Sequence[SignOff]

    def valid(self, level: Level) -> SignOff | None:
        current = [s for s in self.sign_offs if s.valid and s.level is level]
        return current[-1] if current else None

    def is_editor(self, user: User) -> bool:
        return user.id in self.article.editor_ids

    def producer_signature_holds(self) -> bool:
        signed = self.valid(Level.PRODUCER)
        return signed is not None and signed.content_hash == self.article.content_hash


def check(action: Action, actor: User | None, view: ChainView) -> None:
    """Raise the ChainRefusal that forbids `actor` doing `action` now, or return.

    Only export may be asked without an actor: every other action needs someone to sign."""
    state = view.article.state
    words = ACTION_LABELS[action]
    if state not in FROM_STATES[action]:
        raise WrongState(words, STATE_LABELS[state])
    if action is Action.EXPORT:
        if not view.producer_signature_holds():
            raise StaleContent(words)
        return
    if actor is None:
        raise TypeError(f"{action} needs an actor")
    if action is Action.SUBMIT:
        _require_editor(action, actor, view)
    elif action is Action.APPROVE:
        _require_auditor(action, actor, view)
        if view.valid(Level.EDITOR) is None:
            raise MissingSignOff(words, LEVEL_LABELS[Level.EDITOR])
    elif action is Action.SIGN:
        _require_producer(action, actor, view)
        audited = view.valid(Level.AUDITOR)
        if audited is None:
            raise MissingSignOff(words, LEVEL_LABELS[Level.AUDITOR])
        if audited.content_hash != view.article.content_hash:
            raise StaleContent(words)
    elif action in (Action.EDIT, Action.RETURN, Action.SPIKE):
        _require_stage_holder(action, actor, view)
    elif action is Action.REOPEN:
        signed = view.valid(Level.PRODUCER)
        if not (view.is_editor(actor) or (signed is not None and signed.user_id == actor.id)):
            raise NotAnEditor(words, actor.display_name)
    elif action is Action.PUBLISH:
        if not (view.is_editor(actor) or actor.has_role(Role.PRODUCER) or actor.is_admin):
            raise RoleRequired(words, ROLE_LABELS[Role.PRODUCER], actor.display_name)
        if not view.producer_signature_holds():
            raise StaleContent(words)


def allows(action: Action, actor: User, view: ChainView) -> bool:
    try:
        check(action, actor, view)
    except ChainRefusal:
        return False
    return True


def judged(actions: Iterable[A], attempt: Callable[[A], None]) -> dict[A, ChainRefusal | None]:
    """Each action with None where `attempt` lets it pass, or the refusal it raised."""
    result: dict[A, ChainRefusal | None] = {}
    for action in actions:
        try:
            attempt(action)
        except ChainRefusal as refusal:
            result[action] = refusal
        else:
            result[action] = None
    return result


def permitted(actor: User, view: ChainView) -> dict[Action, ChainRefusal | None]:
    """Every action with None where allowed, or the refusal to show as the reason it is not."""
    return judged(Action, lambda action: check(action, actor, view))


def _require_stage_holder(action: Action, actor: User, view: ChainView) -> None:
    """Who holds the article at its current stage: editors in draft, then the reviewer."""
    state = view.article.state
    if state is State.DRAFT:
        _require_editor(action, actor, view)
    elif action is Action.SPIKE and view.is_editor(actor):
        return
    elif state is State.AWAITING_AUDIT:
        _require_auditor(action, actor, view)
    elif state is State.AWAITING_PRODUCTION:
        _require_producer(action, actor, view)


def _require_editor(action: Action, actor: User, view: ChainView) -> None:
    if not view.is_editor(actor):
        raise NotAnEditor(ACTION_LABELS[action], actor.display_name)


def _require_auditor(action: Action, actor: User, view: ChainView) -> None:
    if not actor.has_role(Role.AUDITOR):
        raise RoleRequired(ACTION_LABELS[action], ROLE_LABELS[Role.AUDITOR], actor.display_name)
    if view.is_editor(actor):
        raise SamePersonTwoLevels(actor.display_name, LEVEL_LABELS[Level.EDITOR])


def _require_producer(action: Action, actor: User, view: ChainView) -> None:
    if not actor.has_role(Role.PRODUCER):
        raise RoleRequired(ACTION_LABELS[action], ROLE_LABELS[Role.PRODUCER], actor.display_name)
    if view.is_editor(actor):
        raise SamePersonTwoLevels(actor.display_name, LEVEL_LABELS[Level.EDITOR])
    audited = view.valid(Level.AUDITOR)
    if audited is not None and audited.user_id == actor.id:
        raise SamePersonTwoLevels(actor.display_name, LEVEL_LABELS[Level.AUDITOR])
