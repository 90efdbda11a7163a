"""Argument parsing. Every command and option has help text (a test holds us to that)."""

from __future__ import annotations

import argparse
import functools
import re
from collections.abc import Iterator
from contextlib import contextmanager

from newsdesk import __version__
from newsdesk.core.models import State, TopicState
from newsdesk.core.proof_lists import LISTS


def build_parser() -> argparse.ArgumentParser:
    with _standard_texts_looked_up_once():
        return _build()


@contextmanager
def _standard_texts_looked_up_once() -> Iterator[None]:
    """argparse asks gettext for its standard texts ("show this help message and exit"…) for
    each of our sixty-odd parsers, and gettext looks for translation files on disk each time:
    160 look-ups, half of building the parser and a tenth of a `queue`. While building, each
    text is looked up once; parsing and help then ask gettext as before."""
    plain = argparse._  # type: ignore[attr-defined]
    argparse._ = functools.cache(plain)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = plain  # type: ignore[attr-defined]


def _build() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="稿件工作站 Newsdesk: write, review (编辑 → 审核 → 出品) and export articles."
        " Without a COMMAND it opens the desktop app; where there is no screen (Linux without"
        " DISPLAY or WAYLAND_DISPLAY) it prints this help and exits with status 2.",
    )
    parser.add_argument("--version", action="version", version=f"newsdesk {__version__}")
    parser.add_argument(
        "--db",
        metavar="TARGET",
        help="a SQLite database file or a postgresql:// URL (team mode); default: NEWSDESK_DB,"
        " else the per-user data folder",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", help="open the desktop app")
    gui.add_argument("--demo", action="store_true", help="open a throw-away demo workspace")
    gui.add_argument("--user", metavar="NAME", help="preselect this user at sign-in")
    gui.add_argument(
        "--smoke", action="store_true",
        help="start, sign in as --user (NEWSDESK_PASSWORD), show the window with the newest "
        "article and its preview, print the start-up time and quit (installer checks)",
    )  # fmt: skip

    demo = sub.add_parser("demo", help="fill the database with demo users and articles")
    demo.add_argument(
        "--articles",
        type=_count,
        default=0,
        metavar="N",
        help="also generate N Chinese articles (for scale tests)",
    )
    demo.add_argument(
        "--password", metavar="PW", help="give every demo user this password instead of random ones"
    )
    demo.add_argument("--json", action="store_true", help="print the users as JSON")

    user = sub.add_parser("user", help="manage users")
    user_sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = user_sub.add_parser(
        "add", help="add a user (the first must be admin; later ones need --as ADMIN)"
    )
    add.add_argument("name", metavar="NAME", help="username used to sign in")
    add.add_argument(
        "--name",
        dest="display_name",
        required=True,
        metavar="显示名",
        help="display name, used in the credits line",
    )
    add.add_argument(
        "--role",
        required=True,
        metavar="ROLE[,ROLE]",
        help="editor, auditor, producer, admin (comma-separated)",
    )
    _as(add, required=False)
    lst = user_sub.add_parser("list", help="list users")
    lst.add_argument("--json", action="store_true", help="print JSON")
    for action, text in (
        ("disable", "disable a user (users are never deleted)"),
        ("enable", "enable a disabled user"),
    ):
        p = user_sub.add_parser(action, help=text)
        p.add_argument("name", metavar="NAME", help="username")
        _as(p)
    rename = user_sub.add_parser("rename", help="give a user another display name")
    rename.add_argument("name", metavar="NAME", help="username")
    rename.add_argument(
        "--name",
        dest="display_name",
        required=True,
        metavar="显示名",
        help="the new display name (unique in the workspace)",
    )
    _as(rename)
    roles = user_sub.add_parser("roles", help="set a user's roles")
    roles.add_argument("name", metavar="NAME", help="username")
    roles.add_argument("--role", required=True, metavar="ROLE[,ROLE]", help="the new roles")
    _as(roles)
    passwd = user_sub.add_parser(
        "passwd", help="set a password (new one from NEWSDESK_NEW_PASSWORD or a prompt)"
    )
    passwd.add_argument("name", metavar="NAME", help="username")
    _as(passwd)

    article = sub.add_parser("article", help="import, edit and show articles")
    art_sub = article.add_subparsers(dest="article_command", metavar="ACTION", required=True)
    imp = art_sub.add_parser("import", help="import a .md (front matter) or .docx file")
    imp.add_argument("file", metavar="FILE", help="the file to import")
    _account(imp)
    _as(imp)
    edit = art_sub.add_parser("edit", help="replace title, body and metadata from FILE")
    edit.add_argument("id", type=_id, metavar="ID", help="article id")
    edit.add_argument("--file", required=True, metavar="FILE", help="a .md file")
    _as(edit)
    cover = art_sub.add_parser("cover", help="set the cover picture (cropped 2.35:1 and 1:1)")
    cover.add_argument("id", type=_id, metavar="ID", help="article id")
    cover.add_argument("file", metavar="PICTURE", help="a jpg, png, gif or webp file")
    cover.add_argument(
        "--focus", type=_focus, default=(0.5, 0.5), metavar="X,Y",
        help="where to centre the crops, 0-1 across and down (default 0.5,0.5)",
    )  # fmt: skip
    _as(cover)
    show = art_sub.add_parser("show", help="metadata, body, state, sign-offs and history")
    show.add_argument("id", type=_id, metavar="ID", help="article id")
    show.add_argument("--json", action="store_true", help="print JSON")
    findings = art_sub.add_parser(
        "findings", help="proofreading findings on the current text, with dismissals"
    )
    findings.add_argument("id", type=_id, metavar="ID", help="article id")
    findings.add_argument("--json", action="store_true", help="print JSON")

    queue = sub.add_parser("queue", help="articles by state, newest first")
    queue.add_argument("--state", choices=[s.value for s in State], help="only this state")
    queue.add_argument("--limit", type=_count, default=50, help="how many (default 50)")
    queue.add_argument("--json", action="store_true", help="print JSON")

    search = sub.add_parser("search", help="full-text search, Chinese terms of any length")
    search.add_argument("text", metavar="TEXT", help="words to find (all must occur)")
    search.add_argument("--limit", type=_count, default=20, help="how many (default 20)")
    search.add_argument("--json", action="store_true", help="print JSON")

    for name, text in (
        ("submit", "submit a draft for audit (编辑 sign-off)"),
        ("approve", "approve at the audit level (审核 sign-off)"),
        ("sign", "sign off at the producer level (出品 sign-off)"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("id", type=_id, metavar="ID", help="article id")
        _as(p)
    for name, text in (
        ("return", "return to the editors with a reason"),
        ("reopen", "reopen an approved article (voids every sign-off)"),
        ("spike", "spike (作废) an article"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("id", type=_id, metavar="ID", help="article id")
        p.add_argument("--reason", required=True, metavar="TEXT", help="why (shown to editors)")
        _as(p)
    publish = sub.add_parser("publish", help="mark an approved article published")
    publish.add_argument("id", type=_id, metavar="ID", help="article id")
    publish.add_argument(
        "--url",
        required=True,
        metavar="URL",
        help="the article's https://mp.weixin.qq.com/ address",
    )
    _as(publish)

    export = sub.add_parser("export", help="WeChat-ready HTML of a signed article")
    export.add_argument("id", type=_id, metavar="ID", help="article id")
    export.add_argument(
        "-o", dest="output", metavar="FILE",
        help="write a standalone page (and its cover crops beside it); an existing file is"
        " refused unless --force",
    )  # fmt: skip
    export.add_argument(
        "--force", action="store_true", help="with -o: overwrite the page and crops if they exist"
    )
    export.add_argument("--theme", metavar="NAME", help="排版主题")
    _as(export, required=False)
    proofread = sub.add_parser(
        "proofread",
        help="三校 checks on a Markdown file (front matter too); exit 1 if an error is found",
    )
    proofread.add_argument("file", metavar="FILE.md", help="the Markdown file")
    proofread.add_argument("--json", action="store_true", help="print JSON")
    dismiss = sub.add_parser("dismiss", help="let a proofreading finding stand, with a reason")
    dismiss.add_argument("id", type=_id, metavar="ID", help="article id")
    dismiss.add_argument("key", metavar="KEY", help="the finding's key (article findings)")
    dismiss.add_argument(
        "--reason",
        required=True,
        metavar="TEXT",
        help="why: 引语原文, 专有名词, 误报 or your words",
    )
    _as(dismiss)
    form = sub.add_parser("form", help="the review form (审签单) as PDF: one article or a month")
    form.add_argument("id", type=_id, nargs="?", metavar="ID", help="article id")
    form.add_argument(
        "--month", type=_month, metavar="YYYY-MM", help="every article published that month"
    )
    form.add_argument(
        "-o", dest="output", required=True, metavar="FILE.pdf",
        help="the PDF; an existing file is refused unless --force",
    )  # fmt: skip
    form.add_argument("--force", action="store_true", help="overwrite FILE.pdf if it exists")
    render = sub.add_parser("render", help="WeChat-ready HTML fragment of a Markdown file")
    render.add_argument("file", metavar="FILE.md", help="the Markdown file")
    render.add_argument("--theme", metavar="NAME", help="排版主题")

    settings = sub.add_parser("settings", help="公众号 account settings (show; set as an admin)")
    settings_sub = settings.add_subparsers(dest="settings_command", metavar="COMMAND")
    show = settings_sub.add_parser(
        "show", help="print the account settings, or one proofreading list"
    )
    show.add_argument(
        "list", nargs="?", choices=LISTS, metavar="LIST", help="leaders, typos, agencies or norms"
    )
    show.add_argument("--json", action="store_true", help="print JSON")
    _account(show)
    put = settings_sub.add_parser("set", help="change one setting (admin)")
    put.add_argument(
        "key",
        metavar="KEY",
        help="name, reprint_notice, closing_line, default_theme, previous_count, banned_words,"
        " absolute_words; or a proofreading list: leaders, typos, agencies, norms (--file)",
    )
    put.add_argument("value", nargs="?", metavar="VALUE", help="the new value")
    put.add_argument(
        "--file",
        metavar="FILE",
        help="read the value from a UTF-8 text file or, for a proofreading list, an .xlsx sheet",
    )
    _account(put)
    _as(put)

    account = sub.add_parser("account", help="the workspace's 公众号 (official accounts)")
    account_sub = account.add_subparsers(dest="account_command", metavar="ACTION", required=True)
    add_account = account_sub.add_parser("add", help="add an official account (admin)")
    add_account.add_argument("name", metavar="NAME", help="short name for commands, e.g. qingxi")
    add_account.add_argument(
        "--title", required=True, metavar="显示名", help="the account's name as readers see it"
    )
    _as(add_account)
    list_accounts = account_sub.add_parser("list", help="list the official accounts")
    list_accounts.add_argument("--json", action="store_true", help="print JSON")

    wechat = sub.add_parser("wechat", help="an account's connection to the 公众号 API")
    wechat_sub = wechat.add_subparsers(dest="wechat_command", metavar="ACTION", required=True)
    setup = wechat_sub.add_parser(
        "setup",
        help="AppID and API base (admin); the AppSecret from NEWSDESK_WECHAT_SECRET or a prompt,"
        " kept on this PC only",
    )
    _account(setup)
    setup.add_argument("--appid", required=True, metavar="APPID", help="wx…, from 基本配置")
    setup.add_argument(
        "--api-base", metavar="URL", help="default https://api.weixin.qq.com; a relay host's https"
    )
    _as(setup)
    test = wechat_sub.add_parser("test", help="check the AppID, AppSecret and IP whitelist")
    _account(test)

    push = sub.add_parser(
        "push", help="signed articles into the account's draft box (the first is the 头条)"
    )
    push.add_argument("ids", type=_id, nargs="+", metavar="ID", help="article ids, in order")
    _account(push)
    push.add_argument(
        "--publish", action="store_true", help="publish the draft (verified accounts)"
    )
    push.add_argument(
        "--wait", type=_count, default=60, metavar="SECONDS",
        help="with --publish: follow publishing this long (default 60)",
    )  # fmt: skip
    _as(push)

    topic = sub.add_parser("topic", help="选题: propose, accept and assign, start, drop, list")
    topic_sub = topic.add_subparsers(dest="topic_command", metavar="ACTION", required=True)
    add_topic = topic_sub.add_parser("add", help="propose a topic (报题; anyone)")
    add_topic.add_argument("title", metavar="TITLE", help="the topic")
    add_topic.add_argument("--brief", metavar="TEXT", help="what it is about, for the writers")
    add_topic.add_argument("--column", metavar="C", help="栏目")
    _account(add_topic)
    _as(add_topic)
    accept = topic_sub.add_parser(
        "accept",
        help="accept, assign and schedule (producer, admin); again on an accepted topic:"
        " reassign (--assign replaces the editors)",
    )
    accept.add_argument("id", type=_id, metavar="ID", help="topic id")
    accept.add_argument(
        "--assign",
        required=True,
        metavar="USER[,USER]",
        help="the editors who write it (each once); replaces those assigned before",
    )
    accept.add_argument(
        "--due", metavar="DATE",
        help="due date, YYYY-MM-DD: not over, not after the slot's day; left out: kept as it"
        " was; none: no due date",
    )  # fmt: skip
    accept.add_argument(
        "--slot", metavar="DATE[:POSITION]",
        help="the day's push and place in it: 2026-12-03:头条, 2026-12-03:2 (次条1); DATE alone:"
        " that day's first free position; left out: kept as it was; none: off the plan",
    )  # fmt: skip
    _as(accept)
    start = topic_sub.add_parser("start", help="开始写稿: the draft from the topic (an assignee)")
    start.add_argument("id", type=_id, metavar="ID", help="topic id")
    _as(start)
    drop = topic_sub.add_parser("drop", help="drop a topic, with a reason")
    drop.add_argument("id", type=_id, metavar="ID", help="topic id")
    drop.add_argument("--reason", required=True, metavar="TEXT", help="why")
    _as(drop)
    list_topics = topic_sub.add_parser("list", help="topics, newest first")
    list_topics.add_argument(
        "--state", choices=[s.value for s in TopicState], help="only this state"
    )
    _account(list_topics, default="every account")
    list_topics.add_argument("--json", action="store_true", help="print JSON")

    plan = sub.add_parser("plan", help="排期: planned slots and what went out, day by day")
    plan.add_argument("--from", dest="start", metavar="DATE", help="first day (default today)")
    plan.add_argument("--to", dest="end", metavar="DATE", help="last day (default a week on)")
    _account(plan, default="every account")
    plan.add_argument("--json", action="store_true", help="print JSON")

    stats = sub.add_parser("stats", help="工作量统计 per person, column and account")
    stats.add_argument("--from", dest="start", required=True, metavar="DATE", help="first day")
    stats.add_argument("--to", dest="end", required=True, metavar="DATE", help="last day")
    out = stats.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print JSON")
    out.add_argument("--xlsx", metavar="FILE", help="write an Excel workbook, a sheet per view")
    out.add_argument("--csv", metavar="FILE", help="write the per-person table as CSV")
    stats.add_argument(
        "--force", action="store_true", help="overwrite the --xlsx or --csv file if it exists"
    )

    migrate = sub.add_parser("migrate", help="copy a single-PC workspace to a PostgreSQL server")
    migrate.add_argument(
        "--from", dest="source", required=True, metavar="FILE.db", help="the SQLite workspace"
    )
    migrate.add_argument(
        "--to",
        dest="destination",
        required=True,
        metavar="URL",
        help="postgresql://… (an empty database)",
    )

    verify = sub.add_parser("verify", help="check the audit log's hash chain and the database")
    verify.add_argument(
        "--accept-cut",
        action="store_true",
        help="record (as an administrator) that entries cut off the end of the audit log are"
        " gone, so that work can go on; needs --reason and --as",
    )
    verify.add_argument("--reason", metavar="TEXT", help="why the cut is accepted (logged)")
    _as(verify, required=False)
    backup = sub.add_parser("backup", help="consistent online backup to a new file")
    backup.add_argument("dest", metavar="DEST", help="the backup file to create")
    sub.add_parser("doctor", help="what works on this machine")
    return parser


def _as(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    parser.add_argument(
        "--as",
        dest="as_user",
        required=required,
        metavar="USER",
        help="act as USER (password from NEWSDESK_PASSWORD or a prompt)",
    )


def _account(parser: argparse.ArgumentParser, *, default: str = "the first") -> None:
    parser.add_argument(
        "--account", metavar="NAME", help=f"which official account (default: {default})"
    )


# The largest integer SQLite and PostgreSQL's BIGINT hold: an id or count past it can name
# nothing, and would fail deep in the store instead of here, as a usage error.
LARGEST = 2**63 - 1


def _id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an id: {text!r}") from None
    if not 0 < value <= LARGEST:
        raise argparse.ArgumentTypeError(f"not an id: {text!r}")
    return value


def _focus(text: str) -> tuple[float, float]:
    try:
        x, y = (float(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not X,Y between 0 and 1: {text!r}") from None
    if not (0 <= x <= 1 and 0 <= y <= 1):
        raise argparse.ArgumentTypeError(f"not X,Y between 0 and 1: {text!r}")
    return x, y


def _month(text: str) -> str:
    if not re.fullmatch(r"(19|20)\d\d-(0[1-9]|1[0-2])", text):
        raise argparse.ArgumentTypeError(f"not a month YYYY-MM: {text!r}")
    return text


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {text!r}")
    if value > LARGEST:
        raise argparse.ArgumentTypeError(f"too large: {text!r}")
    return value
