"""A workspace's own entry may not turn a shipped entry's correct word into an error (部署 →
布署 would make every correct 部署 a finding): refused whole, naming the shipped entry."""

from __future__ import annotations

import pytest

from newsdesk.core.errors import InvalidInput
from tests.conftest import BACKENDS, Newsroom


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.mark.parametrize(
    ("name", "text", "line", "shipped"),
    [
        ("typos", "清西县 → 清溪县  # 本县规范\n部署 → 布署  # 本单位\n", 2, "布署 → 部署"),
        ("norms", "残疾人 → 残废人\n", 1, "残废人 → 残疾人"),
        ("agencies", "自然资源部 → 国土资源部  @2018\n", 1, "国土资源部 → 自然资源部"),
    ],
)
def test_an_entry_reversing_a_shipped_one_is_refused(
    newsroom: Newsroom, name: str, text: str, line: int, shipped: str
) -> None:
    n = newsroom
    before = n.ws.proofreading.list_text(name)
    with pytest.raises(InvalidInput) as refused:
        n.ws.proofreading.set_list(n.admin, name, text)
    message = refused.value.message("en")
    assert f"line {line}" in message and shipped in message, message
    assert shipped in refused.value.message("zh")
    assert n.ws.proofreading.list_text(name) == before


def test_an_entry_whose_right_side_is_another_shipped_right_is_fine(newsroom: Newsroom) -> None:
    n = newsroom
    n.ws.proofreading.set_list(n.admin, "typos", "部暑 → 部署  # 本单位\n")  # another misspelling
    assert n.ws.proofreading.list_text("typos") == "部暑 → 部署  # 本单位\n"
