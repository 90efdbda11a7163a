"""Numbers by GB/T 15835-2011 beyond the mixed forms: 几 with digits, digit estimates, ranges
that drop 万/亿/% from their first figure, 约…左右, Chinese decimals, and two-digit years after
a word that takes a point in time. Each error sits beside a neighbour that must stay silent."""

from __future__ import annotations

import pytest

from newsdesk.content.proofreading import HINT, WARNING, Packs, ProofFinding, Proofreader


@pytest.fixture(scope="module")
def reader() -> Proofreader:
    return Proofreader(Packs.shipped())


def numbers(reader: Proofreader, body: str) -> list[ProofFinding]:
    return [f for f in reader.check_text(body) if f.rule.startswith("number:")]


@pytest.mark.parametrize(
    ("body", "rule", "said", "fix"),
    [
        ("活动吸引了10几个村的群众参加。", "number:ji-digits", "10几", "十几"),
        ("老党员几10年如一日守护这片林子。", "number:ji-digits", "几10", "几十"),
        ("每户每天能采3、4筐茶叶，收入3、4个人的口粮钱。", "number:digit-estimate", "3、4", "三四"),
        ("全县粮食单产提高了15～30%。", "number:range-sign", "15～30%", "15%～30%"),
        ("项目总投资9-16亿元，分三期建设。", "number:range-sign", "9-16亿", "9亿～16亿"),
        ("当天约200人左右参加了义诊。", "number:about-twice", "约200人左右", "约200人"),
        (
            "大约三百名志愿者左右参与其中。",
            "number:about-twice",
            "大约三百名志愿者左右",
            "大约三百名志愿者",
        ),
        (
            "全年财政收入同比增长百分之十二点五。",
            "number:chinese-decimal",
            "百分之十二点五",
            "12.5%",
        ),
        ("今年茶叶产量达三点六万吨。", "number:chinese-decimal", "三点六", "3.6"),
        ("二零二四年是全面完成规划的关键之年。", "number:year-ling", "二零二四", "二〇二四"),
        ("该项目于2O24年建成。", "number:letter-o", "2O24", "2024"),
        ("深入学习贯彻党的20大精神。", "number:session", "党的20大", "党的二十大"),
        ("传达19届4中全会精神。", "number:session", "19届4中全会", "十九届四中全会"),
        (
            "14届全国人大1次会议开幕。",
            "number:session",
            "14届全国人大1次会议",
            "十四届全国人大一次会议",
        ),
    ],
)
def test_forms_the_standard_does_not_allow_are_warnings(
    reader: Proofreader, body: str, rule: str, said: str, fix: str
) -> None:
    found = [f for f in numbers(reader, body) if f.rule == rule]
    assert found, body
    assert body[found[0].start : found[0].end] == said
    assert found[0].suggestion == fix
    assert found[0].severity == WARNING


@pytest.mark.parametrize(
    ("body", "rule", "fix"),
    [
        ("全村共有一千二百三十六户群众参加了医保。", "number:chinese-count", "1236"),
        ("全县粮食产量增长百分之三十五。", "number:chinese-percent", "35%"),
    ],
)
def test_a_long_exact_figure_in_chinese_numerals_is_a_hint(
    reader: Proofreader, body: str, rule: str, fix: str
) -> None:
    (finding,) = numbers(reader, body)
    assert (finding.rule, finding.suggestion, finding.severity) == (rule, fix, HINT)


@pytest.mark.parametrize(
    "body",
    [
        "活动吸引了十几个村的群众参加，几十年如一日。",
        "第3、4个项目已经开工，3、4月份是采茶旺季。",
        "每户能采三四筐茶叶。",
        "全县粮食单产提高了15%～30%，投资9亿～16亿元。",
        "2023-24%的增幅，比分定格在5-3%。",  # not a range: the first is not the smaller
        "100—150元的补贴，20～30人的团队。",  # a plain unit may go with the second figure
        "当天约200人参加了义诊，另有300人左右在线观看。",
        "双方签约20家左右企业，节约30万元左右。",
        "下午三点五十分，会议开始。",
        "三千五百名群众，二百五十户人家，三百六十行。",
        "学习党的二十大和十九届四中全会精神，第3届运动会开幕。",
        "二〇二四年，全县通过ISO2015年度认证，共三千零五十人参加。",
        "游客量增长百分之八以上，入住率达百分之三十，满意度百分之百。",
    ],
)
def test_their_correct_neighbours_are_silent(reader: Proofreader, body: str) -> None:
    assert numbers(reader, body) == []


@pytest.mark.parametrize(
    ("body", "said", "fix"),
    [
        ("该项目于15年建成投用，年产值过亿。", "15", "2015"),
        ("早在15年，村里就开始种植高山茶。", "15", "2015"),
        ("这座桥是在15年建成的。", "15", "2015"),
        ("直到18年，村里才通上自来水。", "18", "2018"),
        ("今年全县产值与15年相比翻了一番。", "15", "2015"),
        ("从15年至今，累计投入资金3亿元。", "15", "2015"),
        ("15年全年完成固定资产投资5亿元。", "15", "2015"),
        ("这座老桥建于98年，至今仍在使用。", "98", "1998"),
        ("该县15年底完成了全部改造。", "15", "2015"),
        ("全县15年度财政收入突破10亿元。", "15", "2015"),
        ("该项目15年末竣工。", "15", "2015"),
        ("15年那年，村里通了水泥路。", "15", "2015"),
        ("他参加了15年高考。", "15", "2015"),
        ("到了18年，全村实现脱贫。", "18", "2018"),
        ("在15年，该村被评为省级文明村。", "15", "2015"),
        ("2015—18年，全县累计投入3亿元。", "18", "2018"),
        ("2015年至18年间，全县累计投入3亿元。", "18", "2018"),
        ("该村15年、16年连续两年获评文明村。", "15", "2015"),
        ("该村15、16年连续两年获评文明村。", "15、16", "2015、2016"),
        ("一五年春耕时，村里引进了新品种。", "一五", "二〇一五"),
        ("相比15年，今年产量翻了一番。", "15", "2015"),
        ("截至15年，全县共有企业300家。", "15", "2015"),
        ("时间回到15年，村里还没通公路。", "15", "2015"),
        ("村里15年5、6月间遭遇洪灾。", "15", "2015"),
        ("他九八年参军入伍。", "九八", "一九九八"),
    ],
)
def test_a_two_digit_year_after_a_word_for_a_point_in_time(
    reader: Proofreader, body: str, said: str, fix: str
) -> None:
    finding, *others = [f for f in numbers(reader, body) if f.rule == "number:short-year"]
    assert (body[finding.start : finding.end], finding.suggestion) == (said, fix)
    assert len(others) == ("年、16年" in body)  # 15年、16年: each year its own finding


@pytest.mark.parametrize(
    ("body", "fix"),
    [("他在村里工作了15、16年。", "十五六"), ("这19、20年来变化很大。", "十九二十")],
)
def test_two_neighbouring_spans_are_an_estimate_in_chinese_numerals(
    reader: Proofreader, body: str, fix: str
) -> None:
    (finding,) = numbers(reader, body)
    assert (finding.rule, finding.suggestion) == ("number:digit-estimate", fix)


@pytest.mark.parametrize(
    "body",
    [
        "工程预计于15年内全部完成。",
        "早在15年前，他就离开了家乡。",
        "服务年限多于15年的教师可以申请。",
        "这笔钱相当于15年的收入。",
        "由于15年没下过透雨，水库见了底。",
        "对于15年的坚守，他从不后悔。",
        "就在这15年间，家乡变了模样。",
        "他在15年里从未请过一天假。",
        "15年来，他坚守在护林一线。",
        "近15年，全县变化很大。",
        "用15年建成了这座大桥，历时15年建成的工程。",
        "今年与15年前相比，收入翻了两番。",
        "他在基层干了15年，15年底层工作让他练就了一身本领。",
        "他15年初心不改，工作15年底气更足。",
        "连续15年度被评为先进，近15年末位淘汰从未落到他头上。",
        "这座庙已存在15年之久，在15年的时间里香火不断。",
        "刑期从2年至15年不等，从教15年、20年、30年的教师受到表彰。",
        "干了三五年，又过了三四年、八九年，一九三五年的一二年级学生，八〇年代，十五年。",
        "相比15年前，对比15年来的变化，他工作15年5个月。",
        "早在80年代初，企业就开始改革；在90年代，始于80年代末的变化直至60年代才开始的工作。",
    ],
)
def test_spans_of_years_are_not_years(reader: Proofreader, body: str) -> None:
    assert [f for f in numbers(reader, body) if f.rule == "number:short-year"] == []


@pytest.mark.parametrize(
    ("body", "fix"),
    [("他今年四十五、六岁。", "四十五六"), ("全村只剩十五、六户人家。", "十五六")],
)
def test_an_estimate_after_a_ten_takes_no_dunhao(reader: Proofreader, body: str, fix: str) -> None:
    (finding,) = [f for f in reader.check_text(body) if f.rule == "punct:estimate-dunhao"]
    assert finding.suggestion == fix


def test_two_articles_after_di_are_not_an_estimate(reader: Proofreader) -> None:
    body = "依照第十五、六条的规定，第二十三、四个项目已开工，两人分列二、三名，排名在三、四位间。"
    assert [f for f in reader.check_text(body) if f.rule == "punct:estimate-dunhao"] == []


@pytest.mark.parametrize(
    "body",
    [
        "咨询电话：0571-88886666，13912345678。",
        "身份证号码330102199001011234。",
        "他住在3号楼2-301室，门牌号15-16号，邮编311100。",
        "型号为XH-15、XH-16两款，车牌号浙A12345，航班CA1501。",
        "比分为3-2，版本号V2.0-3.5万次下载。",
        "依据GB/T 15835-2011《出版物上数字用法》。",
        "温度为15～20℃，湿度60%～70%，会议于3月5日召开。",
    ],
)
def test_phone_numbers_ids_and_model_numbers_are_left_alone(reader: Proofreader, body: str) -> None:
    assert [
        f for f in reader.check_text(body) if f.category.value in ("number", "punctuation")
    ] == []


@pytest.mark.parametrize(("body", "fix"), [("20几岁的年轻人", "二十几"), ("100几户人家", "一百几")])
def test_ji_after_round_digits(reader: Proofreader, body: str, fix: str) -> None:
    assert [f.suggestion for f in numbers(reader, body)] == [fix]


@pytest.mark.parametrize(
    ("body", "fix"),
    [("县市场监管局开展“3.15”宣传活动。", "3·15"), ("纪念5.12汶川特大地震十周年。", "5·12")],
)
def test_a_month_and_day_naming_an_event_take_the_middle_dot(
    reader: Proofreader, body: str, fix: str
) -> None:
    (finding,) = [f for f in reader.check_text(body) if f.rule == "punct:date-interpunct"]
    assert finding.suggestion == fix


def test_figures_with_a_point_are_not_dates(reader: Proofreader) -> None:
    body = "“3·15”晚会前，增长3.5%，达到“3.5”的目标，版本“1.12”发布，价格为12.31元，开展3.5活动。"
    assert [f for f in reader.check_text(body) if f.rule == "punct:date-interpunct"] == []
