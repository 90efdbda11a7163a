"""三校 on the command line: `proofread`, `article findings`, `dismiss`, the lists in
`settings`, and the review form."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdesk.cli import output
from newsdesk.content.frontmatter import FrontMatterError, field_offsets, parse
from newsdesk.content.proofreading import CATEGORY_LABELS, ERROR, HINT, WARNING, ProofFinding
from newsdesk.content.proofreading.findings import SEVERITY_LABELS
from newsdesk.core.errors import BadFile, DatabaseMissing, NoWorkspace, plural
from newsdesk.core.importing import read_text, write_bytes_file
from newsdesk.core.proof_lists import LIST_LABELS, LISTS, position, promotional_column, recipe

# `proofread` on a file loads this module and no more of the workspace than its settings: the
# rest comes with the commands that use it.
if TYPE_CHECKING:
    from newsdesk.cli.session import Session
    from newsdesk.content.proofreading import Proofreader
    from newsdesk.core.proofreading import ArticleFinding


def finding_json(
    finding: ProofFinding, lang: str, start: int, line: int, column: int
) -> dict[str, Any]:
    return {
        "key": finding.key,
        "category": finding.category.value,
        "severity": finding.severity,
        "field": finding.field,
        "start": start,
        "end": start + (finding.end - finding.start),
        "line": line,
        "column": column,
        "text": finding.text,
        "suggestion": finding.suggestion,
        "message": finding.message(lang),
        "source": finding.source,
    }


def finding_line(finding: ProofFinding, lang: str, line: int, column: int) -> str:
    label = output.word(CATEGORY_LABELS[finding.category], lang)
    grade = output.word(SEVERITY_LABELS[finding.severity], lang)
    fix = f" → {finding.suggestion}" if finding.suggestion else ""
    return f"{line}:{column} {grade} {label} {finding.text}{fix}  ({finding.source})"


def summary_line(s: Session, findings: list[ProofFinding]) -> str:
    """How many of each grade, and what that makes the exit status: only errors fail."""
    errors, warnings, hints = (
        sum(f.severity == grade for f in findings) for grade in (ERROR, WARNING, HINT)
    )
    if not findings:
        return s.t("未发现校对问题。", "No proofreading findings.")
    counts_en = ", ".join(
        (plural(errors, "error", "errors"), plural(warnings, "warning", "warnings"),
         plural(hints, "hint", "hints"))
    )  # fmt: skip
    if errors:
        return s.t(
            f"校对：错误 {errors} 处，警告 {warnings} 处，提示 {hints} 处（有错误，退出状态 1）",
            f"proofreading: {counts_en} (errors present: exit status 1)",
        )
    return s.t(
        f"校对：错误 0 处，警告 {warnings} 处，提示 {hints} 处（警告和提示不影响退出状态）",
        f"proofreading: {counts_en} (warnings and hints leave the exit status 0)",
    )


def _file_proofreader(s: Session) -> Proofreader:
    """The workspace's lists if there is a workspace; else the shipped packs. Only the store's
    settings are read: the proofreader comes from the compiled-rules cache when it can."""
    from newsdesk.store import open_repository

    try:
        store = open_repository(s.target)
    except (DatabaseMissing, NoWorkspace):
        return recipe({})[1]()
    try:
        stored = store.settings_under("")
    finally:
        store.close()
    return recipe(stored)[1]()


def proofread(s: Session) -> int:
    path = Path(s.args.file)
    text = read_text(path)
    try:
        document = parse(text)
    except FrontMatterError as error:
        raise BadFile(str(path), (f"文件头信息有误：{error}", str(error))) from None
    offsets = field_offsets(text, document)
    fields = {
        key: str(document.meta.get(key, "") or "") for key in ("title", "author", "digest")
    } | {"body": document.body}
    promotional = promotional_column(str(document.meta.get("column", "") or ""))
    located: list[tuple[ProofFinding, int]] = []
    for finding in _file_proofreader(s).check(fields, promotional=promotional):
        base = offsets.get(finding.field)
        start = base + finding.start if base is not None else text.find(finding.text)
        if start < 0 or text[start : start + len(finding.text)] != finding.text:
            continue  # a front-matter value YAML rewrote: no place in the file to point at
        located.append((finding, start))
    if s.args.json:
        output.emit_json(
            [finding_json(f, s.lang, start, *position(text, start)) for f, start in located]
        )
    else:
        for finding, start in located:
            print(finding_line(finding, s.lang, *position(text, start)))
        print(summary_line(s, [f for f, _ in located]), file=sys.stderr)
    return 1 if any(f.blocking for f, _ in located) else 0


def _dismissal_json(s: Session, item: ArticleFinding) -> dict[str, Any] | None:
    d = item.dismissal
    if d is None:
        return None
    return {
        "user_id": d.user_id,
        "user": s.workspace().users.by_id(d.user_id).display_name,
        "reason": d.reason,
        "at": d.created_at.isoformat(),
        "content_hash": d.content_hash,
        "context": d.context,
    }


def article_findings(s: Session) -> int:
    from newsdesk.core.proofreading import FIELD_WORDS

    items = s.workspace().proofreading.for_article(s.args.id)
    if s.args.json:
        output.emit_json(
            [
                finding_json(i.finding, s.lang, i.finding.start, i.line, i.column)
                | {"dismissal": _dismissal_json(s, i)}
                for i in items
            ]
        )
        return 0
    for item in items:
        where = output.word(FIELD_WORDS[item.finding.field], s.lang)
        line = finding_line(item.finding, s.lang, item.line, item.column)
        shown = _dismissal_json(s, item)
        if shown is not None:
            line += s.t(
                f"  [已忽略：{shown['reason']}，{shown['user']}]",
                f"  [dismissed: {shown['reason']}, {shown['user']}]",
            )
        print(f"{item.finding.key}\t{where} {line}")
    if not items:
        print(s.t("未发现校对问题。", "No proofreading findings."), file=sys.stderr)
    return 0


def dismiss(s: Session) -> int:
    ws = s.workspace()
    dismissal = ws.proofreading.dismiss(s.actor(), s.args.id, s.args.key, s.args.reason)
    print(dismissal.key)
    return 0


def set_list(s: Session, name: str) -> None:
    if s.args.file is None:
        raise BadFile(
            "--file",
            (f"{LIST_LABELS[name][0]}须从文件读入（--file）", f"the {name} list comes from --file"),
        )
    from newsdesk.core.list_files import read_list_file

    text = read_list_file(Path(s.args.file), name)
    ws = s.workspace()
    ws.proofreading.set_list(s.actor(), name, text)


def list_values(s: Session) -> dict[str, str]:
    return {name: s.workspace().proofreading.list_text(name) for name in LISTS}


def show_list(s: Session, name: str) -> int:
    sys.stdout.write(s.workspace().proofreading.list_text(name))
    return 0


def form(s: Session) -> int:
    if (s.args.id is None) == (s.args.month is None):
        print(
            s.t("newsdesk form：请给出稿件编号或 --month YYYY-MM（二选一）",
                "newsdesk form: give an article ID or --month YYYY-MM (one of them)"),
            file=sys.stderr,
        )  # fmt: skip
        return 2
    forms = s.workspace().forms
    data = forms.article_pdf(s.args.id) if s.args.id else forms.month_pdf(s.args.month)
    destination = Path(s.args.output)
    s.refuse_to_overwrite([destination])  # after the arguments are judged: a bad month says so
    write_bytes_file(destination, data)
    print(destination)
    return 0
