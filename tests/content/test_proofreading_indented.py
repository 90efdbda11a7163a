"""An indented paragraph (four spaces or a tab, as text pasted from Word has it) is prose: the
renderer shows it as a paragraph and the proofreader reads it. The two agree on every layout
below: each 布署 the reader sees outside code is a finding, and none inside code is."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from newsdesk.content import render_wechat
from newsdesk.content.proofreading import Packs, Proofreader

LAYOUTS = {
    "four spaces": "第一段。\n\n    县里布署了春耕。\n",
    "a tab": "第一段。\n\n\t县里布署了春耕。\n\n\t第三段也布署了。\n",
    "eight spaces, two lines": "        县里布署了春耕，\n        续行又布署了。\n",
    "full-width spaces": "　　县里布署了春耕。\n",
    "indented heading and list": "    ## 布署春耕\n\n    - 布署一\n    - 布署二\n",
    "indented fence": "县里布署了春耕。\n\n    ```\n    布署 = 1\n    ```\n",
    "tab fence": "\t~~~\n\t布署\n\t~~~\n\n\t正文布署。\n",
    "inside a list item": "- 第一项\n\n      项目里缩进的布署。\n",
    "after a paragraph": "第一行\n    续行布署。\n",
}


@pytest.fixture(scope="module")
def reader() -> Proofreader:
    return Proofreader(Packs.shipped())


def seen_outside_code(markdown: str) -> int:
    root = lxml_html.fragment_fromstring(render_wechat(markdown).html, create_parent="div")
    for code in root.xpath(".//pre | .//code"):
        code.drop_tree()
    return str(root.text_content()).count("布署")


@pytest.mark.parametrize("markdown", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_what_the_reader_sees_is_what_is_checked(reader: Proofreader, markdown: str) -> None:
    findings = [f for f in reader.check_text(markdown) if f.text == "布署"]
    assert len(findings) == seen_outside_code(markdown) > 0
    for finding in findings:
        assert markdown[finding.start : finding.end] == "布署"


def test_an_indented_paragraph_renders_as_a_paragraph() -> None:
    root = lxml_html.fragment_fromstring(
        render_wechat("\t县里布署了春耕。\n").html, create_parent="div"
    )
    assert not root.xpath(".//pre") and root.xpath(".//p")[0].text_content() == "县里布署了春耕。"
