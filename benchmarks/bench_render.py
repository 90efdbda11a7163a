"""Render benchmark: Markdown -> WeChat fragment on 10,000- and 50,000-character Chinese articles.

    pip install -e '.[bench]'          # the three peers (and the versions maxpress needs)
    python benchmarks/bench_render.py [--repeat 30]

Prints, in one run on the same text, sampled in turns, median and 95th-percentile milliseconds
of a full render by
`render_wechat` and by the Python WeChat converters on PyPI: wechat-formatter (mistune, inline
templates), xie (mistune, mdnice-style) and maxpress (mistletoe + premailer); the same on the 60 articles of benchmarks/corpus; then what typing
costs with `Renderer`, which redoes only the blocks that changed: one keystroke in one paragraph.
Targets (issue 14): a full render at least as fast as the fastest peer; one paragraph ≤ 2 ms.
Only ours keeps the rules of docs/wechat-html.md (tests/content/test_wechat_rules.py).
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from newsdesk.content import Renderer, render_wechat
from newsdesk.content.text_stats import visible_length
from newsdesk.content.wechat import read_body
from newsdesk.core.demo_text import generate_article


def article(chars: int, seed: int = 11) -> str:
    """A long news feature as a county newsroom writes it: sections with headings, bold leads,
    lists, a data table, a quote, links and a footnote, over generated Chinese prose."""
    rng = random.Random(seed)
    parts: list[str] = []
    section = 0
    while visible_length("\n".join(parts)) < chars:
        section += 1
        _, body, _ = generate_article(rng, 700)
        paragraphs = [p for p in body.split("\n\n") if p.strip()]
        parts.append(f"## {section}、{paragraphs[0][:12]}")
        parts.append(f"**{paragraphs[0][:10]}**{paragraphs[0][10:]}")
        parts.extend(paragraphs[1:3])
        parts.append("\n".join(f"- **要点{i}**：{p[:30]}" for i, p in enumerate(paragraphs[:3], 1)))
        parts.append(f"> {paragraphs[-1][:60]}")
        if section % 3 == 0:
            rows = "\n".join(
                f"| {p[:4]} | {rng.randint(1, 99)}.{rng.randint(0, 9)} | {rng.randint(1, 500)} |"
                for p in paragraphs[:4]
            )
            parts.append(f"| 乡镇 | 面积（万亩） | 户数 |\n| --- | ---: | ---: |\n{rows}")
        if section % 4 == 0:
            parts.append(
                f"详见[县政府网站](https://www.example.gov.cn/{section}.html)和[往期报道](https://mp.weixin.qq.com/s/p{section})[^{section}]。"
            )
            parts.append(f"[^{section}]: 数据来源：县统计局{section}月报。")
        parts.extend(paragraphs[3:])
    return "\n\n".join(parts) + "\n"


def timed_together(
    contestants: dict[str, Callable[[], object]], repeat: int
) -> dict[str, tuple[float, float]]:
    """Median and 95th percentile (ms) of each, sampled in turns so that every contestant
    meets the same load on a shared machine (timed one after the other, a busy spell would
    fall on one of them only)."""
    samples: dict[str, list[float]] = {name: [] for name in contestants}
    for fn in contestants.values():
        fn()  # warm caches (themes, lexers, compiled patterns) as a running app has them
    names = list(contestants)
    for turn in range(repeat):
        for name in names[turn % len(names) :] + names[: turn % len(names)]:
            gc.collect()
            start = time.perf_counter()
            contestants[name]()
            samples[name].append((time.perf_counter() - start) * 1000)
    result = {}
    for name, values in samples.items():
        values.sort()
        result[name] = (statistics.median(values), values[max(0, int(len(values) * 0.95) - 1)])
    return result


def peers() -> dict[str, Callable[[str], object]]:
    found: dict[str, Callable[[str], object]] = {}
    try:
        import wechat_formatter

        template = wechat_formatter.get_template("极简风", "经典")
        tweaks = wechat_formatter.FormatTweaks()
        found["wechat-formatter"] = lambda t: wechat_formatter.render_article(t, template, tweaks)
    except ImportError:
        pass
    try:
        import xie

        found["xie"] = xie.convert_markdown_to_wechat
    except ImportError:
        pass
    try:
        import maxpress

        found["maxpress"] = maxpress.md2html
    except ImportError:
        pass
    if len(found) < 3:
        print("some peers are not installed (pip install -e '.[bench]'): fewer comparisons")
    return found


def keystrokes(text: str, repeat: int) -> tuple[float, float]:
    """One character typed into a paragraph in the middle, again and again: what the preview's
    Renderer does on each keystroke."""
    renderer = Renderer()
    renderer.render(text)
    at = text.index("。\n\n", len(text) // 2)  # the end of a paragraph past the middle
    samples = []
    for i in range(repeat):
        text = text[:at] + "改" + text[at:]
        at += 1 if i % 2 else 0
        gc.collect()
        start = time.perf_counter()
        renderer.render(text)
        samples.append((time.perf_counter() - start) * 1000)
    assert renderer.whole_renders == 0 and renderer.render(text).html == render_wechat(text).html
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def corpus() -> list[str]:
    """The 60 articles of benchmarks/corpus (county news as it is written, 111,239 characters),
    without their front matter, which the peers would print as text."""
    folder = Path(__file__).parent / "corpus"
    return [read_body(path.read_text(encoding="utf-8"))[0] for path in sorted(folder.glob("*.md"))]


def compare_on_corpus(others: dict[str, Callable[[str], object]], repeat: int) -> None:
    texts = corpus()
    contestants: dict[str, Callable[[], object]] = {
        "render_wechat": lambda: [render_wechat(t) for t in texts]
    }
    for name, render in others.items():
        contestants[name] = lambda f=render: [f(t) for t in texts]  # type: ignore[misc]
    timings = timed_together(contestants, max(5, repeat // 3))
    ours, _ = timings.pop("render_wechat")
    size = sum(visible_length(t) for t in texts)
    print(
        f"corpus: {len(texts)} news articles, {size} chars, each rendered once: "
        f"render_wechat median {ours:6.1f} ms in all"
    )
    for name, (theirs, _) in timings.items():
        print(f"{'':>28}{name:>16} median {theirs:6.1f} ms; ours {ours / theirs:.2f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    others = peers()
    compare_on_corpus(others, args.repeat)
    for target in (10_000, 50_000):
        text = article(target)
        contestants: dict[str, Callable[[], object]] = {
            "render_wechat": lambda t=text: render_wechat(t)
        }
        for name, render in others.items():
            contestants[name] = lambda t=text, f=render: f(t)  # type: ignore[misc]
        timings = timed_together(contestants, args.repeat)
        ours, ours95 = timings.pop("render_wechat")
        print(
            f"{visible_length(text):>6} chars ({len(text.encode()) // 1024} KB Markdown), full render: "
            f"render_wechat median {ours:6.1f} ms (p95 {ours95:5.1f})"
        )
        for name, (theirs, theirs95) in timings.items():
            print(
                f"{'':>28}{name:>16} median {theirs:6.1f} ms (p95 {theirs95:5.1f}); "
                f"ours {ours / theirs:.2f}×"
            )
        if timings:
            name, (fastest, _) = min(timings.items(), key=lambda item: item[1][0])
            print(f"{'':>28}fastest peer: {name}, ours {ours / fastest:.2f}× (aim ≤ 1×)")
        typed, typed95 = keystrokes(text, args.repeat)
        print(
            f"{'':>28}one keystroke in one paragraph (Renderer): median {typed:.2f} ms "
            f"(p95 {typed95:.2f}; aim ≤ 2 ms)"
        )


if __name__ == "__main__":
    main()
