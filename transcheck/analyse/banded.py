"""The aligner's dynamic programme, vectorised: Needleman-Wunsch over blocks of scores.

:func:`align_banded` gives the pairs of :func:`.align.needleman_wunsch` on the same
scores, with far fewer Python steps: each row's diagonal and vertical moves are taken
with numpy, only the chains of horizontal moves in Python, and the scores come from
:meth:`.features.PairScorer.block` a chunk of rows at a time. A narrow band (huge
pages) is filled cell by cell, where numpy's per-call cost would dominate.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from .features import PairScorer

NARROW = 48
"""Band width up to which a DP row is filled in plain Python rather than with numpy."""


def band_row(i: int, lo: int, hi: int, prev, lo_prev: int, hi_prev: int, sims: list, sim_j0: int,
             gap: float, eps: float = 1e-12):
    """DP row ``i >= 1`` over columns ``lo..hi``, cell by cell (the same steps as the numpy path).

    ``sims[j - 1 - sim_j0]`` scores pairing item ``i - 1`` with item ``j - 1``.
    """
    neg = float("-inf")
    row = [neg] * (hi - lo + 1)
    mv = bytearray(hi - lo + 1)
    for j in range(lo, hi + 1):
        if j == 0:
            row[0], mv[0] = gap * i, 1
            continue
        best, move = neg, 0
        if lo_prev <= j - 1 <= hi_prev:
            best = prev[j - 1 - lo_prev] + sims[j - 1 - sim_j0]
        if lo_prev <= j <= hi_prev:
            up = prev[j - lo_prev] + gap
            if up > best + eps:
                best, move = up, 1
        if j > lo:
            left = row[j - 1 - lo] + gap
            if left > best + eps:
                best, move = left, 2
        row[j - lo] = best
        mv[j - lo] = move
    return row, mv


def _left_moves(row: np.ndarray, move: np.ndarray, gap: float, eps: float = 1e-12) -> None:
    """Take the horizontal moves of one DP row in place: ``row[k] = row[k - 1] + gap``
    wherever that beats ``row[k]`` by more than ``eps``, left to right.

    A cell can only gain when its left neighbour beats it, or when that neighbour just
    gained; so the cells that beat their right neighbour are found at once, and from
    each a chain of gains is followed on Python floats (IEEE doubles, as numpy's) until
    it stops, each cell at most once. The result is that of the sequential scan.
    """
    if len(row) < 2:
        return
    starts = np.nonzero(row[:-1] + gap > row[1:] + eps)[0] + 1
    if not len(starts):
        return
    vals = row.tolist()
    width = len(vals)
    done = 0
    for k in starts.tolist():
        if k < done:
            continue
        first = k
        left = vals[k - 1] + gap
        while k < width and left > vals[k] + eps:
            vals[k] = left
            k += 1
            left = left + gap
        if k > first:
            row[first:k] = vals[first:k]
            move[first:k] = 2
        done = k


def align_banded(scorer: PairScorer, gap: float, max_cells: int) -> list[tuple[int | None, int | None]]:
    """Global alignment (Needleman-Wunsch) of ``scorer.a`` with ``scorer.b``.

    The same recurrence, borders, tie-breaking (match, then gap in ``b``, then gap in
    ``a``; a move must win by more than 1e-12) and band as
    :func:`.align.needleman_wunsch`, so the same pairs: the full
    matrix up to ``max_cells``, beyond that a band around the diagonal wide enough to
    reach the corner. Scores come from :meth:`PairScorer.block` in chunks of rows; the
    diagonal and vertical moves of a row are taken with numpy, the horizontal moves
    (which depend on the cell to the left) in one Python pass over the row.
    """
    n, m = len(scorer.a), len(scorer.b)
    full = n == 0 or m == 0 or (n + 1) * (m + 1) <= max_cells
    w = m if full else max(2 + -(-m // n), max_cells // (2 * (n + 1)))
    neg = float("-inf")

    def band(i: int) -> tuple[int, int]:
        centre = (i * m) // n if n else 0
        return (0, m) if full else (max(0, centre - w), min(m, centre + w))

    # rows scored per block: the whole band of a chunk of rows is one rectangle, so a
    # narrow band takes few rows at a time (the rectangle stays close to the band)
    chunk = max(1, min(n, 200_000 // max(2 * w + 1, 1), max(64, (2 * w + 1) * n // max(m, 1))))
    narrow = 2 * w + 1 <= NARROW
    sim_rows = None
    sim = None
    sim_i0 = sim_j0 = 0
    los: list[int] = []
    moves: list = []
    prev = np.empty(0)
    lo_prev = hi_prev = -1
    for i in range(n + 1):
        lo, hi = band(i)
        width = hi - lo + 1
        if i == 0:  # the borders: all gaps, counted exactly (gap x count)
            row = [gap * j for j in range(lo, hi + 1)]
            row = row if narrow else np.array(row)
            move = np.full(width, 2, dtype=np.uint8)
            move[0] = 1
        else:
            if sim is None or i - 1 >= sim_i0 + sim.shape[0]:
                i1 = min(n, i - 1 + chunk)
                j_lo = max(0, band(i)[0] - 1)
                j_hi = band(i1)[1]
                sim_i0, sim_j0 = i - 1, j_lo
                sim = scorer.kept_block(i - 1, i1, j_lo, j_hi)
                sim_rows = sim.tolist() if narrow else None
            if narrow:  # a few cells a row: plain Python beats numpy's per-call cost
                row, move = band_row(i, lo, hi, prev, lo_prev, hi_prev, sim_rows[i - 1 - sim_i0], sim_j0, gap)
                los.append(lo)
                moves.append(move)
                prev, lo_prev, hi_prev = row, lo, hi
                continue
            row = np.full(width, neg)
            move = np.zeros(width, dtype=np.uint8)
            # diagonal: j - 1 within the previous band, j >= 1
            dlo, dhi = max(lo, 1, lo_prev + 1), min(hi, hi_prev + 1)
            if dlo <= dhi:
                s = sim[i - 1 - sim_i0, dlo - 1 - sim_j0:dhi - sim_j0]
                row[dlo - lo:dhi - lo + 1] = prev[dlo - 1 - lo_prev:dhi - lo_prev] + s
            ulo, uhi = max(lo, lo_prev), min(hi, hi_prev)
            if ulo <= uhi:
                up = prev[ulo - lo_prev:uhi - lo_prev + 1] + gap
                cur = row[ulo - lo:uhi - lo + 1]
                better = up > cur + 1e-12
                row[ulo - lo:uhi - lo + 1] = np.where(better, up, cur)
                move[ulo - lo:uhi - lo + 1] = better
            if lo == 0:
                row[0], move[0] = gap * i, 1
            _left_moves(row, move, gap)
        los.append(lo)
        moves.append(move)
        prev, lo_prev, hi_prev = row, lo, hi
    return band_traceback(moves, los, n, m)


def band_traceback(moves: list, los: list[int], n: int, m: int) -> list[tuple[int | None, int | None]]:
    """Pairs (``i``, ``j``; None for a gap) from the moves of a banded DP (0 diagonal, 1 up, else left).

    ``moves[i]`` holds row ``i`` from column ``los[i]`` on.
    """
    out: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i > 0 or j > 0:
        mv_ij = moves[i][j - los[i]]
        if mv_ij == 0 and i > 0 and j > 0:
            out.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif mv_ij == 1 and i > 0:
            out.append((i - 1, None))
            i -= 1
        else:
            out.append((None, j - 1))
            j -= 1
    out.reverse()
    return out


def needleman_wunsch(n: int, m: int, score: Callable[[int, int], float], gap: float,
                     max_cells: float = float("inf"),
                     eps: float = 1e-12) -> list[tuple[int | None, int | None]]:
    """Global alignment of two sequences of lengths ``n`` and ``m`` (Needleman-Wunsch).

    Maximises the sum of ``score(i, j)`` over paired items plus ``gap`` per unpaired
    item. Returns (index in a, index in b) pairs in order, ``None`` on the side of a
    gap. Ties break the same way every time: pair, then gap in ``b``, then gap in ``a``
    (a move must beat the previous by more than ``eps``). When the full matrix would
    exceed ``max_cells``, only a band around the diagonal is filled (wide enough to
    reach the corner), so time and memory stay linear in the sequence length. The one
    dynamic-programming aligner of the project: segments (:func:`align_pair`) and
    sentences (:func:`transcheck.analyse.semantic.similarity.align_by_similarity`).
    """
    full = n == 0 or m == 0 or (n + 1) * (m + 1) <= max_cells
    w = m if full else max(2 + -(-m // n), int(max_cells) // (2 * (n + 1)))
    los: list[int] = []
    moves: list[bytearray] = []  # 0 match, 1 up (gap in b), 2 left (gap in a)
    prev: list[float] = []
    lo_prev = hi_prev = -1
    for i in range(n + 1):
        centre = (i * m) // n if n else 0
        lo, hi = (0, m) if full else (max(0, centre - w), min(m, centre + w))
        if i == 0:  # the top border: all gaps, counted exactly (gap × count)
            row = [gap * j for j in range(lo, hi + 1)]
            mv = bytearray([1 if j == 0 else 2 for j in range(lo, hi + 1)])
        else:
            first = max(lo, 1)
            sims = [score(i - 1, j - 1) for j in range(first, hi + 1)]
            row, mv = band_row(i, lo, hi, prev, lo_prev, hi_prev, sims, first - 1, gap, eps)
        los.append(lo)
        moves.append(mv)
        prev, lo_prev, hi_prev = row, lo, hi
    return band_traceback(moves, los, n, m)
