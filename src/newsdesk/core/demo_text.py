"""Generated Chinese county-news articles, for demo workspaces and scale benchmarks.

Deterministic for a seed, varied enough that search results and index sizes look like a real
archive rather than one sentence repeated.
"""

from __future__ import annotations

import random

PLACES = [
    "城关镇",
    "大川镇",
    "立节镇",
    "江盘镇",
    "峰迭镇",
    "憨班镇",
    "果耶镇",
    "东山镇",
    "曲告纳镇",
    "博峪镇",
    "拱坝镇",
    "巴藏镇",
    "武坪镇",
    "八楞乡",
    "插岗乡",
    "南峪乡",
    "坪定镇",
    "铁坝镇",
    "曲瓦乡",
    "舟曲县",
    "白龙江",
    "拉尕山",
    "大峪沟",
]
ORGS = [
    "县委",
    "县政府",
    "县人大常委会",
    "县政协",
    "县融媒体中心",
    "县教育局",
    "县卫健局",
    "县农业农村局",
    "县应急管理局",
    "县文旅局",
    "县住建局",
    "县交通运输局",
    "县市场监管局",
    "县公安局",
    "县民政局",
    "县自然资源局",
    "县林草局",
    "县人社局",
    "县医保局",
    "县供电公司",
    "职业中专",
    "第一中学",
    "县人民医院",
    "县疾控中心",
]
TOPICS = [
    "春季农业生产",
    "防汛减灾",
    "森林防火",
    "乡村振兴",
    "东西部协作",
    "职业教育",
    "义务教育",
    "医疗保障",
    "道路建设",
    "安全生产",
    "文明城市创建",
    "生态保护",
    "产业发展",
    "中药材种植",
    "特色养殖",
    "电商直播",
    "文旅融合",
    "招商引资",
    "营商环境",
    "民生实事",
    "就业培训",
    "饮水安全",
    "危房改造",
    "移风易俗",
    "基层治理",
    "矛盾纠纷排查",
    "食品安全",
    "粮食安全",
    "耕地保护",
    "河湖长制",
    "秸秆禁烧",
    "疫苗接种",
    "老年健康",
    "托育服务",
    "学前教育",
    "消防安全",
]
PEOPLE = ("主要负责同志", "分管负责同志", "相关负责人", "班子成员")
ACTIONS = [
    "召开专题会议",
    "深入一线调研",
    "安排部署",
    "督促检查",
    "现场办公",
    "开展专项行动",
    "组织集中培训",
    "举行启动仪式",
    "召开推进会",
    "开展走访慰问",
    "进行实地察看",
    "听取工作汇报",
    "召开座谈会",
]
CLAUSES = (
    "要提高政治站位，切实增强责任感和紧迫感",
    "要坚持问题导向，聚焦重点领域和关键环节",
    "要压实工作责任，确保各项任务落到实处",
    "要加强统筹协调，形成上下联动、齐抓共管的工作合力",
    "要强化宣传引导，营造全社会共同参与的良好氛围",
    "要严格督查考核，对工作不力的严肃追责问责",
    "要加大资金投入，保障项目建设顺利推进",
    "要健全长效机制，推动工作常态化、规范化开展",
    "要把群众满意作为检验工作成效的根本标准",
    "要抢抓有利时机，倒排工期、挂图作战",
)
FACTS = (
    "全县共投入资金{n}万元，惠及群众{m}户",
    "累计排查隐患点{n}处，整改完成率达{p}%",
    "今年以来已培训各类人员{m}人次，带动就业{n}人",
    "共发放宣传资料{m}份，受理群众咨询{n}次",
    "新建和改造道路{n}公里，覆盖{p}个行政村",
    "种植面积达到{n}亩，预计实现产值{m}万元",
)


def generate_article(rng: random.Random, target_chars: int = 3000) -> tuple[str, str, str]:
    """(title, body in Markdown, column) of roughly `target_chars` characters."""
    place, topic = rng.choice(PLACES), rng.choice(TOPICS)
    title = f"{place}{rng.choice(ACTIONS)}推进{topic}工作"
    column = rng.choice(("要闻", "教育", "民生", "乡村振兴", "政务", "文旅"))
    paragraphs: list[str] = []
    size = 0
    section = 0
    while size < target_chars:
        if len(paragraphs) % 6 == 5:
            section += 1
            heading = f"## {rng.choice(('一', '二', '三', '四', '五', '六'))}、{rng.choice(TOPICS)}取得新进展"
            paragraphs.append(heading)
            size += len(heading)
            continue
        sentences = [
            f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日，{rng.choice(ORGS)}{rng.choice(PEOPLE)}"
            f"带队在{rng.choice(PLACES)}{rng.choice(ACTIONS)}，就{rng.choice(TOPICS)}工作进行安排",
            rng.choice(FACTS).format(
                n=rng.randint(3, 9000), m=rng.randint(100, 90000), p=rng.randint(60, 100)
            ),
        ]
        sentences += [rng.choice(CLAUSES) for _ in range(rng.randint(2, 4))]
        text = "。".join(sentences) + "。"
        paragraphs.append(text)
        size += len(text)
    return title, "\n\n".join(paragraphs) + "\n", column
