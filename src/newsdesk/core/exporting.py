"""Preview and export: the article's body rendered for WeChat, plus the blocks a county account
ends every article with (往期回顾, the credits line from valid sign-offs, reprint notice)."""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.content import Ending, Rendered, RenderWarning, render_wechat
from newsdesk.content.images import COVER_RATIOS
from newsdesk.content.themes import DEFAULT_THEME, ThemeError, load_theme
from newsdesk.core.articles import ArticleDetails, ArticleService
from newsdesk.core.context import Context
from newsdesk.core.errors import InvalidInput
from newsdesk.core.importing import write_bytes_file, write_text_file
from newsdesk.core.media import MediaService
from newsdesk.core.models import LEVEL_LABELS, Level, User
from newsdesk.core.settings import AccountSettings, SettingsService

log = logging.getLogger(__name__)
_LOGGED: set[tuple[str, str]] = set()  # accounts' unusable themes, already in the log
HTML_LIMIT = 1_000_000  # WeChat's draft API refuses a body over 1 MB of HTML
_DATA_URI = re.compile(r"data:image/[a-z]+;base64,[A-Za-z0-9+/=]+")


MEDIA_IN_BODY = re.compile(r"media/[0-9a-f]{64}\.\w+")


@dataclass(frozen=True)
class PreviewInputs:
    theme: str
    ending: Ending


@dataclass(frozen=True)
class Export:
    html: str  # the fragment for the clipboard
    text: str  # its text/plain twin
    page: str  # a standalone UTF-8 page for archiving
    warnings: list[RenderWarning]
    cover_crops: dict[str, bytes] = field(default_factory=dict)  # "2.35x1"/"1x1" -> JPEG


def credits_line(details: ArticleDetails) -> str:
    """`编辑丨马某 严某  审核丨冯某  出品丨桑某`, from who actually signed (docs/review-chain.md)."""
    credits = details.credits()
    parts = []
    for level in (Level.EDITOR, Level.AUDITOR, Level.PRODUCER):
        if credits[level]:
            parts.append(f"{LEVEL_LABELS[level][0]}丨{' '.join(credits[level])}")
    return "  ".join(parts)


def standalone_page(fragment: str, title: str, subtitle: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n</head>\n"
        '<body style="margin:0;padding:0">\n'
        '<main style="max-width:677px;margin:0 auto;padding:24px 16px 40px">\n'
        '<h1 style="font-size:22px;line-height:1.4;color:#222222;margin:0 0 8px">'
        f"{html.escape(title)}</h1>\n"
        f'<p style="font-size:14px;color:#888888;margin:0 0 24px">{html.escape(subtitle)}</p>\n'
        f"{fragment}\n</main>\n</body>\n</html>\n"
    )


def crop_path(page: Path, name: str) -> Path:
    return page.with_name(f"{page.stem}-cover-{name}.jpg")


def export_paths(page: Path, *, cover: bool) -> list[Path]:
    """Every file an export to `page` writes: the page, and the cover crops if it has a cover."""
    return [page, *(crop_path(page, name) for name in COVER_RATIOS)] if cover else [page]


def already_there(page: Path, *, cover: bool) -> list[Path]:
    """The files an export to `page` would overwrite: asked about (app) or refused (CLI)."""
    return [path for path in export_paths(page, cover=cover) if path.exists()]


def write_export(export: Export, page: Path) -> list[Path]:
    """The standalone page at `page` and its cover crops beside it (`NAME-cover-1x1.jpg`…),
    each written whole or not at all. Returns the crops' paths."""
    write_text_file(page, export.page)
    crops = []
    for name, data in export.cover_crops.items():
        crop = crop_path(page, name)
        write_bytes_file(crop, data)
        crops.append(crop)
    return crops


def usable_theme(name: str) -> str:
    """`name`, once it is known to load; else the reason, as the user's error."""
    try:
        load_theme(name)
    except ThemeError as error:
        raise InvalidInput(f"排版主题不可用：{error}", f"theme not usable: {error}") from None
    return name


class ExportService:
    def __init__(
        self,
        ctx: Context,
        articles: ArticleService,
        settings: SettingsService,
        media: MediaService,
    ) -> None:
        self._ctx = ctx
        self._media = media
        self._articles = articles
        self._settings = settings

    def _theme(self, theme: str | None, account: AccountSettings) -> str:
        return self._theme_warned(theme, account)[0]

    def _theme_warned(
        self, theme: str | None, account: AccountSettings
    ) -> tuple[str, RenderWarning | None]:
        """The theme asked for (refused if unusable); else the account's, or, when that cannot
        be used here (an older database took any name, or this PC lacks a newsroom theme), the
        default theme and a warning: a setting never blocks an export."""
        if theme:
            return usable_theme(theme), None
        try:
            load_theme(account.default_theme)
        except ThemeError as error:
            if (account.name, account.default_theme) not in _LOGGED:  # once, not per preview
                _LOGGED.add((account.name, account.default_theme))
                log.info(
                    "account %s: theme %r unusable: %s", account.name, account.default_theme, error
                )
            return DEFAULT_THEME, RenderWarning(
                "theme",
                f"公众号设置的排版主题“{account.default_theme}”不可用（{error}），已用默认主题",
                f"the account's theme “{account.default_theme}” cannot be used ({error}); "
                f"the default theme was used",
            )
        return account.default_theme, None

    def _ending(self, details: ArticleDetails, account: AccountSettings) -> Ending:
        article = details.article
        # An archived article lists what came before it, not what was published since; and
        # only what its own account published.
        previous = self._ctx.repo.recently_published(
            account.previous_count, article.id, article.published_at, article.account_id
        )
        notice = account.reprint_notice if details.article.content.original else ""
        return Ending(previous, credits_line(details), notice, account.closing_line)

    def preview(
        self, article_id: int, body: str | None = None, theme: str | None = None
    ) -> Rendered:
        """What the export will look like, allowed at any state (docs/review-chain.md)."""
        details = self._articles.details(article_id)
        account = self._settings.account(details.article.account_id)
        return render_wechat(
            details.article.content.body if body is None else body,
            theme=self._theme(theme, account),
            resolve_image=self._media.get,
            ending=self._ending(details, account),
        )

    def preview_inputs(self, article_id: int, theme: str | None = None) -> PreviewInputs:
        """Everything a preview needs from the store, gathered on the caller's thread so the
        render itself can run on a worker (SQLite connections stay on their own thread)."""
        details = self._articles.details(article_id)
        account = self._settings.account(details.article.account_id)
        return PreviewInputs(self._theme(theme, account), self._ending(details, account))

    def pictures_for(self, body: str, known: dict[str, bytes]) -> dict[str, bytes]:
        """The stored pictures `body` names, fetched once each into `known`."""
        for ref in set(MEDIA_IN_BODY.findall(body)) - set(known):
            data = self._media.get(ref)
            if data is not None:
                known[ref] = data
        return known

    def export(
        self,
        actor: User | None,
        article_id: int,
        *,
        theme: str | None = None,
        how: str = "cli",
        record: bool = True,
    ) -> Export:
        """Refused unless the producer's signature still holds and no check blocks. Logged as
        an export unless `record` is false (a push logs what became of it itself)."""
        article = self._articles.get(article_id)
        self._articles.refuse_blocking(article.content)
        account = self._settings.account(article.account_id)
        name, theme_warning = self._theme_warned(theme, account)
        self._articles.record_export(actor, article_id, how, record=record)
        details = self._articles.details(article_id)
        rendered = render_wechat(
            details.article.content.body,
            theme=name,
            resolve_image=self._media.get,
            ending=self._ending(details, account),
        )
        warnings = list(rendered.warnings) + ([theme_warning] if theme_warning else [])
        if len(_DATA_URI.sub("", rendered.html).encode()) > HTML_LIMIT:
            warnings.append(
                RenderWarning(
                    "html-too-large",
                    "正文 HTML 超过 1 MB，公众号可能无法保存",
                    "the body HTML is over 1 MB; WeChat may refuse it",
                )
            )
        content = details.article.content
        subtitle = "  ".join(p for p in (content.author, account.name) if p)
        page = standalone_page(rendered.html, content.title, subtitle)
        crops: dict[str, bytes] = {}
        if content.cover:
            try:
                crops = self._media.cover_crops(content.cover)
            except InvalidInput as error:
                warnings.append(RenderWarning("cover", error.message("zh"), error.message("en")))
        return Export(rendered.html, rendered.text, page, warnings, crops)
