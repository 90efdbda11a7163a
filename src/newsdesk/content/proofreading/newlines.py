"""Line ends as a file has them (CRLF from Windows, a lone CR) read as `\\n` by the rules, with
offsets mapped back: a CRLF file gets the findings an LF file gets, each pointing into the
text as given, under the same key."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable


def as_lf(text: str) -> tuple[str, Callable[[int], int]]:
    """`text` with every CRLF and lone CR as LF, and a map from its offsets to `text`'s."""
    if "\r" not in text:
        return text, _same
    dropped: list[int] = []  # offsets in the result of an LF whose CR was dropped
    pieces = text.split("\r\n")
    length = 0
    for piece in pieces[:-1]:
        length += len(piece)
        dropped.append(length)
        length += 1
    plain = "\n".join(pieces).replace("\r", "\n")

    def original(offset: int) -> int:
        # An offset at or before such an LF moves by the CRs dropped before it.
        return offset + bisect_left(dropped, offset)

    return plain, original


def _same(offset: int) -> int:
    return offset
