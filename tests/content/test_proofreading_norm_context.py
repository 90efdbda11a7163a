"""规范表述 that hang on the sentence: 罪犯 before a verdict, and claims of cure in health copy."""

from __future__ import annotations

import pytest

from newsdesk.content.proofreading import HINT, WARNING, Packs, ProofFinding, Proofreader


@pytest.fixture(scope="module")
def reader() -> Proofreader:
    return Proofreader(Packs.shipped())


def norms(reader: Proofreader, body: str, rule: str) -> list[ProofFinding]:
    return [f for f in reader.check_text(body) if f.rule == rule]


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ("5月3日，县公安局民警在出租屋内将罪犯王某抓获。", "罪犯"),
        ("目前，犯人李某已被刑事拘留，案件正在进一步侦查中。", "犯人"),
        ("该案已立案，警方正全力追捕在逃罪犯。", "罪犯"),
    ],
)
def test_a_convict_before_any_verdict_is_a_warning(
    reader: Proofreader, body: str, said: str
) -> None:
    (finding,) = norms(reader, body, "norm:suspect-not-convict")
    assert (finding.text, finding.severity, finding.suggestion) == (said, WARNING, "犯罪嫌疑人")
    assert "宣判有罪之前" in finding.source


@pytest.mark.parametrize(
    "body",
    [
        "县人民法院依法判处罪犯张某有期徒刑三年。",  # a verdict in the sentence
        "监狱组织罪犯开展职业技能培训，帮助其刑满后就业。",  # a prison, not a case
        "民警将犯罪嫌疑人抓获，现已被刑事拘留。",  # the right word
        "他涉嫌侵犯人身权利被立案调查。",  # 侵犯人身 is not 犯人
        "罪犯改造工作座谈会召开。",  # no arrest or investigation in the sentence
    ],
)
def test_a_convict_after_a_verdict_or_no_case_at_all_is_fine(
    reader: Proofreader, body: str
) -> None:
    assert norms(reader, body, "norm:suspect-not-convict") == []


def test_the_verdict_counts_only_in_its_own_sentence(reader: Proofreader) -> None:
    body = "去年，张某被判处有期徒刑两年。今年3月，民警又将罪犯赵某抓获。"
    (finding,) = norms(reader, body, "norm:suspect-not-convict")
    assert body[finding.start : finding.end] == "罪犯" and finding.start > body.index("今年")


@pytest.mark.parametrize(
    ("body", "said", "severity"),
    [
        ("该院引进的新疗法对颈椎病药到病除，患者无不称赞。", "药到病除", WARNING),
        ("这款理疗仪安全无副作用，可长期使用。", "安全无副作用", WARNING),
        ("诊所承诺包治百病、无效退款。", "包治百病", WARNING),
        ("据介绍，该中心治疗腰椎间盘突出的治愈率达98%。", "治愈率", HINT),
        ("专家介绍，这一疗法可以根治慢性胃炎。", "根治", HINT),
        # someone else's words: reported, not claimed
        ("法院查明，被告人以“药到病除”为幌子向老人推销保健品。", "药到病除", HINT),
    ],
)
def test_claims_of_cure(reader: Proofreader, body: str, said: str, severity: str) -> None:
    found = norms(reader, body, "norm:medical-claim")
    assert (found[0].text, found[0].severity) == (said, severity)
    assert all(not f.blocking for f in found)


@pytest.mark.parametrize(
    "body",
    [
        "我县持续开展根治欠薪专项行动，保障农民工工资按时足额发放。",
        "早发现、早诊断、早治疗，能大大提高治愈率。",  # names a rate, states none
        "该项政策的有效率达95%，群众满意度明显提升。",  # not about illness
        "黄河水患得到根治，沿岸群众安居乐业。",
    ],
)
def test_the_same_words_in_plain_news_are_fine(reader: Proofreader, body: str) -> None:
    assert norms(reader, body, "norm:medical-claim") == []


@pytest.mark.parametrize(
    ("body", "rule", "suggestion"),
    [
        (
            "要坚持不懈筑牢中华民族共同体意识。",
            "norm:筑牢中华民族共同体意识",
            "铸牢中华民族共同体意识",
        ),
        ("协调推进“四个全面”总体布局。", "norm:“四个全面”总体布局", "“四个全面”战略布局"),
        ("全县村官大会今天上午召开。", "norm:村官", "村干部"),
        ("县第十七届人民代表大会第三次会议隆重召开。", "norm:隆重召开", "召开"),
        ("加强中港两地交流。", "norm:中港两地", "内地与香港"),
    ],
)
def test_norms_from_the_list_and_the_party_documents(
    reader: Proofreader, body: str, rule: str, suggestion: str
) -> None:
    (finding,) = norms(reader, body, rule)
    assert finding.suggestion == suggestion


@pytest.mark.parametrize(
    "body",
    [
        "多年前招录来的大学生村官，也通过后来的考试留了下来。",
        "要铸牢中华民族共同体意识。",
        "统筹推进“五位一体”总体布局。",
        "他是一个书呆子。",
    ],
)
def test_the_right_forms_are_left_alone(reader: Proofreader, body: str) -> None:
    assert [f for f in reader.check_text(body) if f.category.value == "norm"] == []


def test_in_promotional_copy_every_claim_of_cure_is_a_warning(reader: Proofreader) -> None:
    body = "专家介绍，这一疗法可以根治慢性胃炎。"
    (news,) = [f for f in reader.check_text(body) if f.rule == "norm:medical-claim"]
    (promoted,) = [
        f for f in reader.check_text(body, promotional=True) if f.rule == "norm:medical-claim"
    ]
    assert (news.severity, promoted.severity) == (HINT, WARNING)


@pytest.mark.parametrize(
    ("body", "said"),
    [("警方抓获一名河南小偷。", "河南小偷"), ("这名教授罪犯的案情引起关注。", "教授罪犯")],
)
def test_an_offender_labelled_by_station_or_province_is_a_hint(
    reader: Proofreader, body: str, said: str
) -> None:
    (finding,) = norms(reader, body, "norm:offender-label")
    assert (finding.text, finding.severity) == (said, HINT)


def test_an_offender_without_a_label_is_fine(reader: Proofreader) -> None:
    assert norms(reader, "民警当场抓获一名小偷，追回被盗手机两部。", "norm:offender-label") == []
