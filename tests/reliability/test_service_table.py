"""Every action × person × state through the real services on a real database, compared with
the chain's table (tests/core/test_chain_table.py): no caller gets past the chain."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsdesk.core.errors import NewsdeskError
from newsdesk.core.models import Action, ArticleContent, Role, State
from newsdesk.core.workspace import Workspace
from newsdesk.store.sqlite_store import SqliteStore
from tests.conftest import PASSWORD
from tests.core.test_chain_table import EXPECTED, PEOPLE

BODY = ArticleContent("标题", "正文。", author="县融媒体中心")


def _build(path: Path, state: State) -> int:
    """A database holding everyone in the table and one article brought to `state`."""
    store = SqliteStore(path, create=True)
    ws = Workspace(store)
    admin = ws.users.add(None, "admin", "管理员", frozenset({Role.ADMIN}), PASSWORD)
    for person in PEOPLE.values():
        if person.username != "admin":
            ws.users.add(admin, person.username, person.display_name, person.roles, PASSWORD)
    u = {name: ws.users.get(name) for name in PEOPLE}
    arts = ws.articles
    article = arts.create(u["ma"], BODY, ("li",))
    if state is State.SPIKED:
        arts.spike(u["ma"], article, "作废理由")
    if state in (State.AWAITING_AUDIT, State.AWAITING_PRODUCTION, State.APPROVED, State.PUBLISHED):
        arts.submit(u["ma"], article)
    if state in (State.AWAITING_PRODUCTION, State.APPROVED, State.PUBLISHED):
        arts.approve(u["feng"], article)
    if state in (State.APPROVED, State.PUBLISHED):
        arts.sign(u["sang"], article)
    if state is State.PUBLISHED:
        arts.publish(u["sang"], article, "https://mp.weixin.qq.com/s/x")
    store.close()
    return article


def _attempt(ws: Workspace, username: str, action: Action, article: int) -> bool:
    user = ws.users.get(username)
    arts = ws.articles
    try:
        if action is Action.EDIT:
            ws.locks.acquire(user, article)
            arts.save(
                user, article, ArticleContent("新标题", "新正文。"), arts.get(article).version
            )
        elif action is Action.EXPORT:
            ws.exports.export(user, article)
        elif action in (Action.RETURN, Action.REOPEN, Action.SPIKE):
            {Action.RETURN: arts.return_, Action.REOPEN: arts.reopen, Action.SPIKE: arts.spike}[
                action
            ](user, article, "理由说明")
        elif action is Action.PUBLISH:
            arts.publish(user, article, "https://mp.weixin.qq.com/s/y")
        else:
            {Action.SUBMIT: arts.submit, Action.APPROVE: arts.approve, Action.SIGN: arts.sign}[
                action
            ](user, article)
    except NewsdeskError:
        return False
    return True


@pytest.mark.parametrize("state", list(State))
def test_the_services_allow_exactly_what_review_md_allows(state: State, tmp_path: Path) -> None:
    template = tmp_path / "template.db"
    article = _build(template, state)
    wrong = []
    for username in sorted(PEOPLE):
        for action in Action:
            path = tmp_path / f"{username}-{action.value}.db"
            shutil.copy(template, path)
            store = SqliteStore(path)
            allowed = _attempt(Workspace(store), username, action, article)
            store.close()
            if allowed != (action in EXPECTED[state][username]):
                wrong.append((username, action.value, "allowed" if allowed else "refused"))
    assert wrong == []
