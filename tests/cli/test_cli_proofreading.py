"""三校 through the real command line, in subprocesses: proofread, findings, dismiss, the
refusal at sign-off, the lists (text and Excel), and the review form as PDF."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.cli.conftest import Run, one_line_error, staffed
from tests.conftest import BACKENDS, PASSWORD

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "newsdesk" / "resources" / "demo"
ARTICLE = """---
title: 全县布署春耕生产工作
author: 县融媒体中心
digest: 截止目前，春播已完成六成。
---

县长王建国强调，要抓好春耕。我们,一定完成任务。

![会议现场](media/x.jpg)
"""


def write(tmp_path: Path, text: str, name: str = "article.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_proofread_points_into_the_file_and_exits_1_on_an_error(cli: Run, tmp_path: Path) -> None:
    path = write(tmp_path, ARTICLE)
    result = cli("proofread", str(path), "--json")
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)
    text = path.read_text(encoding="utf-8")
    for f in findings:
        assert text[f["start"] : f["end"]] == f["text"]
        assert set(f) >= {"key", "category", "severity", "start", "end", "line", "column",
                          "text", "suggestion", "message", "source"}  # fmt: skip
    assert [(f["category"], f["text"], f["line"]) for f in findings] == [
        ("typo", "布署", 2),
        ("typo", "截止目前", 4),
        ("punctuation", ",", 7),
    ]  # no workspace: shipped packs, and no leaders list to judge 王建国 by
    plain = cli("proofread", str(path), env={"LANG": "zh_CN.UTF-8"})
    assert plain.returncode == 1
    first = plain.stdout.splitlines()[0]
    assert first.startswith("2:") and " 错别字 布署 → 部署  (" in first


def test_a_clean_sample_exits_0_and_usage_errors_exit_2(cli: Run, tmp_path: Path) -> None:
    clean = cli("proofread", str(SAMPLES / "zhouqu-vocational-award.md"))
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert cli("proofread").returncode == 2
    one_line_error(cli("proofread", str(tmp_path / "missing.md")), "no such file")


@pytest.mark.parametrize("backend", BACKENDS)
def test_lists_findings_dismissal_and_the_refusal_at_submit(
    cli: Run, tmp_path: Path, db_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    db = staffed(cli, db_path, backend, request)

    sheet = Workbook()
    sheet.active.append(["姓名", "职务"])
    sheet.active.append(["王建国", "县委书记"])
    sheet.active.append(["李明华", "县委副书记、县长"])
    sheet.save(tmp_path / "leaders.xlsx")
    refused = cli("settings", "set", "leaders", "--file", str(tmp_path / "leaders.xlsx"),
                  "--as", "ma", db=db, password=PASSWORD)  # fmt: skip
    one_line_error(refused, "administrator")
    done = cli("settings", "set", "leaders", "--file", str(tmp_path / "leaders.xlsx"),
               "--as", "admin", db=db, password=PASSWORD)  # fmt: skip
    assert done.returncode == 0, done.stderr
    bad = write(tmp_path, "布署 → 部署\n错误一行\n", "typos.txt")
    one_line_error(
        cli("settings", "set", "typos", "--file", str(bad), "--as", "admin", db=db,
            password=PASSWORD),
        "line 2",
    )  # fmt: skip
    shown = cli("settings", "show", "leaders", db=db)
    assert shown.stdout == "王建国 县委书记\n李明华 县委副书记、县长\n"
    assert json.loads(cli("settings", "show", "--json", db=db).stdout)["typos"] == ""

    checked = json.loads(cli("proofread", str(write(tmp_path, ARTICLE)), "--json", db=db).stdout)
    assert ("leader", "县长") in {(f["category"], f["text"]) for f in checked}

    article_id = cli("article", "import", str(write(tmp_path, ARTICLE)), "--as", "ma", db=db,
                     password=PASSWORD).stdout.strip()  # fmt: skip
    submit = cli("submit", article_id, "--as", "ma", db=db, password=PASSWORD)
    one_line_error(submit, "布署")
    assert "截止目前" in submit.stderr and "县长" in submit.stderr
    findings = json.loads(cli("article", "findings", article_id, "--json", db=db).stdout)
    errors = [f for f in findings if f["severity"] == "error"]
    assert {f["field"] for f in errors} == {"title", "digest", "body"}
    for f in errors:
        dismissed = cli("dismiss", article_id, f["key"], "--reason", "引语原文", "--as", "ma",
                        db=db, password=PASSWORD)  # fmt: skip
        assert (dismissed.returncode, dismissed.stdout.strip()) == (0, f["key"]), dismissed.stderr
    one_line_error(
        cli("dismiss", article_id, "typo-ffffffffffff", "--reason", "误报", "--as", "ma", db=db,
            password=PASSWORD),
        "no proofreading finding",
    )  # fmt: skip
    again = json.loads(cli("article", "findings", article_id, "--json", db=db).stdout)
    assert all(f["dismissal"]["reason"] == "引语原文" for f in again if f["severity"] == "error")
    assert all(f["dismissal"]["user"] == "马编辑" for f in again if f["severity"] == "error")
    submitted = cli("submit", article_id, "--as", "ma", db=db, password=PASSWORD)
    assert submitted.returncode == 0, submitted.stderr
    shown_article = json.loads(cli("article", "show", article_id, "--json", db=db).stdout)
    assert shown_article["sign_offs"][0]["proofreading"] == {
        "found": len(findings),
        "fixed": 0,
        "dismissed": len(errors),
    }


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_review_form_is_a_pdf_whose_chinese_text_extracts_as_written(
    cli: Run, tmp_path: Path, db_path: Path
) -> None:
    source = write(tmp_path, "---\ntitle: 马家村入选2024年省级和美乡村名单\nauthor: 县融媒体中心\n"
                   "---\n\n马家村入选名单，全村1386户受益。\n")  # fmt: skip
    article_id = cli("article", "import", str(source), "--as", "ma", db=db_path,
                     password=PASSWORD).stdout.strip()  # fmt: skip
    for command, who in (("submit", "ma"), ("approve", "feng"), ("sign", "sang")):
        assert cli(command, article_id, "--as", who, db=db_path, password=PASSWORD).returncode == 0
    cli("publish", article_id, "--url", "https://mp.weixin.qq.com/s/majia", "--as", "sang",
        db=db_path, password=PASSWORD)  # fmt: skip
    pdf = tmp_path / "form.pdf"
    result = cli("form", article_id, "-o", str(pdf), db=db_path)
    assert (result.returncode, result.stdout.strip()) == (0, str(pdf)), result.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    for words in ("稿件审签单", "马家村入选2024年省级和美乡村名单", "马编辑", "冯审核", "桑出品",
                  "发现 0 · 改正 0 · 忽略 0", "https://mp.weixin.qq.com/s/majia"):  # fmt: skip
        assert words in text, words
    assert "⼊" not in text and "⻢" not in text  # Kangxi radicals: a wrong text map
    shown = json.loads(cli("article", "show", article_id, "--json", db=db_path).stdout)
    assert shown["content_hash"] in text
    month = shown["published_at"][:7]
    whole = tmp_path / "month.pdf"
    assert cli("form", "--month", month, "-o", str(whole), db=db_path).returncode == 0
    info = subprocess.run(["pdfinfo", str(whole)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), info
    assert cli("form", "-o", str(whole), db=db_path).returncode == 2
    one_line_error(cli("form", "--month", "1999-01", "-o", str(whole), db=db_path), "1999-01")


def test_a_bad_row_of_a_sheet_is_named_by_its_row_in_excel(
    cli: Run, tmp_path: Path, db_path: Path
) -> None:
    typos = Workbook()
    typos.active.title = "错别字"
    typos.active["A1"], typos.active["B1"] = "错误", "正确"
    typos.active.append(["布署", "部署"])  # row 2; row 3 is left empty
    typos.active["A4"], typos.active["B4"] = "既使", "即使"
    typos.active["A5"] = "错误一行"  # no correct form: the bad entry, Excel's row 5
    typos.save(tmp_path / "typos.xlsx")
    leaders = Workbook()
    for row in (["姓名", "职务"], [], ["王建国", "县委书记"], ["Wang Jianguo", "县长"]):
        leaders.active.append(row)
    leaders.save(tmp_path / "leaders.xlsx")
    for name, row in (("typos", 5), ("leaders", 4)):
        one_line_error(
            cli("settings", "set", name, "--file", str(tmp_path / f"{name}.xlsx"), "--as",
                "admin", db=db_path, password=PASSWORD),
            f"row {row} of the sheet",
        )  # fmt: skip
    assert cli("settings", "show", "typos", db=db_path).stdout == ""
