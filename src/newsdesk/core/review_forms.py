"""The review form (审签单) of an article, or of a month's published articles, from the record:
who signed each level and when, what proofreading came to, return reasons, publication."""

from __future__ import annotations

from datetime import date, datetime

from newsdesk import __version__
from newsdesk.content.proofreading import CATEGORY_LABELS, Category
from newsdesk.content.review_form import FormError, FormPage, Signature, render_forms
from newsdesk.content.text_stats import word_count
from newsdesk.core.articles import ArticleService
from newsdesk.core.context import Context
from newsdesk.core.dates import checked_day
from newsdesk.core.errors import InvalidInput
from newsdesk.core.models import LEVEL_LABELS, STATE_LABELS, Level, NoteKind
from newsdesk.core.settings import SettingsService

_LEVELS = (Level.EDITOR, Level.AUDITOR, Level.PRODUCER)


def local(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


def month_bounds(month: str) -> tuple[datetime, datetime]:
    """The first moment of YYYY-MM and of the month after, in this PC's time zone."""
    year, number = (int(part) for part in month.split("-"))
    checked_day(date(year, number, 1))
    start = datetime(year, number, 1).astimezone()
    end = datetime(year + number // 12, number % 12 + 1, 1).astimezone()
    return start, end


class FormService:
    def __init__(self, ctx: Context, articles: ArticleService, settings: SettingsService) -> None:
        self._ctx = ctx
        self._articles = articles
        self._settings = settings

    def page(self, article_id: int) -> FormPage:
        details = self._articles.details(article_id)
        article, content = details.article, details.article.content
        credits = details.credits()
        valid = {s.level: s for s in details.sign_offs if s.valid}
        signatures = []
        for level in _LEVELS:
            signed = valid.get(level)
            record = signed.proofreading if signed else None
            signatures.append(
                Signature(
                    LEVEL_LABELS[level][0],
                    " ".join(credits[level]),
                    local(signed.signed_at) if signed else "",
                    f"发现 {record.found} · 改正 {record.fixed} · 忽略 {record.dismissed}"
                    if record
                    else "",
                    signed.content_hash[:16] if signed else "",
                )
            )
        produced = valid.get(Level.PRODUCER)
        returns = [
            (local(n.created_at), details.names[n.user_id], n.reason)
            for n in details.notes
            if n.kind in (NoteKind.RETURN, NoteKind.REOPEN)
        ]
        dismissals = []
        for d in self._ctx.repo.list_dismissals(article_id):
            who = self._articles.names_of([d.user_id])[d.user_id]
            dismissals.append(
                (
                    f"{who} {local(d.created_at)[5:]}",
                    CATEGORY_LABELS[Category(d.category)][0],
                    d.text,
                    d.reason,
                )
            )
        account = self._settings.account(article.account_id)
        return FormPage(
            account=account.name,
            article_id=article.id,
            title=content.title,
            column=content.column,
            author=content.author,
            characters=word_count(content.body),
            state=STATE_LABELS[article.state][0],
            original=content.original,
            content_hash=produced.content_hash if produced else article.content_hash,
            signatures=signatures,
            returns=returns,
            dismissals=dismissals,
            published_at=local(article.published_at),
            published_url=article.published_url,
            generated=f"稿件工作站 Newsdesk {__version__} 生成于 {local(self._ctx.clock())}"
            " · 审计日志可用 newsdesk verify 核验",
        )

    def article_pdf(self, article_id: int) -> bytes:
        return self._render([self.page(article_id)])

    def month_pdf(self, month: str) -> bytes:
        start, end = month_bounds(month)
        ids = self._ctx.repo.published_between(start, end)
        if not ids:
            raise InvalidInput(f"{month} 没有已发布的稿件", f"nothing was published in {month}")
        return self._render([self.page(i) for i in ids])

    def _render(self, pages: list[FormPage]) -> bytes:
        try:
            return render_forms(pages)
        except FormError as error:
            raise InvalidInput(error.zh, error.en) from None
