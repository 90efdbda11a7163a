"""The shipped rule packs: enough entries, each with its source, and precise on clean news."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from newsdesk.content.frontmatter import parse
from newsdesk.content.proofreading import (
    PackError,
    PackKind,
    Packs,
    Proofreader,
    parse_leaders,
    parse_own_list,
    shipped_pack,
)
from newsdesk.core.wechat_checks import parse_words, starter_list

CORPUS = Path(__file__).resolve().parents[2] / "benchmarks" / "corpus"
SAMPLES = Path(__file__).resolve().parents[2] / "src" / "newsdesk" / "resources" / "demo"
# The corpus's made-up county leadership, in protocol order (benchmarks/bench_proofread.py).
LEADERS = """王建国 县委书记
李明华 县委副书记、县长
张卫东 县人大常委会主任
陈晓燕 县政协主席
刘志强 县委副书记
赵丽萍 县委常委、宣传部部长
孙国平 县委常委、常务副县长
郑文斌 县委常委、组织部部长
周海涛 副县长
吴淑芬 副县长
"""


@pytest.mark.parametrize(("kind", "least"), [(PackKind.TYPOS, 150), (PackKind.AGENCIES, 30),
                                             (PackKind.NORMS, 20)])  # fmt: skip
def test_each_pack_has_enough_entries_each_with_its_source(kind: PackKind, least: int) -> None:
    entries = shipped_pack(kind)
    assert len(entries) >= least
    assert all(e.source and e.right and e.right != e.wrong for e in entries)
    if kind is PackKind.AGENCIES:
        assert all(e.year is not None and 1990 <= e.year <= 2025 for e in entries)


def test_no_wrong_form_is_listed_twice_across_the_packs() -> None:
    counts = Counter(e.wrong for kind in PackKind for e in shipped_pack(kind))
    assert [w for w, n in counts.items() if n > 1] == []


def test_a_bad_line_names_its_number_and_a_workspace_may_switch_entries_off() -> None:
    with pytest.raises(PackError) as bad:
        parse_own_list("布署 → 部署  # 出处\n只有一个词\n")
    assert bad.value.line == 2 and "line 2" in bad.value.en
    with pytest.raises(PackError, match="@2018"):
        parse_own_list("国土局 → 自然资源局  # 出处\n", year_required=True)
    own = parse_own_list("-布署\n清西县 → 清溪县\n")
    assert own.disabled == {"布署"} and own.entries[0].right == "清溪县"
    with pytest.raises(PackError, match="title"):
        parse_leaders("王建国\n")


def test_clean_county_news_raises_no_alarm() -> None:
    """Precision: the benchmark corpus (over 100,000 characters written to the standards) gives
    no finding at all with every pack and list switched on; the demo samples, copied as real
    articles are, no error (their straight quotes "…" are rightly warned about)."""
    reader = Proofreader(
        Packs.with_own(
            {},
            parse_leaders(LEADERS),
            parse_words(starter_list("banned")),
            parse_words(starter_list("absolute")),
        )
    )
    samples = [f for f in SAMPLES.glob("*.md") if f.name != "proofreading-demo.md"]
    characters, alarms = 0, []
    for path in [*sorted(CORPUS.glob("*.md")), *samples]:
        document = parse(path.read_text(encoding="utf-8"))
        fields = {k: str(document.meta.get(k, "")) for k in ("title", "author", "digest")}
        fields["body"] = document.body
        findings = reader.check(fields)
        if path.parent == CORPUS:
            characters += sum(len(v) for v in fields.values())
        else:
            findings = [f for f in findings if f.blocking]
        alarms += [(path.name, f.text, f.rule) for f in findings]
    assert characters > 100_000
    assert alarms == []


def test_an_entry_may_be_graded_a_warning_or_a_hint_and_reads_back_as_written() -> None:
    own = parse_own_list(
        "清西县 → 清溪县  # 本县规范\n"
        "城关派出所 → 城关镇派出所  警告  # 本县规范\n"
        "老街 → 清溪古街  hint  # 本县地名办\n"
        "新区 → 清溪新区  提示  # 本县地名办\n"
    )
    assert [e.severity for e in own.entries] == ["error", "warning", "hint", "hint"]
    assert parse_own_list(own.text()) == own
    reader = Proofreader(Packs(typos=own.entries))
    graded = {f.text: f.severity for f in reader.check({"body": "清西县老街开街。"})}
    assert graded == {"清西县": "error", "老街": "hint"}
