"""Visual editor benchmark (offscreen): a keystroke, and opening an article, against source mode.

    python benchmarks/bench_visual.py [--runs 15] [--keys 200]

The article: 10,000 characters of demo copy (headings and paragraphs) with a nested list, a
table, a picture with its caption and a quote, as a county news item has them.

- per key: a key press typed into the middle of the article through the widget's own key path
  (`type_text`, one Chinese character), then the event loop run until the widget has laid out
  and painted it; the median and the 95th percentile over `--keys` keys, for the visual editor
  and for the source editor (QPlainTextEdit with the Markdown highlighter). Also `markdown()`,
  which the window asks for after a pause in typing (the preview's debounce), not per key.
- opening: `set_markdown` (visual) against `setPlainText` (source), each followed by the event
  loop until laid out and painted, in turns; the medians and their ratio, in wall time and in
  the GUI thread's CPU time (steadier on a shared machine; pictures are decoded after the
  article is shown, one per turn of the event loop, and may fall outside the measure). And the same with the preview's render of the article (`render_wechat`), which
  opening an article does in both modes.

Targets (issue 23): under 16 ms per key; opening in visual mode ≤ 1.1× source mode.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from newsdesk.content import render_wechat
from newsdesk.core.demo_text import generate_article
from newsdesk.ui.editor import MarkdownEditor
from newsdesk.ui.visual import VisualEditor

PICTURE = "media/" + "b" * 64 + ".jpg"


def article() -> tuple[str, dict[str, bytes]]:
    _, body, _ = generate_article(random.Random(23), 9_300)
    paragraphs = body.split("\n\n")
    middle = len(paragraphs) // 2
    extras = [
        "- 落实粮食播种面积，**确保不少于12.6万亩**\n  - 优化种植结构\n- 加强农资市场监管",
        "| 乡镇 | 播种面积（万亩） | 隐患点（处） |\n| --- | ---: | ---: |\n| 城关镇 | 1.8 | 12 |\n| 大川镇 | 2.1 | 9 |",
        f'![会议现场]({PICTURE} "会议现场")',
        "> 会议要求，要严格执行24小时值班和领导带班制度，确保信息畅通。",
    ]
    text = "\n\n".join(paragraphs[:middle] + extras + paragraphs[middle:])
    photo = io.BytesIO()
    Image.new("RGB", (1080, 720), "#7a8c6e").save(photo, "JPEG")
    return text, {PICTURE: photo.getvalue()}


def settle(app: QApplication, widget: QPlainTextEdit | VisualEditor) -> None:
    widget.viewport().repaint()
    app.processEvents()


def per_key(app: QApplication, widget: VisualEditor | MarkdownEditor, keys: int) -> list[float]:
    cursor = widget.textCursor()
    cursor.setPosition(widget.document().characterCount() // 2)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    widget.setTextCursor(cursor)
    widget.setFocus()
    settle(app, widget)
    times = []
    for i in range(keys):
        start = time.perf_counter()
        if isinstance(widget, VisualEditor):
            widget.type_text("县委书记带队调研"[i % 8])
        else:
            VisualEditor.type_text(widget, "县委书记带队调研"[i % 8])  # type: ignore[arg-type]
        settle(app, widget)
        times.append((time.perf_counter() - start) * 1000)
    return times


def opening(app: QApplication, text: str, media: dict[str, bytes], runs: int) -> None:
    visual, source = VisualEditor(), MarkdownEditor()
    for widget in (visual, source):
        widget.resize(760, 900)
        widget.show()
    seconds: dict[str, list[float]] = {}
    # Wall time, and the GUI thread's CPU time (steadier on a shared machine).
    clocks = {"wall": time.perf_counter, "cpu": time.thread_time}

    def timed(name: str, action: Callable[[], object]) -> None:
        start = {clock: read() for clock, read in clocks.items()}
        action()
        for clock, read in clocks.items():
            seconds.setdefault(f"{name} {clock}", []).append(read() - start[clock])

    for run in range(runs):
        timed("visual", lambda: (visual.set_markdown(text, media), settle(app, visual)))
        timed("source", lambda: (source.setPlainText(text), settle(app, source)))
        # a text of its own each time: a render of the same text again is partly cached
        varied = f"{text}\n\n{run}"
        timed("render", lambda varied=varied: render_wechat(varied, resolve_image=media.get))
    ms = {name: statistics.median(values) * 1000 for name, values in seconds.items()}
    for clock in clocks:
        v, s_, r = ms[f"visual {clock}"], ms[f"source {clock}"], ms[f"render {clock}"]
        print(
            f"open ({clock}), widget only: visual {v:.1f} ms, source {s_:.1f} ms  ({v / s_:.2f}x)"
        )
        print(
            f"open ({clock}), with the preview's render ({r:.1f} ms):"
            f" visual {v + r:.1f} ms, source {s_ + r:.1f} ms  ({(v + r) / (s_ + r):.2f}x)"
        )
    visual.close()
    source.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--keys", type=int, default=200)
    args = parser.parse_args()
    app = QApplication([])
    text, media = article()
    print(f"article: {len(text):,} characters")
    opening(app, text, media, args.runs)
    visual = VisualEditor()
    visual.resize(760, 900)
    visual.show()
    visual.set_markdown(text, media)
    source = MarkdownEditor()
    source.resize(760, 900)
    source.show()
    source.setPlainText(text)
    for name, widget in (("visual", visual), ("source", source)):
        times = per_key(app, widget, args.keys)
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"per key, {name}: median {statistics.median(times):.2f} ms, p95 {p95:.2f} ms")
    took = []
    for _ in range(args.runs):
        start = time.perf_counter()
        visual.markdown()
        took.append((time.perf_counter() - start) * 1000)
    print(
        f"markdown() after typing (once per pause, not per key): {statistics.median(took):.1f} ms"
    )
    assert visual.markdown().count("县委书记带队调研") >= 1


if __name__ == "__main__":
    main()
