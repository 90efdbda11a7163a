"""A file saved with a BOM, with Windows line ends, or both: `proofread --json` offsets index
the file's text as read (BOM removed, line ends kept), the findings and their keys are those
of the same file with LF line ends, and an article imported from it is stored with LF."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import Run
from tests.conftest import PASSWORD

ARTICLE = """---
title: 全县布署春耕生产工作
author: 县融媒体中心
---

县长强调，要抓好春耕。我们,一定完成任务.

截止目前，春播已完成六成
第二行写到这里.

县里布署了三项工作。
"""
VARIANTS = {
    "bom": ("utf-8-sig", "\n"),
    "crlf": ("utf-8", "\r\n"),
    "bom+crlf": ("utf-8-sig", "\r\n"),
}


def saved(tmp_path: Path, name: str, encoding: str, newline: str) -> Path:
    path = tmp_path / f"{name}.md"
    path.write_bytes(ARTICLE.replace("\n", newline).encode(encoding))
    return path


def proofread(cli: Run, path: Path) -> list[dict[str, Any]]:
    result = cli("proofread", str(path), "--json")
    assert result.returncode == 1, result.stderr
    findings: list[dict[str, Any]] = json.loads(result.stdout)
    return findings


@pytest.mark.parametrize("variant", VARIANTS)
def test_offsets_index_the_text_as_read_and_findings_match_the_lf_file(
    cli: Run, tmp_path: Path, variant: str
) -> None:
    encoding, newline = VARIANTS[variant]
    lf = proofread(cli, saved(tmp_path, "lf", "utf-8", "\n"))
    path = saved(tmp_path, variant, encoding, newline)
    found = proofread(cli, path)
    as_read = path.read_bytes().decode("utf-8-sig")  # BOM removed, line ends kept
    assert not as_read.startswith("\ufeff") and as_read.count("\r") == (
        ARTICLE.count("\n") if newline == "\r\n" else 0
    )
    for finding in found:
        assert as_read[finding["start"] : finding["end"]] == finding["text"], finding
    assert [(f["key"], f["text"], f["line"], f["column"]) for f in found] == [
        (f["key"], f["text"], f["line"], f["column"]) for f in lf
    ]
    assert {f["text"] for f in found} >= {"布署", ",", ".", "截止目前"}
    # The full stop at a line's end is found before a CR as before an LF.
    assert [f["line"] for f in found if f["text"] == "."] == [6, 9]


def test_an_article_imported_from_such_a_file_is_stored_with_lf_and_keeps_the_keys(
    cli: Run, tmp_path: Path, db_path: Path
) -> None:
    path = saved(tmp_path, "both", "utf-8-sig", "\r\n")
    from_file = {f["key"] for f in proofread(cli, path)}
    imported = cli("article", "import", str(path), "--as", "ma", db=db_path, password=PASSWORD)
    assert imported.returncode == 0, imported.stderr
    article_id = imported.stdout.strip()
    shown = json.loads(cli("article", "show", article_id, "--json", db=db_path).stdout)
    assert "\r" not in shown["body"] and not shown["body"].startswith("\ufeff")
    assert shown["title"] == "全县布署春耕生产工作"
    findings = json.loads(cli("article", "findings", article_id, "--json", db=db_path).stdout)
    fields = {"title": shown["title"], "body": shown["body"]}
    for finding in findings:
        text = fields[finding["field"]]
        assert text[finding["start"] : finding["end"]] == finding["text"]
    assert {f["key"] for f in findings} == from_file
