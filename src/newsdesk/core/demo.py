"""A demo workspace: users for every role and articles in every state, from the samples."""

from __future__ import annotations

import random
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from newsdesk.core.demo_text import generate_article
from newsdesk.core.errors import InvalidInput
from newsdesk.core.importing import read_article_file
from newsdesk.core.models import ArticleContent, Role, User
from newsdesk.core.workspace import Workspace

# (username, display name, roles): one person per level, plus a small-newsroom all-rounder.
DEMO_USERS: tuple[tuple[str, str, tuple[Role, ...]], ...] = (
    ("admin", "管理员", (Role.ADMIN,)),
    ("ma", "马编辑", (Role.EDITOR,)),
    ("yan", "严编辑", (Role.EDITOR,)),
    ("feng", "冯审核", (Role.AUDITOR,)),
    ("sang", "桑出品", (Role.PRODUCER,)),
    ("li", "李主任", (Role.EDITOR, Role.AUDITOR, Role.PRODUCER)),
)


DEMO_LEADERS = (
    "王建国 县委书记\n李明华 县委副书记、县长\n张卫东 县人大常委会主任\n陈晓燕 县政协主席\n"
)


@dataclass(frozen=True)
class DemoResult:
    passwords: dict[str, str]  # username -> password, shown once
    article_ids: dict[str, int]  # what each demo article shows -> id
    generated: int


def _samples_dir() -> Path:
    return Path(str(resources.files("newsdesk") / "resources" / "demo"))


def build_demo(
    ws: Workspace,
    *,
    extra_articles: int = 0,
    password: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> DemoResult:
    if ws.users.count():
        raise InvalidInput(
            "该数据库已有用户；演示数据只能写入新的数据库文件",
            "this database already has users; build the demo in a new database file",
        )
    passwords: dict[str, str] = {}
    users: dict[str, User] = {}
    admin: User | None = None
    for username, name, roles in DEMO_USERS:
        pw = password or secrets.token_urlsafe(8)
        user = ws.users.add(admin, username, name, frozenset(roles), pw)
        admin = admin or user
        passwords[username], users[username] = pw, user
    ma, yan, feng, sang = users["ma"], users["yan"], users["feng"], users["sang"]
    samples = _samples_dir()
    ids: dict[str, int] = {}
    arts = ws.articles

    def sample(name: str, by: User, co: tuple[str, ...] = ()) -> int:
        imported = read_article_file(samples / name)
        if co:
            imported = replace(imported, co_editors=co)
        return ws.import_article(by, imported).article_id

    def through_chain(article_id: int, by: User) -> None:
        arts.submit(by, article_id)
        arts.approve(feng, article_id)
        arts.sign(sang, article_id)

    ids["published"] = sample("zhouqu-vocational-award.md", ma, ("yan",))
    through_chain(ids["published"], ma)
    arts.publish(sang, ids["published"], "https://mp.weixin.qq.com/s/demo-zhouqu-award")
    ids["approved"] = sample("county-meeting-report.md", yan)
    through_chain(ids["approved"], yan)
    ids["draft"] = sample("tricky-formatting.md", ma)
    # 三校: the leaders list is each newsroom's own (these people are made up), and a draft
    # with a mistake of every kind to show it on.
    assert admin is not None
    ws.proofreading.set_list(admin, "leaders", DEMO_LEADERS)
    ids["proofreading"] = sample("proofreading-demo.md", ma)
    ids["draft_from_word"] = sample("forest-fire-meeting.docx", yan)

    rng = random.Random(2024)

    def generated(by: User) -> int:
        title, body, column = generate_article(rng, 1200)
        return arts.create(by, ArticleContent(title, body, author="县融媒体中心", column=column))

    for index in range(3):
        older = generated(ma)
        through_chain(older, ma)
        arts.publish(sang, older, f"https://mp.weixin.qq.com/s/demo-earlier-{index + 1}")
    ids["awaiting_audit"] = generated(ma)
    arts.submit(ma, ids["awaiting_audit"])
    ids["awaiting_production"] = generated(yan)
    arts.submit(yan, ids["awaiting_production"])
    arts.approve(feng, ids["awaiting_production"])
    ids["returned"] = generated(ma)
    arts.submit(ma, ids["returned"])
    arts.return_(feng, ids["returned"], "第二段数据与县统计局公布的不一致，请核实后再提交。")
    ids["spiked"] = generated(yan)
    arts.spike(yan, ids["spiked"], "活动延期，稿件作废。")

    generate_bulk(ws, ma, extra_articles, progress=progress)
    return DemoResult(passwords, ids, extra_articles)


def generate_bulk(
    ws: Workspace,
    by: User,
    count: int,
    *,
    seed: int = 7,
    chars: int = 3000,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Add `count` generated drafts, committing in batches so a large run stays quick."""
    rng = random.Random(seed)
    batch = 500
    for start in range(0, count, batch):
        with ws.repo.transaction():
            for _ in range(min(batch, count - start)):
                title, body, column = generate_article(rng, chars)
                ws.articles.create(
                    by, ArticleContent(title, body, author="县融媒体中心", column=column)
                )
        if progress:
            progress(min(start + batch, count))
