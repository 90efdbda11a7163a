"""Two-digit years in frames that make them dates: a comparison, the date of an event, a range
from a year, the second of a pair whose first is in full; and the spans of years left alone."""

from __future__ import annotations

import pytest

from newsdesk.content.proofreading import Packs, ProofFinding, Proofreader


@pytest.fixture(scope="module")
def reader() -> Proofreader:
    return Proofreader(Packs.shipped())


def short_years(reader: Proofreader, text: str) -> list[ProofFinding]:
    return [f for f in reader.check_text(text) if f.rule == "number:short-year"]


@pytest.mark.parametrize(
    ("text", "fixes"),
    [
        ("全县粮食产量比16年增长一成。", [("16", "2016")]),
        ("与17年相比，游客人数翻了一番。", [("17", "2017")]),
        ("该中心于14年正式挂牌。", [("14", "2014")]),
        ("从12年到18年，全县共建成公路200公里。", [("12", "2012"), ("18", "2018")]),
        ("2013、14年连续两年获评先进。", [("14", "2014")]),
        ("2016年至17年，村里修了三座桥。", [("17", "2017")]),
        ("从16年至今，合作社年年分红。", [("16", "2016")]),
        ("18年与19年相比，产量翻了一番。", [("18", "2018"), ("19", "2019")]),
    ],
)
def test_a_two_digit_year_in_a_frame_that_dates_it(
    reader: Proofreader, text: str, fixes: list[tuple[str, str]]
) -> None:
    findings = short_years(reader, text)
    assert [(f.text, f.suggestion) for f in findings] == fixes
    assert all(f.severity == "warning" for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        "他比15年前老了许多。",
        "判处10年至15年有期徒刑。",
        "有效期从15年到20年不等。",
        "他用15年完成了这部书。",
        "2014年至2015年，全县新建学校5所。",
        "与10年前相比，变化巨大。",
        "他从教30年至今未离开讲台。",
    ],
)
def test_a_span_of_years_is_left_alone(reader: Proofreader, text: str) -> None:
    assert short_years(reader, text) == []
