"""The review chain's rules (docs/review-chain.md) as a table: for each state and each kind of
person, exactly which actions the chain allows. Written out by hand from the specification, not
derived from the code under test."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsdesk.core import chain
from newsdesk.core.errors import SamePersonTwoLevels, WrongState
from newsdesk.core.models import Action, Article, ArticleContent, Level, Role, SignOff, State, User

A = Action
T0 = datetime(2026, 1, 1, tzinfo=UTC)
CONTENT = ArticleContent("标题", "正文")
HASH = CONTENT.content_hash()

MA = User(1, "ma", "马编辑", frozenset({Role.EDITOR}))  # creator and editor of the article
YAN = User(2, "yan", "严编辑", frozenset({Role.EDITOR}))  # an editor, not of this article
FENG = User(3, "feng", "冯审核", frozenset({Role.AUDITOR}))  # the auditor who approves
ZHAO = User(4, "zhao", "赵审核", frozenset({Role.AUDITOR}))  # another auditor
SANG = User(5, "sang", "桑出品", frozenset({Role.PRODUCER}))  # the producer who signs
QIN = User(6, "qin", "秦出品", frozenset({Role.PRODUCER}))  # another producer
ADMIN = User(7, "admin", "管理员", frozenset({Role.ADMIN}))
LI = User(8, "li", "李主任", frozenset({Role.EDITOR, Role.AUDITOR, Role.PRODUCER}))  # co-editor
PEOPLE = {p.username: p for p in (MA, YAN, FENG, ZHAO, SANG, QIN, ADMIN, LI)}


def view(state: State) -> chain.ChainView:
    article = Article(9, CONTENT, state, 1, MA.id, (MA.id, LI.id), T0, T0, 1)
    signed: list[SignOff] = []
    levels = {
        State.AWAITING_AUDIT: [Level.EDITOR],
        State.AWAITING_PRODUCTION: [Level.EDITOR, Level.AUDITOR],
        State.APPROVED: [Level.EDITOR, Level.AUDITOR, Level.PRODUCER],
        State.PUBLISHED: [Level.EDITOR, Level.AUDITOR, Level.PRODUCER],
    }.get(state, [])
    signer = {Level.EDITOR: MA, Level.AUDITOR: FENG, Level.PRODUCER: SANG}
    for i, level in enumerate(levels):
        signed.append(SignOff(i + 1, 9, level, signer[level].id, HASH, T0))
    return chain.ChainView(article, signed)


NOTHING: set[Action] = set()
EXPECTED: dict[State, dict[str, set[Action]]] = {
    State.DRAFT: {
        "ma": {A.EDIT, A.SUBMIT, A.SPIKE},
        "li": {A.EDIT, A.SUBMIT, A.SPIKE},
        "yan": NOTHING,
        "feng": NOTHING,
        "zhao": NOTHING,
        "sang": NOTHING,
        "qin": NOTHING,
        "admin": NOTHING,
    },
    State.AWAITING_AUDIT: {
        "ma": {A.SPIKE},
        "li": {A.SPIKE},  # li is a co-editor: may not audit own article
        "feng": {A.EDIT, A.APPROVE, A.RETURN, A.SPIKE},
        "zhao": {A.EDIT, A.APPROVE, A.RETURN, A.SPIKE},
        "yan": NOTHING,
        "sang": NOTHING,
        "qin": NOTHING,
        "admin": NOTHING,
    },
    State.AWAITING_PRODUCTION: {
        "ma": {A.SPIKE},
        "li": {A.SPIKE},
        "sang": {A.EDIT, A.SIGN, A.RETURN, A.SPIKE},
        "qin": {A.EDIT, A.SIGN, A.RETURN, A.SPIKE},
        "feng": NOTHING,
        "zhao": NOTHING,
        "yan": NOTHING,
        "admin": NOTHING,
    },
    State.APPROVED: {
        "ma": {A.REOPEN, A.PUBLISH, A.EXPORT},
        "li": {A.REOPEN, A.PUBLISH, A.EXPORT},
        "sang": {A.REOPEN, A.PUBLISH, A.EXPORT},
        "qin": {A.PUBLISH, A.EXPORT},
        "admin": {A.PUBLISH, A.EXPORT},
        "feng": {A.EXPORT},
        "zhao": {A.EXPORT},
        "yan": {A.EXPORT},
    },
    State.PUBLISHED: {name: {A.EXPORT} for name in PEOPLE},
    State.SPIKED: {name: NOTHING for name in PEOPLE},
}


@pytest.mark.parametrize("state", list(State))
@pytest.mark.parametrize("username", sorted(PEOPLE))
def test_every_action_for_every_person_in_every_state(state: State, username: str) -> None:
    allowed = {
        action
        for action, refusal in chain.permitted(PEOPLE[username], view(state)).items()
        if refusal is None
    }
    assert allowed == EXPECTED[state][username]


def test_actions_from_the_wrong_state_say_so() -> None:
    with pytest.raises(WrongState) as caught:
        chain.check(A.SIGN, SANG, view(State.DRAFT))
    assert "编辑中" in caught.value.message("zh")
    assert "draft" in caught.value.message("en")


def test_the_auditor_may_not_also_sign_as_producer() -> None:
    both = User(10, "wu", "吴主任", frozenset({Role.AUDITOR, Role.PRODUCER}))
    v = view(State.AWAITING_PRODUCTION)
    approved_by_wu = [
        s if s.level is not Level.AUDITOR else SignOff(s.id, 9, Level.AUDITOR, both.id, HASH, T0)
        for s in v.sign_offs
    ]
    with pytest.raises(SamePersonTwoLevels) as caught:
        chain.check(A.SIGN, both, chain.ChainView(v.article, approved_by_wu))
    assert "两级" in caught.value.message("zh")


def test_export_needs_the_producer_signature_to_match_the_content() -> None:
    v = view(State.APPROVED)
    changed = Article(
        9, ArticleContent("标题", "改过的正文"), State.APPROVED, 2, MA.id, (MA.id,), T0, T0, 2
    )
    assert chain.permitted(MA, v)[A.EXPORT] is None
    assert chain.permitted(MA, chain.ChainView(changed, v.sign_offs))[A.EXPORT] is not None
