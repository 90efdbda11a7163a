"""三校 benchmark: recall per category on planted errors, false alarms on clean text, speed.

    python benchmarks/bench_proofread.py [--seed 7] [--corpus benchmarks/corpus]

The corpus is real-style county news written clean (GB/T 15834/15835, current agency names,
the fictional leaders below in protocol order). Errors are planted into it, one at a time, each
category the way a county editor makes them, using what the shipped packs cover. Prints recall
per category, false alarms per 10,000 characters of the clean text (and each one, to read),
and milliseconds for all checks on a 10,000- and a 50,000-character article: cold (first
check) and warm (after one paragraph changed, as in the editor).
Targets (issue 12): recall ≥ 90 %, ≤ 1 false alarm per 10,000 characters, 10k ≤ 20 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from newsdesk.content.frontmatter import parse
from newsdesk.content.proofreading import Category, Leader, Packs, Proofreader, shipped_pack
from newsdesk.content.proofreading.packs import PackKind
from newsdesk.content.proofreading.particles import _ADJECTIVES, _DEGREE, _MANNER, _VERBS
from newsdesk.core.wechat_checks import parse_words, starter_list

LEADERS = (
    Leader("王建国", ("县委书记",)),
    Leader("李明华", ("县委副书记", "县长")),
    Leader("张卫东", ("县人大常委会主任",)),
    Leader("陈晓燕", ("县政协主席",)),
    Leader("刘志强", ("县委副书记",)),
    Leader("赵丽萍", ("县委常委", "宣传部部长")),
    Leader("孙国平", ("县委常委", "常务副县长")),
    Leader("郑文斌", ("县委常委", "组织部部长")),
    Leader("周海涛", ("副县长",)),
    Leader("吴淑芬", ("副县长",)),
)
HAN = re.compile(r"[\u4e00-\u9fff]")
Plant = Callable[[random.Random, str], tuple[str, int, int] | None]  # text, start, end


def corpus(folder: Path) -> list[str]:
    return [parse(p.read_text(encoding="utf-8")).body for p in sorted(folder.glob("*.md"))]


def visible(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _between_han(rng: random.Random, text: str) -> int | None:
    """A random place between two Chinese characters in running text (not a heading)."""
    places = [
        m.start() + 1
        for m in re.finditer(r"[\u4e00-\u9fff](?=[\u4e00-\u9fff])", text)
        if not text[text.rfind("\n", 0, m.start()) + 1 :].startswith(("#", "|", "!"))
    ]
    return rng.choice(places) if places else None


def insert_word(word: str) -> Plant:
    def plant(rng: random.Random, text: str) -> tuple[str, int, int] | None:
        at = _between_han(rng, text)
        if at is None:
            return None
        return text[:at] + word + text[at:], at, at + len(word)

    return plant


def substitute(pattern: str, make: Callable[[re.Match[str]], str], group: int = 0) -> Plant:
    """Rewrite one random match of `pattern`; the planted span is the rewritten group."""
    compiled = re.compile(pattern)

    def plant(rng: random.Random, text: str) -> tuple[str, int, int] | None:
        matches = list(compiled.finditer(text))
        if not matches:
            return None
        m = rng.choice(matches)
        new = make(m)
        start, end = m.span(group)
        return text[:start] + new + text[end:], start, start + len(new)

    return plant


def _leader_plants() -> list[Plant]:
    names = "|".join(leader.name for leader in LEADERS)
    titles = {leader.name: leader.titles for leader in LEADERS}

    def wrong_title(m: re.Match[str]) -> str:
        own = set(titles[m.group(2)])
        others = [t for leader in LEADERS for t in leader.titles if t not in own]
        return random.Random(m.start()).choice(others)

    def wrong_char(m: re.Match[str]) -> str:
        name = m.group(2)
        i = random.Random(m.start()).randrange(len(name))
        swap = "军华伟东明国芳丽平涛"
        replacement = next(c for c in swap if c != name[i])
        return name[:i] + replacement + name[i + 1 :]

    def reorder(m: re.Match[str]) -> str:
        return f"{m.group(2)}、{m.group(1)}"

    every_title = "|".join(
        sorted({t for leader in LEADERS for t in leader.titles}, key=len, reverse=True)
    )
    return [
        substitute(f"({every_title})({names})", wrong_title, 1),
        substitute(f"({every_title})({names})", wrong_char, 2),
        substitute(f"({names})、({names})", reorder),
    ]


def plants() -> dict[Category, list[Plant]]:
    typos = shipped_pack(PackKind.TYPOS)
    agencies = shipped_pack(PackKind.AGENCIES)
    norms = shipped_pack(PackKind.NORMS)
    reduplicated = ["认认真真", "扎扎实实", "踏踏实实", "实实在在", "仔仔细细", "高高兴兴"]
    verbs = [v for v in _VERBS if len(v) == 2]
    full_width = str.maketrans("0123456789", "０１２３４５６７８９")
    complements = list(zip(_DEGREE[:4], _ADJECTIVES[:8], strict=False))
    numerals = "〇一二三四五六七八九"

    def mixed_year(m: re.Match[str]) -> str:
        return f"二0{numerals[int(m.group(1)[0])]}{numerals[int(m.group(1)[1])]}年"

    return {
        Category.TYPO: [insert_word(e.wrong) for e in typos],
        Category.AGENCY: [insert_word("县" + e.wrong) for e in agencies],
        Category.NORM: [insert_word(e.wrong) for e in norms],
        Category.LEADER: _leader_plants(),
        Category.DE: [
            *(insert_word(f"，{v}的{d}{a}，") for v in verbs[:8] for d, a in complements),
            *(insert_word(f"，{r}的做好") for r in reduplicated),
            *(insert_word(f"，{m}的学习了") for m in _MANNER[:8]),
        ],
        Category.PUNCTUATION: [
            substitute(r"(?<=[\u4e00-\u9fff])，(?=[\u4e00-\u9fff])", lambda m: ","),
            substitute(r"(?<=[\u4e00-\u9fff])：(?=[\u4e00-\u9fff])", lambda m: ":"),
            substitute(r"(?<=[\u4e00-\u9fff])。(?=[\u4e00-\u9fff])", lambda m: "。。"),
            substitute(r"……", lambda m: "..."),
            substitute(r"——", lambda m: "—"),
            substitute(r"“([^”\n]{2,30})”", lambda m: "“" + m.group(1)),
            substitute(r"《([^》\n]{2,20})》", lambda m: "《" + m.group(1)),
            insert_word("(试点)"),
        ],
        Category.NUMBER: [
            substitute(r"(?<!\d)20(\d\d)年", mixed_year),
            substitute(r"(?<![\d.])(\d+(?:\.\d+)?)%", lambda m: f"百分之{m.group(1)}"),
            substitute(r"(?<![\d.])(\d)000(?!\d)", lambda m: f"{m.group(1)}千"),
            substitute(
                r"(?<!\d)\d{2,}(?=[个户人亩万元])", lambda m: m.group(0).translate(full_width)
            ),
            substitute(r"(?<!\d)20(\d\d)(?=年\d{1,2}月)", lambda m: m.group(1)),
            substitute(r"(?<=\d月)(\d{1,2})日", lambda m: f"{m.group(1)}号"),
        ],
        Category.BANNED: [insert_word(w) for w in parse_words(starter_list("banned"))],
        Category.ABSOLUTE: [insert_word(w) for w in parse_words(starter_list("absolute"))],
    }


def reader() -> Proofreader:
    shipped = Packs.shipped(
        parse_words(starter_list("banned")), parse_words(starter_list("absolute"))
    )
    return Proofreader(replace(shipped, leaders=LEADERS))


def recall(texts: list[str], seed: int, trials: int) -> dict[Category, tuple[int, int]]:
    rng = random.Random(seed)
    check = reader()
    results: dict[Category, tuple[int, int]] = {}
    for category, makers in plants().items():
        found = planted = 0
        for n in range(max(trials, len(makers))):
            maker = makers[n % len(makers)]
            text = rng.choice(texts)
            made = maker(rng, text)
            if made is None:
                continue
            planted_text, start, end = made
            planted += 1
            hits = [
                f for f in check.check({"body": planted_text})
                if f.category is category and f.start < end and f.end > start
            ]  # fmt: skip
            found += bool(hits)
        results[category] = (found, planted)
    return results


def false_alarms(texts: list[str]) -> tuple[int, int, list[str]]:
    check = reader()
    alarms: list[str] = []
    for text in texts:
        for f in check.check({"body": text}):
            line = text[text.rfind("\n", 0, f.start) + 1 : text.find("\n", f.end)]
            alarms.append(f"{f.category.value}\t{f.text} → {f.suggestion}\t{line.strip()[:80]}")
    return len(alarms), sum(visible(t) for t in texts), alarms


def speed(texts: list[str], chars: int, runs: int) -> tuple[float, float]:
    """(cold ms, warm ms): a fresh proofreader; then one paragraph changed between checks."""
    article = ""
    for text in texts * 10:
        if visible(article) >= chars:
            break
        article += text + "\n"
    cold, warm = [], []
    for run in range(runs):
        check = reader()
        started = time.perf_counter()
        check.check({"body": article})
        cold.append((time.perf_counter() - started) * 1000)
        edited = article.replace("。", f"。新增第{run}句。", 1)
        started = time.perf_counter()
        check.check({"body": edited})
        warm.append((time.perf_counter() - started) * 1000)
    return statistics.median(cold), statistics.median(warm)


def startup(runs: int) -> dict[str, tuple[float, float]]:
    """Median wall and CPU (user + system) milliseconds of the real `newsdesk proofread` on a
    one-line file, run in turns with the interpreter doing nothing (the floor): rules built (an
    empty cache folder each run) and loaded from the compiled-rules cache. No workspace: the
    shipped packs. CPU time says more than wall time on a machine others are loading."""
    with tempfile.TemporaryDirectory() as folder:
        one_line = Path(folder) / "one.md"
        one_line.write_text("全县布署春耕生产工作。\n", encoding="utf-8")
        env = os.environ | {"NEWSDESK_DB": str(Path(folder) / "none.db"), "LANG": "C.UTF-8"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: the modules' bytecode kept
        cached = env | {"XDG_CACHE_HOME": str(Path(folder) / "cache")}
        proofread = [sys.executable, "-m", "newsdesk", "proofread", str(one_line)]
        subprocess.run(proofread, env=cached, capture_output=True, check=False)  # fills both
        wall: dict[str, list[float]] = {"python -c pass": [], "built": [], "cached": []}
        cpu: dict[str, list[float]] = {name: [] for name in wall}
        for run in range(runs):
            fresh = env | {"XDG_CACHE_HOME": str(Path(folder) / f"fresh-{run}")}
            for name, command, run_env in (
                ("python -c pass", [sys.executable, "-c", "pass"], env),
                ("built", proofread, fresh),
                ("cached", proofread, cached),
            ):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                started = time.perf_counter()
                subprocess.run(command, env=run_env, capture_output=True, check=False)
                wall[name].append((time.perf_counter() - started) * 1000)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                used = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
                cpu[name].append(used * 1000)
    return {name: (statistics.median(wall[name]), statistics.median(cpu[name])) for name in wall}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(__file__).parent / "corpus")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--trials", type=int, default=200, help="planted errors per category")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--show", action="store_true", help="print every false alarm")
    args = parser.parse_args()
    texts = corpus(args.corpus)
    count, chars, alarms = false_alarms(texts)
    print(f"corpus: {len(texts)} articles, {chars:,} characters (clean)")
    print(f"false alarms: {count} ({count / chars * 10_000:.2f} per 10,000 characters)")
    for alarm in alarms if args.show else alarms[:20]:
        print(f"  {alarm}")
    print("recall on planted errors (found / planted):")
    total_found = total = 0
    for category, (found, planted) in recall(texts, args.seed, args.trials).items():
        total_found, total = total_found + found, total + planted
        share = found / planted * 100 if planted else 0.0
        print(f"  {category.value:<12} {found:>4} / {planted:<4} {share:5.1f} %")
    print(f"  {'all':<12} {total_found:>4} / {total:<4} {total_found / total * 100:5.1f} %")
    for size in (10_000, 50_000):
        cold, warm = speed(texts, size, args.runs)
        print(
            f"all checks, {size:,} characters: cold {cold:.1f} ms, one paragraph changed {warm:.1f} ms"
        )
    started = startup(args.runs)
    print("start-up, `newsdesk proofread` on one line (wall / CPU):")
    for name, label in (
        ("cached", "rules from the cache"),
        ("built", "rules built"),
        ("python -c pass", "`python -c pass`"),
    ):
        print(f"  {label:<22} {started[name][0]:4.0f} ms / {started[name][1]:4.0f} ms")


if __name__ == "__main__":
    main()
