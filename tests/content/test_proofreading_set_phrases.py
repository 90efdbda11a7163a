"""The long fixed phrases of current-affairs copy, one alike character off, as warnings."""

from __future__ import annotations

import pytest

from newsdesk.content.proofreading import WARNING, Packs, Proofreader


@pytest.fixture(scope="module")
def reader() -> Proofreader:
    return Proofreader(Packs.shipped())


def phrases(reader: Proofreader, body: str) -> list[tuple[str, str, str]]:
    return [
        (f.text, f.suggestion, f.severity)
        for f in reader.check_text(body)
        if f.rule == "typo:set-phrase"
    ]


@pytest.mark.parametrize(
    ("body", "said", "phrase"),
    [
        ("广泛践行社会主义核心价直观。", "社会主义核心价直观", "社会主义核心价值观"),
        ("坚持以人民为中新的发展思想。", "以人民为中新", "以人民为中心"),
        ("中华人民共合国成立75周年。", "中华人民共合国", "中华人民共和国"),
    ],
)
def test_a_fixed_phrase_one_alike_character_off_is_a_warning(
    reader: Proofreader, body: str, said: str, phrase: str
) -> None:
    assert phrases(reader, body) == [(said, phrase, WARNING)]


@pytest.mark.parametrize(
    "body",
    [
        "广泛践行社会主义核心价值观。",
        "全县推进高标准农村公路建设。",  # 村 neither sounds nor looks like 田
        "中华人民共和国成立75周年。",
    ],
)
def test_the_phrases_written_right_or_other_words_are_fine(reader: Proofreader, body: str) -> None:
    assert phrases(reader, body) == []
