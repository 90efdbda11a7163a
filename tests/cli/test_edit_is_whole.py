"""`article edit` is one transaction: a refused co-editor leaves the text as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import Run, one_line_error, staffed
from tests.conftest import BACKENDS, PASSWORD


def _write(path: Path, title: str, body: str, editors: str | None = None) -> Path:
    lines = ["---", f"title: {title}"]
    if editors is not None:
        lines.append(f"editors: {editors}")
    path.write_text("\n".join([*lines, "---", "", body, ""]), encoding="utf-8")
    return path


def _shown(cli: Run, db: Path | str, article_id: str) -> dict[str, object]:
    shown = cli("article", "show", article_id, "--json", db=db)
    assert shown.returncode == 0, shown.stderr
    data: dict[str, object] = json.loads(shown.stdout)
    return data


@pytest.fixture
def drafted(
    cli: Run, db_path: Path, tmp_path: Path, backend: str, request: pytest.FixtureRequest
) -> tuple[Path | str, str]:
    db = staffed(cli, db_path, backend, request)
    made = cli("article", "import", str(_write(tmp_path / "a.md", "原标题", "原正文。")),
               "--as", "ma", db=db, password=PASSWORD)  # fmt: skip
    assert made.returncode == 0, made.stderr
    return db, made.stdout.strip()


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("editors", "named"), [("nobody", "nobody"), ("feng", "冯审核")], ids=["unknown", "no-role"]
)
def test_a_refused_co_editor_saves_nothing(
    cli: Run, tmp_path: Path, drafted: tuple[Path | str, str], editors: str, named: str
) -> None:
    db, article_id = drafted
    edited = _write(tmp_path / "b.md", "新标题", "新正文。", editors=editors)
    result = cli("article", "edit", article_id, "--file", str(edited), "--as", "ma",
                 db=db, password=PASSWORD)  # fmt: skip
    one_line_error(result, named)
    data = _shown(cli, db, article_id)
    assert (data["title"], data["version"], len(data["revisions"])) == ("原标题", 1, 1)  # type: ignore[arg-type]
    assert [e["name"] for e in data["editors"]] == ["马编辑"]  # type: ignore[attr-defined]


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_auditor_cannot_change_the_editors_and_saves_nothing(
    cli: Run, tmp_path: Path, drafted: tuple[Path | str, str]
) -> None:
    db, article_id = drafted
    assert cli("submit", article_id, "--as", "ma", db=db, password=PASSWORD).returncode == 0
    edited = _write(tmp_path / "b.md", "审核改的标题", "审核改的正文。", editors="yan")
    result = cli("article", "edit", article_id, "--file", str(edited), "--as", "feng",
                 db=db, password=PASSWORD)  # fmt: skip
    one_line_error(result, "only the article's editors may change its co-editors")
    data = _shown(cli, db, article_id)
    assert (data["title"], data["version"]) == ("原标题", 1)
    assert [e["name"] for e in data["editors"]] == ["马编辑"]  # type: ignore[attr-defined]

    # The same file naming the editors the article already has is only an edit.
    same = _write(tmp_path / "c.md", "审核改的标题", "审核改的正文。", editors="ma")
    saved = cli("article", "edit", article_id, "--file", str(same), "--as", "feng",
                db=db, password=PASSWORD)  # fmt: skip
    assert saved.returncode == 0, saved.stderr
    assert _shown(cli, db, article_id)["title"] == "审核改的标题"


@pytest.mark.parametrize("backend", BACKENDS)
def test_text_and_co_editors_are_saved_together(
    cli: Run, tmp_path: Path, drafted: tuple[Path | str, str]
) -> None:
    db, article_id = drafted
    edited = _write(tmp_path / "b.md", "新标题", "新正文。", editors="yan")
    result = cli("article", "edit", article_id, "--file", str(edited), "--as", "ma",
                 db=db, password=PASSWORD)  # fmt: skip
    assert (result.returncode, result.stdout.strip()) == (0, "2"), result.stderr
    data = _shown(cli, db, article_id)
    assert data["title"] == "新标题"
    assert [e["name"] for e in data["editors"]] == ["马编辑", "严编辑"]  # type: ignore[attr-defined]
