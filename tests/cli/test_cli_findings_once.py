"""One findings model on the command line: a banned word in the body is reported once by
`proofread` and `article findings`, and named once when submit is refused."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Run, one_line_error
from tests.conftest import PASSWORD

ARTICLE = """---
title: 春耕生产会议
---

全县召开会议，部署春耕生产工作。

有人在群里推销代开发票业务。
"""


def test_a_banned_word_in_the_body_is_reported_once(
    cli: Run, tmp_path: Path, db_path: Path
) -> None:
    path = tmp_path / "article.md"
    path.write_text(ARTICLE, encoding="utf-8")
    checked = cli("proofread", str(path), "--json", db=db_path)
    assert checked.returncode == 1, checked.stderr
    found = [f for f in json.loads(checked.stdout) if "代开发票" in f["text"]]
    assert [(f["category"], f["severity"], f["line"]) for f in found] == [("banned", "error", 7)]
    plain = cli("proofread", str(path), db=db_path)
    assert plain.stdout.count("代开发票") == 1, plain.stdout

    article_id = cli("article", "import", str(path), "--as", "ma", db=db_path,
                     password=PASSWORD).stdout.strip()  # fmt: skip
    listed = cli("article", "findings", article_id, db=db_path)
    assert listed.stdout.count("代开发票") == 1, listed.stdout
    submit = cli("submit", article_id, "--as", "ma", db=db_path, password=PASSWORD)
    one_line_error(submit, "代开发票")
    assert submit.stderr.count("代开发票") == 1, submit.stderr
