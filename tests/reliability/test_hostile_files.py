"""Hostile and broken files get a clear error within bounded time and memory; huge articles
still open, save and render."""

from __future__ import annotations

import io
import random
import resource
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from newsdesk.content import render_wechat
from newsdesk.core.errors import BadFile, InvalidInput
from newsdesk.core.importing import read_article_file
from newsdesk.core.models import ArticleContent
from tests.conftest import Newsroom
from tests.reliability.conftest import scale

DEMO = Path(__file__).resolve().parents[2] / "src/newsdesk/resources/demo"
DOCX = (DEMO / "forest-fire-meeting.docx").read_bytes()
SECONDS = 10.0  # no single bad file may take longer than this


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _refused_quickly(path: Path) -> str:
    start = time.perf_counter()
    with pytest.raises(BadFile) as refused:
        read_article_file(path)
    assert time.perf_counter() - start < SECONDS
    message = refused.value.message("en")
    assert str(path) in message and "Traceback" not in message
    return message


@settings(
    max_examples=scale(40, 400),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    cut=st.integers(min_value=0, max_value=len(DOCX) - 1),
    flips=st.lists(st.integers(0, len(DOCX) - 1), max_size=8),
)
def test_truncated_or_damaged_word_files_are_refused_clearly(
    tmp_path: Path, cut: int, flips: list[int]
) -> None:
    data = bytearray(DOCX[:cut] if cut else DOCX)
    for position in flips:
        if position < len(data):
            data[position] ^= 0xFF
    path = tmp_path / "damaged.docx"
    path.write_bytes(bytes(data))
    start = time.perf_counter()
    try:
        imported = read_article_file(path)
    except BadFile as refused:
        assert str(path) in refused.message("en")
    else:
        assert isinstance(imported.content.body, str)  # a flip inside a picture may still import
    assert time.perf_counter() - start < SECONDS


def test_a_zip_bomb_is_refused_without_unpacking_it(tmp_path: Path) -> None:
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        for n in range(3):
            archive.writestr(
                f"word/media/image{n}.png", b"\0" * (100 * 1024 * 1024)
            )  # 300 MB inside
    path = tmp_path / "bomb.docx"
    path.write_bytes(bomb.getvalue())
    before = _peak_mib()
    assert "unpacks to far too much" in _refused_quickly(path)
    assert _peak_mib() - before < 100


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("gbk.md", "县政府召开会议".encode("gbk"), "GBK"),
        ("picture.md", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "not a text file"),
        ("text.docx", "# 标题\n\n正文".encode(), "not a valid Word"),
        ("old.doc", b"\xd0\xcf\x11\xe0" + b"\0" * 100, ".docx"),
        ("slides.pptx", b"PK\x03\x04", "only .md and .docx"),
        ("empty.docx", b"", "not a valid Word"),
    ],
)
def test_wrong_extensions_and_encodings_say_what_is_wrong(
    tmp_path: Path, name: str, data: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert expected in _refused_quickly(path)


def test_a_huge_picture_is_refused_or_shrunk_within_bounds(newsroom: Newsroom) -> None:
    bomb = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(bomb, "PNG")  # 400 Mpx in a few kB
    before, start = _peak_mib(), time.perf_counter()
    with pytest.raises(InvalidInput):
        newsroom.ws.media.add(bomb.getvalue())
    assert time.perf_counter() - start < SECONDS and _peak_mib() - before < 200
    rng = random.Random(3)
    big = io.BytesIO()
    Image.frombytes("RGB", (4000, 3000), rng.randbytes(4000 * 3000 * 3)).save(big, "PNG")
    stored = newsroom.ws.media.add(big.getvalue())
    assert stored.recompressed and stored.width == 1080


def test_a_five_megabyte_article_opens_saves_and_renders(newsroom: Newsroom) -> None:
    paragraph = (
        "县委召开常委会议，研究部署乡村振兴、安全生产和民生保障等重点工作，要求各部门压实责任。" * 8
    )
    body = "\n\n".join(f"## 第{n}部分\n\n{paragraph}" for n in range(4800))
    assert len(body.encode()) > 5_000_000
    arts = newsroom.ws.articles
    start = time.perf_counter()
    article = arts.create(newsroom.ma, ArticleContent("超长稿件", body))
    newsroom.ws.locks.acquire(newsroom.ma, article)
    arts.save(newsroom.ma, article, ArticleContent("超长稿件", body + "\n\n补充。"), 1)
    assert arts.get(article).content.body.endswith("补充。")
    rendered = render_wechat(arts.get(article).content.body)
    assert rendered.html.count("<h2") == 4800
    assert time.perf_counter() - start < 60
    findings = arts.findings(arts.get(article).content)
    assert any(f.code == "body-too-long" and f.blocking for f in findings)


@settings(
    max_examples=scale(60, 600),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    data=st.binary(max_size=4000)
    | st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass"))
)
def test_any_bytes_as_a_markdown_file_import_or_are_refused_clearly(
    tmp_path: Path, data: bytes
) -> None:
    path = tmp_path / "fuzz.md"
    path.write_bytes(data)
    start = time.perf_counter()
    try:
        imported = read_article_file(path)
    except BadFile as refused:
        assert str(path) in refused.message("en") and refused.message("zh")
    else:
        render_wechat(imported.content.body)
    assert time.perf_counter() - start < SECONDS
