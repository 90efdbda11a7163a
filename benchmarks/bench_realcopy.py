"""三校 on real published copy: false alarms on clean articles, recall on errors planted in them.

    python benchmarks/bench_realcopy.py [--corpus benchmarks/realcopy] [--split dev] [--show]

The corpus (issue 19) is county and city news as published: `clean/NN-slug.md` (front matter
with the title, and a `column` if the article had one; the body as published) and
`planted/<split>.jsonl`, one error a line: `{"file", "original", "planted", "category", "kind",
...}` where `original` occurs once in the file's body. Each clean article is checked as the app
checks it (title and body, promotional when its column says so); every finding on clean copy is
a false alarm, counted per 10,000 visible characters, errors and warnings apart from hints.
Then each planted error is put in on its own (`original` replaced by `planted` once) and counts
as caught when a finding overlaps the changed span (a removed bracket or quote mark: also a
`punct:unpaired` finding on its partner in the same paragraph); recall any severity, and warning or error
only. `--split holdout` is for the integrator alone. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from newsdesk.content.frontmatter import FrontMatterError, parse
from newsdesk.content.proofreading import (
    HINT,
    Category,
    PackKind,
    Packs,
    ProofFinding,
    Proofreader,
    shipped_pack,
)
from newsdesk.core.proofreading import promotional_column
from newsdesk.core.wechat_checks import parse_words, starter_list

DEFAULT_CORPUS = Path(__file__).parent / "realcopy"


@dataclass(frozen=True)
class Article:
    name: str
    title: str
    body: str
    promotional: bool
    published: int | None = None  # the year, when the front matter gives it

    def fields(self, body: str | None = None) -> dict[str, str]:
        return {"title": self.title, "body": self.body if body is None else body}


@dataclass(frozen=True)
class Plant:
    file: str
    original: str
    planted: str
    category: str
    kind: str


def visible(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def reader() -> Proofreader:
    """The shipped packs and starter word lists, as `newsdesk proofread` has them without a
    workspace: no leaders list (real copy names real people)."""
    return Proofreader(
        Packs.shipped(parse_words(starter_list("banned")), parse_words(starter_list("absolute")))
    )


def load_articles(corpus: Path) -> list[Article]:
    articles = []
    for path in sorted((corpus / "clean").glob("*.md")):
        try:
            document = parse(path.read_text(encoding="utf-8"))
        except FrontMatterError as error:
            print(f"skipped {path.name}: {error}", file=sys.stderr)
            continue
        meta = document.meta
        articles.append(
            Article(
                path.name,
                str(meta.get("title", "") or ""),
                document.body,
                promotional_column(str(meta.get("column", "") or "")),
                _year(meta.get("published")),
            )
        )
    return articles


def _year(value: object) -> int | None:
    match = re.match(r"((?:19|20)\d\d)", str(value or ""))
    return int(match.group(1)) if match else None


def renamed_since(article: Article, finding: ProofFinding) -> bool:
    """An old agency name in an article published before the rename: right when written, an
    error only in today's copy (which is what the app checks)."""
    if finding.category is not Category.AGENCY or article.published is None:
        return False
    entry = next((e for e in shipped_pack(PackKind.AGENCIES) if e.wrong == finding.text), None)
    return entry is not None and entry.year is not None and article.published < entry.year


def load_plants(corpus: Path, split: str) -> list[Plant]:
    path = corpus / "planted" / f"{split}.jsonl"
    if not path.exists():
        return []
    plants = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            plants.append(
                Plant(
                    str(row["file"]),
                    str(row["original"]),
                    str(row["planted"]),
                    str(row.get("category", "?")),
                    str(row.get("kind", "?")),
                )
            )
        except (ValueError, KeyError) as error:
            print(f"{path.name} line {number} skipped: {error}", file=sys.stderr)
    return plants


def context(text: str, start: int, end: int, width: int = 24) -> str:
    before = text[max(0, start - width) : start].replace("\n", "⏎")
    after = text[end : end + width].replace("\n", "⏎")
    return f"{before}【{text[start:end]}】{after}"


def check(
    proofreader: Proofreader, article: Article, body: str | None = None
) -> list[ProofFinding]:
    return proofreader.check(article.fields(body), promotional=article.promotional)


def false_alarms(
    proofreader: Proofreader, articles: list[Article]
) -> tuple[int, list[tuple[Article, ProofFinding]]]:
    chars, alarms = 0, []
    for article in articles:
        chars += visible(article.title) + visible(article.body)
        alarms += [(article, f) for f in check(proofreader, article)]
    return chars, alarms


def changed_span(original: str, planted: str) -> tuple[int, int]:
    """The part of `planted` that differs from `original` (common head and tail taken off)."""
    head = 0
    while head < min(len(original), len(planted)) and original[head] == planted[head]:
        head += 1
    tail = 0
    while (
        tail < min(len(original), len(planted)) - head and original[-1 - tail] == planted[-1 - tail]
    ):
        tail += 1
    return head, len(planted) - tail


_PARTNERS = {"“": "”", "‘": "’", "《": "》", "（": "）", "【": "】", "〔": "〕", "「": "」"}
_PARTNERS |= {close: open_ for open_, close in _PARTNERS.items()}


def caught(
    findings: Iterable[ProofFinding], start: int, end: int, partner: tuple[str, int, int] | None
) -> tuple[bool, bool]:
    """(any severity, warning or error) overlapping [start, end); a deletion (empty span)
    is caught by a finding touching the place where text went. A removed bracket or quote
    mark leaves its partner unpaired, and that is where a reader reports it: `partner` (the
    mark left, and its paragraph's span) also counts a `punct:unpaired` finding on that mark
    in that paragraph."""
    if start == end:
        start, end = start - 1, end + 1
    near = [
        f
        for f in findings
        if f.field == "body"
        and (
            (f.start < end and f.end > start)
            or (
                partner is not None
                and f.rule.startswith("punct:unpaired")
                and f.text == partner[0]
                and partner[1] <= f.start < partner[2]
            )
        )
    ]
    return bool(near), any(f.severity != HINT for f in near)


def removed_mark(body: str, at: int, original: str, planted: str) -> tuple[str, int, int] | None:
    """When the plant takes out one mark of a pair: the partner mark and the paragraph
    (in the planted body) it stands in."""
    head = changed_span(original, planted)[0]
    removed = original[head : head + len(original) - len(planted)]
    if len(original) - len(planted) != 1 or removed not in _PARTNERS:
        return None
    place = at + head
    paragraph_start = body.rfind("\n\n", 0, place) + 1
    paragraph_end = body.find("\n\n", place)
    return _PARTNERS[removed], paragraph_start, len(body) if paragraph_end < 0 else paragraph_end


def recall(
    proofreader: Proofreader, articles: list[Article], plants: list[Plant]
) -> tuple[dict[tuple[str, str], list[int]], list[str]]:
    """(category, kind) -> [planted, caught any severity, caught as warning or error]; and
    the plants that could not be put in."""
    by_name = {a.name: a for a in articles}
    tally: dict[tuple[str, str], list[int]] = {}
    skipped = []
    for plant in plants:
        article = by_name.get(plant.file) or by_name.get(Path(plant.file).name)
        if article is None or article.body.count(plant.original) != 1:
            skipped.append(f"{plant.file}: {plant.original[:30]}")
            continue
        at = article.body.index(plant.original)
        body = article.body[:at] + plant.planted + article.body[at + len(plant.original) :]
        start, end = changed_span(plant.original, plant.planted)
        partner = removed_mark(body, at, plant.original, plant.planted)
        anything, loud = caught(check(proofreader, article, body), at + start, at + end, partner)
        row = tally.setdefault((plant.category, plant.kind), [0, 0, 0])
        row[0] += 1
        row[1] += anything
        row[2] += loud
    return tally, skipped


def _share(part: int, whole: int) -> str:
    return f"{part / whole * 100:5.1f} %" if whole else "    – "


def report_false_alarms(chars: int, alarms: list[tuple[Article, ProofFinding]], show: bool) -> None:
    loud = [(a, f) for a, f in alarms if f.severity != HINT]
    quiet = [(a, f) for a, f in alarms if f.severity == HINT]
    per = 10_000 / chars if chars else 0.0
    print(f"false alarms, errors and warnings: {len(loud)} ({len(loud) * per:.2f} per 10,000)")
    print(f"false alarms, hints:               {len(quiet)} ({len(quiet) * per:.2f} per 10,000)")
    dated = sum(renamed_since(a, f) for a, f in loud)
    if dated:
        print(f"  of the errors and warnings, {dated} name a body renamed after the article was"
              " published (right then, wrong in today's copy)")  # fmt: skip
    rules = Counter((f.severity, f.rule) for _, f in alarms)
    for (severity, rule), count in sorted(rules.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {count:>3}  {severity:<8} {rule}")
    if show:
        for article, f in alarms:
            text = article.title if f.field == "title" else article.body
            print(f"  {article.name} {f.severity} {f.rule}: {context(text, f.start, f.end)}")


def report_recall(tally: dict[tuple[str, str], list[int]], skipped: list[str], split: str) -> None:
    if not tally:
        print(f"recall: no planted errors in {split}.jsonl")
        return
    total = [sum(row[i] for row in tally.values()) for i in range(3)]
    print(f"recall on {split} ({total[0]} planted): caught any severity / as warning or error")
    print(
        f"  {'all':<22} {total[0]:>5}  {_share(total[1], total[0])}  {_share(total[2], total[0])}"
    )
    categories: dict[str, list[int]] = {}
    for (category, _), row in tally.items():
        into = categories.setdefault(category, [0, 0, 0])
        for i in range(3):
            into[i] += row[i]
    for category, row in sorted(categories.items()):
        print(f"  {category:<22} {row[0]:>5}  {_share(row[1], row[0])}  {_share(row[2], row[0])}")
        for (cat, kind), krow in sorted(tally.items()):
            if cat == category:
                name = f"  {kind}"
                print(f"  {name:<22} {krow[0]:>5}  {_share(krow[1], krow[0])}  "
                      f"{_share(krow[2], krow[0])}")  # fmt: skip
    if skipped:
        print(f"  not put in ({len(skipped)}: file missing or original not found exactly once):")
        for line in skipped:
            print(f"    {line}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--split", default="dev", help="planted/<split>.jsonl (dev, holdout)")
    parser.add_argument("--show", action="store_true", help="list every false alarm in context")
    args = parser.parse_args(argv)
    articles = load_articles(args.corpus)
    proofreader = reader()
    chars, alarms = false_alarms(proofreader, articles)
    print(f"corpus: {len(articles)} clean articles, {chars:,} characters")
    report_false_alarms(chars, alarms, args.show)
    tally, skipped = recall(proofreader, articles, load_plants(args.corpus, args.split))
    report_recall(tally, skipped, args.split)


if __name__ == "__main__":
    main()
