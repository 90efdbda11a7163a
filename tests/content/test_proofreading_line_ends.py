"""The rules read LF: text with CRLF or lone CR line ends gets the same findings under the same
keys, with offsets into the text as given (a word broken over a CRLF included)."""

from __future__ import annotations

import pytest

from newsdesk.content.proofreading import Packs, Proofreader

BODY = "全县布\n署春耕,一定完成任务.\n\n截止目前，进展顺利.\n"


@pytest.fixture(scope="module")
def reader() -> Proofreader:
    return Proofreader(Packs.shipped())


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_other_line_ends_give_the_lf_findings(reader: Proofreader, newline: str) -> None:
    given = BODY.replace("\n", newline)
    lf = reader.check({"body": BODY, "title": "布署\n"})
    other = reader.check({"body": given, "title": "布署" + newline})
    assert [f.key for f in other] == [f.key for f in lf] and len(lf) >= 5
    for finding in other:
        text = given if finding.field == "body" else "布署" + newline
        assert text[finding.start : finding.end] == finding.text
    assert other[1].text == f"布{newline}署"
