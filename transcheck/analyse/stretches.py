"""Stretches between sure pairs of an alignment, paired again where the evidence says so.

The aligner's path is the best sum of similarities; between two pairs it is sure of, the
blocks of a faithful translation that the anchors cannot tell apart are paired in order
(:func:`pair_in_order`), and in a stretch one locale rewrote (both sides hold blocks the
other lacks: a stale translation of an older page) a pair of plainly different blocks is
left unpaired and the first block follows its neighbour (:func:`_rewritten`). A pair is
sure only with evidence beyond kind and length (:func:`_evidence`): two short paragraphs
of like length and nothing in common are not an anchor.
"""

from __future__ import annotations

from typing import Callable, Sequence

from ..model import Segment
from .features import anchors, prose_length

GAP = 0.22
"""Score of leaving one block unpaired; a pair needs similarity above ``2 * GAP``."""
SURE = 0.75
"""Similarity from which a pair bounds a stretch :func:`pair_in_order` may re-pair."""
SLACK = 0.1
"""Score an in-order pairing may lose, per block pair it adds, against the aligner's path."""
FLOOR = 0.3
"""Least similarity of each pair of an in-order pairing."""


def pair_in_order(pairs: list[tuple[int | None, int | None]], a: Sequence[Segment], b: Sequence[Segment],
                  score: Callable[[int, int], float], gap: float = GAP,
                  limit: int = 30) -> list[tuple[int | None, int | None]]:
    """Pair in order the blocks of a stretch that both sides hold in the same shape.

    Between two sure pairs (similarity at least :data:`SURE`), a stretch the aligner
    left with gaps, where both sides hold as many blocks (at most ``limit``), of the
    same kinds in the same order, is a faithful translation the anchors could not tell
    apart (a short ``One of:`` beside a longer sentence, a list of items with no code or
    link): each block is paired with the one at its place when that costs at most
    :data:`SLACK` per pair added, no pair is below :data:`FLOOR`, none holds code spans
    (or links) on both sides with none in common, and in none is one block's prose over
    ten times as long as the other's. A block truly
    missing on one side leaves the counts unequal, and a moved block with anchors keeps
    its far better path, so both are still found.
    """
    memo: dict[tuple[int, int], float] = {}

    def cached(i: int, j: int) -> float:
        if (i, j) not in memo:
            memo[(i, j)] = score(i, j)
        return memo[(i, j)]

    def sure(k: int) -> bool:
        return is_sure(pairs[k], a, b, cached)

    # Only a stretch with a gap can change: find the sure pairs around each gap
    # (scoring outwards from it), not the score of every pair of the page.
    stretches: list[tuple[int, int]] = []
    for g, (i, j) in enumerate(pairs):
        if (i is not None and j is not None) or (stretches and g < stretches[-1][1]):
            continue  # no gap, or a gap in the stretch of the gap before
        lo = next((k for k in range(g - 1, -1, -1) if sure(k)), -1)
        hi = next((k for k in range(g + 1, len(pairs)) if sure(k)), len(pairs))
        stretches.append((lo, hi))
    out = list(pairs)
    for lo, hi in reversed(stretches):
        out[lo + 1:hi] = restretch(pairs[lo + 1:hi], a, b, cached, gap, limit)
    return out


def is_sure(pair: tuple[int | None, int | None], a: Sequence[Segment], b: Sequence[Segment],
            score: Callable[[int, int], float]) -> bool:
    """True for a pair of similarity at least :data:`SURE` with :func:`_evidence`: it bounds a stretch."""
    i, j = pair
    return i is not None and j is not None and score(i, j) >= SURE and _evidence(a[i], b[j])


def restretch(stretch: list[tuple[int | None, int | None]], a: Sequence[Segment], b: Sequence[Segment],
              score: Callable[[int, int], float], gap: float = GAP,
              limit: int = 30) -> list[tuple[int | None, int | None]]:
    """One stretch between sure pairs, paired in order (:func:`_in_order`) or, when rewritten,
    without its pairs of unlike blocks (:func:`_rewritten`)."""
    return _rewritten(_in_order(stretch, a, b, score, gap, limit), a, b, score)


def _rewritten(stretch: list[tuple[int | None, int | None]], a: Sequence[Segment], b: Sequence[Segment],
               score: Callable[[int, int], float]) -> list[tuple[int | None, int | None]]:
    """``stretch`` with its pairs of unlike blocks left unpaired when it is a rewritten stretch.

    A stretch between two sure pairs where both sides hold blocks the other lacks is a
    passage one locale rewrote (a stale translation of an older page): there, a pair whose
    blocks both hold code spans (or links) and share none, or whose prose lengths differ
    tenfold, is two different blocks the aligner put side by side, not one block changed
    (a missing and an extra block, as the page really has). Elsewhere such a pair is kept:
    a code span changed in place is drift to report.
    """
    if not any(i is None for i, _ in stretch) or not any(j is None for _, j in stretch):
        return stretch
    out: list[tuple[int | None, int | None]] = []
    for i, j in stretch:
        if i is not None and j is not None and score(i, j) < SURE and (_disjoint(a[i], b[j]) or _unlike(a[i], b[j])):
            out += [(i, None), (None, j)]
        else:
            out.append((i, j))
    return _follow(out, a, b, score)


def _follow(stretch: list[tuple[int | None, int | None]], a: Sequence[Segment], b: Sequence[Segment],
            score: Callable[[int, int], float]) -> list[tuple[int | None, int | None]]:
    """A rewritten ``stretch`` whose first pair, when one side skips blocks before it, is
    moved to the blocks that follow the sure pair before the stretch on both sides, where
    these are as alike (at most :data:`SLACK` less, same kind, not unlike): with nothing
    else to tell them apart, a block follows the block it follows in the other locale
    (``And that's it`` after the setup example, not a look-alike line further down)."""
    first = next((k for k, (i, j) in enumerate(stretch) if i is not None and j is not None), None)
    if first is None:
        return stretch
    i, j = stretch[first]
    i0 = next(x for x, _ in stretch if x is not None)
    j0 = next(y for _, y in stretch if y is not None)
    if (i == i0) == (j == j0):
        return stretch
    x, y = (i0, j) if j == j0 else (i, j0)
    s = score(x, y)
    if a[x].kind != b[y].kind or s < 2 * GAP or s < score(i, j) - SLACK or _disjoint(a[x], b[y]) or _unlike(a[x], b[y]):
        return stretch
    freed = (i, None) if x != i else (None, j)
    return [(x, y)] + [freed if p == (i, j) else p for p in stretch if p not in ((x, None), (None, y))]


def _in_order(stretch: list[tuple[int | None, int | None]], a: Sequence[Segment], b: Sequence[Segment],
              score: Callable[[int, int], float], gap: float, limit: int) -> list[tuple[int | None, int | None]]:
    """``stretch`` paired in order when :func:`pair_in_order` allows it, else unchanged."""
    gaps = sum(1 for i, j in stretch if i is None or j is None)
    if not gaps:
        return stretch
    side_a = [i for i, _ in stretch if i is not None]
    side_b = [j for _, j in stretch if j is not None]
    if len(side_a) != len(side_b) or len(side_a) > limit \
            or any(a[i].kind != b[j].kind for i, j in zip(side_a, side_b)):
        return stretch
    now = sum(score(i, j) for i, j in stretch if i is not None and j is not None) + gap * gaps
    new = [score(i, j) for i, j in zip(side_a, side_b)]
    if min(new) < FLOOR or sum(new) < now - SLACK * (gaps // 2) \
            or any(_disjoint(a[i], b[j]) or _unlike(a[i], b[j]) for i, j in zip(side_a, side_b)):
        return stretch
    return list(zip(side_a, side_b))


def _evidence(x: Segment, y: Segment) -> bool:
    """True when a pair rests on more than two prose blocks of like length: the blocks share a
    code span, link or number, or are headings (their level and ids count), code, HTML or a
    component (compared by their text or name)."""
    if x.kind in ("heading", "code", "html", "component", "front_matter"):
        return True
    ax, ay = anchors(x), anchors(y)
    return any(set(ax[t]) & set(ay[t]) for t in (0, 1, 2))


def _disjoint(x: Segment, y: Segment) -> bool:
    """True when both blocks hold code spans, or both links, and share none: two different blocks."""
    ax, ay = anchors(x), anchors(y)
    return any(ax[t] and ay[t] and not set(ax[t]) & set(ay[t]) for t in (0, 1))


def _unlike(x: Segment, y: Segment) -> bool:
    """True when one block's prose is over ten times as long as the other's (``...`` for a paragraph)."""
    lx, ly = prose_length(x.prose), prose_length(y.prose)
    return min(lx, ly) * 10 < max(lx, ly)
