"""规范表述 from 新华社《新闻信息报道中的禁用词和慎用词》 (2016): 香港/澳门 pair with 内地 and
台湾 with 大陆; their people come to the mainland, not 来华; ethnic names in full (维族 → 维吾尔族),
branches of a people as ××人 (摩梭族 → 摩梭人); 钓鱼岛, 南沙群岛 by their names. Each error sits
beside a neighbour that must stay silent."""

from __future__ import annotations

import pytest

from newsdesk.content.proofreading import ERROR, HINT, WARNING, Packs, ProofFinding, Proofreader


@pytest.fixture(scope="module")
def reader() -> Proofreader:
    return Proofreader(Packs.shipped())


def norms(reader: Proofreader, body: str) -> list[ProofFinding]:
    return [f for f in reader.check_text(body) if f.category.value == "norm"]


@pytest.mark.parametrize(
    ("body", "said", "fix", "severity"),
    [
        ("大陆与香港的经贸往来日益密切。", "大陆", "内地", WARNING),
        ("澳门和大陆的旅游合作再上台阶。", "大陆", "内地", WARNING),
        ("今年港澳台游客来华旅游人数明显回升。", "来华", "来大陆（内地）", WARNING),
        ("一批台湾青年来华交流研学。", "来华", "来大陆", WARNING),
        ("香港同胞赴华投资热情高涨。", "赴华", "赴内地", WARNING),
        ("参加比赛的有维族、回族选手。", "维族", "维吾尔族", ERROR),
        ("那达慕大会上，蒙族牧民载歌载舞。", "蒙族", "蒙古族", ERROR),
        ("延边的鲜族群众喜迎丰收。", "鲜族", "朝鲜族", WARNING),
        ("泸沽湖畔的摩梭族姑娘热情好客。", "摩梭族", "摩梭人", ERROR),
        ("他被村民戏称为“蒙古大夫”。", "蒙古大夫", "庸医", WARNING),
        ("日方所谓的尖阁列岛自古就是中国领土。", "尖阁列岛", "钓鱼岛", WARNING),
        ("双方就中台关系交换了意见。", "中台关系", "两岸关系", WARNING),
        ("领导人出访香港期间考察了科技园。", "出访香港", "视察香港", HINT),
        ("港澳台等国外游客纷至沓来。", "等国外", "和国外", ERROR),
        ("包括台湾在内的30多个国家的代表出席。", "国家", "国家和地区", ERROR),
        ("产品销往香港、新加坡和马来西亚三国。", "国", "国家和地区", ERROR),
        ("客商来自台湾、韩国和新加坡等亚洲国家。", "国家", "国家和地区", ERROR),
        ("包括香港在内的各国代表出席。", "国", "国家和地区", ERROR),
    ],
)
def test_the_wrong_naming_is_reported(
    reader: Proofreader, body: str, said: str, fix: str, severity: str
) -> None:
    found = [f for f in norms(reader, body) if body[f.start : f.end] == said]
    assert found, body
    assert (found[0].suggestion, found[0].severity) == (fix, severity)


@pytest.mark.parametrize(
    "body",
    [
        "内地与香港的经贸往来日益密切，大陆与台湾同胞血脉相连。",
        "祖国大陆与港澳台同胞共庆佳节。",
        "今年美国游客来华旅游人数明显回升，港澳台游客来内地旅游也在增加。",
        "参加比赛的有维吾尔族、蒙古族和朝鲜族选手。",
        "年轻的尝鲜族排起长队，生鲜族群也在扩大。",
        "每回回家他都带上特产，来来回回跑了三趟，这回回到村里住下了。",
        "泸沽湖畔的摩梭人热情好客。",
        "企业搭建了数据中台关系图谱。",
        "港澳台与国外游客纷至沓来，包括香港在内的多个国家和地区参展。",
        "包括中国在内的30多个国家签署了协议。",
        "台湾、日本等国家和地区，香港等国际金融中心，香港等三个城市。",
        "魏蜀吴三国的故事在台湾和三国演义迷中流传，包括中国在内的各国代表出席。",
    ],
)
def test_their_correct_neighbours_are_silent(reader: Proofreader, body: str) -> None:
    assert norms(reader, body) == []
