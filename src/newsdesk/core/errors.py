"""Typed errors. Each says exactly why something was refused, in Chinese and English.

The core raises these with the facts as fields; `message(lang)` words them. Callers (CLI, UI)
show the message and never a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from newsdesk.core.i18n import EN, ZH

# A field value that reads differently per language: (中文, English).
Words = tuple[str, str]


def _pick(value: object, lang: str) -> object:
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value):
        return value[0] if lang == ZH else value[1]
    return value


def plural(count: int, one: str, many: str) -> str:
    """An English count with its noun: "1 second", "3 seconds"."""
    return f"{count} {one if count == 1 else many}"


# English puts "it" inside a few actions ("mark it published", "sign it off"); after the others.
_IT_INSIDE = {"mark published": "mark it published", "sign off": "sign it off"}


def with_it(action: Words) -> Words:
    """An action with its object, for sentences like "you cannot submit it now"."""
    zh, en = action
    return zh, _IT_INSIDE.get(en, f"{en} it")


def _article_state(state: Words) -> Words:
    # "The article is a draft", "…is awaiting audit", "…is approved".
    return state[0], {"draft": "a draft"}.get(state[1], state[1])


class NewsdeskError(Exception):
    """Base of every error a user can cause. Never shown as a traceback."""

    zh: ClassVar[str] = "操作失败。"
    en: ClassVar[str] = "The operation failed."

    def __init__(self, **fields: object) -> None:
        self.fields = fields
        super().__init__(self.message(EN))

    def message(self, lang: str = ZH) -> str:
        template = self.zh if lang == ZH else self.en
        return template.format(**{k: _pick(v, lang) for k, v in self.fields.items()})


# --- input and lookup -------------------------------------------------------------------------


class InvalidInput(NewsdeskError):
    zh = "{what_zh}"
    en = "{what_en}"

    def __init__(self, what_zh: str, what_en: str) -> None:
        super().__init__(what_zh=what_zh, what_en=what_en)


class NotFound(NewsdeskError):
    zh = "找不到{kind}：{key}"
    en = "No {kind} {key}"

    def __init__(self, kind: Words, key: object) -> None:
        super().__init__(kind=kind, key=key)


class BadFile(NewsdeskError):
    zh = "无法读取文件 {path}：{reason}"
    en = "Cannot read {path}: {reason}"

    def __init__(self, path: str, reason: Words) -> None:
        super().__init__(path=path, reason=reason)


class CannotWrite(BadFile):
    zh = "无法写入文件 {path}：{reason}"
    en = "Cannot write {path}: {reason}"


# --- users and sign-in --------------------------------------------------------------------------


class BadCredentials(NewsdeskError):
    # One message for unknown user and wrong password: never tell which.
    zh = "用户名或密码错误。"
    en = "Wrong username or password."


class AccountDisabled(NewsdeskError):
    zh = "账号 {username} 已停用，请联系管理员。"
    en = "The account {username} is disabled; ask an administrator."

    def __init__(self, username: str) -> None:
        super().__init__(username=username)


class TooManyAttempts(NewsdeskError):
    zh = "登录失败次数过多，请 {seconds} 秒后再试。"
    en = "Too many failed sign-ins; try again in {seconds_en}."

    def __init__(self, seconds: int) -> None:
        super().__init__(seconds=seconds, seconds_en=plural(seconds, "second", "seconds"))


class AdminRequired(NewsdeskError):
    zh = "只有管理员可以{what}。"
    en = "Only an administrator may {what}."

    def __init__(self, what: Words) -> None:
        super().__init__(what=what)


class WorkspaceHasAdmin(AdminRequired):
    """A first user asked for where there are users already: often another program that
    created the same new workspace a moment earlier."""

    zh = "这个工作区已经有管理员了（可能是另一个程序刚刚创建的）；添加用户请以管理员身份（--as）。"
    en = (
        "This workspace already has its administrator (another program may have just created"
        " it); add users as an administrator (--as)."
    )

    def __init__(self) -> None:
        NewsdeskError.__init__(self)


class FirstUserMustBeAdmin(NewsdeskError):
    zh = "第一个用户必须具有管理员角色（--role admin）。"
    en = "The first user must have the admin role (--role admin)."


class UsernameTaken(NewsdeskError):
    zh = "用户名 {username} 已存在。"
    en = "The username {username} is taken."

    def __init__(self, username: str) -> None:
        super().__init__(username=username)


class NameClash(NewsdeskError):
    """A username or display name that reads as one already in the workspace once width and
    case are set aside (NFKC, case folding): 马编辑 twice, or ｍａ beside ma."""

    zh = (
        "{kind}“{name}”与已有用户 {other} 的{kind}“{taken}”相同（不分大小写、全角半角），请换一个。"
    )
    en = (
        "The {kind} “{name}” is the same as the {kind} “{taken}” of the user {other} (case and"
        " full-width forms aside); choose another."
    )

    def __init__(self, kind: Words, name: str, other: str, taken: str) -> None:
        super().__init__(kind=kind, name=name, other=other, taken=taken)


class WeakPassword(NewsdeskError):
    zh = "密码至少需要 {minimum} 个字符。"
    en = "A password needs at least {minimum} characters."

    def __init__(self, minimum: int) -> None:
        super().__init__(minimum=minimum)


# --- the review chain --------------------------------------------------------------------------


class ChainRefusal(NewsdeskError):
    """An action the review chain forbids (docs/review-chain.md, Refusals)."""

    def for_action(self, action: Words) -> ChainRefusal:
        """The same refusal worded for another action under the same rule (a push is refused
        as marking published would be, but says "push")."""
        if "action" not in self.fields:
            return self
        clone = type(self).__new__(type(self))  # not copy.copy: __init__ takes other arguments
        clone.fields = {**self.fields, "action": action, "action_it": with_it(action)}
        Exception.__init__(clone, clone.message(EN))
        return clone


class RoleRequired(ChainRefusal):
    zh = "{action}需要{role}角色，{user} 没有。"
    en = "To {action_it} you need the {role} role, which {user} does not have."

    def __init__(self, action: Words, role: Words, user: str) -> None:
        super().__init__(action=action, role=role, user=user, action_it=with_it(action))


class NotAnEditor(ChainRefusal):
    zh = "{user} 不是这篇稿件的编辑，不能{action}。"
    en = "{user} is not an editor of this article and may not {action_it}."

    def __init__(self, action: Words, user: str) -> None:
        super().__init__(action=action, user=user, action_it=with_it(action))


class SamePersonTwoLevels(ChainRefusal):
    zh = "同一人不能在同一篇稿件上签两级：{user} 已是这篇稿件的{level}。"
    en = "One person may not sign two levels of one article: {user} is already its {level}."

    def __init__(self, user: str, level: Words) -> None:
        super().__init__(user=user, level=level)


class WrongState(ChainRefusal):
    zh = "稿件当前状态为「{state}」，不能{action}。"
    en = "The article is {state_en}; you cannot {action_it} now."

    def __init__(self, action: Words, state: Words) -> None:
        super().__init__(
            action=action, state=state, action_it=with_it(action), state_en=_article_state(state)
        )


class StaleContent(ChainRefusal):
    zh = "稿件内容在出品签发后已被改动，签字已失效，不能{action}。"
    en = "The article changed after the producer signed it; the sign-off no longer holds, so you cannot {action_it}."

    def __init__(self, action: Words) -> None:
        super().__init__(action=action, action_it=with_it(action))


class MissingSignOff(ChainRefusal):
    zh = "缺少{level}签字，不能{action}。"
    en = "There is no valid {level} sign-off, so you cannot {action_it}."

    def __init__(self, action: Words, level: Words) -> None:
        super().__init__(action=action, level=level, action_it=with_it(action))


class ReasonRequired(ChainRefusal):
    zh = "{action}必须填写理由（至少 {minimum} 个字）。"
    en = "To {action_it} you must give a reason of at least {minimum_en}."

    def __init__(self, action: Words, minimum: int) -> None:
        super().__init__(
            action=action,
            minimum=minimum,
            action_it=with_it(action),
            minimum_en=plural(minimum, "character", "characters"),
        )


class ChecksFailed(ChainRefusal):
    zh = "稿件未通过检查：{problems}"
    en = "The article fails its checks: {problems}"

    def __init__(self, problems_zh: Sequence[str], problems_en: Sequence[str]) -> None:
        super().__init__(problems=("；".join(problems_zh), "; ".join(problems_en)))


class UnresolvedFindings(ChainRefusal):
    zh = "还有 {count} 处校对错误未处理（请修改，或注明理由后忽略），不能{action}：{findings}"
    en = "{count_en} neither fixed nor dismissed, so you cannot {action_it}: {findings}"

    def __init__(
        self, action: Words, findings_zh: Sequence[str], findings_en: Sequence[str]
    ) -> None:
        shown = 5
        more_zh = f"等 {len(findings_zh)} 处" if len(findings_zh) > shown else ""
        more_en = f" and {len(findings_en) - shown} more" if len(findings_en) > shown else ""
        count = len(findings_zh)
        super().__init__(
            action=action,
            action_it=with_it(action),
            count=count,
            count_en=plural(count, "proofreading error is", "proofreading errors are"),
            findings=(
                "；".join(findings_zh[:shown]) + more_zh,
                "; ".join(findings_en[:shown]) + more_en,
            ),
        )


class TopicWrongState(ChainRefusal):
    zh = "选题当前状态为「{state}」，不能{action}。"
    en = "The topic is {state_en}; you cannot {action_it} now."

    def __init__(self, action: Words, state: Words) -> None:
        state_en = (state[0], {"writing": "being written"}.get(state[1], state[1]))
        super().__init__(action=action, state=state, action_it=with_it(action), state_en=state_en)


class NotAssigned(ChainRefusal):
    zh = "{user} 不是这个选题的承办人，不能{action}。"
    en = "{user} is not assigned to this topic and may not {action_it}."

    def __init__(self, action: Words, user: str) -> None:
        super().__init__(action=action, user=user, action_it=with_it(action))


class SlotTaken(ChainRefusal):
    zh = "{day} 的{position}已排了《{title}》。"
    en = "{day}'s {position} already holds “{title}”."

    def __init__(self, day: str, position: Words, title: str) -> None:
        super().__init__(day=day, position=position, title=title)


# --- editing ------------------------------------------------------------------------------------


class LockHeld(NewsdeskError):
    zh = "{holder} 自 {since} 起正在编辑这篇稿件，您只能只读打开。"
    en = "{holder} has been editing this article since {since}; you can open it read-only."

    def __init__(self, holder: str, since: str) -> None:
        super().__init__(holder=holder, since=since)


class LockLost(NewsdeskError):
    zh = "编辑锁已被 {holder} 接管；您的文字已另存为修改版本 #{revision_id}。"
    en = "{holder} took over the edit lock; your text was kept as revision #{revision_id}."

    def __init__(self, holder: str, revision_id: int) -> None:
        super().__init__(holder=holder, revision_id=revision_id)


class StaleSave(NewsdeskError):
    zh = (
        "保存冲突：稿件已被他人改为第 {current} 版（您基于第 {base} 版修改）。"
        "您的文字已另存为修改版本 #{revision_id}，未覆盖他人的修改。"
    )
    en = (
        "Save conflict: the article is now at version {current} (you started from {base}). "
        "Your text was kept as revision #{revision_id}; nothing was overwritten."
    )

    def __init__(self, current: int, base: int, revision_id: int) -> None:
        super().__init__(current=current, base=base, revision_id=revision_id)


# --- the audit log ------------------------------------------------------------------------------


class AuditLogCut(NewsdeskError):
    """The log is shorter than its anchor says it was: writing on would hide the cut."""

    zh = (
        "审计日志末尾被截去（{what_zh}），为免掩盖，拒绝写入。请管理员恢复备份，"
        "或用 newsdesk verify --accept-cut --reason 原因 --as 管理员 记录这次截断（见 README）。"
    )
    en = (
        "The end of the audit log was cut off ({what_en}); nothing is written until an"
        " administrator restores a backup or records the cut with"
        " `newsdesk verify --accept-cut --reason TEXT --as ADMIN` (see the README)."
    )

    def __init__(self, what_zh: str, what_en: str) -> None:
        super().__init__(what_zh=what_zh, what_en=what_en)


# --- the store ----------------------------------------------------------------------------------


class StoreError(NewsdeskError):
    zh = "数据库错误：{detail}"
    en = "Database error: {detail}"

    def __init__(self, detail: str) -> None:
        super().__init__(detail=detail)


class ReadOnlyDatabase(StoreError):
    """The database cannot be written, with the real culprit named: the file, its folder, or
    a -wal/-shm file beside it."""

    zh = "{what_zh}"
    en = "{what_en}"

    def __init__(self, what_zh: str, what_en: str) -> None:
        NewsdeskError.__init__(self, what_zh=what_zh, what_en=what_en)


class DatabaseMissing(StoreError):
    zh = "数据库 {path} 不存在。先用 `newsdesk user add` 或 `newsdesk demo` 创建。"
    en = "There is no database at {path}. Create one with `newsdesk user add` or `newsdesk demo`."

    def __init__(self, path: str) -> None:
        NewsdeskError.__init__(self, path=path)


class NotADatabase(StoreError):
    zh = "{path} 不是稿件工作站的数据库（{why}），未做任何改动。"
    en = "{path} is not a Newsdesk database ({why}); nothing was changed."

    def __init__(self, path: str, why: Words) -> None:
        NewsdeskError.__init__(self, path=path, why=why)


class NewerDatabase(StoreError):
    zh = "{path} 由更新版本的稿件工作站创建（数据结构 {found}，本程序支持到 {supported}），请升级程序。"
    en = "{path} was written by a newer Newsdesk (schema {found}; this one knows up to {supported}). Please upgrade."

    def __init__(self, path: str, found: object, supported: object) -> None:
        NewsdeskError.__init__(self, path=path, found=found, supported=supported)


class DatabaseBusy(StoreError):
    zh = "数据库 {path} 正被其他程序锁定，请稍后再试。"
    en = "The database {path} is locked by another program; try again shortly."

    def __init__(self, path: str) -> None:
        NewsdeskError.__init__(self, path=path)


class WorkspaceBeingCreated(StoreError):
    zh = "另一个程序正在创建或升级工作区 {path}，请稍后再试。"
    en = "Another program is creating or upgrading the workspace {path}; try again shortly."

    def __init__(self, path: str) -> None:
        NewsdeskError.__init__(self, path=path)


class ServerUnreachable(StoreError):
    zh = "连不上数据库服务器 {target}（{detail}），未做任何改动。"
    en = "Cannot reach the database server {target} ({detail}); nothing was changed."

    def __init__(self, target: str, detail: str) -> None:
        NewsdeskError.__init__(self, target=target, detail=detail)


class ServerSilent(ServerUnreachable):
    """The server took the request and never answered (a dead link or a hung server)."""

    zh = "数据库服务器 {target} 没有应答（已等 {seconds} 秒），未做任何改动。"
    en = (
        "The database server at {target} does not answer (waited {seconds} s); nothing was changed."
    )

    def __init__(self, target: str, seconds: float) -> None:
        NewsdeskError.__init__(self, target=target, seconds=f"{seconds:g}", detail="")


class AnswerLost(ServerUnreachable):
    """A change was sent in full (its COMMIT, or a single statement) and the answer never came:
    the server may have saved it or not, and only looking tells."""

    zh = (
        "改动已发给数据库服务器 {target}，但没有收到应答（{reason}）：它可能已经保存，也可能没有。"
        "请等服务器恢复后先查看，再决定是否重做。"
    )
    en = (
        "The change was sent to the database server at {target} but its answer never came"
        " ({reason}): it may or may not have been saved. Once the server answers, look before"
        " doing it again."
    )

    def __init__(self, target: str, reason: Words) -> None:
        NewsdeskError.__init__(self, target=target, reason=reason, detail="")


class ServerSlow(StoreError):
    """The server is there but did not finish an ordinary statement within its statement
    timeout (someone's long job holding the write lock, or an overloaded server)."""

    zh = "数据库服务器 {target} 正忙，没能及时完成这项操作（可能在处理别人的大任务），未做任何改动，请稍后再试。"
    en = "The database server at {target} is busy and did not finish this in time (perhaps someone's long job); nothing was changed; try again shortly."

    def __init__(self, target: str) -> None:
        NewsdeskError.__init__(self, target=target)


class NoWorkspace(StoreError):
    zh = "{target} 里还没有稿件工作站的工作区，请先建立（首次启动或 `newsdesk user add`）。"
    en = "{target} holds no Newsdesk workspace yet; create one first (first start or `newsdesk user add`)."

    def __init__(self, target: str) -> None:
        NewsdeskError.__init__(self, target=target)
