"""One function per command. Each opens the workspace, calls a service, prints the result.

What only some commands use (the renderer, exporting, the demo data, PostgreSQL migration,
proofreading's output) is imported in those commands: `queue` and its like start without it
(tests/cli/test_cli_startup_imports.py holds us to that).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from newsdesk import __version__
from newsdesk.cli import output
from newsdesk.cli.desktop import gui
from newsdesk.cli.session import Session
from newsdesk.core.errors import InvalidInput, NewsdeskError, plural
from newsdesk.core.importing import (
    read_article_file,
    read_bytes,
    read_text,
)
from newsdesk.core.models import State
from newsdesk.core.users import parse_roles
from newsdesk.store import default_database_path, is_server, location, open_repository

if TYPE_CHECKING:
    from newsdesk.content import RenderWarning

Handler = Callable[[Session], int]
T = TypeVar("T")


def _later(module: str, name: str) -> Handler:
    """A command whose module loads when it runs, not with this one."""

    def run(s: Session) -> int:
        handler: Handler = getattr(import_module(f"newsdesk.cli.{module}"), name)
        return handler(s)

    return run


def dispatch(s: Session) -> int:
    command = s.args.command or "gui"
    if command == "user":
        return USER[s.args.user_command](s)
    if command == "article":
        return ARTICLE[s.args.article_command](s)
    if command == "settings":
        return SETTINGS[s.args.settings_command or "show"](s)
    if command in ("topic", "plan", "stats"):
        from newsdesk.cli import planning

        if command == "topic":
            return {
                "add": planning.topic_add,
                "accept": planning.topic_accept,
                "start": planning.topic_start,
                "drop": planning.topic_drop,
                "list": planning.topic_list,
            }[s.args.topic_command](s)
        return {"plan": planning.plan, "stats": planning.stats}[command](s)
    if command in ("account", "wechat", "push"):
        from newsdesk.cli import pushing  # the API client (httpx) only when it is needed

        handlers = {
            "account": {"add": pushing.account_add, "list": pushing.account_list},
            "wechat": {"setup": pushing.wechat_setup, "test": pushing.wechat_test},
        }
        if command == "push":
            return pushing.push(s)
        return handlers[command][getattr(s.args, f"{command}_command")](s)
    return COMMANDS[command](s)


def _say(text: str) -> None:
    print(text, file=sys.stderr)


# --- app and demo ------------------------------------------------------------------------------


def demo(s: Session) -> int:
    from newsdesk.core.demo import build_demo

    ws = s.workspace(create=True)
    total = s.args.articles

    def progress(done: int) -> None:
        _say(s.t(f"已生成 {done}/{total} 篇", f"generated {done}/{total}"))

    result = build_demo(
        ws,
        extra_articles=total,
        password=s.args.password,
        progress=progress if total >= 1000 else None,
    )
    users = {u.username: u for u in ws.users.list()}
    if s.args.json:
        output.emit_json(
            {
                "database": s.store.target,
                "users": [
                    {**output.user_json(users[name]), "password": pw}
                    for name, pw in result.passwords.items()
                ],
                "articles": result.article_ids,
            }
        )
        return 0
    print(s.t(f"演示数据库：{s.store.target}", f"Demo database: {s.store.target}"))
    print(s.t("演示用户（密码只显示这一次）：", "Demo users (passwords are shown only once):"))
    for name, pw in result.passwords.items():
        print(f"  {output.user_line(users[name], s.lang)}\t{pw}")
    print(s.t("各状态稿件：", "Articles in every state:"))
    for what, article_id in result.article_ids.items():
        print(f"  {what}: {article_id}")
    return 0


# --- users -------------------------------------------------------------------------------------


def user_add(s: Session) -> int:
    roles = parse_roles(s.args.role)
    # Everything that can fail on input is settled before the database file is created.
    password = s.new_password(s.args.name, first_user=not s.args.as_user)
    ws = s.workspace(create=True)
    actor = s.actor() if s.args.as_user else None
    user = ws.users.add(actor, s.args.name, s.args.display_name, roles, password)
    print(user.id)
    return 0


def _listing(
    s: Session, items: Sequence[T], as_json: Callable[[T], object], as_line: Callable[[T, str], str]
) -> None:
    if s.args.json:
        output.emit_json([as_json(item) for item in items])
    else:
        for item in items:
            print(as_line(item, s.lang))


def user_list(s: Session) -> int:
    _listing(s, s.workspace().users.list(), output.user_json, output.user_line)
    return 0


def user_disable(s: Session) -> int:
    s.workspace().users.update(s.actor(), s.args.name, disabled=True)
    return 0


def user_enable(s: Session) -> int:
    s.workspace().users.update(s.actor(), s.args.name, disabled=False)
    return 0


def user_roles(s: Session) -> int:
    s.workspace().users.update(s.actor(), s.args.name, roles=parse_roles(s.args.role))
    return 0


def user_rename(s: Session) -> int:
    s.workspace().users.rename(s.actor(), s.args.name, s.args.display_name)
    return 0


def user_passwd(s: Session) -> int:
    actor = s.actor()
    new = s.new_password(s.args.name, first_user=False)
    s.workspace().users.reset_password(actor, s.args.name, new)
    return 0


# --- articles ----------------------------------------------------------------------------------


def article_import(s: Session) -> int:
    imported = read_article_file(Path(s.args.file))  # read before opening: bad files change nothing
    actor = s.actor()
    result = s.workspace().import_article(actor, imported, s.args.account)
    _notes(s, result.notes)
    print(result.article_id)
    return 0


def _notes(s: Session, notes: Sequence[tuple[str, str]]) -> None:
    for zh, en in notes:
        _say(s.t(f"newsdesk: 提醒：{zh}", f"newsdesk: warning: {en}"))


def article_edit(s: Session) -> int:
    imported = read_article_file(Path(s.args.file))
    ws = s.workspace()
    actor = s.actor()
    article = ws.articles.get(s.args.id)
    from newsdesk.core.chain_actions import holding_lock

    with holding_lock(ws.locks, actor, article.id):
        result, notes = ws.edit_article(actor, article.id, imported, article.version)
    _notes(s, notes)
    if result.sent_back_to_audit:
        _say(
            s.t(
                "出品修改了稿件，已退回待审核。",
                "The producer's edit sent the article back to audit.",
            )
        )
    print(result.version)
    return 0


def article_cover(s: Session) -> int:
    data = read_bytes(Path(s.args.file))
    ws = s.workspace()
    actor = s.actor()
    article = ws.articles.get(s.args.id)
    cover = ws.media.cover_ref(data, s.args.focus)
    content = replace(article.content, cover=cover)
    from newsdesk.core.chain_actions import holding_lock

    with holding_lock(ws.locks, actor, article.id):
        result = ws.articles.save(actor, article.id, content, article.version)
    print(result.version)
    return 0


def article_show(s: Session) -> int:
    details = s.workspace().articles.details(s.args.id)
    if s.args.json:
        output.emit_json(output.details_json(details))
    else:
        print(output.details_text(details, s.lang))
    return 0


def queue(s: Session) -> int:
    state = State(s.args.state) if s.args.state else None
    items = s.workspace().articles.queue(state, limit=s.args.limit)
    _listing(s, items, output.summary_json, output.summary_line)
    return 0


def search(s: Session) -> int:
    hits = s.workspace().articles.search(s.args.text, limit=s.args.limit)
    _listing(s, hits, output.hit_json, output.hit_lines)
    if not hits and not s.args.json:
        _say(s.t("没有找到。", "Nothing found."))
    return 0


def _chain_action(name: str) -> Handler:
    def run(s: Session) -> int:
        from newsdesk.core.chain_actions import perform
        from newsdesk.core.models import Action

        ws = s.workspace()
        note = s.args.url if name == "publish" else getattr(s.args, "reason", "")
        perform(ws.articles, s.actor(), s.args.id, Action(name), note)
        print(ws.articles.get(s.args.id).state.value)
        return 0

    return run


def _warn_all(s: Session, warnings: Sequence[RenderWarning]) -> None:
    _notes(s, [(str(w), w.en) for w in warnings])


def _theme_name(s: Session) -> str | None:
    from newsdesk.core.exporting import usable_theme

    return None if s.args.theme is None else usable_theme(str(s.args.theme))


def render(s: Session) -> int:
    from newsdesk.content import render_wechat
    from newsdesk.content.themes import DEFAULT_THEME
    from newsdesk.content.wechat import folder_resolver

    path = Path(s.args.file)
    text = read_text(path)
    result = render_wechat(
        text, theme=_theme_name(s) or DEFAULT_THEME, resolve_image=folder_resolver(path.parent)
    )
    sys.stdout.write(result.html + "\n")
    _warn_all(s, result.warnings)
    return 0


def export(s: Session) -> int:
    from newsdesk.core.exporting import export_paths, write_export

    ws = s.workspace()
    actor = s.actor() if s.args.as_user else None
    page = Path(s.args.output) if s.args.output else None
    if page is not None:  # checked before exporting: a refused export is not recorded as one
        s.refuse_to_overwrite(
            export_paths(page, cover=bool(ws.articles.get(s.args.id).content.cover))
        )
    result = ws.exports.export(actor, s.args.id, theme=_theme_name(s), how="cli")
    if page is not None:
        crops = write_export(result, page)
        _say(s.t(f"已写入 {page}", f"written to {page}"))
        for crop in crops:
            _say(s.t(f"封面裁剪图：{crop}", f"cover crop: {crop}"))
    else:
        sys.stdout.write(result.html + "\n")
    _warn_all(s, result.warnings)
    return 0


def settings_show(s: Session) -> int:
    from newsdesk.cli import proofing
    from newsdesk.core.settings import AccountSettings

    if getattr(s.args, "list", None):
        return proofing.show_list(s, s.args.list)
    ws = s.workspace()
    account = ws.settings.account(ws.accounts.get(getattr(s.args, "account", None)))
    values: dict[str, object] = {
        name: getattr(account, name) for name in AccountSettings.setting_names()
    }
    values |= proofing.list_values(s)
    if getattr(s.args, "json", False):
        output.emit_json(values)
    else:
        for name, value in values.items():
            shown = str(value).replace("\n", " / ") if value != "" else s.t("（默认）", "(default)")
            print(f"{name}\t{shown}")
    return 0


def settings_set(s: Session) -> int:
    from newsdesk.cli import proofing
    from newsdesk.core.proofreading import LISTS
    from newsdesk.core.settings import AccountSettings

    if s.args.key in LISTS:
        proofing.set_list(s, s.args.key)
        return 0
    if s.args.key not in AccountSettings.setting_names():
        known = ", ".join(AccountSettings.setting_names())
        lists = ", ".join(LISTS)
        raise InvalidInput(
            f"没有这项设置：{s.args.key}（可用：{known}；校对词库：{lists}，用 --file）",
            f"no setting called {s.args.key} (known: {known}; proofreading lists: {lists},"
            " with --file)",
        )
    if (s.args.value is None) == (s.args.file is None):
        raise InvalidInput(
            "请给出设置值或 --file 文件（二选一）", "give either a VALUE or --file FILE"
        )
    value = s.args.value if s.args.file is None else read_text(Path(s.args.file))
    ws = s.workspace()
    ws.settings.set(s.actor(), s.args.key, value, ws.accounts.get(s.args.account))
    return 0


# --- maintenance -------------------------------------------------------------------------------


def verify(s: Session) -> int:
    if s.args.accept_cut:
        _accept_cut(s)
    report = s.workspace().verify()
    audit = report.audit
    for first, last in audit.accepted_cuts:
        print(
            s.t(
                f"审计日志第 {first}–{last} 条已被截去，管理员已记录接受（见第 {last + 1} 条）。",
                f"Audit entries {first}-{last} were cut off; an administrator recorded it"
                f" (entry {last + 1}).",
            )
        )
    if audit.intact:
        print(
            s.t(
                f"审计日志完整：{audit.entries} 条记录，哈希链无误。",
                f"Audit log intact: {plural(audit.entries, 'entry', 'entries')}, hash chain holds.",
            )
        )
    else:
        print(
            s.t(
                f"审计日志在第 {audit.first_broken} 条处断裂：{audit.why}",
                f"Audit log broken at entry {audit.first_broken}: {audit.why}",
            )
        )
    if report.database_problems:
        print(s.t("数据库检查发现问题：", "Database check found problems:"))
        for problem in report.database_problems[:20]:
            print(f"  {problem}")
    else:
        print(s.t("数据库完整性检查通过。", "Database integrity check passed."))
    for zh, en in report.name_clashes:
        print(s.t(f"重名：{zh}", f"Name clash: {en}"))
    return 0 if report.ok and not report.name_clashes else 1


def _accept_cut(s: Session) -> None:
    if not s.args.as_user or not s.args.reason:
        raise InvalidInput(
            "--accept-cut 需要 --reason 原因 和 --as 管理员",
            "--accept-cut needs --reason TEXT and --as ADMIN",
        )
    ws = s.workspace()
    entry = ws.accept_audit_cut(s.args.as_user, s.password(s.args.as_user), s.args.reason)
    print(
        s.t(
            f"已记录：审计日志第 {entry.detail['missing_from']}–{entry.detail['missing_to']} 条"
            f"的截断由 {s.args.as_user} 接受（第 {entry.id} 条）。",
            f"Recorded: the cut of audit entries {entry.detail['missing_from']}-"
            f"{entry.detail['missing_to']} accepted by {s.args.as_user} (entry {entry.id}).",
        )
    )


def backup(s: Session) -> int:
    dest = Path(s.args.dest)
    s.store.backup_to(dest)
    print(dest)
    return 0


def _doctor_server(s: Session, line: Callable[[str, str], None]) -> int:
    """Team mode: can this PC reach the server, and what is there? 1 if it cannot."""
    try:
        store = s.store
    except NewsdeskError as error:
        line("database", error.message(s.lang))
        return 1
    line("database", f"{store.target} ({s.t('团队服务器', 'team server')})")
    started = time.perf_counter()
    store.change_marker()
    round_trip = (time.perf_counter() - started) * 1000
    line(
        "database server",
        s.t(f"可连接，往返 {round_trip:.1f} 毫秒", f"reachable, {round_trip:.1f} ms round trip"),
    )
    line("staff", str(store.count_users()))
    return 0


def doctor(s: Session) -> int:
    from newsdesk.cli import qt_files

    def line(label: str, value: str) -> None:
        print(f"{label:<28}{value}")

    line("newsdesk", __version__)
    line("Python", sys.version.split()[0])
    line("SQLite", sqlite3.sqlite_version)
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
        fts5 = "ok"
    except sqlite3.Error as error:
        fts5 = f"missing ({error})"
    probe.close()
    line("SQLite FTS5", fts5)
    target = s.target or str(default_database_path())
    if is_server(target):
        missing = _doctor_server(s, line)
    else:
        line(
            "database",
            target + ("" if Path(target).exists() else s.t("（尚未创建）", " (not created yet)")),
        )
        kind = location.network_filesystem(Path(target))
        line("database location", s.t(*location.WARNING).format(kind=kind) if kind else "local")
        missing = 0
    # Files, not imports: the CLI stays Qt-free; this only asks whether the app has its parts.
    parts = qt_files.checks()
    line(
        "Qt (PySide6)",
        "ok" if parts else s.t("未安装（桌面程序不可用）", "not installed (no desktop app)"),
    )
    for what, path in parts:
        line(what, "ok" if path else s.t("缺失", "MISSING"))
        missing += path is None
    line("QT_QPA_PLATFORM", os.environ.get("QT_QPA_PLATFORM", "(default)"))
    return 1 if missing else 0


def migrate(s: Session) -> int:
    from newsdesk.store.migrate import copy_workspace

    if not is_server(str(s.args.destination)):
        raise InvalidInput("--to 需要 postgresql:// 地址", "--to needs a postgresql:// address")
    source = open_repository(str(s.args.source), create=False)
    target = open_repository(str(s.args.destination), create=True)
    try:
        with target.unhurried():  # a large workspace takes minutes: no ordinary deadlines
            report = copy_workspace(source, target)  # type: ignore[arg-type]
    finally:
        source.close()
        target.close()
    for table, count in report.rows.items():
        print(f"{table}\t{count}")
    print(
        s.t(
            f"已迁移并核验：{report.total()} 行，审计日志 {report.audit_entries} 条完整。",
            f"Migrated and verified: {plural(report.total(), 'row', 'rows')}, audit log of"
            f" {plural(report.audit_entries, 'entry', 'entries')} intact.",
        )
    )
    return 0


COMMANDS: dict[str, Handler] = {
    "gui": gui,
    "demo": demo,
    "queue": queue,
    "search": search,
    "verify": verify,
    "backup": backup,
    "doctor": doctor,
    "export": export,
    "render": render,
    "migrate": migrate,
    "proofread": _later("proofing", "proofread"),
    "dismiss": _later("proofing", "dismiss"),
    "form": _later("proofing", "form"),
    **{
        name: _chain_action(name)
        for name in ("submit", "approve", "sign", "return", "reopen", "spike", "publish")
    },
}
USER: dict[str, Handler] = {
    "add": user_add,
    "list": user_list,
    "disable": user_disable,
    "enable": user_enable,
    "roles": user_roles,
    "passwd": user_passwd,
    "rename": user_rename,
}
SETTINGS: dict[str, Handler] = {"show": settings_show, "set": settings_set}
ARTICLE: dict[str, Handler] = {
    "import": article_import,
    "edit": article_edit,
    "cover": article_cover,
    "show": article_show,
    "findings": _later("proofing", "article_findings"),
}
