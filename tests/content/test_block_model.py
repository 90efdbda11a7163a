"""The visual editor's block model: any Markdown cut into top-level blocks joins back to itself
byte for byte, and each block is the construct markdown-it (the project's parser) sees there."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.content.block_model import Piece, compose, pieces_of, split_article
from newsdesk.core.demo_text import generate_article
from tests.content.test_incremental import ALL_BLOCKS

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted(
    [
        *Path("/work/shared/samples").glob("*.md"),
        *(ROOT / "benchmarks" / "realcopy" / "clean").glob("*.md"),
        *(ROOT / "src" / "newsdesk" / "resources" / "demo").glob("*.md"),
    ]
)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_sample_splits_and_joins_back_byte_for_byte(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    article = split_article(text)
    assert article.join() == text
    assert compose(pieces_of(article), article.lead) == text
    assert len(article.blocks) > 1


def test_demo_articles_split_and_join_back() -> None:
    rng = random.Random(23)
    for _ in range(20):
        _, body, _ = generate_article(rng, 10_000)
        article = split_article(body)
        assert article.join() == body
        assert {b.kind for b in article.blocks} <= {"paragraph", "heading"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(ALL_BLOCKS), st.sampled_from(["\n\n", "\n", "\n\n\n", "", "\r\n"])
        ),
        max_size=25,
    )
)
def test_any_markdown_splits_and_joins_back(parts: list[tuple[str, str]]) -> None:
    text = "".join(block + gap for block, gap in parts)
    article = split_article(text)
    assert article.join() == text
    assert compose(pieces_of(article), article.lead) == text


@given(st.text(max_size=200))
def test_arbitrary_text_splits_and_joins_back(text: str) -> None:
    assert split_article(text).join() == text


def test_each_construct_is_its_own_block_of_its_kind() -> None:
    text = (
        "---\ntitle: 标题\n---\n\n"
        "## 小标题\n\n"
        "县委书记带队调研。\n第二行。\n\n"
        "> 引用\n> 第二行\n\n"
        "- 一\n  - 嵌套\n- 二\n\n"
        "| 乡镇 | 户数 |\n| --- | ---: |\n| 城关 | 12 |\n\n"
        '![会议现场](media/a.jpg "会议现场")\n\n'
        "---\n\n"
        "```python\nx = 1\n\ny = 2\n```\n\n"
        "<div>\nHTML\n</div>\n\n"
        "[官网]: https://example.gov.cn\n\n"
        "[^1]: 注释\n"
    )
    article = split_article(text)
    kinds = [b.kind for b in article.blocks]
    assert kinds == [
        "front_matter", "heading", "paragraph", "quote", "list", "table", "picture", "rule",
        "code", "html", "definition", "footnote",
    ]  # fmt: skip
    assert article.blocks[2].text == "县委书记带队调研。\n第二行。"
    assert article.blocks[2].end == "\n\n"
    assert article.blocks[-1].end == "\n"
    assert text[article.blocks[5].start :].startswith("| 乡镇 |")
    assert not article.blocks[0].editable and article.blocks[1].editable


def test_blocks_next_to_each_other_keep_their_single_line_break() -> None:
    article = split_article("## 标题\n正文紧跟标题。\n")
    assert [(b.kind, b.text, b.end) for b in article.blocks] == [
        ("heading", "## 标题", "\n"),
        ("paragraph", "正文紧跟标题。", "\n"),
    ]


def test_compose_keeps_old_neighbours_and_parts_new_ones_by_a_blank_line() -> None:
    article = split_article("## 标题\n正文。\n\n尾段。")
    first, second, third = pieces_of(article)
    assert compose([first, second, third]) == "## 标题\n正文。\n\n尾段。"
    # the middle block removed: the old last line had no line break, a new one follows it
    assert compose([first, third]) == "## 标题\n\n尾段。"
    assert compose([first, Piece("新段落。"), third]) == "## 标题\n\n新段落。\n\n尾段。"
    assert compose([third, Piece("补充。")]) == "尾段。\n\n补充。\n"
    assert compose([Piece("")]) == ""
