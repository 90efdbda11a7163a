"""A demo workspace: users for every role and articles in every state, from the samples."""

from __future__ import annotations

import random
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
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

    _demo_topics(ws, users, rng)
    generate_bulk(ws, ma, extra_articles, progress=progress)
    return DemoResult(passwords, ids, extra_articles)


def _demo_topics(ws: Workspace, users: dict[str, User], rng: random.Random) -> None:
    """选题 in every state around today: yesterday's 头条 published, today's 头条 signed and
    ready to push, today's 次条 being written, the next days assigned, two just proposed and
    one dropped."""
    topics, arts = ws.topics, ws.articles
    ma, yan, feng, sang, li = (users[n] for n in ("ma", "yan", "feng", "sang", "li"))
    today, one = date.today(), timedelta(days=1)

    def propose(by: User, title: str, brief: str, column: str) -> int:
        return topics.propose(by, title, brief, column)

    def written(topic_id: int, by: User) -> int:
        article_id = topics.start(by, topic_id)
        body = generate_article(rng, 900)[1]
        current = arts.get(article_id)
        content = replace(current.content, body=body, author="县融媒体中心")
        arts.save(by, article_id, content, current.version)
        return article_id

    def signed(article_id: int, by: User) -> None:
        arts.submit(by, article_id)
        arts.approve(feng, article_id)
        arts.sign(sang, article_id)

    done = propose(
        yan, "全县重点项目建设现场观摩活动举行", "发改局；各项目进度，配现场图。", "要闻"
    )
    clock = ws.ctx.clock
    ws.ctx.clock = lambda: clock() - one  # planned the day before, as it would have been
    try:
        topics.accept(sang, done, ["yan"], today - one, (today - one, 1))
    finally:
        ws.ctx.clock = clock
    article = written(done, yan)
    signed(article, yan)
    arts.publish(sang, article, "https://mp.weixin.qq.com/s/demo-projects")
    lead = propose(ma, "城关镇老旧小区改造惠及两千余户", "住建局、社区；改造前后对比照片。", "民生")
    topics.accept(sang, lead, ["ma"], today, (today, 1))
    signed(written(lead, ma), ma)
    second = propose(
        li, "县职业技术学校学生技能大赛获佳绩", "获奖学生和指导老师各一段采访。", "教育"
    )
    topics.accept(sang, second, ["yan", "ma"], today, (today, 2))
    written(second, yan)
    for title, brief, column, whom, ahead, position in (
        ("拉尕山景区游客服务中心投入使用", "文旅局；游客采访两段。", "文旅", "ma", 1, 1),
        ("白龙江沿岸防汛隐患排查整治", "水务局、应急局；整改清单。", "要闻", "yan", 1, 2),
        ("大川镇花椒合作社带动农户增收", "合作社负责人、两户椒农。", "乡村振兴", "ma", 2, 1),
    ):
        topic_id = propose(li, title, brief, column)
        topics.accept(sang, topic_id, [whom], today + ahead * one, (today + ahead * one, position))
    unslotted = propose(yan, "全县中小学安全教育工作综述", "教育局；校园安全演练。", "教育")
    topics.accept(li, unslotted, ["yan"], today + 4 * one)
    propose(ma, "峰迭镇新建村级养老服务站投用", "民政局、老人采访。", "民生")
    propose(yan, "县医院开通远程会诊服务", "", "民生")
    dropped = propose(ma, "县城区新增公共停车位", "住建局。", "民生")
    topics.drop(sang, dropped, "与上周已发稿件重复，并入后续报道。")


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
