"""The proofreader: every rule over an article's title, author, digest and Markdown body.

Built once from the packs a workspace uses, then asked on every preview. The body is checked
block by block and each block's result kept by its text, so typing in one paragraph re-reads
that paragraph only.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from newsdesk.content.proofreading import (
    advertising,
    chinese_counts,
    crime_reports,
    cross_strait,
    de_rules,
    estimates,
    idioms,
    leaders,
    medical_claims,
    near_words,
    numbers,
    particles,
    punctuation,
    set_phrases,
    word_usage,
    year_frames,
    years,
)
from newsdesk.content.proofreading.findings import (
    Category,
    Hit,
    ProofFinding,
    finding_key,
)
from newsdesk.content.proofreading.lexicon import Lexicon, word_entries
from newsdesk.content.proofreading.newlines import as_lf
from newsdesk.content.proofreading.packs import (
    Entry,
    Leader,
    OwnList,
    PackKind,
    merged,
    shipped_pack,
)
from newsdesk.content.proofreading.prose import Block, BlockKind, prose_of, split_blocks

FIELDS = ("title", "author", "digest", "body")
_CONTEXT = 6  # characters either side that make a finding's key
_CACHE_BLOCKS = 4096
_RUNNING = (BlockKind.PARAGRAPH, BlockKind.QUOTE)  # where a quotation may run on
_LISTED = (Category.BANNED, Category.TYPO, Category.NORM, Category.AGENCY, Category.ABSOLUTE)


@dataclass(frozen=True)
class Packs:
    """Everything the rules read: the packs as a workspace has them, and its lists."""

    typos: tuple[Entry, ...] = ()
    agencies: tuple[Entry, ...] = ()
    norms: tuple[Entry, ...] = ()
    leaders: tuple[Leader, ...] = ()
    banned: tuple[str, ...] = ()
    absolute: tuple[str, ...] = ()

    @classmethod
    def shipped(cls, banned: Sequence[str] = (), absolute: Sequence[str] = ()) -> Packs:
        return cls.with_own({}, (), banned, absolute)

    @classmethod
    def with_own(
        cls,
        own: Mapping[PackKind, OwnList],
        leaders: Sequence[Leader],
        banned: Sequence[str],
        absolute: Sequence[str],
    ) -> Packs:
        def pack(kind: PackKind) -> tuple[Entry, ...]:
            return merged(shipped_pack(kind), own.get(kind, OwnList()))

        return cls(
            pack(PackKind.TYPOS),
            pack(PackKind.AGENCIES),
            pack(PackKind.NORMS),
            tuple(leaders),
            tuple(banned),
            tuple(absolute),
        )


@dataclass
class _BlockResult:
    hits: list[tuple[int, int, Hit]]  # source offsets within the block, and the hit
    opens_with_quote: bool


class Proofreader:
    def __init__(self, packs: Packs) -> None:
        self.packs = packs
        banned = word_entries(packs.banned, Category.BANNED)
        self._banned = Lexicon([(Category.BANNED, banned)])
        self._lexicon = Lexicon(
            [
                (Category.BANNED, banned),
                (Category.TYPO, packs.typos),
                (Category.NORM, packs.norms),
                (Category.AGENCY, packs.agencies),
                (Category.ABSOLUTE, advertising.entries(packs.absolute)),
            ]
        )
        self._leaders = leaders.LeaderRules(packs.leaders)
        self._cache: OrderedDict[tuple[BlockKind, str], _BlockResult] = OrderedDict()

    # Kept between runs by `compiled` as built: the rules, not what they found.
    def __getstate__(self) -> dict[str, object]:
        return self.__dict__ | {"_cache": OrderedDict()}

    def check(self, fields: Mapping[str, str], *, promotional: bool = False) -> list[ProofFinding]:
        """Findings in title, author, digest and body (Markdown), in that order, each with
        offsets into its own field. `promotional`: the article is an advertisement or paid
        promotion (its column says so), where 广告法 terms are warnings, not hints."""
        found: list[ProofFinding] = []
        for name in FIELDS:
            given = fields.get(name, "")
            if not given:
                continue
            # The rules read LF line ends; keys come from that text, offsets point into `given`.
            text, original = as_lf(given)
            kind = BlockKind.TITLE if name == "title" else BlockKind.PLAIN
            blocks = split_blocks(text) if name == "body" else [Block(kind, 0, text)]
            for finding in self._field(name, text, blocks, promotional):
                if text is not given:
                    start, end = original(finding.start), original(finding.end)
                    finding = replace(finding, start=start, end=end, text=given[start:end])
                found.append(finding)
        return found

    def check_text(self, body: str, *, promotional: bool = False) -> list[ProofFinding]:
        return self.check({"body": body}, promotional=promotional)

    def _field(
        self, name: str, text: str, blocks: list[Block], promotional: bool
    ) -> list[ProofFinding]:
        results = [self._block(block) for block in blocks]
        located: list[tuple[int, int, Hit]] = []
        for index, (block, result) in enumerate(zip(blocks, results, strict=True)):
            # A quotation running over several paragraphs opens each one and closes only at
            # the last (GB/T 15834): an open “ is fine when the next paragraph opens with “.
            continued = (
                block.kind in _RUNNING
                and index + 1 < len(results)
                and blocks[index + 1].kind in _RUNNING
                and results[index + 1].opens_with_quote
            )
            for start, end, hit in result.hits:
                if continued and hit.rule == "punct:unpaired-open-quote":
                    continue
                graded = advertising.graded(medical_claims.graded(hit, promotional), promotional)
                if graded is not None:
                    located.append((block.start + start, block.start + end, graded))
        return _findings(name, text, _dedupe(located))

    def _block(self, block: Block) -> _BlockResult:
        cache_key = (block.kind, block.text)
        cached = self._cache.get(cache_key)
        if cached is not None:
            self._cache.move_to_end(cache_key)
            return cached
        prose = prose_of(block)
        hits: list[Hit] = []
        if prose.text:
            hits += self._lexicon.hits(prose.text)
            hits += self._leaders.hits(prose.text)
            hits += idioms.hits(prose.text)
            hits += near_words.hits(prose.text)
            hits += word_usage.hits(prose.text)
            hits += set_phrases.hits(prose.text)
            hits += particles.hits(prose.text)
            hits += de_rules.hits(prose.text)
            hits += punctuation.hits(prose.text, block.kind)
            hits += numbers.hits(prose.text)
            hits += chinese_counts.hits(prose.text)
            hits += crime_reports.hits(prose.text)
            hits += medical_claims.hits(prose.text)
            hits = advertising.unnamed(prose.text, hits)
            hits += cross_strait.hits(prose.text)
            hits += estimates.hits(prose.text)
            hits += years.hits(prose.text)
            hits += year_frames.hits(prose.text)
        located = [(*prose.source_span(h.start, h.end), h) for h in hits]
        if block.kind not in (BlockKind.PLAIN, BlockKind.TITLE):
            # The banned list holds wherever a reader may see the words (a code block, a link's
            # address), as the pre-submit check always read it: the Markdown too, once a span.
            seen = {(s, e) for s, e, h in located if h.category is Category.BANNED}
            located += [
                (h.start, h.end, h)
                for h in self._banned.hits(block.text)
                if (h.start, h.end) not in seen
            ]
        result = _BlockResult(located, prose.text.lstrip().startswith("“"))
        self._cache[cache_key] = result
        if len(self._cache) > _CACHE_BLOCKS:
            self._cache.popitem(last=False)
        return result


def _dedupe(located: Iterable[tuple[int, int, Hit]]) -> list[tuple[int, int, Hit]]:
    """One finding per stretch of text. Longer first: a finding inside another of its own
    category (5千 inside 1万5千, an ABB inside an AABB) goes, and so does a listed string inside
    a longer listed phrase already reported."""
    kept: list[tuple[int, int, Hit]] = []
    for start, end, hit in sorted(located, key=lambda item: (item[0], item[0] - item[1])):
        listed = hit.category in _LISTED
        if any(
            s <= start
            and end <= e
            and (other.category is hit.category or (listed and other.category in _LISTED))
            for s, e, other in kept
        ):
            continue
        kept.append((start, end, hit))
    return kept


def _findings(field: str, text: str, located: list[tuple[int, int, Hit]]) -> list[ProofFinding]:
    findings: list[ProofFinding] = []
    seen: dict[str, int] = {}
    for start, end, hit in located:
        said = text[start:end]
        before = text[max(0, start - _CONTEXT) : start].rsplit("\n", 1)[-1]
        after = text[end : end + _CONTEXT].split("\n", 1)[0]
        key = f"{hit.category.value}-{finding_key(field, hit.rule, said, before, after)}"
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key = f"{key}-{seen[key]}"
        findings.append(
            ProofFinding(
                hit.rule,
                hit.severity,
                hit.zh,
                hit.en,
                field,
                start,
                end,
                hit.category,
                said,
                hit.suggestion,
                hit.source,
                key,
            )
        )
    return findings
