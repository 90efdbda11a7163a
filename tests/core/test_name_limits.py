"""Every name field has a length limit, defined once in core/limits.py and enforced by the core
for the CLI and the app alike; nothing over it reaches the store."""

from __future__ import annotations

import pytest

from newsdesk.core.errors import InvalidInput
from newsdesk.core.limits import ACCOUNT_TITLE_MAX, TOPIC_TITLE_MAX
from tests.conftest import BACKENDS, Newsroom


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_names_over_their_limit_are_refused_and_at_it_accepted(newsroom: Newsroom) -> None:
    n = newsroom
    ws = n.ws
    with pytest.raises(InvalidInput, match=f"at most {TOPIC_TITLE_MAX} characters"):
        ws.topics.propose(n.ma, "题" * (TOPIC_TITLE_MAX + 1))
    with pytest.raises(InvalidInput, match=f"at most {ACCOUNT_TITLE_MAX} characters"):
        ws.accounts.add(n.admin, "qingxi", "号" * (ACCOUNT_TITLE_MAX + 1))
    with pytest.raises(InvalidInput, match=f"at most {ACCOUNT_TITLE_MAX} characters"):
        ws.settings.set(n.admin, "name", "号" * (ACCOUNT_TITLE_MAX + 1))
    assert ws.topics.list_topics() == [] and [a.name for a in ws.accounts.list()] == ["default"]
    assert ws.settings.account().name == "本县融媒"
    ws.topics.propose(n.ma, "题" * TOPIC_TITLE_MAX)
    ws.accounts.add(n.admin, "qingxi", "号" * ACCOUNT_TITLE_MAX)
    ws.settings.set(n.admin, "name", "号" * ACCOUNT_TITLE_MAX)
