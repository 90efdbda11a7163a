"""三校 as part of the signed record: the workspace's lists, the findings on an article's text,
dismissals with their reasons, and what each level's proofreading came to when it signed.

The rules themselves are `newsdesk.content.proofreading` (text in, findings out); this service
feeds them the workspace's lists and keeps people's decisions in the store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdesk.content.proofreading import (
    CATEGORY_LABELS,
    Category,
    Leader,
    OwnList,
    PackError,
    PackKind,
    ProofFinding,
    check_own_list,
    parse_leaders,
)
from newsdesk.core import chain
from newsdesk.core.context import Context
from newsdesk.core.errors import (
    AdminRequired,
    InvalidInput,
    NewsdeskError,
    NotFound,
    UnresolvedFindings,
)
from newsdesk.core.models import (
    ACTION_LABELS,
    Action,
    Article,
    ArticleContent,
    Dismissal,
    Level,
    ProofRecord,
    Role,
    SeenFinding,
    State,
    User,
)
from newsdesk.core.prebuilt import Prebuilt
from newsdesk.core.proof_lists import FIELD_WORDS as FIELD_WORDS
from newsdesk.core.proof_lists import LIST_LABELS as LIST_LABELS
from newsdesk.core.proof_lists import LISTS as LISTS
from newsdesk.core.proof_lists import PREFIX, parse_stored, recipe
from newsdesk.core.proof_lists import position as position
from newsdesk.core.proof_lists import promotional_column as promotional_column
from newsdesk.core.users import UserService

if TYPE_CHECKING:
    from newsdesk.content.proofreading import Proofreader

DISMISS_REASONS = (
    ("引语原文", "quoted as said"),
    ("专有名词", "proper name"),
    ("误报", "false alarm"),
)
STAGE_LEVEL = {
    State.DRAFT: Level.EDITOR,
    State.AWAITING_AUDIT: Level.AUDITOR,
    State.AWAITING_PRODUCTION: Level.PRODUCER,
}
MIN_REASON = 2
# A column for paid or promotional copy: the Advertising Law applies, not just news style.
_ARTICLE_WORDS = ("稿件", "article")


@dataclass(frozen=True)
class ArticleFinding:
    finding: ProofFinding
    line: int  # 1-based, within its field
    column: int
    dismissal: Dismissal | None


def describe(finding: ProofFinding, content: ArticleContent) -> tuple[str, str]:
    """One finding in a refusal or a list: category, words, where."""
    zh_field, en_field = FIELD_WORDS[finding.field]
    line, _ = position(getattr(content, finding.field), finding.start)
    zh_cat, en_cat = CATEGORY_LABELS[finding.category]
    fix_zh = f"→“{finding.suggestion}”" if finding.suggestion else ""
    fix_en = f" → “{finding.suggestion}”" if finding.suggestion else ""
    where_zh = f"{zh_field}第 {line} 行" if finding.field == "body" else zh_field
    where_en = f"{en_field} line {line}" if finding.field == "body" else en_field
    return (
        f"{zh_cat}“{finding.text}”{fix_zh}（{where_zh}）",
        f"{en_cat} “{finding.text}”{fix_en} ({where_en})",
    )


def _fields(content: ArticleContent) -> dict[str, str]:
    return {
        "title": content.title,
        "author": content.author,
        "digest": content.digest,
        "body": content.body,
    }


class ProofreadingService:
    def __init__(self, ctx: Context, users: UserService) -> None:
        self._ctx = ctx
        self._users = users
        self._built: tuple[tuple[str, ...], Proofreader] | None = None
        self._ahead: Prebuilt[Proofreader] | None = None
        # The last check: opening an article asks for the same text's findings several times
        # (the chain's gate, the findings list, the underlines).
        self._last: tuple[Proofreader, tuple[str, ...], list[ProofFinding]] | None = None

    # --- the lists --------------------------------------------------------------------------

    def list_text(self, name: str) -> str:
        """The workspace's own list as an administrator wrote it ("" if none)."""
        _check_list_name(name)
        return self._ctx.repo.get_setting(PREFIX + name) or ""

    def own_lists(self) -> tuple[dict[PackKind, OwnList], tuple[Leader, ...]]:
        stored = self._ctx.repo.settings_under(PREFIX)
        return parse_stored(stored)

    def set_list(self, actor: User, name: str, text: str) -> None:
        """Replace one of the workspace's lists, every line checked first: a list with a bad
        line is refused whole, naming the line, and nothing changes."""
        _check_list_name(name)
        actor = self._users.fresh(actor)
        if Role.ADMIN not in actor.roles:
            raise AdminRequired(("修改校对词库", "change the proofreading lists"))
        try:
            if name == "leaders":
                count = len(parse_leaders(text))
            else:
                count = len(check_own_list(text, PackKind(name)).entries)
        except PackError as error:
            raise InvalidInput(
                f"{LIST_LABELS[name][0]}：{error.zh}", f"{LIST_LABELS[name][1]}: {error.en}"
            ) from None
        with self._ctx.repo.transaction():
            self._ctx.repo.put_setting(PREFIX + name, text)
            self._ctx.record(actor.id, "setting", None, key=PREFIX + name, entries=count)

    def proofreader(self) -> Proofreader:
        """Built from the workspace's lists as they are now; rebuilt only when one changed."""
        inputs, build = self._recipe()
        if self._built is not None and self._built[0] == inputs:
            return self._built[1]
        ahead, self._ahead = self._ahead, None
        built = ahead.take(inputs) if ahead is not None else None
        if built is None:
            built = build()
        self._built = (inputs, built)
        return built

    def build_ahead(self) -> None:
        """Start building the proofreader on a thread of its own (the app, while its user signs
        in and its first window opens): the first check then finds its rules compiled. Only a
        head start: if the lists cannot be read now, the first check reads them and says why."""
        try:
            inputs, build = self._recipe()
        except NewsdeskError:
            return
        if self._ahead is None and (self._built is None or self._built[0] != inputs):
            self._ahead = Prebuilt(inputs, build)

    def _recipe(self) -> tuple[tuple[str, ...], Callable[[], Proofreader]]:
        """The lists the proofreader is built from (read here, on the store's thread) and how."""
        return recipe(self._ctx.repo.settings_under(""))

    def check(self, content: ArticleContent) -> list[ProofFinding]:
        proofreader, fields = self.proofreader(), _fields(content)
        promotional = promotional_column(content.column)
        key = (*fields.values(), str(promotional))
        if self._last is None or self._last[0] is not proofreader or self._last[1] != key:
            self._last = (proofreader, key, proofreader.check(fields, promotional=promotional))
        return list(self._last[2])

    # --- an article's findings and the decisions about them ----------------------------------

    def for_article(
        self, article_id: int, content: ArticleContent | None = None
    ) -> list[ArticleFinding]:
        """The findings on the article's current text (or `content`, the text on screen),
        each with its dismissal if someone let it stand."""
        if content is None:
            content = self._article(article_id).content
        dismissals = {d.key: d for d in self._ctx.repo.list_dismissals(article_id)}
        fields = _fields(content)
        return [
            ArticleFinding(f, *position(fields[f.field], f.start), dismissals.get(f.key))
            for f in self.check(content)
        ]

    def dismiss(self, actor: User, article_id: int, key: str, reason: str) -> Dismissal:
        """Let a finding stand, with a reason: by whoever holds the article at its stage."""
        actor = self._users.fresh(actor)
        reason = reason.strip()
        with self._ctx.repo.transaction():
            article = self._article(article_id)
            chain.check(
                Action.EDIT,
                actor,
                chain.ChainView(article, self._ctx.repo.list_sign_offs(article_id)),
            )
            found = {f.key: f for f in self.check(article.content)}
            finding = found.get(key)
            if finding is None:
                raise InvalidInput(
                    f"当前稿件文字中没有校对项 {key}（可能已修改）",
                    f"no proofreading finding {key} on the article's current text (fixed already?)",
                )
            if finding.category is Category.BANNED:
                raise InvalidInput(
                    f"禁用词“{finding.text}”不能忽略，只能删改",
                    f"the banned word “{finding.text}” cannot be dismissed, only removed",
                )
            if len(reason) < MIN_REASON:
                raise InvalidInput(
                    f"忽略须注明理由（至少 {MIN_REASON} 个字，如：引语原文、专有名词、误报）",
                    f"a dismissal needs a reason of {MIN_REASON}+ characters"
                    " (e.g. quoted as said, proper name, false alarm)",
                )
            earlier = next(
                (d for d in self._ctx.repo.list_dismissals(article_id) if d.key == key), None
            )
            if earlier is not None:
                who = self._users.by_id(earlier.user_id).display_name
                raise InvalidInput(
                    f"{who} 已忽略此项：{earlier.reason}",
                    f"{who} already dismissed it: {earlier.reason}",
                )
            text = getattr(article.content, finding.field)
            line_start = text.rfind("\n", 0, finding.start) + 1
            line_end = text.find("\n", finding.end)
            context = text[line_start : line_end if line_end >= 0 else len(text)]
            if len(context) > 80:
                a = max(0, finding.start - line_start - 30)
                context = context[a : finding.end - line_start + 30]
            dismissal = Dismissal(
                article_id,
                key,
                finding.category.value,
                finding.field,
                finding.text,
                context,
                reason,
                actor.id,
                article.content_hash,
                self._ctx.clock(),
            )
            self._ctx.repo.add_dismissal(dismissal)
            self._ctx.record(
                actor.id,
                "dismiss",
                article_id,
                key=key,
                category=finding.category.value,
                text=finding.text,
                reason=reason,
                hash=article.content_hash,
            )
        return dismissal

    # --- the chain's part (called inside the chain's transactions) -----------------------------

    def unresolved(self, article: Article) -> list[ProofFinding]:
        """Error findings on the article's text that nobody fixed or dismissed."""
        dismissed = {d.key for d in self._ctx.repo.list_dismissals(article.id)}
        return [f for f in self.check(article.content) if f.blocking and f.key not in dismissed]

    def require_resolved(self, action: Action, article: Article) -> None:
        open_errors = self.unresolved(article)
        if open_errors:
            words = [describe(f, article.content) for f in open_errors]
            raise UnresolvedFindings(
                ACTION_LABELS[action], [w[0] for w in words], [w[1] for w in words]
            )

    def note_stage(
        self, article_id: int, level: Level, content: ArticleContent, *, fresh: bool = False
    ) -> list[ProofFinding]:
        """Remember what the text handed to a level shows when its stage begins (`fresh`);
        returns the findings. Later edits in the stage are not noted: an error typed in and
        taken out again was never there to fix."""
        findings = self.check(content)
        if fresh:
            self._ctx.repo.note_seen(
                article_id,
                level,
                [SeenFinding(f.key, f.category.value, f.severity) for f in findings],
                fresh=True,
            )
        return findings

    def record(self, article_id: int, level: Level, content: ArticleContent) -> ProofRecord:
        """What this level's proofreading came to on the text it signs, counted against the
        text it was handed."""
        current = {f.key for f in self.check(content)}
        handed = {s.key for s in self._ctx.repo.seen_findings(article_id, level)}
        dismissed = {d.key for d in self._ctx.repo.list_dismissals(article_id)}
        return ProofRecord(
            found=len(handed | current),
            fixed=len(handed - current),
            dismissed=len(current & dismissed),
        )

    def _article(self, article_id: int) -> Article:
        article = self._ctx.repo.get_article(article_id)
        if article is None:
            raise NotFound(_ARTICLE_WORDS, article_id)
        return article


def _check_list_name(name: str) -> None:
    if name not in LISTS:
        raise InvalidInput(
            f"没有这份校对词库：{name}（可用：{', '.join(LISTS)}）",
            f"no proofreading list called {name} (known: {', '.join(LISTS)})",
        )
