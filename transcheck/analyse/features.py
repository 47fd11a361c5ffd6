"""Per-segment features computed once, and the anchor similarity of many pairs at once.

The aligner compares every block of one locale with the blocks of another near the
diagonal: on a long page in many locales that is millions of pairs. Scoring them one
pair at a time in Python (``similarity_of``) dominated the run. Here each document's
features are gathered once into arrays (:class:`DocFeatures`), and a whole block of
the similarity matrix is computed with numpy (:func:`similarity_block`), giving the
same value as the per-pair function for every cell, bit for bit: the same float64
operations in the same order, so alignments (and reports) do not change.

Only code and HTML pairs need a text comparison (bounded difflib,
:func:`transcheck.textdiff.ratio`); it is computed once per pair of texts and shared
by every locale pair of the page.

Anchor overlap (code spans, link targets, numbers: multiset Jaccard) is computed
sparsely: an inverted index from each anchor to the segments holding it, so the cost
follows the anchors two documents share, not the product of their lengths.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Sequence

import numpy as np

from ..model import Segment
from ..textdiff import ratio as text_ratio

NUM_RE = re.compile(r"\d+(?:[.,]\d+)*")
WEIGHTS = (1.0, 1.2, 0.6)
"""Weights of the code-span, link-target and number overlaps in the anchor score."""

COMPATIBLE = {frozenset({"paragraph", "list_item"}): 0.5, frozenset({"paragraph", "heading"}): 0.3,
              frozenset({"list_item", "heading"}): 0.2, frozenset({"paragraph", "table_row"}): 0.2,
              frozenset({"code", "html"}): 0.2}
"""Kind score of two different block kinds that can stand for one another."""

KINDS = ("heading", "paragraph", "list_item", "table_row", "code", "html", "front_matter")
_KIND_ID = {k: i for i, k in enumerate(KINDS)}
_HEADING, _CODE, _HTML = _KIND_ID["heading"], _KIND_ID["code"], _KIND_ID["html"]


def kind_id(kind: str) -> int:
    """A small integer for a block kind (unknown kinds get ids past :data:`KINDS`)."""
    if kind not in _KIND_ID:
        _KIND_ID[kind] = len(_KIND_ID)
    return _KIND_ID[kind]


def _kind_table(size: int) -> np.ndarray:
    names = sorted(_KIND_ID, key=_KIND_ID.get)
    tab = np.zeros((size, size))
    for a, na in enumerate(names[:size]):
        for b, nb in enumerate(names[:size]):
            tab[a, b] = 1.0 if a == b else COMPATIBLE.get(frozenset((na, nb)), 0.0)
    return tab


def anchors(seg: Segment) -> tuple[Counter, Counter, Counter]:
    """(code spans, link targets, numbers) of a segment, as Counters."""
    codes = Counter(i.text for i in seg.inlines if i.kind == "code")
    links = Counter(i.target for i in seg.inlines if i.kind in ("link", "image", "autolink"))
    nums = Counter(NUM_RE.findall(seg.text))
    return codes, links, nums


class DocFeatures:
    """What the similarity needs from one document's segments, as arrays.

    ``kind``/``level``/``prose_len``/``ncells``: one entry per segment;
    ``anchors[t]``: per segment, a dict of anchor -> count for anchor type ``t``, with
    ``totals[t]`` the counts' sums and ``index[t]`` anchor -> [(segment, count)].
    """

    def __init__(self, segments: Sequence[Segment], at_zero: bool = False):
        self.segments = list(segments)
        n = len(self.segments)
        self.kind = np.fromiter((kind_id(s.kind) for s in self.segments), dtype=np.int64, count=n)
        self.level = np.fromiter((s.level for s in self.segments), dtype=np.int64, count=n)
        self.prose_len = np.fromiter((max(len(s.prose) - s.prose.count(" "), 1) for s in self.segments),
                                     dtype=np.int64, count=n)
        self.ncells = np.fromiter((len(s.cells) for s in self.segments), dtype=np.int64, count=n)
        per_seg = [anchors(s) for s in self.segments]
        self.anchors = [[dict(a[t]) for a in per_seg] for t in range(3)]
        self.totals = [np.fromiter((sum(d.values()) for d in self.anchors[t]), dtype=np.int64, count=n)
                       for t in range(3)]
        self.index: list[dict[str, list[tuple[int, int]]]] = []
        for t in range(3):
            idx: dict[str, list[tuple[int, int]]] = {}
            for i, d in enumerate(self.anchors[t]):
                for k, v in d.items():
                    idx.setdefault(k, []).append((i, v))
            self.index.append(idx)
        self.positions = np.zeros(n) if at_zero else np.arange(n) / max(n - 1, 1)
        """Relative position of each segment in its document (all 0 with ``at_zero``)."""

    def __len__(self) -> int:
        return len(self.segments)


ExtraMatrix = Callable[[Sequence[Segment], Sequence[Segment]], np.ndarray]
"""``(segments a, segments b) -> len(a) x len(b)`` array of extra similarities, NaN for none."""


class PairScorer:
    """Scores blocks of the similarity matrix of two documents (see the module docstring).

    ``ratios`` caches code/HTML text ratios by text pair; pass one dict to every scorer
    of a page so a pair of code blocks is compared once for all locales.
    """

    def __init__(self, a: DocFeatures, b: DocFeatures, extra: ExtraMatrix | None = None,
                 ratios: dict | None = None):
        self.a, self.b, self.extra = a, b, extra
        self.ratios = ratios if ratios is not None else {}
        size = max(len(_KIND_ID), 1)
        self._kinds = _kind_table(size)

    def _inter(self, t: int, i0: int, i1: int, j0: int, j1: int) -> np.ndarray:
        """Multiset intersection sizes of anchor type ``t`` for the block."""
        out = np.zeros((i1 - i0, j1 - j0), dtype=np.int64)
        idx_b = self.b.index[t]
        if not idx_b:
            return out
        for i in range(i0, i1):
            for key, c in self.a.anchors[t][i].items():
                for j, d in idx_b.get(key, ()):
                    if j0 <= j < j1:
                        out[i - i0, j - j0] += c if c < d else d
        return out

    def block(self, i0: int, i1: int, j0: int, j1: int) -> np.ndarray:
        """Similarities of segments ``a[i0:i1]`` x ``b[j0:j1]`` (float64), as ``similarity_of`` gives."""
        a, b = self.a, self.b
        ka = a.kind[i0:i1, None]
        kb = b.kind[None, j0:j1]
        same = ka == kb
        ks = self._kinds[ka, kb]
        heading_lv = same & (ka == _HEADING) & (a.level[i0:i1, None] != b.level[None, j0:j1])
        ks = np.where(heading_lv, 0.7, ks)
        shape = ks.shape
        num = np.zeros(shape)
        den = np.zeros(shape)
        for t, w in enumerate(WEIGHTS):
            sa = a.totals[t][i0:i1, None]
            sb = b.totals[t][None, j0:j1]
            mask = (sa > 0) | (sb > 0)
            if not mask.any():
                continue
            inter = self._inter(t, i0, i1, j0, j1)
            union = sa + sb - inter
            both = (sa > 0) & (sb > 0)
            with np.errstate(divide="ignore", invalid="ignore"):
                jac = np.where(both, inter / np.where(union > 0, union, 1), 0.0)
            num = np.where(mask, num + jac * w, num)
            den = np.where(mask, den + w, den)
        la = a.prose_len[i0:i1, None]
        lb = b.prose_len[None, j0:j1]
        rat = np.minimum(la, lb) / np.maximum(la, lb)
        num = num + np.minimum(1.0, rat * 1.6) * 0.5
        den = den + 0.5
        ca = a.ncells[i0:i1, None]
        cb = b.ncells[None, j0:j1]
        cells = (ca > 0) | (cb > 0)
        num = np.where(cells, num + np.where(ca == cb, 1.0, 0.3) * 0.8, num)
        den = np.where(cells, den + 0.8, den)
        score = 0.35 * ks + 0.65 * (num / den)
        for kid, base, share in ((_CODE, 0.3, 0.7), (_HTML, 0.4, 0.6)):
            where = same & (ka == kid)
            if where.any():
                for ii, jj in zip(*np.nonzero(where)):
                    r = self.text_ratio(a.segments[i0 + ii].text, b.segments[j0 + jj].text)
                    score[ii, jj] = base + share * r
        score = np.where(same, score, score * (0.4 + 0.6 * ks))
        pa = a.positions[i0:i1, None]
        pb = b.positions[None, j0:j1]
        score = score * (1.0 - 0.35 * np.minimum(1.0, np.abs(pa - pb) * 2.5))
        if self.extra is not None:
            e = self.extra(a.segments[i0:i1], b.segments[j0:j1])
            score = np.where(np.isnan(e), score, 0.5 * score + 0.5 * e)
        return np.maximum(0.0, np.minimum(1.0, score))

    def text_ratio(self, x: str, y: str) -> float:
        """Bounded difflib ratio of two code/HTML texts, cached by text pair."""
        key = (x, y)
        r = self.ratios.get(key)
        if r is None:
            r = self.ratios[key] = text_ratio(x, y)
        return r


def best_similarity(segments: Sequence[Segment], groups: Sequence[Sequence[Segment]],
                    ratios: dict | None = None) -> np.ndarray:
    """``len(segments) x len(groups)``: the best similarity (positions ignored) of each
    segment to any segment of each group (-1 for an empty group), as ``max(segment_similarity(...))``."""
    out = np.full((len(segments), len(groups)), -1.0)
    flat = [s for g in groups for s in g]
    if not segments or not flat:
        return out
    scorer = PairScorer(DocFeatures(segments, at_zero=True), DocFeatures(flat, at_zero=True), ratios=ratios)
    sim = scorer.block(0, len(segments), 0, len(flat))
    start = 0
    for gi, g in enumerate(groups):
        if g:
            out[:, gi] = sim[:, start:start + len(g)].max(axis=1)
        start += len(g)
    return out


def per_pair_extra(fn: Callable[[Segment, Segment], "float | None"]) -> ExtraMatrix:
    """Wrap a per-pair ``extra(a, b) -> float | None`` as an :data:`ExtraMatrix`."""
    if hasattr(fn, "matrix"):
        return fn.matrix  # type: ignore[attr-defined]

    def matrix(sa: Sequence[Segment], sb: Sequence[Segment]) -> np.ndarray:
        out = np.full((len(sa), len(sb)), np.nan)
        for i, x in enumerate(sa):
            for j, y in enumerate(sb):
                v = fn(x, y)
                if v is not None:
                    out[i, j] = v
        return out

    return matrix


def align_banded(scorer: PairScorer, gap: float, max_cells: int) -> list[tuple[int | None, int | None]]:
    """Global alignment (Needleman-Wunsch) of ``scorer.a`` with ``scorer.b``.

    The same recurrence, tie-breaking (match, then gap in ``b``, then gap in ``a``;
    a move must win by more than 1e-12) and band as the per-cell version: the full
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

    chunk = max(1, min(n, 200_000 // max(2 * w + 1, 1)))
    sim = None
    sim_i0 = sim_j0 = 0
    los: list[int] = []
    moves: list[bytearray] = []
    prev = np.empty(0)
    lo_prev = hi_prev = -1
    for i in range(n + 1):
        lo, hi = band(i)
        width = hi - lo + 1
        best = np.full(width, neg)
        move = np.zeros(width, dtype=np.uint8)
        if i > 0:
            if sim is None or i - 1 >= sim_i0 + sim.shape[0]:
                i1 = min(n, i - 1 + chunk)
                j_lo = max(0, band(i)[0] - 1)
                j_hi = band(i1)[1]
                sim_i0, sim_j0 = i - 1, j_lo
                sim = scorer.block(i - 1, i1, j_lo, j_hi)
            # diagonal: j - 1 within the previous band, j >= 1
            dlo, dhi = max(lo, 1, lo_prev + 1), min(hi, hi_prev + 1)
            if dlo <= dhi:
                s = sim[i - 1 - sim_i0, dlo - 1 - sim_j0:dhi - sim_j0]
                best[dlo - lo:dhi - lo + 1] = prev[dlo - 1 - lo_prev:dhi - lo_prev] + s
            ulo, uhi = max(lo, lo_prev), min(hi, hi_prev)
            if ulo <= uhi:
                up = prev[ulo - lo_prev:uhi - lo_prev + 1] + gap
                cur = best[ulo - lo:uhi - lo + 1]
                better = up > cur + 1e-12
                best[ulo - lo:uhi - lo + 1] = np.where(better, up, cur)
                move[ulo - lo:uhi - lo + 1] = np.where(better, 1, 0)
        row = best.tolist()
        mv = bytearray(move.tobytes())
        if i == 0 and lo == 0:
            row[0] = 0.0
        for k in range(1, width):
            left = row[k - 1] + gap
            if left > row[k] + 1e-12:
                row[k] = left
                mv[k] = 2
        los.append(lo)
        moves.append(mv)
        prev, lo_prev, hi_prev = np.array(row), lo, hi
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
