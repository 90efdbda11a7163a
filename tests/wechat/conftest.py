"""The real client against the real stand-in, over HTTP on loopback; waits go to a list."""

from __future__ import annotations

import io
from collections.abc import Iterator

import httpx
import pytest
from PIL import Image

from newsdesk.wechat import WeChatClient, forget_tokens
from tests.wechat_standin import WeChatStandIn


@pytest.fixture(autouse=True)
def _secrets_in_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    # Never the real keyring of whoever runs the tests; keyring tests install a fake one.
    monkeypatch.setenv("NEWSDESK_SECRET_STORE", "file")


@pytest.fixture
def naps() -> list[float]:
    """The waits the client asked for, instead of waiting."""
    return []


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    # Short enough that a slow answer costs a fraction of a second; no proxies from the
    # environment between the client and the loopback stand-in.
    with httpx.Client(timeout=httpx.Timeout(0.3, connect=1.0), trust_env=False) as client:
        yield client


@pytest.fixture
def client(wechat_server: WeChatStandIn, http: httpx.Client, naps: list[float]) -> WeChatClient:
    return WeChatClient(
        wechat_server.appid,
        lambda: wechat_server.secret,
        api_base=wechat_server.base,
        http=http,
        sleep=naps.append,
    )


def picture(kind: str = "JPEG", size: tuple[int, int] = (16, 9)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(out, format=kind)
    return out.getvalue()


@pytest.fixture(autouse=True)
def _no_tokens_between_tests() -> Iterator[None]:
    forget_tokens()
    yield
    forget_tokens()
