"""Draw the application icon (the same design as resources/icons/newsdesk.svg) as PNG and ICO
at build time, so no binary icon is committed. Pillow only.

    python packaging/make_icons.py build/icons
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

RED, DARK_RED, PAPER, GREY = (179, 38, 30), (138, 43, 34), (244, 241, 234), (107, 107, 107)


def draw(size: int) -> Image.Image:
    s = size / 64
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(image)
    d.rounded_rectangle(
        [6 * s, 4 * s, 50 * s, 60 * s],
        radius=5 * s,
        fill=PAPER,
        outline=DARK_RED,
        width=max(1, round(3 * s)),
    )
    d.rounded_rectangle([13 * s, 12 * s, 43 * s, 19 * s], radius=1.5 * s, fill=RED)
    for top, right in ((24, 43), (31, 43), (38, 33)):
        d.rectangle([13 * s, top * s, right * s, (top + 3) * s], fill=GREY)
    d.ellipse([33 * s, 33 * s, 59 * s, 59 * s], fill=RED)
    d.line(
        [(39.5 * s, 46.5 * s), (44 * s, 51 * s), (52.5 * s, 42 * s)],
        fill="white",
        width=max(1, round(3.5 * s)),
        joint="curve",
    )
    return image


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    big = draw(256)
    big.save(folder / "newsdesk.png")
    big.save(
        folder / "newsdesk.ico",
        sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)],
    )


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "build/icons"))
