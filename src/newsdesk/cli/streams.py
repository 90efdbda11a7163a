"""Standard output that never stops a command over a character its encoding lacks.

On a Chinese Windows, Python writes the console in UTF-16 but a pipe or a file in the ANSI code
page, 936 (GBK), strictly: one emoji in a title (公众号 titles often have one) would end
`queue > list.txt` halfway with an internal error. The character becomes "?" instead.
"""

from __future__ import annotations

import io
import sys


def tolerate_unencodable() -> None:
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="replace")
