"""The 的地得 rules that judge one particle each, together: one finding a particle, the surest.

The list frames (de_frames), the part-of-speech frames (de_pos), the corpus counts (de_stats)
and the counted adverbs and nouns (de_adverbs, de_nouns) may each judge the same 的; the proofreader keeps one finding a stretch of text, so
the one kept is chosen here: a warning over a hint, then the more specific rule (a listed
frame over a tag, a tag over a count, the collocation counts over the counted words).
"""

from __future__ import annotations

from newsdesk.content.proofreading import de_adverbs, de_frames, de_nouns, de_pos, de_stats
from newsdesk.content.proofreading.findings import SEVERITIES, Hit


def hits(prose: str) -> list[Hit]:
    best: dict[int, tuple[int, int, Hit]] = {}
    for order, rule in enumerate((de_frames, de_pos, de_stats, de_adverbs, de_nouns)):
        for hit in rule.hits(prose):
            rank = (SEVERITIES.index(hit.severity), order)
            kept = best.get(hit.start)
            if kept is None or rank < kept[:2]:
                best[hit.start] = (*rank, hit)
    return [hit for _, _, hit in sorted(best.values(), key=lambda kept: kept[2].start)]
