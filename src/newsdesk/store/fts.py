"""Full-text search over Chinese text of any length, on SQLite FTS5's plain unicode61 tokenizer.

FTS5's trigram tokenizer cannot match one- and two-character terms, and two-character words
(舟曲, 教育) are everywhere in Chinese. So we index overlapping character bigrams, the way
Lucene's CJK analyzer does: a run of Han characters 舟曲县 is indexed as `舟曲 曲县 县`, the
trailing single character standing for "the run ends here". Then:

- a term of n ≥ 2 characters is the phrase of its n-1 bigrams (one exact token for 2 characters);
- a single character is a prefix query `县*`, which matches every bigram starting with it and the
  run-final single token;
- Latin words and numbers are indexed as words, as unicode61 would.

The index holds only tokens (a contentless FTS5 table); snippets are cut from the stored text.

Ranking: FTS5's bm25() first counts every document that holds a phrase, which for a long phrase of
common characters means reading the whole index (hundreds of ms at 100k articles). Instead we
take the newest BODY_WINDOW matches (FTS5 walks rowids backwards and stops early) plus the newest
TITLE_WINDOW title matches, and rank those candidates here with a BM25-style score on the text.
"""

from __future__ import annotations

import re

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_PIECES = re.compile(f"([{_HAN}]+)|([^\\W{_HAN}]+)")
# Markdown punctuation that should not show in a snippet.
_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[#*>`~|]+|^\s*[-+]\s+", re.MULTILINE)
_SPACE = re.compile(r"\s+")

BODY_WINDOW = 120
TITLE_WINDOW = 30
_K1 = 1.2  # BM25 term-frequency saturation
_B = 0.75  # BM25 length normalisation
_TITLE_WEIGHT = 8.0


def index_text(text: str) -> str:
    """The token stream FTS5 stores for `text`, as space-separated tokens."""
    out: list[str] = []
    for han, word in _PIECES.findall(text):
        if han:
            out.extend(han[i : i + 2] for i in range(len(han) - 1))
            out.append(han[-1])
        else:
            out.append(word.lower())
    return " ".join(out)


def _term_phrase(term: str) -> str | None:
    pieces = _PIECES.findall(term)
    tokens: list[str] = []
    prefix = False
    for index, (han, word) in enumerate(pieces):
        last = index == len(pieces) - 1
        if not han:
            tokens.append(word.lower())
        elif len(han) == 1:
            tokens.append(han)
            prefix = last
        else:
            tokens.extend(han[i : i + 2] for i in range(len(han) - 1))
            if not last:
                tokens.append(han[-1])  # the document has its run-end token here too
    if not tokens:
        return None
    return '"' + " ".join(tokens) + '"' + (" *" if prefix else "")


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression: every whitespace-separated term must occur (AND)."""
    phrases = [p for p in (_term_phrase(t) for t in query.split()) if p]
    return " AND ".join(phrases) if phrases else None


def _fold(text: str, query: str) -> str:
    # Han characters have no case: skip the copy when the query has no cased letters.
    return text.lower() if any(c.isalpha() and c.isascii() for c in query) else text


def snippet(text: str, query: str, width: int = 60) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A plain-text window around the first match and where the terms sit in it."""
    terms = [t for t in _fold(query, query).split() if t]
    folded = _fold(text, query)
    hits = [p for p in (folded.find(t) for t in terms) if p >= 0]
    # Cut a generous raw window first: stripping markup from a whole long body is the slow part.
    raw_start = max(0, min(hits) - width) if hits else 0
    raw = text[raw_start : raw_start + 3 * width]
    plain = _SPACE.sub(" ", _MARKUP.sub(lambda m: m.group(1) or "", raw)).strip()
    low = _fold(plain, query)
    inner = [p for p in (low.find(t) for t in terms) if p >= 0]
    start = max(0, min(inner) - width // 4) if inner else 0
    window = plain[start : start + width]
    spans: list[tuple[int, int]] = []
    low = low[start : start + width]
    for term in terms:
        pos = low.find(term)
        while pos >= 0:
            spans.append((pos, pos + len(term)))
            pos = low.find(term, pos + len(term))
    lead = "…" if raw_start + start > 0 else ""
    tail = "…" if raw_start + len(raw) < len(text) or start + width < len(plain) else ""
    shifted = tuple(sorted((a + len(lead), b + len(lead)) for a, b in spans))
    return lead + window + tail, shifted


def score(title: str, body: str, query: str, average_length: float) -> float:
    """BM25-like relevance of one candidate: a title hit outweighs many body hits."""
    title_folded, body_folded = _fold(title, query), _fold(body, query)
    norm = _K1 * (1 - _B + _B * len(body) / max(average_length, 1.0))
    total = 0.0
    for term in _fold(query, query).split():
        tf = body_folded.count(term)
        total += tf * (_K1 + 1) / (tf + norm) if tf else 0.0
        if term in title_folded:
            total += _TITLE_WEIGHT
    return total
