"""Sections a stale translation keeps at their old place, paired across the aligner's order.

The aligner keeps both sides in order, so when the reference moved a section and a
translation keeps it at its old place, the two copies cannot be paired: the
reference's copy is left unpaired, and the translation's copy is compared with whatever
new blocks stand at its old place (an ``injectTranslations`` example compared with a
``useTranslations`` one, each of its paragraphs "changed"). :func:`relocate` pairs such
a section again. A block of one side in no sure pair that matches a block of a run the
aligner left unpaired on the other side surely (similarity at least :data:`.SURE`,
positions ignored, with evidence beyond kind and length) is a seed; the run and the
stretch of unsure blocks around the seed are aligned on their own, positions ignored,
and the new pairs replace the old ones where they raise the alignment's score (the sum
of its pairs' similarities plus :data:`.GAP` per unpaired block, as the aligner counts
it). The blocks the moved section was wrongly paired with are then unpaired: new blocks
the translation lacks. A section of two blocks or more moved on a stale page is the page's
older order, not a finding of its own; a single block at another place is left to
:func:`.moves.settle_moves` (``moved-block``).
"""

from __future__ import annotations

import copy
from typing import Callable, Sequence

import numpy as np

from ..model import Segment
from .banded import needleman_wunsch
from .features import DocFeatures, ExtraMatrix, PairScorer, anchors
from .links import heading_key
from .stretches import GAP, SURE, is_sure

SPAN = 150
"""Most blocks on each side of a seed that one relocation aligns (bounds its time)."""

MARGIN = 0.05
"""How much better than any other block of either side a seed's blocks must match each other."""
TRIES = 20
"""Most candidate seeds tried for one run of unpaired blocks."""

Pairs = list[tuple[int | None, int | None]]


def _runs(indices: list[int]) -> list[tuple[int, int]]:
    """Maximal runs of consecutive integers in sorted ``indices``, as [start, end) ranges."""
    out: list[tuple[int, int]] = []
    for i in indices:
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out


def _unplaced(fa: DocFeatures) -> DocFeatures:
    """``fa`` with every relative position 0: scores without the positional prior."""
    out = copy.copy(fa)
    out.positions = np.zeros(len(fa))
    return out


def relocate(pairs: Pairs, fa: DocFeatures, fb: DocFeatures, score: Callable[[int, int], float],
             extra: ExtraMatrix | None = None, ratios: dict | None = None, gap: float = GAP) -> Pairs:
    """``pairs`` with the sections ``b`` holds at another place than ``a`` paired where ``a`` has them.

    ``fa``/``fb``: the features of both sides; ``score``: the aligner's similarity (positions
    counted), which says which pairs are sure. The result lists the relocated pairs at the
    place of their ``b`` blocks, then the blocks of ``a`` they were paired with before, now
    unpaired: a block only in ``b`` after a relocated section follows the old pairs.
    """
    a, b = fa.segments, fb.segments
    free_a = sorted(i for i, j in pairs if j is None and i is not None)
    if not free_a:
        return pairs
    sure_b = {j for i, j in pairs if j is not None and i is not None and is_sure((i, j), a, b, score)}
    if len(sure_b) == len(b):
        return pairs
    scorer = PairScorer(_unplaced(fa), _unplaced(fb), extra, ratios)
    partner = {j: i for i, j in pairs if j is not None}
    used: set[int] = set(sure_b)
    columns: dict[int, np.ndarray] = {}  # a b block's scores against all of a, tried for several runs
    for r0, r1 in _runs(free_a):
        sims = scorer.block(r0, r1, 0, len(b))
        seed = _seed(sims, r0, a, b, used, scorer, columns)
        if seed is None:
            continue
        moved = _align_around(seed, r0, r1, sims, partner, used, scorer, gap, len(b))
        if moved:
            pairs = _apply(pairs, moved, partner)
            for j, i in moved.items():
                used.add(j)
                partner[j] = i
    return pairs


def _seed(sims: np.ndarray, r0: int, a: Sequence[Segment], b: Sequence[Segment],
          used: set[int], scorer: PairScorer, columns: dict) -> tuple[int, int] | None:
    """The surest pair (``a`` index, ``b`` index) of the run's rows with a free ``b`` block that
    each block prefers to any other (by :data:`MARGIN`): a ``Type: string`` line, one of many
    alike, is no seed. None when there is none. ``columns`` keeps each ``b`` block's scores
    against all of ``a`` (a block may be tried for several runs)."""
    rows, cols = np.nonzero(sims >= SURE)
    order = sorted(zip(rows.tolist(), cols.tolist()), key=lambda xj: (-sims[xj], xj))
    for x, j in order[:TRIES]:
        if j in used or not _named(a[r0 + x], b[j]):
            continue
        best = sims[x, j]
        row = np.delete(sims[x], j)
        if len(row) and row.max() >= best - MARGIN:
            continue
        if j not in columns:
            columns[j] = scorer.block(0, len(a), j, j + 1)[:, 0]
        col = np.delete(columns[j], r0 + x)
        if not len(col) or col.max() < best - MARGIN:
            return r0 + x, j
    return None


def _named(x: Segment, y: Segment) -> bool:
    """True when two blocks are one by more than their kind and length: two code or HTML
    blocks (their text is scored), two headings with one key (id or slug: a name kept, as
    ``injectTranslations``), two prose blocks sharing a code span or a link target. Two
    translated headings of like length are not (``### Kinsta`` is not ``### harvis``)."""
    if x.kind != y.kind:
        return False
    if x.kind in ("code", "html"):
        return True
    if x.kind == "heading":
        key = heading_key(x.text)[0]
        return bool(key) and key == heading_key(y.text)[0]
    ax, ay = anchors(x), anchors(y)
    return any(set(ax[t]) & set(ay[t]) for t in (0, 1))


def _align_around(seed: tuple[int, int], base: int, r1: int, sims: np.ndarray, partner: dict,
                  used: set[int], scorer: PairScorer, gap: float, m: int) -> dict[int, int | None]:
    """The blocks of ``b`` around ``seed`` aligned with the free run ``a[base:r1]`` (``sims``: its
    rows), as ``b`` index -> new partner (None: unpaired), when that raises the alignment's
    score and keeps the seed paired; else {}."""
    si, sj = seed
    w0 = sj
    while w0 > 0 and w0 - 1 not in used and sj - w0 < SPAN:
        w0 -= 1
    w1 = sj + 1
    while w1 < m and w1 not in used and w1 - sj < SPAN:
        w1 += 1
    r0, r1 = max(base, si - SPAN), min(r1, si + SPAN)
    path = needleman_wunsch(r1 - r0, w1 - w0, lambda x, y: float(sims[r0 - base + x, w0 + y]), gap)
    new = {w0 + y: r0 + x for x, y in path if x is not None and y is not None}
    if new.get(sj) != si or len(new) < 2:  # one block at another place is a move (moved-block)
        return {}
    lo, hi = min(new), max(new)
    gain = 0.0
    for j in range(lo, hi + 1):
        old = partner.get(j)
        now = new.get(j)
        # new: the pair (or b's gap), and the old partner of a now unpaired; old: the old pair
        # (or b's gap), and the new partner unpaired as it was
        after = (float(sims[now - base, j]) if now is not None else gap) + (gap if old is not None else 0.0)
        before = (float(scorer.block(old, old + 1, j, j + 1)[0, 0]) if old is not None else gap) + (
            gap if now is not None else 0.0)
        gain += after - before
    if gain <= 0:
        return {}
    return {j: new.get(j) for j in range(lo, hi + 1)}


def _apply(pairs: Pairs, moved: dict[int, int | None], partner: dict) -> Pairs:
    """``pairs`` with the ``b`` blocks of ``moved`` paired anew (in ``b``'s order, at their
    place), the ``a`` blocks newly paired no longer unpaired, and the old partners unpaired
    right after the relocated blocks."""
    taken = {i for i in moved.values() if i is not None}
    freed = sorted(partner[j] for j in moved if partner.get(j) is not None)
    out: Pairs = []
    last = max(moved)
    for i, j in pairs:
        if j is None and i in taken:
            continue
        if j is not None and j in moved:
            out.append((moved[j], j))
            if j == last:
                out += [(f, None) for f in freed]
            continue
        out.append((i, j))
    return out
