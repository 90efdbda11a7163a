"""How results are shown: the stable `--json` shapes (documented in README) and plain text."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import datetime
from typing import TYPE_CHECKING, Any

from newsdesk.core.i18n import ZH
from newsdesk.core.models import (
    LEVEL_LABELS,
    ROLE_LABELS,
    STATE_LABELS,
    ArticleSummary,
    NoteKind,
    SearchHit,
    State,
    User,
)

if TYPE_CHECKING:
    from newsdesk.core.articles import ArticleDetails

NOTE_LABELS = {
    NoteKind.RETURN: ("退回意见", "returned"),
    NoteKind.REOPEN: ("重新编辑", "reopened"),
    NoteKind.SPIKE: ("作废", "spiked"),
    NoteKind.BRIEF: ("选题说明", "brief"),
}


def emit_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _local(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else ""


def word(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == ZH else pair[1]


def user_json(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "username": user.username,
        "display_name": user.display_name,
        "roles": sorted(r.value for r in user.roles),
        "disabled": user.disabled,
    }


def user_line(user: User, lang: str) -> str:
    roles = "、".join(word(ROLE_LABELS[r], lang) for r in sorted(user.roles))
    off = (" [已停用]" if lang == ZH else " [disabled]") if user.disabled else ""
    return f"{user.username}\t{user.display_name}\t{roles}{off}"


def summary_json(item: ArticleSummary) -> dict[str, Any]:
    return {
        "id": item.id,
        "title": item.title,
        "state": item.state.value,
        "author": item.author,
        "column": item.column,
        "creator": item.creator_name,
        "updated_at": _iso(item.updated_at),
        "version": item.version,
    }


def summary_line(item: ArticleSummary, lang: str) -> str:
    state = word(STATE_LABELS[item.state], lang)
    return f"{item.id}\t{state}\t{_local(item.updated_at)}\t{item.creator_name}\t{item.title}"


def hit_json(hit: SearchHit) -> dict[str, Any]:
    return {
        "id": hit.article_id,
        "title": hit.title,
        "state": hit.state.value,
        "snippet": hit.snippet,
        "highlights": [list(span) for span in hit.highlights],
        "score": round(hit.score, 4),
    }


def hit_lines(hit: SearchHit, lang: str) -> str:
    marked = hit.snippet
    for start, end in sorted(hit.highlights, reverse=True):
        marked = f"{marked[:start]}【{marked[start:end]}】{marked[end:]}"
    state = word(STATE_LABELS[hit.state], lang)
    return f"{hit.article_id}\t{state}\t{hit.title}\n\t{marked}"


def details_json(d: ArticleDetails) -> dict[str, Any]:
    a, c = d.article, d.article.content
    return {
        "id": a.id,
        "state": a.state.value,
        "version": a.version,
        "title": c.title,
        "author": c.author,
        "digest": c.digest,
        "column": c.column,
        "cover": c.cover,
        "source_url": c.source_url,
        "original": c.original,
        "body": c.body,
        "content_hash": a.content_hash,
        "creator": {"id": a.creator_id, "name": d.names[a.creator_id]},
        "editors": [{"id": i, "name": d.names[i]} for i in a.editor_ids],
        "created_at": _iso(a.created_at),
        "updated_at": _iso(a.updated_at),
        "published_url": a.published_url or None,
        "published_at": _iso(a.published_at),
        "sign_offs": [
            {
                "level": s.level.value,
                "user_id": s.user_id,
                "user": d.names[s.user_id],
                "content_hash": s.content_hash,
                "signed_at": _iso(s.signed_at),
                "valid": s.valid,
                "voided_at": _iso(s.voided_at),
                "void_reason": s.void_reason or None,
                "proofreading": asdict(s.proofreading) if s.proofreading else None,
            }
            for s in d.sign_offs
        ],
        "notes": [
            {
                "kind": n.kind.value,
                "user_id": n.user_id,
                "user": d.names[n.user_id],
                "reason": n.reason,
                "from_state": n.from_state.value,
                "created_at": _iso(n.created_at),
            }
            for n in d.notes
        ],
        "revisions": [
            {
                "id": r.id,
                "version": r.version,
                "kind": r.kind.value,
                "user_id": r.user_id,
                "user": d.names[r.user_id],
                "created_at": _iso(r.created_at),
                "content_hash": r.content_hash,
            }
            for r in d.revisions
        ],
        "credits": {level.value: names for level, names in d.credits().items()},
        "account": d.account.name if d.account else None,
        "wechat": _wechat_json(d),
    }


def _wechat_json(d: ArticleDetails) -> dict[str, Any]:
    pushed = d.pushed
    return {
        "draft_media_id": pushed.push.draft_media_id if pushed else None,
        "pushed_at": _iso(pushed.push.pushed_at) if pushed else None,
        "pushed_hash": pushed.pushed_hash if pushed else None,
        "publish_id": (pushed.push.publish_id or None) if pushed else None,
        "publish_status": (pushed.push.publish_status or None) if pushed else None,
        "article_url": d.article.published_url or None,
    }


def details_text(d: ArticleDetails, lang: str) -> str:
    a, c = d.article, d.article.content
    zh = lang == ZH
    lines = [f"#{a.id}  {c.title}"]
    label = {
        "state": "状态" if zh else "State",
        "version": "版本" if zh else "Version",
        "author": "作者" if zh else "Author",
        "column": "栏目" if zh else "Column",
        "digest": "摘要" if zh else "Digest",
        "editors": "编辑" if zh else "Editors",
        "source": "阅读原文链接" if zh else "Source link",
        "original": "原创声明" if zh else "Original",
    }
    lines.append(
        f"{label['state']}: {word(STATE_LABELS[a.state], lang)}    {label['version']}: {a.version}"
    )
    for key, value in (
        ("author", c.author),
        ("column", c.column),
        ("digest", c.digest),
        ("source", c.source_url),
    ):
        if value:
            lines.append(f"{label[key]}: {value}")
    if c.original:
        lines.append(f"{label['original']}: {'是' if zh else 'yes'}")
    lines.append(f"{label['editors']}: {'、'.join(d.names[i] for i in a.editor_ids)}")
    if a.state is State.PUBLISHED:
        lines.append(f"{'发布' if zh else 'Published'}: {_local(a.published_at)} {a.published_url}")
    if d.sign_offs:
        lines.append("审签:" if zh else "Sign-offs:")
        for s in d.sign_offs:
            status = (
                ("有效" if zh else "valid")
                if s.valid
                else (f"{'已失效' if zh else 'void'}: {s.void_reason}")
            )
            lines.append(
                f"  {word(LEVEL_LABELS[s.level], lang)}  {d.names[s.user_id]}  "
                f"{_local(s.signed_at)}  {s.content_hash[:12]}  ({status})"
            )
    if d.notes:
        lines.append("审稿记录:" if zh else "Review history:")
        for n in d.notes:
            lines.append(
                f"  {word(NOTE_LABELS[n.kind], lang)}  {d.names[n.user_id]}  "
                f"{_local(n.created_at)}: {n.reason}"
            )
    lines.append("修改版本:" if zh else "Revisions:")
    for r in d.revisions:
        kind = "" if r.kind.value == "save" else (" (冲突另存)" if zh else " (kept conflict)")
        lines.append(
            f"  #{r.id}  v{r.version}  {d.names[r.user_id]}  {_local(r.created_at)}"
            f"  {r.content_hash[:12]}{kind}"
        )
    lines.append("")
    lines.append(c.body.rstrip("\n"))
    return "\n".join(lines)
