"""Render benchmark: Markdown -> WeChat fragment on 10,000- and 50,000-character Chinese articles.

    pip install -e '.[bench]'          # maxpress and the versions of its dependencies it needs
    python benchmarks/bench_render.py [--repeat 30]

Prints median and 95th-percentile milliseconds for `render_wechat` and, in the same run on the
same text, for maxpress (mistletoe + premailer, the Python WeChat converter on PyPI), and the
ratio. Targets (issue 3): 10k characters ≤ 15 ms, 50k ≤ 60 ms, ratio ≤ 0.5×.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import time
from collections.abc import Callable

from newsdesk.content import render_wechat
from newsdesk.content.text_stats import visible_length
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


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    fn()  # warm caches (themes, lexers, compiled patterns) as a running app has them
    samples = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    try:
        import maxpress
    except ImportError:
        maxpress = None
        print("maxpress not installed (pip install -e '.[bench]'): no comparison")
    for target, limit in ((10_000, 15), (50_000, 60)):
        text = article(target)
        ours, ours95 = timed(lambda t=text: render_wechat(t), args.repeat)
        line = (
            f"{visible_length(text):>6} chars ({len(text.encode()) // 1024} KB Markdown): "
            f"render_wechat median {ours:6.1f} ms, p95 {ours95:6.1f} ms (target ≤ {limit} ms)"
        )
        if maxpress is not None:
            theirs, _ = timed(lambda t=text: maxpress.md2html(t), max(3, args.repeat // 5))
            line += f"; maxpress median {theirs:7.1f} ms; ratio {ours / theirs:.2f}× (aim ≤ 0.5×)"
        print(line)


if __name__ == "__main__":
    main()
